import type { Page } from 'playwright-core'
import { HubPage, Table } from './page.ts'

/** Administration → Bank holidays: a year's holidays, and the forms that change them for the partnership. */

export class BankHolidaysPage extends HubPage {
  constructor(page: Page, year: number) {
    super(page, `Bank holidays in ${year}`)
  }

  get table() {
    return new Table(this.page.getByRole('table'))
  }

  async showYear(year: number) {
    await this.page.getByLabel('Year').selectOption(String(year))
    await this.page.getByRole('button', { name: 'Show' }).click()
  }

  async addHoliday() {
    await this.page.getByRole('button', { name: 'Add a bank holiday' }).click()
  }

  /** The row's “Keep as a working day” or “Remove change” link, by the holiday's name. */
  async changeRow(name: string, link: 'Keep as a working day' | 'Remove change') {
    await this.table.table.getByRole('row').filter({ hasText: name }).getByRole('link', { name: link }).click()
  }
}

export class BankHolidayChangePage extends HubPage {
  constructor(
    page: Page,
    readonly form: 'Add a bank holiday' | 'Keep a bank holiday as a working day',
  ) {
    super(page, form)
  }

  async fillDate(day: string, month: string, year: string) {
    const date = this.page.getByRole('group', { name: 'Date' })
    await date.getByLabel('Day').fill(day)
    await date.getByLabel('Month').fill(month)
    await date.getByLabel('Year').fill(year)
  }

  async fillName(text: string) {
    const label = this.form === 'Add a bank holiday' ? 'Name' : 'Why is it a working day?'
    await this.page.getByLabel(label, { exact: true }).fill(text)
  }

  async submit() {
    const button = this.form === 'Add a bank holiday' ? 'Add bank holiday' : 'Keep as a working day'
    await this.page.getByRole('button', { name: button, exact: true }).click()
  }
}

export class RemoveBankHolidayChangePage extends HubPage {
  constructor(page: Page) {
    super(page, 'Remove this change to the bank holidays')
  }

  async remove() {
    await this.page.getByRole('button', { name: 'Remove change' }).click()
  }
}
