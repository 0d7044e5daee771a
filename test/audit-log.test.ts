import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { and, eq, sql } from 'drizzle-orm'
import { agencies } from '../src/modules/partnership/schema.ts'
import { auditLog, users } from '../src/platform/schema.ts'
import { parseCsv } from './helpers/csv.ts'
import { appForSuite, demoEmail, type Session, type TestApp } from './helpers/app.ts'
import { drivers, type TestDatabase } from './helpers/database.ts'
import { formVersion } from './helpers/html.ts'

/**
 * The audit log is evidence: append-only, written in the same transaction as the change it
 * records, and readable by administrators with filters and a CSV download.
 */

async function countAuditRows(database: TestDatabase) {
  const [row] = await database.db.select({ count: sql<number>`count(*)::int` }).from(auditLog)
  return row!.count
}

async function countAgencies(database: TestDatabase) {
  return (await database.db.select().from(agencies)).length
}

async function agencyNamed(database: TestDatabase, name: string) {
  const [agency] = await database.db.select().from(agencies).where(eq(agencies.name, name))
  assert.ok(agency, `no agency named ${name}`)
  return agency
}

async function userId(database: TestDatabase, email: string) {
  const [user] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, email))
  return user!.id
}

/** The error a statement was refused with, whichever driver ran it (Drizzle wraps the database's error). */
async function refusal(statement: Promise<unknown>): Promise<string> {
  try {
    await statement
  } catch (error) {
    const err = error as Error & { cause?: Error }
    return `${err.message} ${err.cause?.message ?? ''}`
  }
  assert.fail('the statement was not refused')
}

const csvHeader = ['When', 'Who', 'Action', 'Record type', 'Record id', 'Summary', 'Before', 'After'] as const

/** Downloads the log with a filter and returns its rows as objects keyed by the header. */
async function downloadLog(session: Session, query: string) {
  const response = await session.get(`/audit-log/download.csv${query}`)
  assert.equal(response.statusCode, 200)
  assert.match(String(response.headers['content-type']), /^text\/csv/)
  assert.match(String(response.headers['content-disposition']), /attachment; filename="audit-log.csv"/)
  const [header, ...rows] = parseCsv(response.body.replace(/^\ufeff/, ''))
  assert.deepEqual(header, csvHeader)
  return rows.map(
    (cells) =>
      Object.fromEntries(csvHeader.map((name, i) => [name, cells[i] ?? ''])) as Record<
        (typeof csvHeader)[number],
        string
      >,
  )
}

for (const driver of drivers) {
  describe(`the audit log, on ${driver}`, () => {
    const suiteApp = appForSuite({ driver })
    let hub: TestApp
    let admin: Session
    let officer: Session
    let police: { id: string; version: number }
    const oldEntrySummary = 'Imported the 2016/17 membership list'

    before(async () => {
      hub = suiteApp()
      admin = await hub.signIn(demoEmail.administrator)
      officer = await hub.signIn(demoEmail['business-unit'])

      // The administrator stops Thames Valley Police's funding flag; the business unit officer adds a person.
      police = await agencyNamed(hub.database, 'Thames Valley Police')
      const form = await admin.get(`/directory/agencies/${police.id}/edit`)
      const version = formVersion(form.body)
      const edited = await admin.post(`/directory/agencies/${police.id}/edit`, {
        name: 'Thames Valley Police',
        type: 'police',
        active: 'true',
        version,
      })
      assert.equal(edited.statusCode, 302)
      const added = await officer.post('/directory/people/new', {
        name: 'Nadia Rahman',
        jobTitle: 'Safeguarding Adviser',
        agencyId: '',
        email: 'nadia.rahman@oscb.example',
      })
      assert.equal(added.statusCode, 302)

      // An entry from the 2016/17 year, written as the log was then (appending is all anyone may do).
      await hub.database.db.insert(auditLog).values({
        partnershipId: hub.partnershipId,
        at: new Date('2017-03-15T10:00:00Z'),
        actorUserId: await userId(hub.database, demoEmail['business-unit']),
        actorName: 'Tom Whitfield',
        action: 'imported',
        recordType: 'group',
        recordId: null,
        summary: oldEntrySummary,
      })
    })

    describe('is append-only', () => {
      for (const [what, statement] of [
        ['changing an entry', sql`update audit_log set summary = 'Nothing happened here'`],
        ['removing an entry', sql`delete from audit_log where action = 'updated'`],
        ['emptying the log', sql`truncate audit_log`],
      ] as const) {
        it(`refuses ${what}, even to the database owner`, async () => {
          const before = await countAuditRows(hub.database)
          assert.match(await refusal(hub.database.db.execute(statement)), /audit_log is append-only/)
          assert.equal(await countAuditRows(hub.database), before)
          const [updated] = await hub.database.db
            .select()
            .from(auditLog)
            .where(and(eq(auditLog.recordId, police.id), eq(auditLog.action, 'updated')))
          assert.equal(updated!.summary, 'Changed agency Thames Valley Police')
        })
      }
    })

    describe('is written in the same transaction as the change', () => {
      it('a duplicate agency is refused and leaves no audit entry', async () => {
        const [entriesBefore, agenciesBefore] = [await countAuditRows(hub.database), await countAgencies(hub.database)]
        const response = await admin.post('/directory/agencies/new', {
          name: 'Thames Valley Police',
          type: 'police',
          active: 'true',
        })
        assert.equal(response.statusCode, 400)
        assert.ok(response.body.includes('There is already an agency with this name'))
        assert.equal(await countAuditRows(hub.database), entriesBefore)
        assert.equal(await countAgencies(hub.database), agenciesBefore)
      })

      it('when the audit entry cannot be written, the change is not made either', async () => {
        // Make the database refuse this one audit entry, as a full disk or a bug might.
        await hub.database.db.execute(
          sql`alter table audit_log add constraint refuse_doomed_agency check (summary <> 'Added agency Doomed Agency')`,
        )
        const [entriesBefore, agenciesBefore] = [await countAuditRows(hub.database), await countAgencies(hub.database)]
        const response = await admin.post('/directory/agencies/new', {
          name: 'Doomed Agency',
          type: 'other',
          active: 'true',
        })
        assert.equal(response.statusCode, 500)
        assert.equal(await countAgencies(hub.database), agenciesBefore)
        assert.equal(await countAuditRows(hub.database), entriesBefore)

        const added = await admin.post('/directory/agencies/new', {
          name: 'Fortunate Agency',
          type: 'other',
          active: 'true',
        })
        assert.equal(added.statusCode, 302)
        assert.equal(await countAgencies(hub.database), agenciesBefore + 1)
        assert.equal(await countAuditRows(hub.database), entriesBefore + 1)
      })
    })

    describe('reading the log', () => {
      it('lists every entry, newest first, with who, what and the fields changed, 50 to a page', async () => {
        const total = await countAuditRows(hub.database)
        const page = await admin.get('/audit-log')
        assert.equal(page.statusCode, 200)
        assert.ok(page.body.includes(`Showing 1 to 50 of ${total.toLocaleString('en-GB')} entries`))
        assert.ok(page.body.includes('Changed agency Thames Valley Police'))
        assert.ok(page.body.includes('Contributes funding: Yes → No'))
        assert.ok(page.body.includes('Added Nadia Rahman'))
        assert.ok(page.body.indexOf('Added Nadia Rahman') < page.body.indexOf('Changed agency Thames Valley Police'))
        assert.ok(!page.body.includes(oldEntrySummary), 'the oldest entry is on the last page')

        const lastPage = Math.ceil(total / 50)
        const last = await admin.get(`/audit-log?page=${lastPage}`)
        assert.ok(
          last.body.includes(
            `Showing ${((lastPage - 1) * 50 + 1).toLocaleString('en-GB')} to ${total.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} entries`,
          ),
        )
        assert.ok(last.body.includes(oldEntrySummary))
      })

      it('filters by person', async () => {
        const tom = await userId(hub.database, demoEmail['business-unit'])
        const rows = await downloadLog(admin, `?actor=${tom}`)
        assert.ok(rows.length >= 3, 'signed in, added a person, imported')
        assert.deepEqual([...new Set(rows.map((r) => r.Who))], ['Tom Whitfield'])
        const summaries = rows.map((r) => r.Summary)
        assert.ok(summaries.includes('Added Nadia Rahman'))
        assert.ok(summaries.includes(oldEntrySummary))
        assert.ok(!summaries.includes('Changed agency Thames Valley Police'))

        const page = await admin.get(`/audit-log?actor=${tom}`)
        assert.equal(page.statusCode, 200)
        assert.ok(page.body.includes(`Showing 1 to ${rows.length} of ${rows.length} entries`))
        assert.ok(!page.body.includes('Changed agency Thames Valley Police'))
        assert.match(page.body, new RegExp(`<option value="${tom}" selected>Tom Whitfield</option>`))
      })

      it('filters by record type', async () => {
        const rows = await downloadLog(admin, '?recordType=agency')
        assert.deepEqual([...new Set(rows.map((r) => r['Record type']))], ['agency'])
        assert.ok(rows.some((r) => r.Summary === 'Changed agency Thames Valley Police'))
        assert.ok(rows.some((r) => r.Summary === 'Added agency Oxfordshire County Council'))
        assert.ok(!rows.some((r) => r.Summary === 'Added Nadia Rahman'))
      })

      it('filters by record, with the change before and after', async () => {
        const rows = await downloadLog(admin, `?recordId=${police.id}`)
        assert.deepEqual(
          rows.map((r) => [r.Action, r.Summary]),
          [
            ['updated', 'Changed agency Thames Valley Police'],
            ['created', 'Added agency Thames Valley Police'],
          ],
        )
        assert.deepEqual(JSON.parse(rows[0]!.Before), { contributesFunding: true })
        assert.deepEqual(JSON.parse(rows[0]!.After), { contributesFunding: false })
        assert.equal(rows[0]!.Who, 'Priya Shah')
        assert.equal(rows[0]!['Record id'], police.id)
        assert.ok(!Number.isNaN(Date.parse(rows[0]!.When)))

        const page = await admin.get(`/audit-log?recordId=${police.id}`)
        assert.ok(page.body.includes('Showing 1 to 2 of 2 entries'))
      })

      it('filters by person and record type together', async () => {
        const tom = await userId(hub.database, demoEmail['business-unit'])
        const rows = await downloadLog(admin, `?actor=${tom}&recordType=person`)
        assert.deepEqual(
          rows.map((r) => r.Summary),
          ['Added Nadia Rahman'],
        )
      })

      it('filters by date range, both days included', async () => {
        const march = await downloadLog(
          admin,
          '?from-day=1&from-month=3&from-year=2017&to-day=15&to-month=3&to-year=2017',
        )
        assert.deepEqual(
          march.map((r) => r.Summary),
          [oldEntrySummary],
        )
        const sameDay = await downloadLog(
          admin,
          '?from-day=15&from-month=3&from-year=2017&to-day=15&to-month=3&to-year=2017',
        )
        assert.equal(sameDay.length, 1)
        const before = await downloadLog(admin, '?to-day=14&to-month=3&to-year=2017')
        assert.equal(before.length, 0)
        const since = await downloadLog(admin, '?from-day=16&from-month=3&from-year=2017')
        assert.ok(since.length > 0)
        assert.ok(!since.some((r) => r.Summary === oldEntrySummary))

        const page = await admin.get(
          '/audit-log?from-day=1&from-month=3&from-year=2017&to-day=31&to-month=3&to-year=2017',
        )
        assert.equal(page.statusCode, 200)
        assert.ok(page.body.includes('Showing 1 to 1 of 1 entry.'))
        assert.ok(page.body.includes(oldEntrySummary))
      })

      it('filters by the day as it is shown, in UK time', async () => {
        // 11:30pm UTC on 14 June 2017 is 12:30am on 15 June in London (BST), and is shown as 15 June.
        await hub.database.db.insert(auditLog).values({
          partnershipId: hub.partnershipId,
          at: new Date('2017-06-14T23:30:00Z'),
          actorName: 'Tom Whitfield',
          action: 'imported',
          recordType: 'group',
          summary: 'Imported a late-night list',
        })
        const fifteenth = await downloadLog(
          admin,
          '?from-day=15&from-month=6&from-year=2017&to-day=15&to-month=6&to-year=2017',
        )
        assert.deepEqual(
          fifteenth.map((r) => r.Summary),
          ['Imported a late-night list'],
        )
        const fourteenth = await downloadLog(
          admin,
          '?from-day=14&from-month=6&from-year=2017&to-day=14&to-month=6&to-year=2017',
        )
        assert.equal(fourteenth.length, 0)
        const page = await admin.get(
          '/audit-log?from-day=15&from-month=6&from-year=2017&to-day=15&to-month=6&to-year=2017',
        )
        assert.ok(page.body.includes('15 June 2017 at 12:30am'))
      })

      it('refuses dates that are not real or out of order, with the GOV.UK error summary and the input kept', async () => {
        const cases: [query: string, message: string, field: string][] = [
          ['from-day=31&from-month=2&from-year=2017', 'From date must be a real date', 'from-day'],
          ['from-day=1&from-year=2017', 'From date must include a month', 'from-day'],
          ['to-day=1&to-month=1&to-year=1999', 'To date must be on or after 2000', 'to-day'],
          [
            'from-day=1&from-month=4&from-year=2017&to-day=31&to-month=3&to-year=2017',
            'The to date must be the same as or after the from date',
            'to-day',
          ],
        ]
        for (const [query, message, field] of cases) {
          const page = await admin.get(`/audit-log?${query}`)
          assert.equal(page.statusCode, 400, query)
          assert.match(page.body, /<title>Error: Audit log/)
          assert.ok(page.body.includes('govuk-error-summary'))
          assert.ok(page.body.includes(`href="#${field}">${message}</a>`), message)
          assert.ok(page.body.includes('Correct the filters to see entries.'))
          assert.equal((await admin.get(`/audit-log/download.csv?${query}`)).statusCode, 400)
        }
        const kept = await admin.get('/audit-log?from-day=31&from-month=2&from-year=2017')
        assert.ok(kept.body.includes('value="31"'))
      })

      it('downloads the whole log as CSV, with a header row', async () => {
        const rows = await downloadLog(admin, '')
        // Every entry there was, and then one more: this download's own.
        assert.equal(rows.length + 1, await countAuditRows(hub.database))
      })

      it('is only for those who may read it', async () => {
        const reader = await hub.signIn(demoEmail['read-only'])
        assert.equal((await reader.get('/audit-log')).statusCode, 403)
        assert.equal((await reader.get('/audit-log/download.csv')).statusCode, 403)
      })
    })

    it('a record’s page shows its history after an edit', async () => {
      const page = await admin.get(`/directory/agencies/${police.id}`)
      assert.equal(page.statusCode, 200)
      const history = page.body.slice(page.body.indexOf('id="history"'))
      assert.ok(history.includes('Changed agency Thames Valley Police'))
      assert.ok(history.includes('by Priya Shah'))
      assert.ok(history.includes('Contributes funding: Yes → No'))
      assert.ok(history.includes('Added agency Thames Valley Police'))
      assert.ok(history.includes('by Demo data'))
      assert.ok(history.indexOf('Changed agency') < history.indexOf('Added agency'), 'newest first')
    })
  })
}
