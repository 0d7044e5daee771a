import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { describe, it } from 'node:test'
import { promisify } from 'node:util'
import mammoth from 'mammoth'
import { demoEmail } from '../test/helpers/app.ts'
import { checkAccessibility } from './helpers/browser.ts'
import { person, signedInPerson, startHubAndBrowser } from './helpers/people.ts'
import { GroupPage, GroupsPage, AgenciesPage, MemberFormPage } from './pages/directory.ts'
import { HomePage } from './pages/page.ts'
import {
  CabinetPaperFormPage,
  CabinetPaperPage,
  FiguresIndexPage,
  FiguresPage,
  NarrativePage,
  PublishedReportPage,
  PublishedReportsPage,
  ReportPage,
  ReportsPage,
  VersionPage,
} from './pages/reports.ts'

/**
 * Issue 11's "Done means", in a real browser: the business unit drafts the 2016/17 annual report
 * and inserts figures into its narrative (once with JavaScript off), the chair approves it, it is
 * published and read by anyone in HTML, DOCX and PDF; the subgroup report and the cabinet paper
 * download too; and the approved version stays as it was when the records change afterwards.
 */

const running = startHubAndBrowser()

const annualReport = 'Oxfordshire Safeguarding Children Board annual report 2016/17'
const subgroupReport = 'Case Review and Governance annual report 2016/17'
const board = 'Oxfordshire Safeguarding Children Board'
const section = 'The board and its subgroups'
const changesSlot = 'Changes during the year'

/** The text of a PDF as `pdftotext` (poppler-utils) extracts it. */
async function pdfText(path: string) {
  assert.equal((await readFile(path)).subarray(0, 5).toString(), '%PDF-')
  const { stdout } = await promisify(execFile)('pdftotext', ['-layout', path, '-'])
  return stdout.replace(/\s+/g, ' ')
}

/** The text of a Word document, read back by mammoth. */
async function docxText(path: string) {
  return (await mammoth.extractRawText({ path })).value.replace(/\s+/g, ' ')
}

describe('the annual report, from draft to published, in the browser', () => {
  it('an officer drafts 2016/17 with figures inserted, the chair approves, everyone downloads it, and the approved version stays frozen', async (t) => {
    // ---------------------------------------------------------------- the officer drafts
    const officer = await signedInPerson(t, running, demoEmail['business-unit'])
    await officer.home.openMenuItem('Reports')
    const reports = await new ReportsPage(officer.page).verifyOnPage()
    await reports.chooseYear('2016/17')
    await reports.verifyOnPage()
    assert.equal(await reports.yearShown.innerText(), '2016/17')
    assert.match(officer.page.url(), /\/reports\?year=2016-17$/)

    // The figures the narrative will use, as the figures page words them.
    await reports.openFigures('2016/17')
    await (await new FiguresIndexPage(officer.page, '2016/17').verifyOnPage()).openModule('Partnership')
    const figures = await new FiguresPage(officer.page, 'Partnership').verifyOnPage()
    const before = await figures.inSentences()
    const boardMembers = Number(before['People who sat on the board'])
    const funders = before['Agencies that contribute funding']
    assert.ok(boardMembers > 0 && funders, JSON.stringify(before))

    await officer.page.goBack()
    await officer.page.goBack()
    await reports.verifyOnPage()
    await reports.openReport(annualReport)
    const report = await new ReportPage(officer.page, annualReport).verifyOnPage()
    assert.equal(await report.status.innerText(), 'Draft')

    await report.writeNarrative(section)
    const editor = await new NarrativePage(officer.page, section).verifyOnPage()
    const changes = editor.slot(changesSlot)
    const seeded = (await changes.inputValue()).trim()
    await changes.fill(`${seeded}\n\nIn all,`)
    await editor.insert('People who sat on the board', changesSlot)
    await editor.verifyOnPage()
    assert.match(await editor.insertedBanner.innerText(), /Figure added at the end of the text/)
    assert.equal(await changes.inputValue(), `${seeded}\n\nIn all, {{partnership.board-members}}`)
    await changes.press('Control+End')
    await changes.pressSequentially(' people sat on the Board at some time in the year.')
    await editor.save()
    await report.verifyOnPage()
    const sentence = `In all, ${boardMembers} people sat on the Board at some time in the year.`
    assert.ok((await report.narrative()).includes(sentence), await report.narrative())

    // ---------------------------------------------------------------- once more, without JavaScript
    {
      const noScripts = await signedInPerson(t, running, demoEmail['business-unit'], { javaScriptEnabled: false })
      await noScripts.home.openMenuItem('Reports')
      const list = await new ReportsPage(noScripts.page).verifyOnPage()
      await list.chooseYear('2016/17')
      await list.verifyOnPage()
      await list.openReport(annualReport)
      await (await new ReportPage(noScripts.page, annualReport).verifyOnPage()).writeNarrative(section)
      const form = await new NarrativePage(noScripts.page, section).verifyOnPage()
      const box = form.slot(changesSlot)
      assert.match(await box.inputValue(), /In all, \{\{partnership\.board-members\}\} people sat/)
      await box.fill(`${await box.inputValue()} Funding came from`)
      await form.insert('Agencies that contribute funding', changesSlot)
      await form.verifyOnPage()
      assert.match(await form.insertedBanner.innerText(), /Save to keep it/)
      assert.match(await box.inputValue(), /Funding came from \{\{partnership\.funding-agencies\}\}$/)
      await box.fill(`${await box.inputValue()} agencies.`)
      await form.save()
      const saved = await new ReportPage(noScripts.page, annualReport).verifyOnPage()
      assert.ok((await saved.narrative()).includes(`${sentence} Funding came from ${funders} agencies.`))
    }

    await officer.page.reload()
    await report.verifyOnPage()
    await report.submitToTheChair()
    await report.verifyOnPage()
    assert.match(await report.successBanner.innerText(), /Report submitted/)
    assert.equal(await report.status.innerText(), 'Submitted to the chair')

    // ---------------------------------------------------------------- the chair approves
    const chair = await signedInPerson(t, running, demoEmail.chair)
    const waiting = chair.page.getByRole('region', { name: 'Reports waiting for your approval' })
    assert.deepEqual(await waiting.getByRole('listitem').allInnerTexts(), [
      'Oxfordshire Safeguarding Children Board annual report 2016/17',
    ])
    await waiting.getByRole('link', { name: annualReport }).click()
    const chairsView = await new ReportPage(chair.page, annualReport).verifyOnPage()
    assert.ok((await chairsView.narrative()).includes(sentence))
    await chairsView.approve()
    await chairsView.verifyOnPage()
    assert.match(await chairsView.successBanner.innerText(), /Report approved/)
    assert.equal(await chairsView.status.innerText(), 'Approved')
    await chairsView.openMenuItem('Home')
    const chairsHome = await new HomePage(chair.page).verifyOnPage()
    assert.match(await chairsHome.page.getByRole('main').innerText(), /No reports are waiting for your approval/)

    // ---------------------------------------------------------------- the officer publishes
    await officer.page.reload()
    await report.verifyOnPage()
    await report.publish()
    await report.verifyOnPage()
    assert.equal(await report.status.innerText(), 'Published')

    // ---------------------------------------------------------------- anyone reads and downloads it
    const visitor = await person(t, running)
    await visitor.goto('/published-reports')
    await (await new PublishedReportsPage(visitor).verifyOnPage()).openReport(annualReport)
    const published = await new PublishedReportPage(visitor, annualReport).verifyOnPage()
    assert.match(await visitor.getByRole('main').innerText(), new RegExp(sentence.replace(/[.]/g, '\\.')))

    const html = await published.downloadFormat('HTML')
    assert.equal(html.filename, 'oxfordshire-safeguarding-children-board-annual-report-2016-17.html')
    const htmlText = await readFile(html.path, 'utf8')
    assert.match(htmlText, /<h1[^>]*>Oxfordshire Safeguarding Children Board annual report 2016\/17<\/h1>/)
    assert.ok(htmlText.includes(sentence))
    // The file as the person opens it from their downloads, checked like any page of the hub.
    const saved = await visitor.context().newPage()
    await saved.setContent(htmlText, { waitUntil: 'load' })
    assert.equal(await saved.getByRole('heading', { level: 1 }).innerText(), annualReport)
    await checkAccessibility(saved)
    await saved.close()

    const docx = await published.downloadFormat('DOCX')
    assert.equal(docx.filename, 'oxfordshire-safeguarding-children-board-annual-report-2016-17.docx')
    const docxWords = await docxText(docx.path)
    assert.ok(docxWords.includes(annualReport))
    assert.ok(docxWords.includes(sentence), docxWords)

    const pdf = await published.downloadFormat('PDF')
    assert.equal(pdf.filename, 'oxfordshire-safeguarding-children-board-annual-report-2016-17.pdf')
    const pdfWords = await pdfText(pdf.path)
    assert.ok(pdfWords.includes(annualReport), pdfWords.slice(0, 500))
    assert.ok(pdfWords.includes(section))

    // ---------------------------------------------------------------- the subgroup report
    await report.openMenuItem('Reports')
    await reports.verifyOnPage()
    await reports.chooseYear('2016/17')
    await reports.verifyOnPage()
    await reports.openReport(subgroupReport)
    const subgroup = await new ReportPage(officer.page, subgroupReport).verifyOnPage()
    const subgroupPdf = await subgroup.downloadFormat('PDF')
    const subgroupWords = await pdfText(subgroupPdf.path)
    assert.ok(subgroupWords.includes(subgroupReport), subgroupWords.slice(0, 500))
    assert.ok(subgroupWords.includes('Claire Morgan'), 'the subgroup’s chair is named')

    // ---------------------------------------------------------------- the cabinet paper
    await officer.page.goBack()
    await reports.verifyOnPage()
    await reports.openReport(annualReport)
    await report.verifyOnPage()
    await report.openCabinetPaper()
    const paperTitle = /^Annual reports? from the OSCB – 2016\/17$/
    const paper = await new CabinetPaperPage(officer.page, paperTitle).verifyOnPage()
    assert.match((await paper.summary())['Drafted from']!, /while it was a draft/)
    await paper.draftAgain()
    await paper.verifyOnPage()
    assert.match(await paper.successBanner.innerText(), /Cabinet paper saved/)
    assert.equal((await paper.summary())['Drafted from'], 'version 1 of the report, as approved')

    await paper.change()
    const paperForm = await new CabinetPaperFormPage(officer.page).verifyOnPage()
    await paperForm.contactOfficer.fill('Priya Shah, Business Unit Manager, 01865 000000')
    await paperForm.save()
    await paper.verifyOnPage()
    assert.match(await paper.successBanner.innerText(), /Cabinet paper saved/)

    const paperDocx = await docxText((await paper.downloadFormat('DOCX')).path)
    assert.ok(paperDocx.includes('Priya Shah, Business Unit Manager, 01865 000000'), paperDocx)
    assert.ok(paperDocx.includes('RECOMMENDED'))
    const paperHtml = await readFile((await paper.downloadFormat('HTML')).path, 'utf8')
    assert.match(paperHtml, /Priya Shah, Business Unit Manager, 01865 000000/)
    assert.match(paperHtml, /RECOMMENDED/)

    // ---------------------------------------------------------------- the records change afterwards
    await paper.openMenuItem('Directory')
    await (await new AgenciesPage(officer.page).verifyOnPage()).openSection('Groups')
    await (await new GroupsPage(officer.page).verifyOnPage()).openRecord(board)
    const boardPage = await new GroupPage(officer.page, board).verifyOnPage()
    await boardPage.addMember()
    const member = await new MemberFormPage(officer.page).verifyOnPage()
    await member.fill({
      person: { search: 'ruth', name: 'Ruth Evans', hint: 'Training Officer, Oxfordshire County Council' },
      role: 'Member',
      startsOn: { day: '1', month: '6', year: '2016' },
    })
    await member.save()
    await boardPage.verifyOnPage()
    assert.ok((await boardPage.currentMembers.column('Name')).includes('Ruth Evans'))

    // The figures are worked out afresh; the approved report is not.
    await officer.page.goto('/reports/figures/partnership?year=2016-17')
    const after = await figures.verifyOnPage()
    assert.equal((await after.inSentences())['People who sat on the board'], String(boardMembers + 1))

    await officer.page.goto('/reports?year=2016-17')
    await reports.verifyOnPage()
    await reports.openReport(annualReport)
    await report.verifyOnPage()
    assert.ok(
      (await report.narrative()).includes(sentence),
      'the approved report keeps the figure it was approved with',
    )
    await report.openVersion(1)
    const version = await new VersionPage(officer.page, annualReport, 1).verifyOnPage()
    assert.ok((await version.document.innerText()).includes(sentence))
    const versionDocx = await docxText((await version.downloadFormat('DOCX')).path)
    assert.ok(versionDocx.includes(sentence))
  })
})
