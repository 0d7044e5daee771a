import type { Page } from 'playwright-core'
import { HubPage, Table } from './page.ts'

export interface AuditFilter {
  person?: string
  recordType?: string
  /** A day as the date input takes it. */
  from?: { day: string; month: string; year: string }
}

export class AuditLogPage extends HubPage {
  constructor(page: Page) {
    super(page, 'Audit log')
  }

  get table() {
    return new Table(this.page.getByRole('table', { name: 'Audit log entries' }))
  }

  /** “Showing 1 to 3 of 3 entries.” */
  get count() {
    // Not the sortable table's own (empty) live region, which JavaScript adds.
    return this.page.getByRole('status').filter({ hasText: /\w/ })
  }

  async filter(filter: AuditFilter) {
    if (filter.person) await this.page.getByLabel('Person', { exact: true }).selectOption({ label: filter.person })
    if (filter.recordType) await this.page.getByLabel('Record type').selectOption({ label: filter.recordType })
    if (filter.from) {
      const from = this.page.getByRole('group', { name: /^From/ })
      await from.getByLabel('Day').fill(filter.from.day)
      await from.getByLabel('Month').fill(filter.from.month)
      await from.getByLabel('Year').fill(filter.from.year)
    }
    await this.page.getByRole('button', { name: 'Apply filters' }).click()
  }
}
