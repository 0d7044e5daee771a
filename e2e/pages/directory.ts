import type { Page } from 'playwright-core'
import { HubPage, Table } from './page.ts'
import { PersonPicker } from './person-picker.ts'

/** The partnership directory: agencies, people, groups and their members. */

class DirectoryListPage extends HubPage {
  get table() {
    return new Table(this.page.getByRole('table'))
  }

  /** The “N agencies.” line above the table. */
  get count() {
    // Not the sortable table's own (empty) live region, which JavaScript adds.
    return this.page.getByRole('status').filter({ hasText: /\w/ })
  }

  async openSection(name: 'Partnership' | 'Agencies' | 'People' | 'Groups') {
    await this.page.getByRole('navigation', { name: 'Directory' }).getByRole('link', { name, exact: true }).click()
  }

  async applyFilters() {
    await this.page.getByRole('button', { name: 'Apply filters' }).click()
  }

  async clearFilters() {
    await this.page.getByRole('link', { name: 'Clear filters' }).click()
  }

  async openRecord(name: string) {
    await this.table.table.getByRole('link', { name, exact: true }).click()
  }
}

export class AgenciesPage extends DirectoryListPage {
  constructor(page: Page) {
    super(page, 'Agencies')
  }

  async addAgency() {
    await this.page.getByRole('button', { name: 'Add an agency' }).click()
  }

  async filterByType(type: string) {
    await this.page.getByLabel('Type', { exact: true }).selectOption({ label: type })
    await this.applyFilters()
  }
}

export class PeoplePage extends DirectoryListPage {
  constructor(page: Page) {
    super(page, 'People')
  }

  async addPerson() {
    await this.page.getByRole('button', { name: 'Add a person' }).click()
  }
}

export class GroupsPage extends DirectoryListPage {
  constructor(page: Page) {
    super(page, 'Board and subgroups')
  }

  async addGroup() {
    await this.page.getByRole('button', { name: 'Add a group' }).click()
  }
}

export class AgencyFormPage extends HubPage {
  constructor(page: Page, heading: 'Add an agency' | 'Change agency') {
    super(page, heading)
  }

  get nameField() {
    return this.page.getByLabel('Name', { exact: true })
  }

  get fundingField() {
    return this.page.getByLabel('This agency contributes funding to the partnership')
  }

  async chooseType(type: string) {
    await this.page.getByRole('group', { name: 'Type of agency' }).getByLabel(type, { exact: true }).check()
  }

  async save() {
    await this.page.getByRole('button', { name: 'Save' }).click()
  }
}

export class AgencyPage extends HubPage {
  constructor(page: Page, name: string) {
    super(page, name)
  }

  async change() {
    await this.page.getByRole('button', { name: 'Change', exact: true }).click()
  }

  async addPerson() {
    await this.page.getByRole('button', { name: 'Add a person to this agency' }).click()
  }

  get people() {
    return new Table(this.page.getByRole('table'))
  }
}

export class PersonFormPage extends HubPage {
  constructor(page: Page, heading: 'Add a person' | 'Change person') {
    super(page, heading)
  }

  get agencyField() {
    return this.page.getByLabel('Agency (optional)')
  }

  async fill(person: { name: string; jobTitle?: string; agency?: string; email?: string }) {
    await this.page.getByLabel('Full name').fill(person.name)
    if (person.jobTitle) await this.page.getByLabel('Job title (optional)').fill(person.jobTitle)
    if (person.agency) await this.agencyField.selectOption({ label: person.agency })
    if (person.email) await this.page.getByLabel('Work email address (optional)').fill(person.email)
  }

  async save() {
    await this.page.getByRole('button', { name: 'Save' }).click()
  }
}

export class PersonPage extends HubPage {
  constructor(page: Page, name: string) {
    super(page, name)
  }
}

export class GroupFormPage extends HubPage {
  constructor(page: Page, heading: 'Add a group' | 'Change group') {
    super(page, heading)
  }

  async fill(group: { name: string; kind: 'The board' | 'A subgroup'; purpose?: string }) {
    await this.page.getByLabel('Name', { exact: true }).fill(group.name)
    await this.page.getByLabel(group.kind, { exact: true }).check()
    if (group.purpose) await this.page.getByLabel('Purpose (optional)').fill(group.purpose)
  }

  async save() {
    await this.page.getByRole('button', { name: 'Save' }).click()
  }
}

export class GroupPage extends HubPage {
  constructor(page: Page, name: string) {
    super(page, name)
  }

  async addMember() {
    await this.page.getByRole('button', { name: 'Add a member' }).click()
  }

  get currentMembers() {
    return new Table(this.page.getByRole('table', { name: /^Current members of / }))
  }
}

export class MemberFormPage extends HubPage {
  readonly person = new PersonPicker(this.page, 'Person')

  constructor(page: Page) {
    super(page, 'Add a member')
  }

  override async verifyOnPage(): Promise<this> {
    await this.page.getByRole('heading', { level: 1, name: this.heading, exact: true }).waitFor()
    await this.person.ready()
    return super.verifyOnPage()
  }

  async fill(member: {
    person: { search: string; name: string; hint?: string }
    role: string
    startsOn: { day: string; month: string; year: string }
  }) {
    await this.person.choose(member.person.search, member.person)
    await this.page.getByRole('group', { name: 'Role in the group' }).getByLabel(member.role, { exact: true }).check()
    await this.enterStartDate(member.startsOn)
  }

  async enterStartDate(date: { day: string; month: string; year: string }) {
    const start = this.page.getByRole('group', { name: /^Start date/ })
    await start.getByLabel('Day').fill(date.day)
    await start.getByLabel('Month').fill(date.month)
    await start.getByLabel('Year').fill(date.year)
  }

  async save() {
    await this.page.getByRole('button', { name: 'Save' }).click()
  }
}
