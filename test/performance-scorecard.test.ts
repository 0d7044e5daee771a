import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { indicatorCommentary, observations, performanceSettings } from '../src/modules/performance/schema.ts'
import { auditLog } from '../src/platform/schema.ts'
import { insertIndicator, insertObservations, setComparators } from './builders/index.ts'
import { appForSuite } from './helpers/app.ts'
import { parseCsv } from './helpers/csv.ts'
import { errorSummary, formValues, heading, linkedNames, pageTitle, tableColumn, textOf } from './helpers/html.ts'
import {
  bucks,
  cambs,
  england,
  glos,
  loadFigures,
  names,
  ours,
  own,
  scorecardByName,
  type Fixture,
} from './helpers/performance.ts'

/**
 * The scorecard, its exceptions and an indicator's page, read as the business unit and a board
 * member read them, over figures written with the builders into a partnership of their own. The
 * judgements themselves are unit-tested in src/modules/performance/judgements.test.ts; here, that
 * the pages say them: suppressed as suppressed, directions and RAG in words, each exception's
 * sentence, and downloads that hold what the page shows. The figures, worked by hand, are in
 * test/helpers/performance.ts.
 */

/** The number in the page's "6 exceptions in 2016/17". */
function exceptionTotal(body: string, yearLabel: string) {
  const found = new RegExp(`(\\d+) exceptions? in ${yearLabel}`).exec(textOf(body))
  assert.ok(found, `the page counts the exceptions in ${yearLabel}`)
  return Number(found[1])
}

describe('the scorecard, its exceptions and an indicator’s page', () => {
  const app = appForSuite()
  let f: Fixture
  before(async () => {
    f = await loadFigures(app())
  })

  it('shows each indicator’s value, direction of travel, comparators, target and RAG in words', async () => {
    const page = await f.officer.get('/performance')
    assert.equal(page.statusCode, 200)
    assert.equal(heading(page.body), 'Performance scorecard 2016/17')
    const rows = scorecardByName(page.body, 'Scorecard 2016/17')
    assert.deepEqual(rows[names.plans], {
      Indicator: names.plans,
      Period: '2016/17',
      Value: '45',
      'Previous period': '42 (2015/16)',
      'Direction of travel': '↑ Up',
      England: '43.3',
      Region: '41.5',
      'Statistical neighbours’ average': '37.1',
      Target: 'None',
      'RAG rating': 'Not judged',
      Exceptions: '1',
    })
    // Suppressed, never 0; only one of three neighbours has a value.
    assert.equal(rows[names.rereferrals]!.Value, 'Suppressed (c)')
    assert.equal(rows[names.rereferrals]!['Previous period'], '24% (2015/16)')
    assert.equal(rows[names.rereferrals]!['Direction of travel'], 'No earlier value')
    assert.equal(rows[names.rereferrals]!['Statistical neighbours’ average'], '20% (1 of 3)')
    assert.equal(rows[names.rereferrals]!['RAG rating'], 'Not judged')
    assert.equal(rows[names.assessments]!['Direction of travel'], '↓ Worsening')
    assert.equal(rows[names.assessments]!['RAG rating'], 'Red Against England and neighbours')
    assert.equal(rows[names.assessments]!.Exceptions, '2')
    assert.equal(rows[names.lookedAfter]!['Direction of travel'], '↓ Improving')
    assert.equal(rows[names.lookedAfter]!['RAG rating'], 'Amber Against the target')
    assert.equal(rows[names.inNeed]!['RAG rating'], 'Green Against the target')
    // The arrow is decoration: a screen reader hears the word only.
    assert.match(page.body, /<span aria-hidden="true">↓<\/span> Improving/)
    assert.match(page.body, /govuk-tag--red">Red</)
    // The count is every row's exceptions (the partnership's seeded measures have some too); ours are 1 + 2.
    const all = tableColumn(page.body, 'Scorecard 2016/17', 'Exceptions').map(Number)
    assert.equal(
      exceptionTotal(page.body, '2016/17'),
      all.reduce((sum, n) => sum + n, 0),
    )
    assert.ok(exceptionTotal(page.body, '2016/17') >= 3)
  })

  it('shows another year from the year picker, which offers the years with figures', async () => {
    let page = await f.officer.get('/performance')
    const picker = page.body.match(/<select[^>]*name="year"[\s\S]*?<\/select>/)![0]
    for (const year of ['2016-17', '2015-16', '2014-15', '2013-14']) assert.match(picker, new RegExp(`value="${year}"`))
    assert.match(picker, /value="2016-17" selected/)
    page = await f.officer.get('/performance?year=2014-15')
    assert.equal(heading(page.body), 'Performance scorecard 2014/15')
    // The year goes with the reader to the exceptions.
    assert.match(page.body, /moj-sub-navigation__link"\s+href="\/performance\/exceptions\?year=2014-15"/)
    const rows = scorecardByName(page.body, 'Scorecard 2014/15')
    assert.equal(rows[names.plans]!.Value, '40')
    assert.equal(rows[names.plans]!['Previous period'], '36 (2013/14)')
    assert.equal(rows[names.assessments]!.Value, '85%')
    assert.equal(rows[names.inNeed]!.Value, 'No data')
  })

  it('sorts on the server by catalogue order, name and RAG', async () => {
    const order = async (query: string) =>
      ours(linkedNames((await f.officer.get(`/performance${query}`)).body, '/performance/indicators'))
    const catalogue = [names.plans, names.rereferrals, names.assessments, names.lookedAfter, names.inNeed]
    assert.deepEqual(await order(''), catalogue)
    assert.deepEqual(await order('?sort=position&direction=desc'), [...catalogue].reverse())
    assert.deepEqual(await order('?sort=name&direction=asc'), [...catalogue].sort())
    // Red, amber, green, then not judged (in catalogue order).
    assert.deepEqual(await order('?sort=rag&direction=asc'), [
      names.assessments,
      names.lookedAfter,
      names.inNeed,
      names.plans,
      names.rereferrals,
    ])
  })

  it('downloads the same rows as CSV and XLSX, in the page’s order', async () => {
    const query = '?year=2016-17&sort=rag&direction=asc'
    const page = await f.officer.get(`/performance${query}`)
    assert.match(page.body, /href="\/performance\/scorecard.csv\?year=2016-17&amp;sort=rag&amp;direction=asc"/)
    const csv = await f.officer.get(`/performance/scorecard.csv${query}`)
    assert.equal(csv.statusCode, 200)
    const [head, ...rows] = parseCsv(csv.body)
    const col = (name: string) => head!.indexOf(name)
    const mine = rows.filter((r) => Object.values(names).includes(r[col('Indicator')]!))
    const shown = scorecardByName(page.body, 'Scorecard 2016/17')
    assert.deepEqual(
      mine.map((r) => r[col('Indicator')]),
      ours(linkedNames(page.body, '/performance/indicators')),
    )
    for (const r of mine) {
      const onPage = shown[r[col('Indicator')]!]!
      assert.equal(`${r[col('RAG rating')]} ${r[col('RAG judged')]}`.trim(), onPage['RAG rating'])
      assert.equal(onPage['Direction of travel']!.replace(/^[↑↓→] /, ''), r[col('Direction of travel')])
      assert.equal(r[col('Exceptions')], onPage.Exceptions)
    }
    const plans = mine.find((r) => r[col('Indicator')] === names.plans)!
    assert.deepEqual(
      [
        'Value',
        'Previous value',
        'England',
        'Region',
        'Statistical neighbours’ average',
        'Neighbours with a value',
      ].map((c) => plans[col(c)]),
      ['45', '42', '43.3', '41.5', '37.1', '3 of 3'],
    )
    const rereferrals = mine.find((r) => r[col('Indicator')] === names.rereferrals)!
    assert.deepEqual([rereferrals[col('Value')], rereferrals[col('Suppressed')]], ['', 'c'])

    const xlsx = await f.officer.get(`/performance/scorecard.xlsx${query}`)
    assert.equal(xlsx.statusCode, 200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]!
    const sheetRows: unknown[][] = []
    sheet.eachRow((row) => sheetRows.push((row.values as unknown[]).slice(1)))
    assert.deepEqual(sheetRows[0], head)
    assert.deepEqual(
      sheetRows.slice(1).map((r) => String(r[col('Indicator')])),
      rows.map((r) => r[col('Indicator')]),
    )
  })

  it('lists the year’s exceptions by kind, each with its indicator and its sentence, and as CSV', async () => {
    const page = await f.boardMember.get('/performance/exceptions?year=2016-17')
    assert.equal(page.statusCode, 200)
    const text = textOf(page.body)
    assert.ok(text.includes('Growing faster than England and neighbours'))
    assert.ok(
      text.includes(
        'Test plans per 10,000 children rose by 25% from 2013/14 to 2016/17, faster than England (2.9%) and statistical neighbours (6%).',
      ),
    )
    assert.ok(text.includes('Worse than England and neighbours'))
    assert.ok(
      text.includes(
        'Test assessments on time stood at 75% in 2016/17, lower than England (82.9%) and statistical neighbours (83%); higher is better.',
      ),
    )
    assert.ok(text.includes('Moving the wrong way'))
    assert.ok(
      text.includes(
        'Test assessments on time fell in each of the last 3 years, from 90% in 2013/14 to 75% in 2016/17.',
      ),
    )
    assert.match(page.body, new RegExp(`href="/performance/indicators/${f.ids.plans}"`))

    const csv = parseCsv((await f.boardMember.get('/performance/exceptions.csv?year=2016-17')).body)
    assert.deepEqual(csv[0], ['Year', 'Code', 'Indicator', 'Kind', 'Why'])
    // The count says how many the page lists and the download holds, the seeded measures' with ours.
    const listed = page.body.match(
      /<li><a class="govuk-link govuk-!-font-weight-bold" href="\/performance\/indicators\//g,
    )
    assert.equal(exceptionTotal(page.body, '2016/17'), listed?.length)
    assert.equal(exceptionTotal(page.body, '2016/17'), csv.length - 1)
    assert.deepEqual(
      csv
        .slice(1)
        .filter((r) => Object.values(names).includes(r[2]!))
        .map((r) => [r[0], r[2], r[3]]),
      [
        ['2016/17', names.assessments, 'Worse than England and neighbours'],
        ['2016/17', names.assessments, 'Moving the wrong way'],
        ['2016/17', names.plans, 'Growing faster than England and neighbours'],
      ],
    )
    // The home page lists them too.
    const home = textOf((await f.boardMember.get('/')).body)
    assert.ok(home.includes('Performance exceptions, 2016/17'))
    assert.ok(home.includes(names.assessments))
  })

  it('says when the partnership’s authority is not set, and when there are no figures', async () => {
    const { db } = f.testApp.database
    const [settings] = await db
      .select()
      .from(performanceSettings)
      .where(eq(performanceSettings.partnershipId, f.partnershipId))
    await db.delete(performanceSettings).where(eq(performanceSettings.partnershipId, f.partnershipId))
    try {
      let page = await f.officer.get('/performance')
      assert.ok(textOf(page.body).includes('The partnership’s own local authority is not set'))
      assert.match(page.body, /href="\/performance\/neighbours"/)
      page = await f.boardMember.get('/performance')
      assert.ok(textOf(page.body).includes('The business unit sets it'))
      assert.doesNotMatch(page.body, /href="\/performance\/neighbours"/)

      await setComparators(db, f.partnershipId, 'E06099999', [])
      page = await f.officer.get('/performance')
      assert.ok(textOf(page.body).includes('There are no figures for E06099999 yet.'))
      assert.match(page.body, /href="\/performance\/import\/dfe"/)
    } finally {
      await setComparators(db, f.partnershipId, settings!.areaCode, settings!.neighbourCodes)
    }
  })

  it('shows an indicator’s definition, trend chart with its table, where it stands and its data download', async () => {
    const page = await f.boardMember.get(`/performance/indicators/${f.ids.plans}`)
    assert.equal(page.statusCode, 200)
    assert.equal(heading(page.body), names.plans)
    assert.match(page.body, /<svg[^>]*role="img"/)
    // The chart's table: a row per year, a column per comparator.
    const caption = `${names.plans}: the numbers`
    assert.deepEqual(tableColumn(page.body, caption, 'Period'), ['2013/14', '2014/15', '2015/16', '2016/17'])
    assert.deepEqual(tableColumn(page.body, caption, 'Oxfordshire'), ['36', '40', '42', '45'])
    assert.deepEqual(tableColumn(page.body, caption, 'England'), ['42.1', '42.9', '43.1', '43.3'])
    assert.deepEqual(tableColumn(page.body, caption, 'South East'), ['No data', 'No data', 'No data', '41.5'])
    assert.deepEqual(tableColumn(page.body, caption, 'Statistical neighbours’ average'), [
      '35',
      'No data',
      'No data',
      '37.1',
    ])
    const text = textOf(page.body)
    assert.ok(text.includes('Neither: a measure of activity, not judged'))
    assert.ok(text.includes('Children subject to test plans') || text.includes('rose by 25%'))
    // The board member reads; only the business unit enters values and writes commentary.
    assert.doesNotMatch(page.body, /values\/new|\/commentary\//)
    const officerPage = await f.officer.get(`/performance/indicators/${f.ids.plans}`)
    assert.match(officerPage.body, new RegExp(`href="/performance/indicators/${f.ids.plans}/values/new"`))
    assert.match(officerPage.body, new RegExp(`href="/performance/indicators/${f.ids.plans}/edit"`))
    assert.match(officerPage.body, new RegExp(`href="/performance/indicators/${f.ids.plans}/commentary/2016-17"`))

    const csv = parseCsv((await f.boardMember.get(`/performance/indicators/${f.ids.plans}/data.csv`)).body)
    assert.deepEqual(csv[0], [
      'Area code',
      'Area name',
      'Area is',
      'Period',
      'Value',
      'Suppressed',
      'Source',
      'Entered by',
      'Entered at',
    ])
    const in1314 = csv.filter((r) => r[3] === '2013/14').map((r) => r.slice(0, 6))
    assert.deepEqual(in1314, [
      [bucks, 'Buckinghamshire', 'Statistical neighbour', '2013/14', '34', ''],
      [cambs, 'Cambridgeshire', 'Statistical neighbour', '2013/14', '36', ''],
      [glos, 'Gloucestershire', 'Statistical neighbour', '2013/14', '', 'c'],
      [own, 'Oxfordshire', 'Our authority', '2013/14', '36', ''],
      [england, 'England', 'England', '2013/14', '42.1', ''],
    ])
    assert.equal(csv.length, 1 + 4 + 4 + 1 + 6)
    const xlsx = await f.boardMember.get(`/performance/indicators/${f.ids.plans}/data.xlsx`)
    assert.equal(xlsx.statusCode, 200)
    assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK')
  })

  it('keeps the business unit’s commentary per period: saved, checked, audited, changed at its version', async () => {
    const path = `/performance/indicators/${f.ids.assessments}/commentary/2016-17`
    let form = await f.officer.get(path)
    assert.equal(form.statusCode, 200)
    assert.equal(heading(form.body), 'Add commentary for 2016/17')
    let response = await f.officer.post(path, { ...formValues(form.body), markdown: '   ' })
    assert.equal(response.statusCode, 400)
    assert.match(pageTitle(response.body), /^Error: /)
    assert.deepEqual(errorSummary(response.body), ['markdown: Enter the commentary'])

    response = await f.officer.post(path, {
      ...formValues(form.body),
      markdown: 'Timeliness fell as **demand rose**.\n\nA recovery plan is in place.',
    })
    assert.equal(response.statusCode, 302)
    assert.equal(response.headers.location, `/performance/indicators/${f.ids.assessments}?saved=1`)
    let page = await f.officer.get(response.headers.location as string)
    assert.match(page.body, /Timeliness fell as <strong>demand rose<\/strong>\./)
    assert.ok(textOf(page.body).includes('Commentary saved'))

    form = await f.officer.get(path)
    assert.equal(heading(form.body), 'Change commentary for 2016/17')
    const opened = formValues(form.body)
    response = await f.officer.post(path, { ...opened, markdown: 'Timeliness fell; a recovery plan is in place.' })
    assert.equal(response.statusCode, 302)
    // A second save from the form as it was first opened is refused, not lost over the first.
    response = await f.officer.post(path, { ...opened, markdown: 'An older draft' })
    assert.equal(response.statusCode, 409)
    page = await f.officer.get(`/performance/indicators/${f.ids.assessments}`)
    assert.ok(textOf(page.body).includes('Timeliness fell; a recovery plan is in place.'))

    const { db } = f.testApp.database
    const audit = await db
      .select({ summary: auditLog.summary, recordType: auditLog.recordType })
      .from(auditLog)
      .where(and(eq(auditLog.partnershipId, f.partnershipId), eq(auditLog.recordType, 'indicator-commentary')))
    assert.deepEqual(
      audit.map((a) => a.summary).sort(),
      [
        `Added commentary on ${names.assessments} for 2016/17`,
        `Changed commentary on ${names.assessments} for 2016/17`,
      ].sort(),
    )

    // A board member reads it but may not write it.
    const refused = await f.boardMember.get(path)
    assert.equal(refused.statusCode, 403)
    assert.equal((await f.boardMember.post(path, { markdown: 'Mine', version: '' })).statusCode, 403)
    const rows = await db
      .select()
      .from(indicatorCommentary)
      .where(eq(indicatorCommentary.indicatorId, f.ids.assessments))
    assert.equal(rows.length, 1)
    assert.equal(rows[0]!.markdown, 'Timeliness fell; a recovery plan is in place.')
    // A period that is not one.
    assert.equal(
      (await f.officer.get(`/performance/indicators/${f.ids.assessments}/commentary/2016-18`)).statusCode,
      404,
    )
  })

  it('shows the values later figures replaced, with when and by which import', async () => {
    const { db } = f.testApp.database
    await db
      .update(observations)
      .set({ supersededAt: new Date('2017-09-28T10:00:00Z') })
      .where(
        and(
          eq(observations.indicatorId, f.ids.lookedAfter),
          eq(observations.areaCode, own),
          eq(observations.period, '2016/17'),
        ),
      )
    await insertObservations(db, f.partnershipId, f.ids.lookedAfter, { [own]: { '2016/17': 50.5 } }, 'Tom Whitfield')
    const page = await f.officer.get(`/performance/indicators/${f.ids.lookedAfter}/history`)
    assert.equal(page.statusCode, 200)
    assert.deepEqual(tableColumn(page.body, 'Replaced values', 'Value'), ['51'])
    assert.deepEqual(tableColumn(page.body, 'Replaced values', 'Period'), ['2016/17'])
    assert.match(tableColumn(page.body, 'Replaced values', 'Replaced')[0]!, /^28 September 2017 at 11:00am/)
    const current = parseCsv((await f.officer.get(`/performance/indicators/${f.ids.lookedAfter}/data.csv`)).body)
    assert.deepEqual(
      current.filter((r) => r[3] === '2016/17').map((r) => r[4]),
      ['50.5'],
    )
  })

  it('finds no indicator of another partnership, nor an address that is not one', async () => {
    const { db } = f.testApp.database
    const elsewhere = await insertIndicator(db, f.testApp.partnershipId, { name: 'Another partnership’s measure' })
    for (const path of [
      `/performance/indicators/${elsewhere.id}`,
      `/performance/indicators/${elsewhere.id}/data.csv`,
      `/performance/indicators/${elsewhere.id}/history`,
      `/performance/indicators/${elsewhere.id}/commentary/2016-17`,
      '/performance/indicators/not-an-id',
    ])
      assert.equal((await f.officer.get(path)).statusCode, 404, path)
  })
})
