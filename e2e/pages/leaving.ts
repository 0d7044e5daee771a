import type { Page } from 'playwright-core'
import { HubPage } from './page.ts'

/** A person's last pages in the directory: marking them as left, and erasing their details. */

export class LeavePage extends HubPage {
  constructor(page: Page, name: string) {
    super(page, `Mark ${name} as left`)
  }

  async enterLastDay(date: { day: string; month: string; year: string }) {
    const group = this.page.getByRole('group', { name: 'When was their last day?' })
    await group.getByLabel('Day').fill(date.day)
    await group.getByLabel('Month').fill(date.month)
    await group.getByLabel('Year').fill(date.year)
  }

  async markAsLeft() {
    await this.page.getByRole('button', { name: 'Mark as left' }).click()
  }
}

export class ErasePage extends HubPage {
  constructor(page: Page, name: string) {
    super(page, `Erase ${name}’s details`)
  }

  async answer(answer: 'Yes' | 'No') {
    await this.page
      .getByRole('group', { name: /^Are you sure/ })
      .getByLabel(answer, { exact: true })
      .check()
  }

  async continue() {
    await this.page.getByRole('button', { name: 'Continue' }).click()
  }
}
