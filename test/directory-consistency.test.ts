import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm'
import { openDatabase } from '../src/db/index.ts'
import { agencies, groupMemberships, groups, people } from '../src/modules/partnership/schema.ts'
import { partnershipModule } from '../src/modules/partnership/index.ts'
import { addMembership } from '../src/modules/partnership/memberships/service.ts'
import { ValidationError } from '../src/platform/errors.ts'
import { systemActor } from '../src/platform/permissions.ts'
import { auditLog } from '../src/platform/schema.ts'
import { parseCsv } from './helpers/csv.ts'
import { demoEmail, type Session, type TestApp } from './helpers/app.ts'
import { drivers } from './helpers/database.ts'
import { banner, formValues, history, linkedNames, tableColumn } from './helpers/html.ts'
import { idOf, officerForSuite } from './helpers/records.ts'

/**
 * What the directory says in one place it says in every other: a list's counts match the pages
 * they count, a scoped reader's group pages and downloads agree with their people list, two
 * people adding the same seat at once make one seat, a save that changes nothing records nothing,
 * and one change is one entry in every history it belongs to.
 */

async function auditCount(testApp: TestApp) {
  const [row] = await testApp.database.db
    .select({ n: count() })
    .from(auditLog)
    .where(eq(auditLog.partnershipId, testApp.partnershipId))
  return row!.n
}

/** Each row of a list page: the linked name and the number in one column. */
async function countsOnList(session: Session, path: string, caption: string, column: string) {
  const page = await session.get(path)
  const kind = path.includes('agencies') ? 'agencies' : 'groups'
  const names = linkedNames(page.body, `/directory/${kind}`)
  const numbers = tableColumn(page.body, caption, column).map(Number)
  const ids = [...page.body.matchAll(new RegExp(`href="/directory/${kind}/([0-9a-f-]{36})"`, 'g'))].map((m) => m[1]!)
  return names.map((name, i) => ({ name, id: ids[i]!, count: numbers[i]! }))
}

describe('an agency lead’s counts and group pages agree with what they may see', () => {
  const shared = officerForSuite()

  it('each agency’s head count is the number of people its page lists: their own agency’s people, and 0 elsewhere', async () => {
    const lead = await shared.testApp.signIn(demoEmail['agency-lead'])
    const rows = await countsOnList(lead, '/directory/agencies', 'Agencies', 'People')
    assert.equal(rows.length, 17)
    for (const row of rows) {
      const listed = linkedNames((await lead.get(`/directory/agencies/${row.id}`)).body, '/directory/people')
      assert.equal(row.count, listed.length, `${row.name}: counted ${row.count}, page lists ${listed.join(', ')}`)
    }
    assert.deepEqual(
      rows.filter((row) => row.count > 0).map((row) => [row.name, row.count]),
      [['Oxford Health NHS Foundation Trust', 2]],
    )
  })

  it('each group’s member count is the number of current members its page lists, for the lead and for the business unit', async () => {
    const lead = await shared.testApp.signIn(demoEmail['agency-lead'])
    for (const session of [lead, shared.officer]) {
      const rows = await countsOnList(session, '/directory/groups', 'Board and subgroups', 'Current members')
      assert.equal(rows.length, 3)
      for (const row of rows) {
        const page = await session.get(`/directory/groups/${row.id}`)
        const current = page.body.includes('This group has no current members')
          ? []
          : linkedNames(page.body, '/directory/people', `Current members of ${row.name}`)
        assert.equal(row.count, current.length, `${row.name}: counted ${row.count}, page lists ${current.join(', ')}`)
      }
    }
    assert.deepEqual(
      (await countsOnList(lead, '/directory/groups', 'Board and subgroups', 'Current members')).map((row) => row.count),
      [1, 1, 1],
      'Sam Patel on the board; Grace Lindqvist on each subgroup',
    )
  })

  it('a group’s page and its members download show the lead only their own agency’s members', async () => {
    const { testApp } = shared
    const lead = await testApp.signIn(demoEmail['agency-lead'])
    const caseReview = await idOf(testApp, groups, 'Case Review and Governance')
    const board = await idOf(testApp, groups, 'Oxfordshire Safeguarding Children Board')

    assert.deepEqual(linkedNames((await lead.get(`/directory/groups/${caseReview}`)).body, '/directory/people'), [
      'Grace Lindqvist',
    ])
    assert.deepEqual(linkedNames((await lead.get(`/directory/groups/${board}`)).body, '/directory/people'), [
      'Sam Patel',
    ])
    const csv = parseCsv((await lead.get(`/directory/groups/${caseReview}/members.csv`)).body)
    assert.deepEqual(csv, [
      ['Name', 'Job title', 'Agency', 'Role', 'Start date', 'End date'],
      [
        'Grace Lindqvist',
        'Named Nurse, Safeguarding Children',
        'Oxford Health NHS Foundation Trust',
        'Member',
        '2016-04-01',
        '',
      ],
    ])
    // The business unit sees every member, so the lead's short list is the scope, not missing data.
    assert.equal(
      linkedNames((await shared.officer.get(`/directory/groups/${caseReview}`)).body, '/directory/people').length,
      7,
    )
  })
})

describe('ten people adding the same seat at the same moment (PostgreSQL)', () => {
  const shared = officerForSuite('pg')

  it('make exactly one membership; the other nine are told the person is already a member', async (t) => {
    const { testApp } = shared
    // Ten connections of its own, so the ten adds really run side by side in the database.
    const wide = await openDatabase({ kind: 'pg', url: testApp.database.url!, poolSize: 10 })
    t.after(() => wide.close())
    // Open all ten first, so no add has finished before the last connection is even made.
    await Promise.all(Array.from({ length: 10 }, () => wide.db.execute(sql`select pg_sleep(0.05)`)))
    const qualityAssurance = await idOf(testApp, groups, 'Performance, Audit and Quality Assurance')
    const hannah = await idOf(testApp, people, 'Hannah Lee')
    const actor = systemActor(testApp.partnershipId)
    const before = await auditCount(testApp)

    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        addMembership(wide.db, actor, qualityAssurance, {
          personId: hannah,
          role: 'member',
          startsOn: `2025-01-${String(i + 1).padStart(2, '0')}`,
          endsOn: null,
        }),
      ),
    )

    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1)
    for (const result of results.filter((r) => r.status === 'rejected')) {
      const error = (result as PromiseRejectedResult).reason as unknown
      assert.ok(error instanceof ValidationError, String(error))
      assert.deepEqual(error.fieldErrors, {
        personId: 'This person is already a member of this group for some of these dates',
      })
    }
    const seats = await testApp.database.db
      .select()
      .from(groupMemberships)
      .where(and(eq(groupMemberships.groupId, qualityAssurance), eq(groupMemberships.personId, hannah)))
    assert.equal(seats.length, 1)
    assert.equal(await auditCount(testApp), before + 1, 'one audit row, for the one seat')
  })
})

for (const driver of drivers) {
  describe(`saving a form without changing anything (${driver})`, () => {
    const shared = officerForSuite(driver)

    it('records nothing for an agency, a person or a group, and says “No changes made”', async () => {
      const { testApp, officer } = shared
      const records: [string, string, typeof agencies | typeof people | typeof groups][] = [
        ['agencies', 'Thames Valley Police', agencies],
        ['people', 'Detective Superintendent Kate Lyons', people],
        ['people', 'Peter Walsh', people],
        ['groups', 'Case Review and Governance', groups],
      ]
      for (const [kind, name, table] of records) {
        const id = await idOf(testApp, table, name)
        const before = await auditCount(testApp)
        const form = await officer.get(`/directory/${kind}/${id}/edit`)
        const response = await officer.post(`/directory/${kind}/${id}/edit`, formValues(form.body))
        assert.equal(response.statusCode, 302, name)
        assert.equal(response.headers.location, `/directory/${kind}/${id}?unchanged=1`, name)
        const page = await officer.get(response.headers.location!)
        assert.equal(banner(page.body), 'No changes made', name)
        assert.equal(await auditCount(testApp), before, `${name}: no audit row`)
        const [row] = await testApp.database.db.select({ version: table.version }).from(table).where(eq(table.id, id))
        assert.equal(String(row!.version), formValues(form.body).version, `${name}: the version stays`)
      }

      // A real change is still saved and recorded.
      const police = await idOf(testApp, agencies, 'Thames Valley Police')
      const form = await officer.get(`/directory/agencies/${police}/edit`)
      const before = await auditCount(testApp)
      const response = await officer.post(`/directory/agencies/${police}/edit`, {
        ...formValues(form.body),
        contributesFunding: '',
      })
      assert.equal(response.headers.location, `/directory/agencies/${police}?saved=1`)
      assert.equal(await auditCount(testApp), before + 1)
    })
  })
}

describe('a change to a membership', () => {
  const shared = officerForSuite()

  it('is one audit row, shown in the group’s history and in the person’s', async () => {
    const { testApp, officer } = shared
    const caseReview = await idOf(testApp, groups, 'Case Review and Governance')
    const sarah = await idOf(testApp, people, 'Sarah Quinn')
    const [seat] = await testApp.database.db
      .select({ id: groupMemberships.id })
      .from(groupMemberships)
      .where(and(eq(groupMemberships.groupId, caseReview), eq(groupMemberships.personId, sarah)))
    const before = await auditCount(testApp)

    const url = `/directory/groups/${caseReview}/members/${seat!.id}/edit`
    const form = await officer.get(url)
    const response = await officer.post(url, { ...formValues(form.body), role: 'vice-chair' })
    assert.equal(response.statusCode, 302)

    assert.equal(await auditCount(testApp), before + 1)
    const [row] = await testApp.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.partnershipId, testApp.partnershipId))
      .orderBy(desc(auditLog.id))
      .limit(1)
    assert.equal(row!.recordType, 'membership')
    assert.equal(row!.recordId, seat!.id)
    assert.deepEqual([...row!.related!].sort(), [`group:${caseReview}`, `person:${sarah}`].sort())

    const entry = 'Changed Sarah Quinn’s membership of Case Review and Governance (by Tom Whitfield)'
    const groupHistory = history((await officer.get(`/directory/groups/${caseReview}`)).body)
    const personHistory = history((await officer.get(`/directory/people/${sarah}`)).body)
    assert.equal(groupHistory[0], entry)
    assert.equal(personHistory[0], entry)
    assert.equal(groupHistory.filter((e) => e === entry).length, 1, 'once, not once per record')
    assert.equal(personHistory.filter((e) => e === entry).length, 1)
    const [{ n }] = (await testApp.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(inArray(auditLog.summary, ['Changed Sarah Quinn’s membership of Case Review and Governance']))) as [
      { n: number },
    ]
    assert.equal(n, 1)
  })
})

for (const driver of drivers) {
  describe(`linking an account to the directory (${driver})`, () => {
    const shared = officerForSuite(driver)

    it('names every link that is not the partnership’s own, whichever lookup answers first', async () => {
      const { testApp } = shared
      const directory = partnershipModule.accountDirectory!
      const unknown = '00000000-0000-4000-8000-000000000000'
      for (let attempt = 0; attempt < 5; attempt++) {
        await assert.rejects(
          directory.describe(testApp.database.db, testApp.partnershipId, { agencyId: unknown, personId: unknown }),
          (error: unknown) => {
            assert.ok(error instanceof ValidationError)
            assert.deepEqual(error.fieldErrors, {
              agencyId: 'Select an agency from the list',
              personId: 'Select a person from the list',
            })
            return true
          },
        )
      }
      const sam = await idOf(testApp, people, 'Sam Patel')
      const health = await idOf(testApp, agencies, 'Oxford Health NHS Foundation Trust')
      assert.deepEqual(
        await directory.describe(testApp.database.db, testApp.partnershipId, { agencyId: health, personId: sam }),
        { agency: 'Oxford Health NHS Foundation Trust', directoryEntry: 'Sam Patel' },
      )
      await assert.rejects(
        directory.describe(testApp.database.db, testApp.partnershipId, { agencyId: null, personId: unknown }),
        (error: unknown) => error instanceof ValidationError && 'personId' in error.fieldErrors,
      )
    })
  })
}
