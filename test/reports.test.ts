import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { registry } from '../src/app.ts'
import { reportNarratives } from '../src/modules/reports/schema.ts'
import { computeFigure } from '../src/platform/figures.ts'
import { reportingYear } from '../src/platform/reporting-years.ts'
import { appForSuite, demoEmail, type Session } from './helpers/app.ts'
import { parseCsv } from './helpers/csv.ts'
import { banner, decode, formValues, heading, pageTitle, textOf } from './helpers/html.ts'
import {
  demoReports,
  docxHtml,
  documentPart,
  download,
  figureRow,
  moved,
  narrativeText,
  press,
} from './helpers/reports.ts'

/**
 * The annual report as the business unit drafts it: the 2016/17 draft worked out from the records,
 * the narrative written with figures inserted (never typed), hostile text made harmless wherever
 * the report goes, two officers who cannot overwrite each other, who may read which report, and
 * the figures pages behind every number.
 */

const section = 'partnership.structure'
const y2016 = reportingYear(2016)

describe('the business unit opens the 2016/17 draft', () => {
  const app = appForSuite()
  let officer: Session
  let page: string

  before(async () => {
    officer = await app().signIn(demoEmail['business-unit'])
    const { draft2016 } = await demoReports(app())
    const response = await officer.get(`/reports/${draft2016}`)
    assert.equal(response.statusCode, 200)
    page = response.body
  })

  it('is titled for the partnership and the year, and says it is a live draft', () => {
    assert.match(pageTitle(page), /^Oxfordshire Safeguarding Children Board annual report 2016\/17 – /)
    assert.equal(heading(page), 'Oxfordshire Safeguarding Children Board annual report 2016/17')
    assert.match(
      textOf(documentPart(page)),
      /1 April 2016 to 31 March 2017 Draft: the figures are worked out from the records/,
    )
  })

  it('shows every figure of the section worked out from the records, each leading to its records', async () => {
    for (const { module, definition } of registry.figures.filter((f) => f.module === 'partnership')) {
      const figure = await computeFigure(app().database.db, module, definition, {
        partnershipId: app().partnershipId,
        year: y2016,
      })
      const row = figureRow(page, figure.label)
      assert.equal(row.thisYear, figure.display, figure.name)
      assert.equal(decode(row.link ?? ''), figure.link, figure.name)
    }
    assert.equal(figureRow(page, 'People who sat on the board').thisYear, '22')
  })

  it('resolves every placeholder in the narrative to its figure’s value', () => {
    const document = documentPart(page)
    assert.doesNotMatch(document, /\{\{|\}\}/)
    const text = narrativeText(page)
    const agencies = figureRow(page, 'Agencies represented on the board').thisYear
    const members = figureRow(page, 'People who sat on the board').thisYear
    assert.match(text, new RegExp(`brings together ${agencies} partner agencies`))
    assert.match(text, new RegExp(`${members} people sat on the Board during 2016/17`))
  })

  it('puts last year’s value beside each figure that changed, and leaves it blank where it did not', () => {
    // 2015/16 as approved had one subgroup and nine subgroup members; 2016/17 has two and thirteen.
    assert.deepEqual(figureRow(page, 'Subgroups'), {
      thisYear: '2',
      lastYear: '1',
      link: '/directory/groups?kind=subgroup&amp;activeIn=2016-17',
    })
    assert.equal(figureRow(page, 'People who sat on a subgroup').lastYear, '9')
    assert.equal(figureRow(page, 'Agencies that contribute funding').lastYear, '')
  })

  it('shows the section’s tables, with header rows', () => {
    const captions = [...documentPart(page).matchAll(/<caption[^>]*>([^<]*)<\/caption>/g)].map(([, c]) => decode(c!))
    for (const caption of [
      'The board and its subgroups: figures for 2016/17',
      'The board and its subgroups',
      'Members by agency',
      'Agencies that contribute funding',
      'Changes during the year',
    ])
      assert.ok(captions.includes(caption), `no table “${caption}” in ${captions.join(', ')}`)
    assert.match(documentPart(page), /<th scope="col" class="govuk-table__header">Group<\/th>/)
  })

  it('draws the chart as SVG, named and described, with its numbers in a table right below', () => {
    const chart = documentPart(page).match(
      /<figure class="app-chart">[\s\S]*?<\/figure>\s*<table[\s\S]*?<\/table>/,
    )?.[0]
    assert.ok(chart, 'no chart with its table')
    assert.match(
      chart,
      /<figcaption[^>]*>Members of the board and its subgroups by kind of agency, 2016\/17<\/figcaption>/,
    )
    assert.match(
      chart,
      /role="img" aria-labelledby="chart-[a-z0-9-]+-title" aria-describedby="chart-[a-z0-9-]+-description"/,
    )
    assert.match(chart, /<svg[\s\S]*<\/svg>/)
    assert.match(
      chart,
      /<caption[^>]*>Members of the board and its subgroups by kind of agency, 2016\/17: the numbers<\/caption>/,
    )
    assert.match(chart, /Police/)
  })

  it('offers the narrative editor, the submit button and the downloads', () => {
    assert.match(page, new RegExp(`href="/reports/[0-9a-f-]{36}/sections/${section}"`))
    assert.match(page, /Submit to the chair/)
    for (const format of ['html', 'docx', 'pdf']) assert.match(page, new RegExp(`/download/${format}" download>`))
  })
})

describe('the business unit writes the narrative', () => {
  const app = appForSuite()
  let officer: Session
  let administrator: Session
  let reportId: string
  const editor = () => `/reports/${reportId}/sections/${section}`

  before(async () => {
    officer = await app().signIn(demoEmail['business-unit'])
    administrator = await app().signIn(demoEmail.administrator)
    reportId = (await demoReports(app())).draft2016
  })

  it('opens the editor with a box per part of the section and every figure to insert', async () => {
    const page = await officer.get(editor())
    assert.equal(page.statusCode, 200)
    assert.equal(heading(page.body), 'The board and its subgroups')
    const values = formValues(page.body)
    assert.deepEqual(Object.keys(values), [
      'version-introduction',
      'slot-introduction',
      'version-changes',
      'slot-changes',
    ])
    assert.match(values['slot-introduction']!, /brings together \{\{partnership.agencies-on-board\}\} partner agencies/)
    for (const { module, definition } of registry.figures) {
      assert.match(page.body, new RegExp(`<code>\\{\\{${module}.${definition.key}\\}\\}</code>`))
      assert.match(page.body, new RegExp(`name="insert" value="introduction ${module}.${definition.key}"`))
      assert.match(page.body, new RegExp(`name="insert" value="changes ${module}.${definition.key}"`))
    }
  })

  it('inserts a figure without saving, then saving keeps it and the report says its value', async () => {
    const opened = formValues((await officer.get(editor())).body)
    const inserted = await officer.post(editor(), {
      ...opened,
      'slot-changes': 'During the year the board had',
      insert: 'changes partnership.board-members',
    })
    assert.equal(inserted.statusCode, 200)
    assert.match(inserted.body, /Figure added at the end of the text. Save to keep it./)
    const values = formValues(inserted.body)
    assert.equal(values['slot-changes'], 'During the year the board had {{partnership.board-members}}')
    assert.equal(values['version-changes'], opened['version-changes'], 'still at the version opened')

    // Nothing is saved yet: the report still says what it said.
    assert.doesNotMatch(
      narrativeText((await officer.get(`/reports/${reportId}`)).body),
      /During the year the board had/,
    )

    const saved = await officer.post(editor(), { ...values, 'slot-changes': `${values['slot-changes']} members.` })
    assert.equal(await moved(saved), `/reports/${reportId}?saved=1#section-partnership-structure`)
    const report = await officer.get(`/reports/${reportId}?saved=1`)
    assert.equal(banner(report.body), 'Report saved')
    const members = figureRow(report.body, 'People who sat on the board').thisYear
    assert.match(narrativeText(report.body), new RegExp(`During the year the board had ${members} members\\.`))
    const [row] = await app()
      .database.db.select()
      .from(reportNarratives)
      .where(eq(reportNarratives.reportId, reportId))
      .then((rows) => rows.filter((r) => r.slot === 'changes'))
    assert.equal(row!.markdown, 'During the year the board had {{partnership.board-members}} members.')
  })

  it('keeps the second of two officers editing at once from overwriting the first, losing nothing', async () => {
    const officersForm = formValues((await officer.get(editor())).body)
    const administratorsForm = formValues((await administrator.get(editor())).body)

    const first = await administrator.post(editor(), {
      ...administratorsForm,
      'slot-changes': 'The administrator’s account of the changes.',
    })
    await moved(first)

    const second = await officer.post(editor(), {
      ...officersForm,
      'slot-changes': 'The officer’s account of the changes.',
    })
    assert.equal(second.statusCode, 409)
    assert.match(pageTitle(second.body), /^Error: /)
    assert.match(textOf(second.body), /Someone else saved this section after you opened it/)
    // Their text is shown; the officer's own is still in the box, ready to merge and save again.
    assert.match(
      second.body,
      /What was saved by someone else<\/h2><pre class="app-narrative-theirs">The administrator’s account of the changes.<\/pre>/,
    )
    const kept = formValues(second.body)
    assert.equal(kept['slot-changes'], 'The officer’s account of the changes.')
    assert.match(
      narrativeText((await officer.get(`/reports/${reportId}`)).body),
      /The administrator’s account of the changes/,
    )

    // Merged by hand and saved again at the version now shown, it goes in.
    const merged = await officer.post(editor(), {
      ...kept,
      'slot-changes': 'The administrator’s account of the changes. The officer’s account of the changes.',
    })
    await moved(merged)
    assert.match(
      narrativeText((await officer.get(`/reports/${reportId}`)).body),
      /The administrator’s account of the changes. The officer’s account of the changes./,
    )
  })

  const hostile = [
    'Our work <script>alert(1)</script> this year.',
    '',
    'A picture <img src=x onerror=alert(1)> of it.',
    '',
    'Read [the plan](javascript:alert(1)) and [the guidance](https://www.gov.uk/guidance).',
  ].join('\n')

  /** Nothing in the document can run: the tags are text, the javascript: link is not a link. */
  function assertInert(html: string, where: string) {
    assert.doesNotMatch(html, /<script|<img|<[^>]*\son[a-z]+\s*=|<[^>]*href\s*=\s*["']?\s*javascript:/i, where)
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/, `${where}: the typed tag is shown as text`)
    assert.match(html, /href="https:\/\/www.gov.uk\/guidance"/, `${where}: an ordinary link still works`)
  }

  it('shows hostile Markdown as harmless text on the page, in Word and once published', async () => {
    const form = formValues((await officer.get(editor())).body)
    await moved(await officer.post(editor(), { ...form, 'slot-changes': hostile }))

    const page = await officer.get(`/reports/${reportId}`)
    assertInert(documentPart(page.body), 'the page')
    assert.match(narrativeText(page.body), /Read \[the plan\]\(javascript:alert\(1\)\) and the guidance ?\./)

    const word = await docxHtml(await download(officer, `/reports/${reportId}/download/docx`, 'docx'))
    // The charts are the only pictures in it, embedded, each with its text alternative.
    const charts = word.match(/<img [^>]*>/g) ?? []
    const chart = /^<img alt="[^"]+" src="data:image\/png;base64,[^"]+" \/?>$/
    assert.ok(charts.length && charts.every((img) => chart.test(img)), 'only the charts are pictures')
    assertInert(word.replace(/<img [^>]*>/g, ''), 'the DOCX')

    const chair = await app().signIn(demoEmail.chair)
    await moved(await press(officer, reportId, 'submit'))
    await moved(await press(chair, reportId, 'approve'))
    await moved(await press(officer, reportId, 'publish'))
    const visitor = await app().visitor()
    const published = await visitor.get(`/published-reports/${reportId}`)
    assert.equal(published.statusCode, 200)
    assertInert(documentPart(published.body), 'the published page')
    const standalone = (await download(visitor, `/published-reports/${reportId}/download/html`, 'html')).toString()
    assertInert(standalone.replace(/<script[^>]*src="[^"]*"[^>]*><\/script>/g, ''), 'the published HTML file')
  })
})

describe('who may read which report', () => {
  const app = appForSuite()
  let ids: Awaited<ReturnType<typeof demoReports>>

  before(async () => {
    ids = await demoReports(app())
  })

  it('a subgroup member reads their subgroup’s draft and published reports, and no other draft', async () => {
    const member = await app().signIn(demoEmail['subgroup-member'])
    const own = await member.get(`/reports/${ids.caseReview2016}`)
    assert.equal(own.statusCode, 200)
    assert.equal(heading(own.body), 'Case Review and Governance annual report 2016/17')
    assert.doesNotMatch(own.body, /Write the narrative|Submit to the chair/)
    assert.equal((await member.get(`/reports/${ids.draft2016}`)).statusCode, 404)
    assert.equal((await member.get(`/reports/${ids.draft2016}/download/html`)).statusCode, 404)
    assert.equal((await member.get(`/reports/${ids.published2015}`)).statusCode, 200)
    assert.equal((await member.get(`/published-reports/${ids.published2015}`)).statusCode, 200)
    const list = await member.get('/reports?year=2016-17')
    assert.match(list.body, /Case Review and Governance annual report 2016\/17/)
    assert.doesNotMatch(list.body, /Oxfordshire Safeguarding Children Board annual report 2016\/17/)
  })

  it('an agency lead is refused the reports, and may read the published ones', async () => {
    const lead = await app().signIn(demoEmail['agency-lead'])
    assert.equal((await lead.get('/reports')).statusCode, 403)
    assert.equal((await lead.get(`/reports/${ids.published2015}`)).statusCode, 403)
    assert.equal((await lead.get(`/published-reports/${ids.published2015}`)).statusCode, 200)
  })

  it('someone signed out reads a published report, and finds no draft under the public address', async () => {
    const visitor = await app().visitor()
    const published = await visitor.get(`/published-reports/${ids.published2015}`)
    assert.equal(published.statusCode, 200)
    assert.equal(heading(published.body), 'Oxfordshire Safeguarding Children Board annual report 2015/16')
    for (const id of [ids.draft2016, ids.caseReview2016]) {
      assert.equal((await visitor.get(`/published-reports/${id}`)).statusCode, 404)
      assert.equal((await visitor.get(`/published-reports/${id}/download/html`)).statusCode, 404)
    }
    assert.doesNotMatch((await visitor.get('/published-reports')).body, /2016\/17/)
  })
})

describe('the figures pages', () => {
  const app = appForSuite()
  let officer: Session
  const partnershipFigures = registry.figures.filter((f) => f.module === 'partnership')

  before(async () => {
    officer = await app().signIn(demoEmail['business-unit'])
  })

  it('lists each module with figures, for the year chosen', async () => {
    const page = await officer.get('/reports/figures?year=2016-17')
    assert.equal(page.statusCode, 200)
    assert.equal(heading(page.body), 'Figures for 2016/17')
    assert.match(
      page.body,
      new RegExp(
        `href="/reports/figures/partnership\\?year=2016-17">Partnership</a> \\(${partnershipFigures.length} figures\\)`,
      ),
    )
  })

  it('shows each of the partnership’s figures with its value, its code and its link, and downloads the same', async () => {
    const page = await officer.get('/reports/figures/partnership?year=2016-17')
    assert.equal(page.statusCode, 200)
    assert.match(textOf(page.body), new RegExp(`${partnershipFigures.length} figures\\. Download as CSV`))
    for (const { module, definition } of partnershipFigures) {
      const figure = await computeFigure(app().database.db, module, definition, {
        partnershipId: app().partnershipId,
        year: y2016,
      })
      const row = page.body.split('<tr').find((r) => r.includes(`<strong>${figure.label}</strong>`))
      assert.ok(row, `no row for ${figure.label}`)
      assert.match(row, new RegExp(`>${figure.display}</td>`))
      assert.match(row, new RegExp(`<code>\\{\\{${figure.name}\\}\\}</code>`))
      assert.ok(row.includes(`href="${figure.link!.replace(/&/g, '&amp;')}"`), `${figure.name} links to ${figure.link}`)
    }

    const csv = await officer.get('/reports/figures/partnership/figures.csv?year=2016-17')
    assert.equal(csv.statusCode, 200)
    const rows = parseCsv(csv.body)
    assert.deepEqual(rows[0], ['Module', 'Key', 'Year', 'Label', 'Value', 'Unit', 'In prose', 'Link', 'Problem'])
    assert.equal(rows.length - 1, partnershipFigures.length)
    assert.deepEqual(
      rows.slice(1).map((r) => r[1]),
      partnershipFigures.map((f) => f.definition.key),
    )
    assert.ok(rows.slice(1).every((r) => r[2] === '2016/17' && r[7]!.startsWith('/directory/')))
  })

  it('is not for a subgroup member, and a module with no figures is not found', async () => {
    const member = await app().signIn(demoEmail['subgroup-member'])
    assert.equal((await member.get('/reports/figures')).statusCode, 403)
    assert.equal((await officer.get('/reports/figures/no-such-module')).statusCode, 404)
  })
})
