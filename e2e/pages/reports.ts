import type { Locator, Page } from 'playwright-core'
import { HubPage, Table } from './page.ts'

/**
 * The reports module as people use it: the reports of a year, a report (whose heading is the
 * document's own title), its narrative editor, its approved versions, the figures behind it, the
 * cabinet paper, and the published reports anyone may read.
 */

export class ReportsPage extends HubPage {
  constructor(page: Page) {
    super(page, 'Reports')
  }

  /** The year picker: a GET form with a select and a Show button, so it works without JavaScript. */
  async chooseYear(label: string) {
    await this.page.getByLabel('Reporting year').selectOption({ label })
    await this.page.getByRole('button', { name: 'Show', exact: true }).click()
  }

  /** The heading over the year's reports: "2016/17". */
  get yearShown(): Locator {
    return this.page.getByRole('main').getByRole('heading', { level: 2 })
  }

  async openReport(name: string) {
    await this.page.getByRole('link', { name, exact: true }).click()
  }

  async openFigures(year: string) {
    await this.page.getByRole('link', { name: `Figures for ${year}`, exact: true }).click()
  }
}

export class ReportPage extends HubPage {
  constructor(
    page: Page,
    readonly reportTitle: string,
  ) {
    super(page, reportTitle)
  }

  /** The green tag saying where the report is in its workflow: Draft, Submitted, Approved, Published. */
  get status(): Locator {
    return this.page.locator('main .govuk-tag').first()
  }

  /** The report itself, below the panel of sections and downloads. */
  get document(): Locator {
    return this.page.locator('.app-document')
  }

  /** The narrative of the report, paragraph by paragraph, as read on the page. */
  async narrative(): Promise<string> {
    return (await this.document.locator('.app-document__narrative').allInnerTexts()).join('\n')
  }

  async writeNarrative(sectionTitle: string) {
    await this.page
      .getByRole('navigation', { name: 'This report' })
      .getByRole('link', { name: `Write the narrative for ${sectionTitle}`, exact: true })
      .click()
  }

  private async press(name: string) {
    await this.page.getByRole('button', { name, exact: true }).click()
  }

  submitToTheChair() {
    return this.press('Submit to the chair')
  }

  approve() {
    return this.press('Approve')
  }

  publish() {
    return this.press('Publish')
  }

  async openCabinetPaper() {
    await this.page.getByRole('link', { name: 'Cabinet paper', exact: true }).click()
  }

  /** The download link for one format: "… annual report 2016/17 (PDF)". */
  downloadFormat(format: 'HTML' | 'DOCX' | 'PDF') {
    return this.downloadFile(`${this.reportTitle} (${format})`)
  }

  get versions(): Table {
    return new Table(this.page.getByRole('table', { name: 'Approved versions' }))
  }

  async openVersion(number: number) {
    await this.versions.table.getByRole('link', { name: `Version ${number}`, exact: true }).click()
  }
}

/** An approved version of a report: frozen, with its own downloads. */
export class VersionPage extends HubPage {
  constructor(
    page: Page,
    reportTitle: string,
    readonly number: number,
  ) {
    super(page, reportTitle)
  }

  get document(): Locator {
    return this.page.locator('.app-document')
  }

  downloadFormat(format: 'HTML' | 'DOCX' | 'PDF') {
    return this.downloadFile(`Version ${this.number} (${format})`)
  }
}

export class NarrativePage extends HubPage {
  constructor(page: Page, sectionTitle: string) {
    super(page, sectionTitle)
  }

  /** A text box of the section, by its label without the “(optional)” hint. */
  slot(label: string): Locator {
    return this.page.getByRole('textbox', { name: new RegExp(`^${label}( \\(optional\\))?$`) })
  }

  /** The Insert button of a figure for a text box: a submit button, so it needs no JavaScript. */
  async insert(figure: string, slot: string) {
    await this.page.getByRole('button', { name: `Insert into ${slot} (${figure})`, exact: true }).click()
  }

  /** The banner after an insert: the figure is in the box but not yet saved. */
  get insertedBanner(): Locator {
    return this.page.getByRole('region', { name: 'Important' })
  }

  async save() {
    await this.page.getByRole('button', { name: 'Save narrative', exact: true }).click()
  }
}

export class FiguresIndexPage extends HubPage {
  constructor(page: Page, year: string) {
    super(page, `Figures for ${year}`)
  }

  async openModule(name: string) {
    await this.page.getByRole('link', { name, exact: true }).click()
  }
}

export class FiguresPage extends HubPage {
  constructor(page: Page, module: string) {
    super(page, module)
  }

  get table(): Table {
    return new Table(this.page.getByRole('table'))
  }

  /** Each figure's value as the narrative would put it: { "People who sat on the board": "24" }. */
  async inSentences(): Promise<Record<string, string>> {
    const [labels, prose] = await Promise.all([this.table.column('Figure'), this.table.column('In a sentence')])
    // The Figure column gives the label, then its definition on the next line.
    return Object.fromEntries(labels.map((label, i) => [label.split('\n')[0]!.trim(), prose[i]!]))
  }
}

export class CabinetPaperPage extends HubPage {
  /** The paper's own title is the page's heading: “Annual reports from the OSCB – 2016/17”. */
  constructor(page: Page, paperTitle: string | RegExp) {
    super(page, paperTitle)
  }

  async change() {
    // A GOV.UK link styled as a button says it is a button.
    await this.page.getByRole('button', { name: 'Change the paper', exact: true }).click()
  }

  async draftAgain() {
    await this.page.getByRole('button', { name: 'Draft again from the report', exact: true }).click()
  }

  downloadFormat(format: 'HTML' | 'DOCX' | 'PDF') {
    return this.downloadFile(`Cabinet paper (${format})`)
  }
}

export class CabinetPaperFormPage extends HubPage {
  constructor(page: Page) {
    super(page, 'Change the cabinet paper')
  }

  get contactOfficer(): Locator {
    return this.page.getByLabel('Contact officer', { exact: true })
  }

  async save() {
    await this.page.getByRole('button', { name: 'Save the paper', exact: true }).click()
  }
}

export class PublishedReportsPage extends HubPage {
  constructor(page: Page) {
    super(page, 'Annual reports')
  }

  async openReport(title: string) {
    await this.page.getByRole('link', { name: title, exact: true }).click()
  }
}

export class PublishedReportPage extends HubPage {
  constructor(
    page: Page,
    readonly reportTitle: string,
  ) {
    super(page, reportTitle)
  }

  downloadFormat(format: 'HTML' | 'DOCX' | 'PDF') {
    return this.downloadFile(`${this.reportTitle} (${format})`)
  }
}
