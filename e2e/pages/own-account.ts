import type { Page } from 'playwright-core'
import { HubPage } from './page.ts'

/** A person's own account: what it holds, and changing their password. */

export class YourAccountPage extends HubPage {
  constructor(page: Page) {
    super(page, 'Your account')
  }

  /** From any signed-in page's home: the "Your account" link under "Go to". */
  static async openFromHome(page: Page) {
    await page.getByRole('link', { name: 'Your account', exact: true }).click()
    return new YourAccountPage(page).verifyOnPage()
  }

  async changePassword() {
    await this.page.getByRole('link', { name: 'Change your password' }).click()
  }
}

export class ChangePasswordPage extends HubPage {
  constructor(page: Page) {
    super(page, 'Change your password')
  }

  async changePassword(passwords: { current: string; new: string; confirm?: string }) {
    await this.page.getByLabel('Current password').fill(passwords.current)
    await this.page.getByLabel('New password', { exact: true }).fill(passwords.new)
    await this.page.getByLabel('Confirm new password').fill(passwords.confirm ?? passwords.new)
    await this.page.getByRole('button', { name: 'Change password' }).click()
  }
}
