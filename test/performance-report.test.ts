import assert from 'node:assert/strict'
import { describe, it, type TestContext } from 'node:test'
import { and, eq, inArray, isNull } from 'drizzle-orm'
import { englandCode } from '../src/modules/performance/areas.ts'
import { performanceFigures, sectionFigureKeys } from '../src/modules/performance/figures/figures.ts'
import { performanceSection } from '../src/modules/performance/figures/section.ts'
import { indicators, observations } from '../src/modules/performance/schema.ts'
import { scorecard } from '../src/modules/performance/scorecard.ts'
import { demoNeighbours, demoOwnArea, demoValues } from '../src/modules/performance/seed-data.ts'
import { computeFigure } from '../src/platform/figures.ts'
import { reportingYear } from '../src/platform/reporting-years.ts'
import { startingText } from '../src/platform/sections.ts'
import { demoEmail, type Session } from './helpers/app.ts'
import { tableColumn, textOf } from './helpers/html.ts'
import { officerForSuite } from './helpers/records.ts'
import { demoReports, documentPart, figureRow, moved, narrativeText, press } from './helpers/reports.ts'

/**
 * Issue 14's "done means", read from what the app generates for the demo: the 2016/17 annual
 * report's "Performance data" section states the seed paper's finding (¶15) — the rate of growth of
 * children on child protection plans higher than both England and similar authorities — computed
 * from the demo observations, with the chart and its table; so do the Performance, Audit and
 * Quality Assurance subgroup's report and, under that subgroup's heading, the cabinet paper. Each
 * figure links to its records. The expected numbers are worked out here from the demo's values.
 */
const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 })
const cpp = demoValues('CPP-RATE')
const at = (areaCode: string, year: number) => cpp.get(areaCode)!.get(year) as number
const neighboursAt = (year: number) => {
  const values = demoNeighbours.map((n) => cpp.get(n.code)!.get(year)).filter((v): v is number => typeof v === 'number')
  return values.reduce((sum, v) => sum + v, 0) / values.length
}
const grew = (from: number, to: number) => `${number.format((to / from - 1) * 100)}%`

const finding =
  'The rate of growth of children subject to child protection plans is higher than both the national average and the average of similar authorities.'
const opening =
  'The quantitative data indicates that the child protection partnership should continue to be rigorous in scrutinising activity.'
const growthSentence = `Between 2013/14 and 2016/17 the rate of children subject to child protection plans rose by ${grew(at(demoOwnArea, 2013), at(demoOwnArea, 2016))}, against ${grew(at(englandCode, 2013), at(englandCode, 2016))} in England and ${grew(neighboursAt(2013), neighboursAt(2016))} among similar authorities.`
const levelSentence = `On 31 March 2017 it stood at ${number.format(at(demoOwnArea, 2016))} per 10,000 children, against ${number.format(at(englandCode, 2016))} per 10,000 children in England and ${number.format(neighboursAt(2016))} per 10,000 children among similar authorities.`

const chartTitle = 'Child protection plans per 10,000 children, 2010/11 to 2016/17'
const labels = new Map(performanceFigures.map((f) => [f.key, f.label]))
const occurrences = (text: string, part: string) => text.split(part).length - 1

describe('the 2016/17 report’s performance section, from the demo', () => {
  const shared = officerForSuite()

  it('states the seed paper’s finding, computed from the demo observations, with the chart and its table', async () => {
    const { officer, testApp } = shared
    const { draft2016 } = await demoReports(testApp)
    const page = await officer.get(`/reports/${draft2016}`)
    assert.equal(page.statusCode, 200)
    const document = documentPart(page.body)
    assert.match(document, /<h2[^>]*>Performance data<\/h2>/)
    const narrative = narrativeText(page.body)
    assert.ok(narrative.includes(`${opening} ${finding} ${growthSentence} ${levelSentence}`), narrative)
    assert.equal(grew(at(demoOwnArea, 2013), at(demoOwnArea, 2016)), '30.8%', 'the demo’s growth, by hand')

    const chart = document.match(/<figure class="app-chart">[\s\S]*?<\/figure>\s*<table[\s\S]*?<\/table>/g) ?? []
    const cppChart = chart.find((c) => c.includes(`>${chartTitle}</figcaption>`))
    assert.ok(cppChart, 'the child protection plan chart')
    assert.match(cppChart, /<svg[^>]*role="img"[\s\S]*<\/svg>/)
    const numbers = `${chartTitle}: the numbers`
    const years = [2010, 2011, 2012, 2013, 2014, 2015, 2016]
    assert.deepEqual(
      tableColumn(document, numbers, 'Year'),
      years.map((y) => `${y}/${String(y + 1).slice(2)}`),
    )
    assert.deepEqual(
      tableColumn(document, numbers, 'Oxfordshire'),
      years.map((y) => number.format(at(demoOwnArea, y))),
    )
    assert.deepEqual(
      tableColumn(document, numbers, 'England'),
      years.map((y) => number.format(at(englandCode, y))),
    )
    assert.deepEqual(
      tableColumn(document, numbers, 'Statistical neighbours’ average'),
      years.map((y) => number.format(neighboursAt(y))),
    )
    // One chart for each other indicator with an exception.
    assert.ok(chart.some((c) => c.includes('>Assessments completed within 45 working days, 2010/11 to 2016/17<')))
    assert.ok(chart.some((c) => c.includes('>Second or subsequent child protection plans, 2010/11 to 2016/17<')))

    const scorecardCaption =
      'Scorecard for 2016/17: each indicator against England, the South East and the statistical neighbours’ average'
    const ratings = tableColumn(document, scorecardCaption, 'Rating')
    assert.deepEqual(
      ['Red', 'Amber', 'Green'].map((r) => ratings.filter((x) => x === r).length),
      [1, 1, 3],
    )
    assert.deepEqual(tableColumn(document, 'Exceptions in 2016/17', 'Exception'), [
      'Worse than England and neighbours',
      'Growing faster than England and neighbours',
      'Moving the wrong way',
    ])
  })

  it('shows the seed’s child protection finding as an exception on the demo’s scorecard, and England as published', async () => {
    const { testApp } = shared
    const db = testApp.database.db
    const card = await scorecard(db, testApp.partnershipId, { startYear: 2016 })
    const exceptions = card.rows.flatMap((r) => r.exceptions.map((e) => `${r.indicator.code} ${e.kind}`))
    assert.deepEqual(exceptions, [
      'ASSESS-45-PC worse-than-comparators',
      'CPP-RATE growing-faster',
      'CPP-SECOND-PC wrong-way',
    ])
    const cppRow = card.rows.find((r) => r.indicator.code === 'CPP-RATE')!
    assert.equal(cppRow.exceptions[0]!.narrative, finding)
    const twoYears = card.rows.find((r) => r.indicator.code === 'CPP-2YRS-PC')!
    assert.deepEqual([twoYears.neighbours?.count, twoYears.neighbours?.of], [9, 10], 'one neighbour suppressed')

    // England's 2015/16 and 2016/17 values are the department's (../shared/DOMAIN.md).
    const published: Record<string, [number, number]> = {
      'REF-RATE': [532.2, 548.2],
      'REREF-PC': [22.5, 21.9],
      'S47-RATE': [147.7, 157.6],
      'CIN-RATE': [337.3, 330.1],
      'CPP-RATE': [43.1, 43.3],
      'CPP-SECOND-PC': [17.9, 18.7],
      'CPP-2YRS-PC': [3.8, 3.4],
    }
    const rows = await db
      .select({ code: indicators.code, period: observations.period, value: observations.value })
      .from(observations)
      .innerJoin(indicators, eq(indicators.id, observations.indicatorId))
      .where(
        and(
          eq(observations.partnershipId, testApp.partnershipId),
          eq(observations.areaCode, englandCode),
          inArray(observations.period, ['2015/16', '2016/17']),
          isNull(observations.supersededAt),
        ),
      )
    for (const [code, [was, is]] of Object.entries(published)) {
      const of = (period: string) => rows.find((r) => r.code === code && r.period === period)?.value
      assert.deepEqual([of('2015/16'), of('2016/17')], [was, is], code)
    }
  })

  it('links every figure of the section to its records, and the records agree with it', async (t) => {
    const { officer, testApp } = shared
    const { draft2016 } = await demoReports(testApp)
    const page = await officer.get(`/reports/${draft2016}`)
    const card = await scorecard(testApp.database.db, testApp.partnershipId, { startYear: 2016 })
    const cppId = card.rows.find((r) => r.indicator.code === 'CPP-RATE')!.indicator.id
    const expected: Record<string, [string, string]> = {
      indicators: ['/performance?year=2016-17', '12'],
      'rag-red': ['/performance?year=2016-17', '1'],
      'rag-amber': ['/performance?year=2016-17', '1'],
      'rag-green': ['/performance?year=2016-17', '3'],
      exceptions: ['/performance/exceptions?year=2016-17', '3'],
    }
    // The child protection plan rate's figures are the narrative's placeholders.
    const placeholders: Record<string, [string, string]> = {
      'cpp-rate': [`/performance/indicators/${cppId}`, '47.1 per 10,000 children'],
      'cpp-rate-england': [`/performance/indicators/${cppId}`, '43.3 per 10,000 children'],
      'cpp-rate-neighbours': [`/performance/indicators/${cppId}`, '38.4 per 10,000 children'],
      'cpp-rate-growth': [`/performance/indicators/${cppId}`, '30.8%'],
      'cpp-rate-growth-england': [`/performance/indicators/${cppId}`, '2.9%'],
      'cpp-rate-growth-neighbours': [`/performance/indicators/${cppId}`, '5.8%'],
    }
    for (const [key, [link, value]] of Object.entries(placeholders)) {
      const definition = performanceFigures.find((f) => f.key === key)!
      const figure = await computeFigure(testApp.database.db, 'performance', definition, {
        partnershipId: testApp.partnershipId,
        year: reportingYear(2016),
      })
      assert.deepEqual([figure.link, figure.display], [link, value], key)
    }
    assert.deepEqual(sectionFigureKeys, Object.keys(expected))
    const rows = new Map(sectionFigureKeys.map((key) => [key, figureRow(page.body, labels.get(key)!)]))
    for (const [key, [link, value]] of Object.entries(expected)) {
      assert.equal(rows.get(key)!.link?.replace(/&amp;/g, '&'), link, `${key} links to its records`)
      assert.equal(rows.get(key)!.thisYear, value, key)
    }

    // The pages behind them are the scorecard's.
    await agreesWithScorecard(t, officer, card, rows)
  })

  it('is in the Performance, Audit and Quality Assurance subgroup’s report, and not in Case Review and Governance’s', async () => {
    const { officer, testApp } = shared
    const { qualityAssurance2016, caseReview2016 } = await demoReports(testApp)
    const paqa = await officer.get(`/reports/${qualityAssurance2016}`)
    assert.equal(paqa.statusCode, 200)
    assert.match(documentPart(paqa.body), /<h2[^>]*>Performance data<\/h2>/)
    assert.doesNotMatch(documentPart(paqa.body), /<h2[^>]*>Case reviews and learning<\/h2>/)
    assert.ok(narrativeText(paqa.body).includes(`${opening} ${finding}`))
    assert.match(narrativeText(paqa.body), /The Performance, Audit and Quality Assurance subgroup scrutinises/)

    const crg = documentPart((await officer.get(`/reports/${caseReview2016}`)).body)
    assert.match(crg, /<h2[^>]*>Case reviews and learning<\/h2>/)
    assert.doesNotMatch(crg, /<h2[^>]*>(Performance data|Learning and development)<\/h2>/)
  })

  it('says a year with no data in words, with no tables or charts', async () => {
    const { testApp } = shared
    const db = testApp.database.db
    const context = { partnershipId: testApp.partnershipId, year: reportingYear(2005), group: null }
    const drafted = await Promise.all(performanceSection.narrative.map((slot) => startingText(db, slot, context)))
    assert.deepEqual(drafted, ['There is no performance data for 2005/06.', undefined])
    assert.deepEqual(await performanceSection.build(db, context), { tables: [], charts: [], problems: [] })
  })

  it('puts the finding in the cabinet paper once, under the subgroup’s heading, once the reports are approved', async () => {
    const { officer, testApp } = shared
    const chair = await testApp.signIn(demoEmail.chair)
    const { draft2016, qualityAssurance2016 } = await demoReports(testApp)
    for (const reportId of [qualityAssurance2016, draft2016]) {
      await moved(await press(officer, reportId, 'submit'))
      await moved(await press(chair, reportId, 'approve'))
    }
    const paperUrl = `/reports/${draft2016}/cabinet-paper`
    const paper = await officer.get(paperUrl)
    const version = paper.body.match(new RegExp(`action="${paperUrl}/redraft"[\\s\\S]*?name="version" value="(\\d+)"`))
    assert.ok(version, 'the paper can be drafted again')
    await moved(await officer.post(`${paperUrl}/redraft`, { version: version[1]! }))
    const text = textOf((await officer.get(paperUrl)).body)
    const heading = text.indexOf('The Performance, Audit and Quality Assurance subgroup annual report')
    assert.notEqual(heading, -1, 'the subgroup’s heading')
    assert.equal(occurrences(text, finding), 1, 'the finding is said once')
    assert.ok(text.indexOf(finding) > heading, 'under the subgroup’s heading')
    assert.ok(text.includes(growthSentence))
    assert.ok(text.indexOf('The Performance, Audit and Quality Assurance subgroup scrutinises') > heading)
  })
})

/** Each figure's page shows exactly what the figure counts or says. */
async function agreesWithScorecard(
  t: TestContext,
  officer: Session,
  card: Awaited<ReturnType<typeof scorecard>>,
  rows: Map<string, ReturnType<typeof figureRow>>,
) {
  const open = async (key: string) => {
    const page = await officer.get(rows.get(key)!.link!.replace(/&amp;/g, '&'))
    assert.equal(page.statusCode, 200, `${key}: its page opens`)
    return page.body
  }
  const board = await open('indicators')
  const boardText = textOf(board)
  assert.equal(card.rows.filter((r) => boardText.includes(r.indicator.name)).length, 12, 'every indicator is listed')
  for (const rag of ['Red', 'Amber', 'Green'])
    assert.equal(
      String(board.match(new RegExp(`<strong class="govuk-tag[^"]*">\\s*${rag}\\s*</strong>`, 'g'))?.length ?? 0),
      rows.get(`rag-${rag.toLowerCase()}`)!.thisYear,
      `${rag}: the scorecard shows as many as the figure says`,
    )
  const exceptions = textOf(await open('exceptions'))
  const sentences = card.rows.flatMap((r) => r.exceptions.map((e) => e.sentence))
  assert.equal(sentences.filter((s) => exceptions.includes(s)).length, Number(rows.get('exceptions')!.thisYear))
  const cpp = card.rows.find((r) => r.indicator.code === 'CPP-RATE')!.indicator.id
  const indicator = textOf((await officer.get(`/performance/indicators/${cpp}`)).body)
  for (const value of [at(demoOwnArea, 2016), at(englandCode, 2016), neighboursAt(2016), at(demoOwnArea, 2013)])
    assert.ok(indicator.includes(number.format(value)), `the indicator page shows ${number.format(value)}`)
  t.diagnostic('followed every link of the section')
}
