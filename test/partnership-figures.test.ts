import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { partnershipModule } from '../src/modules/partnership/index.ts'
import { markAsLeft } from '../src/modules/partnership/people/service.ts'
import { structureSection } from '../src/modules/partnership/report/section.ts'
import { groups } from '../src/modules/partnership/schema.ts'
import { computeFigure, type Figure } from '../src/platform/figures.ts'
import { systemActor } from '../src/platform/permissions.ts'
import { reportingYear, type ReportingYear } from '../src/platform/reporting-years.ts'
import type { ReportTable } from '../src/platform/sections.ts'
import { insertAgency, insertGroup, insertMembership, insertPerson } from './builders/index.ts'
import type { Session, TestApp } from './helpers/app.ts'
import { parseCsv } from './helpers/csv.ts'
import { linkedNames, textOf } from './helpers/html.ts'
import { idOf, officerForSuite } from './helpers/records.ts'

/**
 * Every figure of the partnership's report section is the number of records its link lists: on
 * the page, in its count line and in its download, for years either side of the boundaries where
 * seats begin and end (a seat ending 31 March, one starting 1 April, people who have left since,
 * inactive agencies).
 */

const y2015 = reportingYear(2015)
const y2016 = reportingYear(2016)
const y2017 = reportingYear(2017)

/** Where each list's rows link: the record the row is about. */
const rowLink: Record<string, string> = {
  '/directory/people': '/directory/people',
  '/directory/agencies': '/directory/agencies',
  '/directory/groups': '/directory/groups',
  '/directory/memberships': '/directory/people',
}

async function figure(testApp: TestApp, key: string, year: ReportingYear) {
  const definition = partnershipModule.figures!.find((f) => f.key === key)
  assert.ok(definition, `no figure ${key}`)
  return computeFigure(testApp.database.db, 'partnership', definition, { partnershipId: testApp.partnershipId, year })
}

/** The names the figure's link lists, having checked the page's count line and download agree with them. */
async function listedBy(session: Session, result: Figure) {
  assert.ok(result.link, `${result.name} has a link`)
  const [path, query = ''] = result.link.split('?')
  const page = await session.get(result.link)
  assert.equal(page.statusCode, 200, result.link)
  const names = linkedNames(page.body, rowLink[path!]!)
  const status = textOf(page.body.match(/<p class="govuk-body" role="status">([\s\S]*?)<\/p>/)?.[1] ?? '')
  if (names.length) assert.match(status, new RegExp(`(^| of )${names.length} [a-z]+\\.`), `${result.link}: ${status}`)
  const csv = parseCsv((await session.get(`${path}.csv?${query}`)).body)
  assert.equal(csv.length - 1, names.length, `${result.link}: the download has the page's rows`)
  assert.deepEqual(
    csv.slice(1).map((row) => row[0]),
    names,
  )
  return names
}

describe('each partnership figure counts exactly the records its link lists', () => {
  const shared = officerForSuite()
  const made = {} as Record<string, string>

  before(async () => {
    const { testApp } = shared
    const db = testApp.database.db
    const id = testApp.partnershipId
    const board = await idOf(testApp, groups, 'Oxfordshire Safeguarding Children Board')
    // Agencies only these people belong to, so the agency figures move with them.
    const outgoing = await insertAgency(db, id, { name: 'Outgoing Trust', active: false, contributesFunding: true })
    const incoming = await insertAgency(db, id, { name: 'Incoming Trust', contributesFunding: true })
    const later = await insertAgency(db, id, { name: 'Later Trust' })
    const person = async (name: string, agencyId: string | null) =>
      (await insertPerson(db, id, { name, agencyId, email: null })).id

    // On the board until 31 March 2016: 2015/16 only.
    const until = await person('Uma Until', outgoing.id)
    await insertMembership(db, id, { groupId: board, personId: until, startsOn: '2015-06-01', endsOn: '2016-03-31' })
    // On the board from 1 April 2016: 2016/17 on.
    const from = await person('Fay From', incoming.id)
    await insertMembership(db, id, { groupId: board, personId: from, startsOn: '2016-04-01' })
    // On the board for part of 2016/17, then left the partnership.
    const gone = await person('Gil Gone', null)
    await insertMembership(db, id, { groupId: board, personId: gone, startsOn: '2016-06-01' })
    await markAsLeft(db, systemActor(id), gone, 1, '2016-12-31')
    // On the board from 1 April 2017: 2017/18 only.
    const next = await person('Nell Next', later.id)
    await insertMembership(db, id, { groupId: board, personId: next, startsOn: '2017-04-01' })
    // A subgroup with one member for the last day of 2016/17, another whose only seat ended 31 March 2016.
    const lastDay = await insertGroup(db, id, { name: 'Last Day Subgroup' })
    await insertMembership(db, id, { groupId: lastDay.id, personId: from, startsOn: '2017-03-31' })
    const closed = await insertGroup(db, id, { name: 'Closed Subgroup', active: false })
    await insertMembership(db, id, {
      groupId: closed.id,
      personId: until,
      startsOn: '2015-04-01',
      endsOn: '2016-03-31',
    })
    Object.assign(made, { until, from, gone, next })
  })

  // Every figure the module registers, so a new one cannot go without its check.
  const keys = partnershipModule.figures!.map((f) => f.key)
  for (const key of keys)
    it(`${key}: the figure is the number of rows its list shows and downloads, in 2015/16, 2016/17 and 2017/18`, async () => {
      const { testApp, officer } = shared
      for (const year of [y2015, y2016, y2017]) {
        const result = await figure(testApp, key, year)
        assert.equal(result.problem, null)
        const names = await listedBy(officer, result)
        assert.equal(result.value, names.length, `${key} ${year.label}: figure ${result.value}, list ${names.length}`)
      }
    })

  it('the boundaries fall where the definitions say', async () => {
    const { testApp, officer } = shared
    const listed = async (key: string, year: ReportingYear) => listedBy(officer, await figure(testApp, key, year))

    const board2015 = await listed('board-members', y2015)
    const board2016 = await listed('board-members', y2016)
    const board2017 = await listed('board-members', y2017)
    assert.ok(board2015.includes('Uma Until') && !board2016.includes('Uma Until'), 'a seat ending 31 March')
    assert.ok(!board2015.includes('Fay From') && board2016.includes('Fay From'), 'a seat starting 1 April')
    assert.ok(board2016.includes('Gil Gone') && !board2017.includes('Gil Gone'), 'someone who left since')
    assert.ok(!board2016.includes('Nell Next') && board2017.includes('Nell Next'))
    assert.ok(board2015.includes('Alan Rees') && !board2016.includes('Alan Rees'), 'the demo’s leaver')
    assert.ok(!board2015.includes('Mike Donnelly') && board2016.includes('Mike Donnelly'), 'the demo’s joiner')

    const agencies2015 = await listed('agencies-on-board', y2015)
    assert.ok(agencies2015.includes('Outgoing Trust'), 'an agency inactive now was on the board then')
    assert.ok(!(await listed('agencies-on-board', y2016)).includes('Outgoing Trust'))
    const funders = await listed('funding-agencies', y2016)
    assert.ok(funders.includes('Incoming Trust'))
    assert.ok(!funders.includes('Outgoing Trust'), 'an inactive agency does not count as funding')

    assert.ok((await listed('subgroups', y2016)).includes('Last Day Subgroup'))
    assert.ok(!(await listed('subgroups', y2016)).includes('Closed Subgroup'))
    assert.ok((await listed('subgroups', y2015)).includes('Closed Subgroup'))
    assert.ok(!(await listed('subgroups', y2015)).includes('Case Review and Governance'), 'set up in April 2016')

    const left2015 = await listed('members-left', y2015)
    assert.ok(left2015.includes('Uma Until') && left2015.includes('Alan Rees'))
    const left2016 = await listed('members-left', y2016)
    assert.ok(left2016.includes('Gil Gone') && left2016.includes('Paul Simmons') && !left2016.includes('Uma Until'))
    const joined2016 = await listed('members-joined', y2016)
    assert.equal(joined2016.filter((name) => name === 'Fay From').length, 2, 'two seats taken up, two rows')
    assert.ok(!(await listed('members-joined', y2015)).includes('Fay From'))
  })

  it('a list filtered by year says so, and links to itself without the filter', async () => {
    const { officer } = shared
    const page = await officer.get('/directory/people?onBoardIn=2016-17&sort=agency')
    assert.match(textOf(page.body), /Sat on the board in 2016\/17 Remove this filter\s?: Sat on the board in 2016\/17/)
    assert.match(page.body, /href="\/directory\/people\?sort=agency">Remove this filter/)
    assert.match(page.body, /<input type="hidden" name="onBoardIn" value="2016-17">/, 'the filter form keeps it')
    assert.match(page.body, /href="\/directory\/people.csv\?onBoardIn=2016-17&amp;sort=agency"/)
    const groupsPage = await officer.get('/directory/groups?kind=subgroup&activeIn=2016-17')
    assert.match(textOf(groupsPage.body), /Had members in 2016\/17/)
    const joined = await officer.get('/directory/memberships?startedIn=2016-17')
    assert.match(textOf(joined.body), /Joined in 2016\/17/)
    // Text that is not a year is ignored, as any unknown filter is.
    const odd = await officer.get('/directory/people?onBoardIn=soon')
    assert.equal(odd.statusCode, 200)
    assert.doesNotMatch(odd.body, /Remove this filter/)
  })
})

const tableOf = (tables: ReportTable[], caption: string) => {
  const table = tables.find((t) => t.caption === caption)
  assert.ok(table, `no table “${caption}” in ${tables.map((t) => t.caption).join(', ')}`)
  return table
}

describe('the partnership’s report section', () => {
  const shared = officerForSuite()
  const build = (year: ReportingYear, group: { id: string; name: string } | null = null) =>
    structureSection.build(shared.testApp.database.db, { partnershipId: shared.testApp.partnershipId, year, group })

  it('in the annual report: the groups and their chairs, members by agency, funders and the year’s changes', async () => {
    const content = await build(y2016)
    assert.deepEqual(content.problems, [])
    assert.deepEqual(tableOf(content.tables, 'The board and its subgroups').rows, [
      ['Oxfordshire Safeguarding Children Board', 'Board', 'Helen Ashworth (independent chair)', 22],
      ['Case Review and Governance', 'Subgroup', 'Claire Morgan', 7],
      ['Performance, Audit and Quality Assurance', 'Subgroup', 'Anna Kowalski', 9],
    ])
    const byAgency = tableOf(content.tables, 'Members by agency').rows
    assert.deepEqual(
      byAgency.find((row) => row[0] === 'Oxford Health NHS Foundation Trust'),
      ['Oxford Health NHS Foundation Trust', 1, 1],
    )
    assert.deepEqual(
      byAgency.find((row) => row[0] === 'Oxfordshire County Council'),
      ['Oxfordshire County Council', 3, 4],
    )
    assert.equal(tableOf(content.tables, 'Agencies that contribute funding').rows.length, 12)
    assert.deepEqual(tableOf(content.tables, 'Changes during the year').rows.slice(-2), [
      ['Joined', 'Tom Whitfield', 'Case Review and Governance', 'Adviser', '1 April 2016'],
      ['Left', 'Paul Simmons', 'Performance, Audit and Quality Assurance', 'Member', '31 October 2016'],
    ])
    const chart = content.charts[0]!
    assert.equal(chart.kind, 'grouped-bar')
    // By kind of agency, and the same people as the table by agency.
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)
    assert.ok(chart.data.length < byAgency.length * 2)
    assert.equal(
      sum(chart.data.filter((d) => d.series === 'Board').map((d) => d.value)),
      sum(byAgency.map((row) => Number(row[1]))),
    )
    for (const table of content.tables)
      assert.doesNotMatch(JSON.stringify(table.rows), /@/, `${table.caption}: no email addresses`)
  })

  it('shows 2015/16 as it was: Alan Rees on the board until January, no Case Review subgroup yet', async () => {
    const content = await build(y2015)
    assert.deepEqual(
      tableOf(content.tables, 'The board and its subgroups').rows.map((row) => row[0]),
      ['Oxfordshire Safeguarding Children Board', 'Performance, Audit and Quality Assurance'],
    )
    const changes = tableOf(content.tables, 'Changes during the year').rows
    assert.equal(changes.length, 10, 'nine joined Performance, Audit and Quality Assurance; one left the board')
    assert.deepEqual(changes[0], [
      'Joined',
      'Anna Kowalski',
      'Performance, Audit and Quality Assurance',
      'Chair',
      '1 April 2015',
    ])
    assert.deepEqual(changes.at(-1), [
      'Left',
      'Alan Rees',
      'Oxfordshire Safeguarding Children Board',
      'Member',
      '31 January 2016',
    ])
  })

  it('in a subgroup’s report: only that group’s members, its chair and its changes', async () => {
    const { testApp } = shared
    const caseReview = {
      id: await idOf(testApp, groups, 'Case Review and Governance'),
      name: 'Case Review and Governance',
    }
    const content = await build(y2016, caseReview)
    const members = tableOf(content.tables, 'Members of Case Review and Governance in 2016/17').rows
    assert.equal(members.length, 7)
    assert.deepEqual(members[0], ['Claire Morgan', 'Chair', 'Oxfordshire County Council', '1 April 2016', ''])
    assert.deepEqual(tableOf(content.tables, 'Chair of Case Review and Governance during the year').rows, [
      ['Claire Morgan'],
    ])
    const changes = tableOf(content.tables, 'Changes during the year').rows
    assert.equal(changes.length, 7)
    assert.ok(changes.every((row) => row[2] === 'Case Review and Governance'))
    assert.deepEqual(content.charts, [])
    assert.deepEqual(content.problems, [])

    const before = await build(y2015, caseReview)
    assert.deepEqual(tableOf(before.tables, 'Members of Case Review and Governance in 2015/16').rows, [])
    assert.deepEqual(before.problems, ['No chair of Case Review and Governance is recorded for 2015/16.'])
  })

  it('reports a year with no board members, and a directory with no board, as problems', async () => {
    const { testApp } = shared
    assert.deepEqual((await build(reportingYear(2012))).problems, ['No members of the board are recorded for 2012/13.'])
    await testApp.database.db
      .update(groups)
      .set({ kind: 'subgroup' })
      .where(eq(groups.id, await idOf(testApp, groups, 'Oxfordshire Safeguarding Children Board')))
    assert.deepEqual((await build(y2016)).problems, [
      'No board is recorded in the directory: add it under Directory, Groups.',
    ])
  })

  it('offers the years from the first membership to the last', async () => {
    const { testApp } = shared
    const dates = await partnershipModule.recordDates!(testApp.database.db, testApp.partnershipId)
    assert.deepEqual(dates, ['2014-09-01', '2016-04-01', '2016-10-31'])
  })
})
