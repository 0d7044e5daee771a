import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { closePdfBrowser } from '../src/platform/documents/pdf.ts'
import { appForSuite, demoEmail, type Session } from './helpers/app.ts'
import { banner, formValues, summaryListRows, textOf } from './helpers/html.ts'
import { demoReports, docxHtml, download, figureRow, moved, pdfText, press } from './helpers/reports.ts'

/**
 * What leaves the app: the published report, a subgroup's report and the cabinet paper, each
 * downloaded as HTML, Word and PDF and read back the way its reader gets it — the Word file
 * through mammoth, the PDF through pdftotext. One PDF of each, as each takes about a second.
 */

after(closePdfBrowser)

/** The file's three formats, read back: the standalone page, Word as HTML, the PDF's text. */
async function allFormats(session: Session, base: string) {
  return {
    html: (await download(session, `${base}/html`, 'html')).toString(),
    word: await docxHtml(await download(session, `${base}/docx`, 'docx')),
    pdf: pdfText(await download(session, `${base}/pdf`, 'pdf')),
  }
}

const folded = (text: string) => text.replace(/\s+/g, ' ')

describe('the reports and the cabinet paper in every format', () => {
  const app = appForSuite({ env: { CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' } })
  let officer: Session
  let chair: Session
  let ids: Awaited<ReturnType<typeof demoReports>>

  before(async () => {
    officer = await app().signIn(demoEmail['business-unit'])
    chair = await app().signIn(demoEmail.chair)
    ids = await demoReports(app())
  })

  it('the published 2015/16 report, downloaded signed out', async () => {
    const visitor = await app().visitor()
    const page = await visitor.get(`/published-reports/${ids.published2015}`)
    const boardMembers = figureRow(page.body, 'People who sat on the board').thisYear
    const title = 'Oxfordshire Safeguarding Children Board annual report 2015/16'
    const { html, word, pdf } = await allFormats(visitor, `/published-reports/${ids.published2015}/download`)

    assert.match(html, /^<!DOCTYPE html>/)
    assert.match(html, new RegExp(`<title>${title.replace('/', '\\/')}</title>`))
    assert.match(
      html,
      /<h2 class="govuk-heading-l" id="section-partnership-structure">The board and its subgroups<\/h2>/,
    )
    assert.doesNotMatch(html, /<link [^>]*href="\/|<script/, 'standalone: no styles or scripts fetched from the app')

    assert.match(word, new RegExp(`^<h1>${title.replace('/', '\\/')}</h1>`))
    assert.match(word, /<h2>The board and its subgroups<\/h2>/)
    assert.match(word, new RegExp(`${boardMembers} people sat on the Board during 2015/16`))
    assert.match(word, /<thead><tr><th><p><strong>Figure<\/strong><\/p><\/th><th><p><strong>This year<\/strong>/)
    assert.match(word, new RegExp(`<td><p>People who sat on the board</p></td><td><p>${boardMembers}</p></td>`))

    const text = folded(pdf)
    assert.match(text, new RegExp(title.replace('/', '\\/')))
    assert.match(text, /The board and its subgroups/)
    assert.match(text, new RegExp(`${boardMembers} people sat on the Board during 2015/16`))
  })

  it('the Case Review and Governance subgroup’s report', async () => {
    const page = await officer.get(`/reports/${ids.caseReview2016}`)
    const subgroups = figureRow(page.body, 'Subgroups').thisYear
    const title = 'Case Review and Governance annual report 2016/17'
    const { html, word, pdf } = await allFormats(officer, `/reports/${ids.caseReview2016}/download`)

    assert.match(html, new RegExp(`<title>${title.replace('/', '\\/')}</title>`))
    assert.match(html, /Members of Case Review and Governance in 2016\/17/)

    assert.match(word, new RegExp(`^<h1>${title.replace('/', '\\/')}</h1>`))
    assert.match(word, /<h2>The board and its subgroups<\/h2>/)
    assert.match(word, /<p>Members of Case Review and Governance in 2016\/17<\/p><table><thead><tr><th>/)
    assert.match(word, new RegExp(`<td><p>Subgroups</p></td><td><p>${subgroups}</p></td>`))
    assert.match(word, /The subgroup supports the Board in its statutory duty to review cases/)

    const text = folded(pdf)
    assert.match(text, new RegExp(title.replace('/', '\\/')))
    assert.match(text, /Members of Case Review and Governance in 2016\/17/)
    assert.match(text, /The subgroup supports the Board in its statutory duty/)
  })

  it('the cabinet paper is drafted again from the approved report, edited and issued', async () => {
    const reportId = ids.draft2016
    const paperUrl = `/reports/${reportId}/cabinet-paper`
    const versionOn = (body: string, action: string) =>
      body.match(new RegExp(`action="${action}"[\\s\\S]*?name="version" value="(\\d+)"`))?.[1] ?? ''

    // Drafted alongside the draft report, it cannot be issued until drafted from an approved version.
    let paper = await officer.get(paperUrl)
    assert.equal(paper.statusCode, 200)
    assert.match(summaryListRows(paper.body)['Drafted from']!, /^the report while it was a draft/)
    const early = await officer.post(`${paperUrl}/issue`, { version: versionOn(paper.body, `${paperUrl}/issue`) })
    assert.equal(early.statusCode, 400)
    assert.match(textOf(early.body), /The paper can be issued once the chair has approved the report/)

    await moved(await press(officer, reportId, 'submit'))
    await moved(await press(chair, reportId, 'approve'))
    paper = await officer.get(paperUrl)
    await moved(await officer.post(`${paperUrl}/redraft`, { version: versionOn(paper.body, `${paperUrl}/redraft`) }))
    paper = await officer.get(paperUrl)
    assert.equal(summaryListRows(paper.body)['Drafted from'], 'version 1 of the report, as approved')

    const form = await officer.get(`${paperUrl}/edit`)
    assert.equal(form.statusCode, 200)
    const values = formValues(form.body)
    assert.equal(values.contactOfficer, '')
    await moved(
      await officer.post(`${paperUrl}/edit`, {
        ...values,
        contactOfficer: 'Jo Carter, Business Unit Manager, 01865 000000',
      }),
    )
    paper = await officer.get(`${paperUrl}?saved=1`)
    assert.equal(banner(paper.body), 'Cabinet paper saved')
    assert.match(textOf(paper.body), /Contact officer Jo Carter, Business Unit Manager, 01865 000000/)

    await moved(await officer.post(`${paperUrl}/issue`, { version: versionOn(paper.body, `${paperUrl}/issue`) }))
    paper = await officer.get(`${paperUrl}?issued=1`)
    assert.equal(banner(paper.body), 'Cabinet paper issued')
    assert.match(summaryListRows(paper.body).Status!, /^Issued /)
    assert.doesNotMatch(paper.body, /Change the paper|Draft again from the report|Issue the paper/)

    // Issued, it stays as issued: no form to change it, and a form opened before is refused.
    const reopened = await officer.get(`${paperUrl}/edit`)
    assert.equal(reopened.statusCode, 400)
    assert.match(textOf(reopened.body), /An issued paper cannot be changed/)
    const change = await officer.post(`${paperUrl}/edit`, { ...values, contactOfficer: 'Someone else' })
    assert.equal(change.statusCode, 400)
    assert.match(textOf(change.body), /An issued paper cannot be changed/)
    const version = String(Number(values.version) + 2)
    const redraft = await officer.post(`${paperUrl}/redraft`, { version })
    assert.equal(redraft.statusCode, 400)
    assert.match(textOf((await officer.get(paperUrl)).body), /Jo Carter, Business Unit Manager/)
  })

  it('the issued cabinet paper downloads with its numbered paragraphs and the recommendation', async () => {
    const { html, word, pdf } = await allFormats(officer, `/reports/${ids.draft2016}/cabinet-paper/download`)
    const title = 'Annual report from the OSCB – 2016/17'

    assert.match(html, new RegExp(`<title>${title.replace('/', '\\/')}</title>`))
    assert.match(html, /<ol class="[^"]*app-numbered-paragraphs" start="1">/)

    assert.match(word, new RegExp(`^<h1>${title.replace('/', '\\/')}</h1>`))
    assert.match(word, /<h2>Introduction<\/h2><p>1\.\tLocal safeguarding arrangements exist/)
    assert.match(word, /<h2>The OSCB Annual Report 2016\/17<\/h2><p>2\.\tThe Board is led by an independent chair/)
    const numbers = [...word.matchAll(/<p>(\d+)\.\t/g)].map(([, n]) => Number(n))
    assert.deepEqual(
      numbers,
      numbers.map((_, i) => i + 1),
      'numbered straight through',
    )
    assert.match(word, /<h2>Recommendation<\/h2><p>\d+\.\tThe Cabinet is RECOMMENDED to note the report\.<\/p>/)
    assert.match(word, /Jo Carter, Business Unit Manager, 01865 000000/)
    assert.doesNotMatch(word, /Draft/, 'an issued paper is not marked draft')

    const text = folded(pdf)
    assert.match(text, /Annual report from the OSCB – 2016\/17/)
    assert.match(text, /Recommendation/)
    assert.match(text, /The Cabinet is RECOMMENDED to note the report/)
  })
})
