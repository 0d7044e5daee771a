import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import JSZip from 'jszip'
import mammoth from 'mammoth'
import type { Browser } from 'playwright-core'
import { checkAccessibility, launchBrowser } from '../e2e/helpers/browser.ts'
import { configureChromium } from '../src/platform/documents/chromium.ts'
import { renderDocx } from '../src/platform/documents/docx.ts'
import { closePdfBrowser, renderPdf } from '../src/platform/documents/pdf.ts'
import { renderPrintHtml } from '../src/platform/documents/print.ts'
import { buildDocumentModel } from './builders/documents.ts'
import { tableColumn, textOf } from './helpers/html.ts'

/**
 * The annual report and the cabinet paper leave the app as HTML, Word and PDF. Each is read back
 * the way its reader gets it: the page in a browser with axe, the Word file by a converter, the
 * PDF by pdftotext.
 */
const model = buildDocumentModel()
const linkBase = 'https://hub.example'
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
configureChromium({ executablePath: chromiumPath })

after(closePdfBrowser)

describe('a document as a standalone web page', () => {
  const html = renderPrintHtml(model, { linkBase })

  it('is a whole page in British English, titled, with the headings in order', () => {
    assert.match(html, /^<!DOCTYPE html>/)
    assert.match(html, /<html lang="en-GB">/)
    assert.match(html, /<title>Oxfordshire Safeguarding Children Board annual report 2016\/17<\/title>/)
    const headings = [...html.matchAll(/<h([1-4])[^>]*>([^<]*)<\/h\1>/g)].map(([, level, text]) => `${level} ${text}`)
    assert.deepEqual(headings, [
      '1 Oxfordshire Safeguarding Children Board annual report 2016/17',
      '2 How the board works',
      '3 Members by agency',
      '2 The cabinet paper',
      '4 Introduction',
    ])
    assert.match(html, /<h2 class="govuk-heading-l" id="how-the-board-works">/)
  })

  it('shows the narrative formatted and nothing an officer typed can run', () => {
    assert.match(html, /<strong>six times<\/strong>/)
    assert.match(html, /<a href="https:\/\/www.gov.uk\/government\/publications[^"]*" class="govuk-link">the guidance/)
    assert.doesNotMatch(html, /<script|<img|href="javascript:/i)
    assert.match(html, /&lt;script&gt;alert/)
  })

  it('shows the figures with last year beside them, each leading to its records', () => {
    assert.deepEqual(tableColumn(html, 'The board in numbers', 'This year'), ['34', '21', '£1,234,500'])
    assert.deepEqual(tableColumn(html, 'The board in numbers', 'Last year'), ['31', '21', ''])
    assert.match(
      html,
      /<a class="govuk-link" href="https:\/\/hub.example\/directory\/people\?group=board">See the records<span class="govuk-visually-hidden"> for Board members<\/span><\/a>/,
    )
    assert.match(html, /<th scope="row" class="govuk-table__header">Board members<\/th>/)
  })

  it('heads tables with column headers and right-aligns the numbers', () => {
    assert.match(html, /<th scope="col" class="govuk-table__header govuk-table__header--numeric">Members<\/th>/)
    assert.match(html, /<td class="govuk-table__cell govuk-table__cell--numeric">4<\/td>/)
  })

  it('keeps a chart with its title, its description and its numbers right below', () => {
    const figure = html.match(/<figure class="app-chart">[\s\S]*?<\/figure>\s*<table[\s\S]*?<\/table>/)?.[0] ?? ''
    assert.match(figure, /<figcaption[^>]*>Board members each year<\/figcaption>/)
    assert.match(figure, /role="img" aria-labelledby="chart-board-members-each-year-title"/)
    assert.match(figure, /<svg[\s\S]*<\/svg>/)
    assert.match(figure, /Board members rose from 28/)
    assert.deepEqual(tableColumn(html, 'Board members each year: the numbers', 'Board members'), ['28', '24', '34'])
  })

  it('numbers the paper’s paragraphs with the numbers it was given, as one list', () => {
    const list = html.match(/<ol class="[^"]*app-numbered-paragraphs" start="1">([\s\S]*?)<\/ol>/)?.[1] ?? ''
    assert.deepEqual(
      [...list.matchAll(/<li value="(\d+)">/g)].map((m) => m[1]),
      ['1', '2'],
    )
    assert.match(textOf(list), /It reports to the Chief Executive/)
  })

  it('lists the paper’s details as a summary list', () => {
    assert.match(textOf(html), /Author Independent chair Contact officer Business unit manager/)
  })

  describe('in a browser', () => {
    let browser: Browser
    before(async () => (browser = await launchBrowser()))
    after(() => browser.close())

    it('passes axe (WCAG 2.2 AA)', async () => {
      const page = await browser.newPage()
      await page.setContent(html, { waitUntil: 'load' })
      await checkAccessibility(page)
    })
  })
})

describe('a document in Word', () => {
  let docx: Buffer
  let html: string
  let xml: string
  let zip: JSZip
  before(async () => {
    docx = await renderDocx(model, { linkBase })
    html = (await mammoth.convertToHtml({ buffer: docx })).value
    zip = await JSZip.loadAsync(docx)
    xml = await zip.file('word/document.xml')!.async('string')
  })

  it('has real headings: the title at level 1, the document’s own below it', async () => {
    assert.match(html, /<h1>Oxfordshire Safeguarding Children Board annual report 2016\/17<\/h1>/)
    assert.match(html, /<h2>How the board works<\/h2>/)
    assert.match(html, /<h3>Members by agency<\/h3>/)
    assert.match(html, /<h4>Introduction<\/h4>/)
    const core = await zip.file('docProps/core.xml')!.async('string')
    assert.match(core, /<dc:creator>Safeguarding Partnership Hub<\/dc:creator>/)
    assert.match(core, /<dc:title>Oxfordshire Safeguarding Children Board annual report 2016\/17<\/dc:title>/)
    assert.match(await zip.file('word/styles.xml')!.async('string'), /<w:lang w:val="en-GB"\/>/)
  })

  it('keeps the narrative’s formatting and its safe link, and nothing unsafe', async () => {
    assert.match(html, /<strong>six times<\/strong>/)
    assert.match(html, /<em>twelve<\/em>/)
    assert.match(html, /<a href="https:\/\/www.gov.uk\/government\/publications[^"]*">the guidance<\/a>/)
    assert.match(html, /<ul><li>Learning from reviews<\/li><li>Training for practitioners<\/li><\/ul>/)
    assert.match(html, /<ol><li>Neglect<\/li><li>Child sexual exploitation<\/li><\/ol>/)
    assert.match(html, /&lt;script&gt;alert\(“narrative”\)&lt;\/script&gt;/)
    const relations = await zip.file('word/_rels/document.xml.rels')!.async('string')
    assert.doesNotMatch(relations, /javascript:/i)
    assert.match(xml, /w:ilvl w:val="0"\/><w:numId/)
    assert.match(
      html,
      /<table><thead><tr><th><p>Subgroup<\/p><\/th><th><p>Meetings<\/p><\/th><\/tr><\/thead><tbody><tr><td><p>Learning and improvement<\/p><\/td><td><p>6<\/p><\/td><\/tr><\/tbody><\/table>/,
    )
  })

  it('marks each table’s first row as its header row, captioned, numbers right-aligned', () => {
    assert.match(xml, /<w:tblHeader\/>/)
    assert.match(html, /<p>Members by agency<\/p><table><thead><tr><th><p><strong>Agency<\/strong><\/p><\/th>/)
    assert.match(html, /<td><p>Thames Valley Police<\/p><\/td><td><p>3<\/p><\/td>/)
    assert.match(xml, /<w:jc w:val="right"\/>/)
  })

  it('shows the figures with last year and a link to the records', () => {
    assert.match(html, /<td><p>Board members<\/p><\/td><td><p>34<\/p><\/td><td><p>31<\/p><\/td>/)
    assert.match(html, /<a href="https:\/\/hub.example\/directory\/people\?group=board">See the records<\/a>/)
  })

  it('has the chart as an image with alt text, then its description and numbers', async () => {
    assert.match(xml, /<wp:docPr [^>]*descr="Board members rose from 28[^"]*"[^>]*title="Board members each year"/)
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'))
    assert.deepEqual(media.map((name) => name.split('.').pop()).sort(), ['png', 'svg'])
    const png = await zip.file(media.find((name) => name.endsWith('.png'))!)!.async('nodebuffer')
    assert.equal(png.subarray(1, 4).toString(), 'PNG')
    assert.match(html, /<img alt="Board members rose from 28[^"]*"/)
    assert.match(html, /<p>Board members rose from 28[^<]*<\/p><p>Board members each year: the numbers<\/p><table>/)
  })

  it('numbers the paper’s paragraphs, the number and a tab before the text', () => {
    assert.match(html, /<p>1\.\tThis paper presents the annual report of the board.<\/p>/)
    assert.match(html, /<p>2\.\tThe board is independent.<\/p><p>It reports to the Chief Executive.<\/p>/)
  })

  it('lists the paper’s details as label and value', () => {
    assert.match(html, /<p><strong>Author: <\/strong>Independent chair<\/p>/)
  })

  it('says so, and keeps the numbers, when there is no browser to draw the chart', async () => {
    await closePdfBrowser()
    configureChromium({ executablePath: '/nonexistent/chromium' })
    try {
      await assert.rejects(renderPdf('<p>Hello</p>'), { message: /^PDF needs Chromium: set CHROMIUM_PATH/ })
      // A chart not drawn before: the picture of one drawn lately is kept, and would still be given.
      const undrawn = buildDocumentModel({
        blocks: model.blocks.map((b) =>
          'svg' in b ? { ...b, svg: b.svg.replace('</svg>', '<desc>New</desc></svg>') } : b,
        ),
      })
      const without = (await mammoth.convertToHtml({ buffer: await renderDocx(undrawn) })).value
      assert.doesNotMatch(without, /<img/)
      assert.match(without, /The chart is not included in this copy; its numbers are in the table below./)
      assert.match(without, /Board members each year: the numbers/)
      assert.doesNotMatch(without, /See the records/, 'without the app’s address there is nothing to link to')
    } finally {
      configureChromium({ executablePath: chromiumPath })
    }
  })
})

describe('a document as PDF', () => {
  const dir = mkdtempSync(join(tmpdir(), 'documents-'))
  after(() => rmSync(dir, { recursive: true, force: true }))
  let pdf: Buffer
  let text: string
  before(async () => {
    pdf = await renderPdf(renderPrintHtml(model, { linkBase }))
    const file = join(dir, 'report.pdf')
    writeFileSync(file, pdf)
    text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
  })

  it('reads back with the headings, the figures and the tables', () => {
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-')
    for (const words of ['annual report 2016/17', 'How the board works', 'Members by agency', 'The cabinet paper'])
      assert.ok(text.includes(words), `the PDF has “${words}”`)
    assert.match(text, /Board members\s+34\s+31\s+See the records/)
    assert.match(text, /Thames Valley Police\s+3/)
    assert.match(text, /1\.\s+This paper presents the annual report of the board/)
    assert.match(text, /Page 1 of \d/)
  })

  it('is tagged for screen readers and has the headings as bookmarks', () => {
    const raw = pdf.toString('latin1')
    assert.match(raw, /\/StructTreeRoot/)
    assert.match(raw, /\/Outlines/)
  })

  it('prints several documents at once, from one browser', async () => {
    const [a, b, c] = await Promise.all(
      [1, 2, 3].map((n) => renderPdf(renderPrintHtml(buildDocumentModel({ title: `Report ${n}` })))),
    )
    for (const file of [a, b, c]) assert.equal(file!.subarray(0, 5).toString(), '%PDF-')
  })
})
