import type { Locator, Page } from 'playwright-core'
import { HubPage, Table } from './page.ts'
import { PersonPicker } from './person-picker.ts'

/** Signing in, accounts, invitations and passwords. */

export class SignInPage extends HubPage {
  constructor(page: Page) {
    super(page, 'Sign in')
  }

  static async open(page: Page) {
    await page.goto('/sign-in')
    return new SignInPage(page).verifyOnPage()
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel('Email address').fill(email)
    await this.page.getByLabel('Password', { exact: true }).fill(password)
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click()
  }

  async forgotPassword() {
    await this.page.getByRole('link', { name: 'I have forgotten my password' }).click()
  }
}

export class AccountsPage extends HubPage {
  constructor(page: Page) {
    super(page, 'Accounts')
  }

  get table() {
    return new Table(this.page.getByRole('table'))
  }

  async invite() {
    await this.page.getByRole('button', { name: 'Invite someone' }).click()
  }

  async openAccount(name: string) {
    await this.page.getByRole('link', { name, exact: true }).click()
  }
}

export class InvitePage extends HubPage {
  readonly directoryEntry = new PersonPicker(this.page, 'Their entry in the directory')

  constructor(page: Page) {
    super(page, 'Invite someone')
  }

  override async verifyOnPage(): Promise<this> {
    await this.page.getByRole('heading', { level: 1, name: this.heading, exact: true }).waitFor()
    await this.directoryEntry.ready()
    return super.verifyOnPage()
  }

  async fill(colleague: { name: string; email: string; roles: string[] }) {
    await this.page.getByLabel('Full name').fill(colleague.name)
    await this.page.getByLabel('Email address').fill(colleague.email)
    const roles = this.page.getByRole('group', { name: 'Roles' })
    for (const role of colleague.roles) await roles.getByLabel(role, { exact: true }).check()
  }

  async send() {
    await this.page.getByRole('button', { name: 'Send invitation' }).click()
  }

  async sendInvitation(colleague: { name: string; email: string; roles: string[] }) {
    await this.fill(colleague)
    await this.send()
  }
}

export class UserPage extends HubPage {
  constructor(page: Page, name: string) {
    super(page, name)
  }

  async disableAccount() {
    await this.page.getByRole('button', { name: 'Disable account' }).click()
  }

  async change() {
    await this.page.getByRole('button', { name: 'Change', exact: true }).click()
  }
}

export class ChangeAccountPage extends HubPage {
  readonly directoryEntry = new PersonPicker(this.page, 'Their entry in the directory')

  constructor(page: Page, name: string) {
    super(page, `Change ${name}’s account`)
  }

  override async verifyOnPage(): Promise<this> {
    await this.page.getByRole('heading', { level: 1, name: this.heading, exact: true }).waitFor()
    await this.directoryEntry.ready()
    return super.verifyOnPage()
  }

  async save() {
    await this.page.getByRole('button', { name: 'Save changes' }).click()
  }
}

/** The two password fields of the invitation and reset pages. */
class ChoosePassword extends HubPage {
  constructor(
    page: Page,
    heading: string,
    readonly submitText: string,
  ) {
    super(page, heading)
  }

  get passwordField(): Locator {
    return this.page.getByLabel('Password', { exact: true })
  }

  async choosePassword(password: string, confirmation = password) {
    await this.passwordField.fill(password)
    await this.page.getByLabel('Confirm password').fill(confirmation)
    await this.page.getByRole('button', { name: this.submitText }).click()
  }
}

/** Where an invitation link leads. */
export class SetPasswordPage extends ChoosePassword {
  constructor(page: Page) {
    super(page, 'Set your password', 'Set password and sign in')
  }
}

/** Where a password reset link leads. */
export class NewPasswordPage extends ChoosePassword {
  constructor(page: Page) {
    super(page, 'Choose a new password', 'Change password')
  }
}

export class ForgotPasswordPage extends HubPage {
  constructor(page: Page) {
    super(page, 'Reset your password')
  }

  async sendLink(email: string) {
    await this.page.getByLabel('Email address').fill(email)
    await this.page.getByRole('button', { name: 'Send link' }).click()
  }
}

export class CheckEmailPage extends HubPage {
  constructor(page: Page) {
    super(page, 'Check your email')
  }
}

export class LinkExpiredPage extends HubPage {
  constructor(page: Page) {
    super(page, 'This link has expired or has already been used')
  }
}
