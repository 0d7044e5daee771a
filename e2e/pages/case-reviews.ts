import type { Page } from 'playwright-core'
import { HubPage, Table } from './page.ts'
import { PersonPicker } from './person-picker.ts'

/** Case reviews: the list of cases, a case's overview, and the forms that take it from referral to publication. */

/** A day as the GOV.UK date input takes it. */
export interface Day {
  day: string
  month: string
  year: string
}

export const dayOf = (iso: string): Day => {
  const [year, month, day] = iso.split('-')
  return { day: String(Number(day)), month: String(Number(month)), year: year! }
}

export class CasesPage extends HubPage {
  constructor(page: Page) {
    super(page, 'Cases')
  }

  get table() {
    return new Table(this.page.getByRole('table', { name: 'Cases' }))
  }

  async recordReferral() {
    await this.page.getByRole('button', { name: 'Record a referral' }).click()
  }
}

/** Any form about a case: its fields by label, its dates by legend, Save. */
export class CaseFormPage extends HubPage {
  async fill(label: string, text: string) {
    await this.page.getByLabel(label, { exact: true }).fill(text)
  }

  async choose(question: string, answer: string) {
    await this.page.getByRole('group', { name: question }).getByLabel(answer, { exact: true }).check()
  }

  async enterDate(legend: string, { day, month, year }: Day) {
    const group = this.page.getByRole('group', { name: legend, exact: true })
    await group.getByLabel('Day').fill(day)
    await group.getByLabel('Month').fill(month)
    await group.getByLabel('Year').fill(year)
  }

  picker(question: string) {
    return new PersonPicker(this.page, question)
  }

  /** The name check's warning, when it is shown. */
  get nameWarning() {
    return this.page.locator('#name-warning')
  }

  async saveAnyway() {
    await this.page.getByLabel('Save anyway: I have checked these names').check()
  }

  async save(button = 'Save') {
    await this.page.getByRole('button', { name: button, exact: true }).click()
  }
}

export class CasePage extends HubPage {
  /** “Change” on one of the overview's cards: Referral, Statutory clocks, Decision, Review, Key dates. */
  async change(card: string) {
    await this.page.getByRole('link', { name: `Change (${card})`, exact: true }).click()
  }

  async changeStatus() {
    await this.page.getByRole('button', { name: 'Change status' }).click()
  }

  /** The status tag under the heading. */
  get status() {
    return this.page.locator('main .govuk-tag').first()
  }
}
