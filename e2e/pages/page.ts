import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import type { Locator, Page } from 'playwright-core'
import { assertNoBrowserProblems, checkAccessibility } from '../helpers/browser.ts'

/**
 * A page of the hub as a person sees it. `verifyOnPage()` waits for the page's one h1, checks the
 * browser reported no broken asset or script, and runs axe: so every page a story visits is checked.
 */
export class HubPage {
  constructor(
    readonly page: Page,
    readonly heading: string | RegExp,
  ) {}

  async verifyOnPage(): Promise<this> {
    await this.page.getByRole('heading', { level: 1, name: this.heading, exact: true }).waitFor()
    assert.equal(await this.page.getByRole('heading', { level: 1 }).count(), 1, 'a page has one main heading')
    assertNoBrowserProblems(this.page)
    await checkAccessibility(this.page)
    return this
  }

  title() {
    return this.page.title()
  }

  // ------------------------------------------------------------ the header every page shares

  get header(): Locator {
    return this.page.getByRole('banner')
  }

  get skipLink(): Locator {
    return this.page.getByRole('link', { name: 'Skip to main content' })
  }

  /** The “Signed in as …” line above the content. */
  get signedInAs(): Locator {
    return this.page.getByText(/^Signed in as /)
  }

  get signOutButton(): Locator {
    return this.page.getByRole('button', { name: 'Sign out' })
  }

  get mainMenu(): Locator {
    return this.page.getByRole('navigation', { name: 'Main menu' })
  }

  async menuItems(): Promise<string[]> {
    return (await this.mainMenu.getByRole('link').allInnerTexts()).map((text) => text.trim())
  }

  async openMenuItem(name: string) {
    await this.mainMenu.getByRole('link', { name, exact: true }).click()
  }

  async signOut() {
    await this.signOutButton.click()
  }

  /** Clicks a download link and reads the file the browser saved, as a person would open it. */
  async download(linkName: string | RegExp): Promise<{ filename: string; text: string }> {
    const [file] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('link', { name: linkName }).click(),
    ])
    return { filename: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') }
  }

  /**
   * Clicks a download link and keeps the file as the browser saved it, for a binary file (DOCX,
   * PDF) that the test reads back with the tool a person's computer would use.
   */
  async downloadFile(linkName: string | RegExp): Promise<{ filename: string; path: string }> {
    const [file] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('link', { name: linkName, exact: typeof linkName === 'string' }).click(),
    ])
    const path = await file.path()
    assertNoBrowserProblems(this.page)
    return { filename: file.suggestedFilename(), path }
  }

  // ------------------------------------------------------------ messages

  /** The GOV.UK error summary: “There is a problem” and a link to each field. */
  get errorSummary(): Locator {
    return this.page.locator('.govuk-error-summary')
  }

  async errorSummaryItems(): Promise<string[]> {
    return (await this.errorSummary.getByRole('link').allInnerTexts()).map((text) => text.trim())
  }

  /** The inline error shown with a field, read without its visually hidden “Error:” prefix. */
  async fieldError(fieldId: string): Promise<string> {
    const message = this.page.locator(`#${fieldId}-error`)
    return (await message.innerText()).replace(/^Error:\s*/, '').trim()
  }

  /** The green “Success” banner after a change. */
  get successBanner(): Locator {
    return this.page.locator('.govuk-notification-banner--success')
  }

  /** The rows of the summary list as { key: value }. */
  async summary(): Promise<Record<string, string>> {
    const rows = this.page.locator('.govuk-summary-list__row')
    const result: Record<string, string> = {}
    for (const row of await rows.all()) {
      const key = (await row.locator('.govuk-summary-list__key').innerText()).trim()
      result[key] = (await row.locator('.govuk-summary-list__value').innerText()).trim()
    }
    return result
  }

  /** A record's history timeline: each entry's title, author and changes. */
  async history(): Promise<{ title: string; byline: string; changes: string[] }[]> {
    const entries = this.page.locator('.moj-timeline__item')
    const result = []
    for (const entry of await entries.all()) {
      result.push({
        title: (await entry.locator('.moj-timeline__title').innerText()).trim(),
        byline: (await entry.locator('.moj-timeline__byline').innerText()).trim(),
        changes: (await entry.locator('li').allInnerTexts()).map((text) => text.trim()),
      })
    }
    return result
  }
}

/** A table of the page, read column by column. */
export class Table {
  constructor(readonly table: Locator) {}

  columnHeader(name: string): Locator {
    return this.table.getByRole('columnheader', { name, exact: true })
  }

  async sortBy(name: string) {
    await this.columnHeader(name).getByRole('link').click()
  }

  async sortDirection(name: string) {
    return this.columnHeader(name).getAttribute('aria-sort')
  }

  /** The text of one column, top to bottom. */
  async column(name: string): Promise<string[]> {
    const headers = (await this.table.locator('thead th').allInnerTexts()).map((text) => text.trim())
    const index = headers.indexOf(name)
    assert.notEqual(index, -1, `no column “${name}” in ${headers.join(', ')}`)
    const cells = this.table.locator(`tbody tr > :nth-child(${index + 1})`)
    return (await cells.allInnerTexts()).map((text) => text.trim())
  }
}

export class HomePage extends HubPage {
  constructor(page: Page) {
    super(page, 'Oxfordshire Safeguarding Children Board')
  }
}

export class NotFoundPage extends HubPage {
  constructor(page: Page) {
    super(page, 'Page not found')
  }
}

export class ForbiddenPage extends HubPage {
  constructor(page: Page) {
    super(page, 'You do not have permission to see this page')
  }
}

/** The page for a refused request that is not a form error, such as a stale edit. */
export class ProblemPage extends HubPage {}
