import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import ExcelJS from 'exceljs'
import { registry } from '../src/app.ts'
import type { Database } from '../src/db/index.ts'
import { learningModule } from '../src/modules/learning/index.ts'
import { learningSection } from '../src/modules/learning/reach/section.ts'
import {
  bookings,
  courses,
  elearningCompletions,
  learners,
  mailingLists,
  newsletterIssues,
  subscriptions,
  trainingEvents,
  type BookingStatus,
  type CourseFormat,
  type LearnerSector,
} from '../src/modules/learning/schema.ts'
import { draftPaper } from '../src/modules/reports/cabinet-paper/content.ts'
import { assembleSnapshot } from '../src/modules/reports/snapshot.ts'
import { computeFigure, type Figure } from '../src/platform/figures.ts'
import { reportingYear, type ReportingYear } from '../src/platform/reporting-years.ts'
import { insertAgency } from './builders/index.ts'
import { demoEmail, type Session, type TestApp } from './helpers/app.ts'
import { parseCsv } from './helpers/csv.ts'
import { textOf } from './helpers/html.ts'
import { officerForSuite } from './helpers/records.ts'

/**
 * The reach figures: each is the number of records its link lists (the page's count line, its
 * rows and its download), for two years either side of the boundaries (an event at half past
 * midnight on 1 April in summer time, a subscription ended on the year's last day); a range of
 * days; the page's CSV and XLSX; the report section and the cabinet paper's training paragraph;
 * and who may see what. The fixture years (2002/03, 2003/04) are before any demo data.
 */
const y2002 = reportingYear(2002)
const y2003 = reportingYear(2003)

interface Fixture {
  db: Database
  partnershipId: string
}

async function course(f: Fixture, title: string, format: CourseFormat) {
  const [row] = await f.db
    .insert(courses)
    .values({
      partnershipId: f.partnershipId,
      title,
      summary: title,
      audience: 'Everyone',
      level: 'introductory',
      format,
      durationMinutes: 180,
    })
    .returning({ id: courses.id })
  return row!.id
}

async function event(
  f: Fixture,
  courseId: string,
  startsAt: string,
  status: 'completed' | 'cancelled' | 'scheduled' = 'completed',
) {
  const start = new Date(startsAt)
  const [row] = await f.db
    .insert(trainingEvents)
    .values({
      partnershipId: f.partnershipId,
      courseId,
      startsAt: start,
      endsAt: new Date(start.getTime() + 3 * 3_600_000),
      venue: 'County Hall',
      capacity: 200,
      status,
    })
    .returning({ id: trainingEvents.id })
  return row!.id
}

async function learner(f: Fixture, name: string, sector: LearnerSector | null = null) {
  const [row] = await f.db
    .insert(learners)
    .values({
      partnershipId: f.partnershipId,
      name,
      email: `${name.toLowerCase().replace(/\W+/g, '.')}@reach.test`,
      sector,
    })
    .returning({ id: learners.id })
  return row!.id
}

async function book(
  f: Fixture,
  eventId: string,
  learnerId: string,
  status: BookingStatus,
  sector: LearnerSector,
  agencyId: string | null = null,
) {
  await f.db
    .insert(bookings)
    .values({ partnershipId: f.partnershipId, eventId, learnerId, status, sector, agencyId, source: 'staff' })
}

async function figure(testApp: TestApp, key: string, year: ReportingYear) {
  const definition = learningModule.figures!.find((d) => d.key === key)
  assert.ok(definition, `no figure ${key}`)
  return computeFigure(testApp.database.db, 'learning', definition, { partnershipId: testApp.partnershipId, year })
}

const bodyRows = (html: string) => {
  const body = html.match(/<tbody class="govuk-table__body">([\s\S]*?)<\/tbody>/)?.[1] ?? ''
  return [...body.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)].map((m) =>
    [...m[1]!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) =>
      textOf(c[1]!.replace(/<span class="govuk-visually-hidden">[\s\S]*?<\/span>/g, '')),
    ),
  )
}

/** The rows the figure's link lists, having checked its count line and download say as many. */
async function listedBy(session: Session, result: Figure) {
  assert.ok(result.link, `${result.name} has a link`)
  const [path, query = ''] = result.link.split('?')
  const page = await session.get(result.link)
  assert.equal(page.statusCode, 200, result.link)
  const rows = bodyRows(page.body)
  const status = textOf(page.body.match(/<p class="govuk-body" role="status">([\s\S]*?)<\/p>/)?.[1] ?? '')
  if (rows.length) assert.match(status, new RegExp(`(^| of )${rows.length} [a-z]+\\.`), `${result.link}: ${status}`)
  else assert.match(status, /There are no records/)
  const csv = parseCsv((await session.get(`${path}.csv?${query}`)).body)
  assert.equal(csv.length - 1, rows.length, `${result.link}: the download has the page's rows`)
  return { rows, csv: csv.slice(1) }
}

describe('the reach figures', () => {
  const shared = officerForSuite()
  const ids = {} as Record<string, string>

  before(async () => {
    const f: Fixture = { db: shared.testApp.database.db, partnershipId: shared.testApp.partnershipId }
    const police = await insertAgency(f.db, f.partnershipId, { name: 'Reach Police' })
    const health = await insertAgency(f.db, f.partnershipId, { name: 'Reach Health Trust' })
    ids.police = police.id
    const workshop = await course(f, 'Reach workshop', 'face-to-face')
    const online = await course(f, 'Reach webinar', 'virtual')
    const learning = await course(f, 'Reach learning event', 'learning-event')

    // 2002/03: two workshops, a webinar, two learning events; a cancelled and a scheduled event not counted.
    const w1 = await event(f, workshop, '2002-05-10T08:30:00Z')
    const w2 = await event(f, workshop, '2002-11-10T09:30:00Z')
    const web = await event(f, online, '2003-01-15T13:00:00Z')
    const le1 = await event(f, learning, '2002-06-20T08:00:00Z')
    const le2 = await event(f, learning, '2003-02-20T09:00:00Z')
    const cancelled = await event(f, workshop, '2002-07-01T08:00:00Z', 'cancelled')
    await event(f, workshop, '2002-08-01T08:00:00Z', 'scheduled')
    // Half past midnight on 1 April 2003 in London (summer time): 2003/04, though 31 March in UTC.
    const edge = await event(f, workshop, '2003-03-31T23:30:00Z')
    ids.edge = edge

    const ann = await learner(f, 'Ann Attender', 'health')
    const bob = await learner(f, 'Bob Both', 'police')
    const cat = await learner(f, 'Cat Elearner', 'education')
    const dan = await learner(f, 'Dan Noshow', 'housing')
    const eve = await learner(f, 'Eve Unknown', null)
    const fay = await learner(f, 'Fay Late', 'faith')
    const gus = await learner(f, 'Gus Cancelled', 'health')

    await book(f, w1, ann, 'attended', 'health', health.id)
    await book(f, w2, ann, 'attended', 'health', health.id)
    await book(f, w1, bob, 'attended', 'police', police.id)
    await book(f, web, bob, 'attended', 'voluntary-and-community')
    await book(f, w1, dan, 'no-show', 'housing')
    await book(f, w2, fay, 'late-cancellation', 'faith')
    await book(f, w2, gus, 'cancelled', 'health')
    await book(f, le1, ann, 'attended', 'health', health.id)
    await book(f, le1, eve, 'attended', 'other')
    await book(f, le1, dan, 'attended', 'housing')
    await book(f, le2, fay, 'attended', 'faith')
    await book(f, le2, gus, 'booked', 'health')
    await book(f, cancelled, gus, 'attended', 'health')
    await book(f, edge, cat, 'attended', 'education')

    const complete = (learnerId: string, moduleName: string, completedOn: string, agencyId: string | null = null) =>
      f.db.insert(elearningCompletions).values({
        partnershipId: f.partnershipId,
        learnerId,
        moduleName,
        completedOn,
        agencyName: agencyId ? 'Reach Police' : 'Somewhere Else',
        agencyId,
      })
    await complete(cat, 'Basics', '2002-09-01')
    await complete(cat, 'Neglect', '2003-03-31')
    await complete(bob, 'Basics', '2002-10-01', police.id)
    await complete(eve, 'Basics', '2003-04-01')

    const [termly] = await f.db
      .insert(mailingLists)
      .values({ partnershipId: f.partnershipId, name: 'Reach termly newsletter', description: 'Termly' })
      .returning({ id: mailingLists.id })
    const [bulletin] = await f.db
      .insert(mailingLists)
      .values({ partnershipId: f.partnershipId, name: 'Reach schools bulletin', description: 'Schools' })
      .returning({ id: mailingLists.id })
    ids.termly = termly!.id
    const subscribe = (
      listId: string,
      email: string,
      confirmedAt: string | null,
      unsubscribedAt: string | null = null,
    ) =>
      f.db.insert(subscriptions).values({
        partnershipId: f.partnershipId,
        listId,
        email,
        consentText: 'Yes',
        consentedAt: new Date('2002-04-01T00:00:00Z'),
        confirmedAt: confirmedAt ? new Date(confirmedAt) : null,
        unsubscribedAt: unsubscribedAt ? new Date(unsubscribedAt) : null,
      })
    await subscribe(termly!.id, 'one@reach.test', '2002-05-01T10:00:00Z')
    await subscribe(termly!.id, 'two@reach.test', '2002-05-01T10:00:00Z')
    await subscribe(termly!.id, 'three@reach.test', '2002-05-01T10:00:00Z', '2003-03-31T12:00:00Z')
    await subscribe(termly!.id, 'four@reach.test', '2003-03-31T22:59:00Z')
    await subscribe(termly!.id, 'five@reach.test', null)
    await subscribe(bulletin!.id, 'one@reach.test', '2002-06-01T10:00:00Z')
    const issue = (listId: string, title: string, sentAt: string | null, status: 'sent' | 'draft') =>
      f.db.insert(newsletterIssues).values({
        partnershipId: f.partnershipId,
        listId,
        title,
        body: 'News',
        status,
        sentAt: sentAt ? new Date(sentAt) : null,
        recipients: 3,
      })
    await issue(termly!.id, 'Summer 2002', '2002-07-01T09:00:00Z', 'sent')
    await issue(termly!.id, 'Autumn 2002', '2002-11-01T09:00:00Z', 'sent')
    await issue(bulletin!.id, 'Schools spring', '2003-04-02T09:00:00Z', 'sent')
    await issue(termly!.id, 'Draft', null, 'draft')
  })

  for (const key of learningModule.figures!.map((d) => d.key))
    it(`${key}: the figure is what its list shows and downloads, in 2002/03 and 2003/04`, async () => {
      const { testApp, officer } = shared
      for (const year of [y2002, y2003]) {
        const result = await figure(testApp, key, year)
        assert.equal(result.problem, null, `${key}: ${result.problem}`)
        const { rows, csv } = await listedBy(officer, result)
        if (key === 'learning-event-average') {
          // The average of the delegates the list gives for each learning event.
          const delegates = csv.map((row) => Number(row[4]))
          const average = delegates.length ? delegates.reduce((a, b) => a + b, 0) / delegates.length : 0
          assert.equal(result.value, Math.round(average * 10) / 10)
        } else
          assert.equal(result.value, rows.length, `${key} ${year.label}: figure ${result.value}, list ${rows.length}`)
      }
    })

  it('counts what the definitions say in 2002/03', async () => {
    const { testApp } = shared
    const values = Object.fromEntries(
      await Promise.all(learningModule.figures!.map(async (d) => [d.key, (await figure(testApp, d.key, y2002)).value])),
    )
    assert.deepEqual(values, {
      'events-delivered': 5,
      'places-booked': 11,
      attended: 8,
      'no-shows': 1,
      'late-cancellations': 1,
      // Ann, Bob, Eve, Dan, Fay by attending; Cat by e-learning. Gus attended only a cancelled event.
      'people-trained': 6,
      'elearning-completions': 3,
      'elearning-learners': 2,
      'learning-events': 2,
      'learning-event-delegates': 4,
      'learning-event-average': 2,
      // one, two (termly) and one (bulletin); three unsubscribed on the last day; four confirmed at 23:59 London time.
      'newsletter-subscribers': 4,
      'largest-list-subscribers': 3,
      'newsletter-issues': 2,
    })
    const next = await figure(testApp, 'people-trained', y2003)
    assert.equal(next.value, 2, 'Cat at the half-past-midnight event, Eve by e-learning')
  })

  it('breaks people down by agency and sector, each person once in each', async () => {
    const { officer } = shared
    const page = await officer.get('/learning/reach?year=2002-03')
    assert.equal(page.statusCode, 200)
    const rows = bodyRows(page.body)
    const value = (measure: string, group: string) =>
      rows.find(
        (r, i) =>
          r[1] === measure &&
          rows
            .slice(0, i + 1)
            .reverse()
            .find((x) => x[0] && !x[0].startsWith(' '))?.[0]
            ?.includes(group),
      )?.[2]
    assert.equal(value('Reach Health Trust', 'agency'), '1', 'Ann, once for three bookings')
    assert.equal(value('Reach Police', 'agency'), '1', 'Bob, by booking and by e-learning')
    assert.equal(value('Not in the directory', 'agency'), '5')
    assert.equal(value('Voluntary and community sector', 'sector'), '1', 'Bob gave a second sector for the webinar')
    assert.equal(value('Schools and colleges', 'sector'), '1', 'Cat, by e-learning only: her own sector')
    assert.doesNotMatch(JSON.stringify(rows), /Not known/, 'nobody trained without a sector')
    // The breakdown's links list the people counted.
    const police = await officer.get(`/learning/reach/people-trained?year=2002-03&agency=${ids.police}`)
    assert.deepEqual(
      bodyRows(police.body).map((r) => r[0]),
      ['Bob Both'],
    )
    assert.match(textOf(police.body), /Agency: Reach Police/)
    const sector = await officer.get('/learning/reach/people-trained?year=2002-03&sector=police')
    assert.deepEqual(
      bodyRows(sector.body).map((r) => r[0]),
      ['Bob Both'],
    )
  })

  it('takes any range of days, typed or in the address, and says when one cannot be read', async () => {
    const { officer } = shared
    const typed = await officer.get(
      '/learning/reach?from-day=1&from-month=4&from-year=2002&to-day=30&to-month=6&to-year=2002',
    )
    assert.equal(typed.statusCode, 200)
    assert.match(textOf(typed.body), /1 April 2002 to 30 June 2002/)
    const rows = bodyRows(typed.body)
    assert.deepEqual(rows[0]!.slice(1), ['All formats', '2'], 'the May workshop and the June learning event')
    assert.match(typed.body, /href="\/learning\/reach\/events-delivered\?from=2002-04-01&amp;to=2002-06-30"/)
    const listed = await officer.get('/learning/reach/events-delivered?from=2002-04-01&to=2002-06-30')
    assert.equal(bodyRows(listed.body).length, 2)
    const backwards = await officer.get(
      '/learning/reach?from-day=1&from-month=4&from-year=2003&to-day=1&to-month=1&to-year=2003',
    )
    assert.equal(backwards.statusCode, 400)
    assert.match(textOf(backwards.body), /The last day must be the same as or after the first day/)
  })

  it('downloads the table as CSV and XLSX with the same numbers', async () => {
    const { officer } = shared
    const page = bodyRows((await officer.get('/learning/reach?year=2002-03')).body)
    const csv = await officer.get('/learning/reach.csv?year=2002-03')
    assert.equal(csv.statusCode, 200)
    const csvRows = parseCsv(csv.body)
    assert.deepEqual(csvRows[0], ['Range', 'First day', 'Last day', 'Figure', 'Of', 'Value', 'Records'])
    assert.equal(csvRows.length - 1, page.length)
    assert.deepEqual(
      csvRows.slice(1).map((r) => r[5]),
      page.map((r) => r[2]!.replace(/,/g, '')),
    )
    const xlsx = await officer.get('/learning/reach.xlsx?year=2002-03')
    assert.equal(xlsx.statusCode, 200)
    assert.match(String(xlsx.headers['content-type']), /spreadsheetml/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('Reach')!
    assert.equal(sheet.rowCount, csvRows.length)
    assert.equal(sheet.getRow(2).getCell(6).value, 5, 'numbers stay numbers')
    assert.equal(sheet.getRow(2).getCell(4).value, 'Events delivered')
  })

  it('builds the report section: figures, two charts beside their tables, and the training paragraph', async () => {
    const { testApp } = shared
    const db = testApp.database.db
    const content = await learningSection.build(db, { partnershipId: testApp.partnershipId, year: y2002, group: null })
    assert.deepEqual(
      content.tables.map((t) => t.caption),
      [
        'Events delivered by format',
        'People trained by sector',
        'People trained by agency',
        'Newsletters and bulletins',
      ],
    )
    assert.deepEqual(content.tables[0]!.rows.at(-1), ['All formats', 5, 11, 8, 1, 1])
    assert.deepEqual(
      content.charts.map((c) => c.kind),
      ['bar', 'bar'],
    )
    assert.deepEqual(content.charts[0]!.data, [
      { category: 'Face to face', value: 2 },
      { category: 'Virtual (online, live)', value: 1 },
      { category: 'Learning event', value: 2 },
    ])
    assert.deepEqual(content.tables[3]!.rows, [
      ['Reach schools bulletin', 1, 0],
      ['Reach termly newsletter', 3, 2],
      ['All lists', 4, 2],
    ])

    const annual = await assembleSnapshot(db, registry, testApp.partnershipId, {
      title: 'Annual report 2002/03',
      year: y2002,
      group: null,
      sections: registry.sections.map((s) => s.name),
      narrative: new Map(),
      previousFigures: {},
    })
    const section = annual.sections.find((s) => s.name === 'learning.learning-and-development')!
    assert.equal(section.charts.length, 2)
    assert.ok(section.charts.every((c) => c.svg.startsWith('<svg') && c.table.rows.length))
    assert.deepEqual(section.problems, [])
    const paper = draftPaper({
      partnership: { name: 'Reach Safeguarding Children Board', shortName: 'RSCB', area: 'Reachshire' },
      year: '2002/03',
      annual,
      subgroups: [],
      chair: null,
      meeting: 'Cabinet',
      today: new Date('2003-09-01T12:00:00Z'),
    })
    const paragraphs = paper.sections.flatMap((s) => s.paragraphs)
    assert.ok(
      paragraphs.includes(
        'During the year the partnership delivered 5 free safeguarding training and learning events, plus online learning. The training reached 6 members of the workforce. The partnership sent termly newsletters to 3 members of the multi-agency workforce, and e-bulletins to educational settings. It ran 2 learning events, for 2 delegates each time.',
      ),
      paragraphs.join('\n'),
    )

    // A written slot replaces the starting text; a subgroup's report leaves the section out.
    const written = await assembleSnapshot(db, registry, testApp.partnershipId, {
      title: 'Annual report 2002/03',
      year: y2002,
      group: null,
      sections: ['learning.learning-and-development'],
      narrative: new Map([
        ['learning.learning-and-development/programme', 'Our own words: {{learning.events-delivered}} events.'],
      ]),
      previousFigures: {},
    })
    assert.equal(written.sections[0]!.narrative[0]!.resolved, 'Our own words: 5 events.')
    const subgroup = await assembleSnapshot(db, registry, testApp.partnershipId, {
      title: 'Subgroup report',
      year: y2002,
      group: { id: ids.police!, name: 'Any subgroup' },
      sections: ['learning.learning-and-development'],
      narrative: new Map(),
      previousFigures: {},
    })
    assert.deepEqual(subgroup.sections, [])
  })

  it('says the seed paper’s words at the demo’s scale: over 150, over 9,000, over 4,000, about 150', async () => {
    const definitions = Object.fromEntries(learningModule.figures!.map((d) => [d.key, d]))
    const say = async (key: string, value: number) =>
      (
        await computeFigure(
          shared.testApp.database.db,
          'learning',
          { ...definitions[key]!, compute: async () => ({ value, link: null }) },
          {
            partnershipId: shared.testApp.partnershipId,
            year: y2002,
          },
        )
      ).prose
    await Promise.all([
      say('events-delivered', 163).then((p) => assert.equal(p, 'over 150')),
      say('people-trained', 9342).then((p) => assert.equal(p, 'over 9,000')),
      say('largest-list-subscribers', 4210).then((p) => assert.equal(p, 'over 4,000')),
      say('learning-event-average', 146.5).then((p) => assert.equal(p, 'about 150')),
      say('learning-event-average', 158).then((p) => assert.equal(p, 'about 150')),
    ])
  })

  it('shows read-only readers the numbers, not the records behind them', async () => {
    const { testApp } = shared
    const reader = await testApp.signIn(demoEmail['read-only'])
    const page = await reader.get('/learning/reach?year=2002-03')
    assert.equal(page.statusCode, 200)
    assert.doesNotMatch(page.body, /href="\/learning\/reach\/[a-z-]+\?/)
    assert.equal(bodyRows(page.body)[0]![2], '5')
    assert.equal((await reader.get('/learning/reach.csv?year=2002-03')).statusCode, 200)
    for (const path of ['/learning/reach/people-trained?year=2002-03', '/learning/reach/attended.csv?year=2002-03'])
      assert.equal((await reader.get(path)).statusCode, 403, path)
    const officerPage = await shared.officer.get('/learning/reach?year=2002-03')
    assert.match(officerPage.body, /href="\/learning\/reach\/people-trained\?year=2002-03"/)
  })
})
