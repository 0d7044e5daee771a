import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { and, desc, eq } from 'drizzle-orm'
import { cancellationCutOff, cancellationRule } from '../src/modules/learning/bookings/cancel.ts'
import { addChange, listChanges } from '../src/platform/bank-holidays/service.ts'
import { systemActor } from '../src/platform/permissions.ts'
import { auditLog, workingDayChanges } from '../src/platform/schema.ts'
import { partnershipCalendar } from '../src/platform/working-days.ts'
import { insertPartnership } from './builders/index.ts'
import { appForSuite, demoEmail, type Session, type TestApp } from './helpers/app.ts'
import { parseCsv } from './helpers/csv.ts'
import { banner, errorSummary, formVersion, heading, pageTitle, summaryListRows, tableColumn } from './helpers/html.ts'

/**
 * Bank holidays: the business unit sees a year's holidays as the partnership keeps them, adds a
 * day announced later or keeps a table holiday as a working day, and every deadline in working
 * days then counts with the partnership's calendar.
 */

const caption = (year: number) => `Bank holidays in ${year}`

async function lastAudit(testApp: TestApp) {
  const [row] = await testApp.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.partnershipId, testApp.partnershipId), eq(auditLog.recordType, 'working-day-change')))
    .orderBy(desc(auditLog.id))
    .limit(1)
  return row!
}

async function changeOn(testApp: TestApp, day: string) {
  const [row] = await testApp.database.db
    .select()
    .from(workingDayChanges)
    .where(and(eq(workingDayChanges.partnershipId, testApp.partnershipId), eq(workingDayChanges.day, day)))
  return row ?? null
}

const date = (day: string) => {
  const [year, month, dayOfMonth] = day.split('-')
  return { 'day-day': String(Number(dayOfMonth)), 'day-month': String(Number(month)), 'day-year': year! }
}

describe('bank holidays', () => {
  const hub = appForSuite()
  let testApp: TestApp
  let officer: Session

  before(async () => {
    testApp = hub()
    officer = await testApp.signIn(demoEmail['business-unit'])
  })

  it('lists a year’s bank holidays from the England and Wales table, and the day the demo partnership added', async () => {
    const response = await officer.get('/bank-holidays?year=2016')
    assert.equal(response.statusCode, 200)
    assert.equal(heading(response.body), 'Bank holidays in 2016')
    assert.deepEqual(tableColumn(response.body, caption(2016), 'Date'), [
      'Friday 1 January 2016',
      'Friday 25 March 2016',
      'Monday 28 March 2016',
      'Monday 2 May 2016',
      'Monday 30 May 2016',
      'Monday 29 August 2016',
      'Monday 26 December 2016',
      'Tuesday 27 December 2016',
    ])
    assert.equal(tableColumn(response.body, caption(2016), 'Name')[7], 'Christmas Day (substitute day)')
    assert.match(response.body, /8 bank holidays\./)

    const later = await officer.get('/bank-holidays?year=2031')
    assert.deepEqual(tableColumn(later.body, caption(2031), 'Date'), ['Wednesday 1 January 2031'])
    assert.deepEqual(tableColumn(later.body, caption(2031), 'Source'), ['Added by the partnership'])

    const thisYear = new Date().getFullYear()
    assert.equal(heading((await officer.get('/bank-holidays')).body), `Bank holidays in ${thisYear}`)
    assert.equal(heading((await officer.get('/bank-holidays?year=1066')).body), `Bank holidays in ${thisYear}`)
  })

  it('sorts by name on the server and downloads the year as CSV', async () => {
    const sorted = await officer.get('/bank-holidays?year=2017&sort=name&direction=asc')
    assert.equal(tableColumn(sorted.body, caption(2017), 'Name')[0], 'Boxing Day')
    const csv = await officer.get('/bank-holidays.csv?year=2017')
    assert.equal(csv.statusCode, 200)
    const [header, ...rows] = parseCsv(csv.body.replace(/^\ufeff/, ''))
    assert.deepEqual(header, ['Date', 'Name', 'Source', 'Working day', 'Reason'])
    assert.deepEqual(rows[0], ['2017-01-02', "New Year's Day (substitute day)", 'England and Wales', 'No', ''])
    assert.equal(rows.length, 8)
  })

  it('refuses a date that is not real, too early, on a weekend or already a holiday, keeping what was typed', async () => {
    const cases: [Record<string, string>, string[]][] = [
      [{}, ['day-day: Enter the date', 'name: Enter the name of the bank holiday']],
      [
        { ...date('2017-02-01'), 'day-day': '31', 'day-month': '2', name: 'A day' },
        ['day-day: Date must be a real date'],
      ],
      [{ ...date('2014-06-02'), name: 'A day' }, ['day-day: Date must be on or after 2015']],
      [
        { ...date('2022-01-01'), name: 'New Year' },
        ['day-day: Saturday 1 January 2022 is a weekend day, so it is already not a working day'],
      ],
      [
        { ...date('2016-12-26'), name: 'Boxing Day' },
        ['day-day: Monday 26 December 2016 is already a bank holiday: Boxing Day'],
      ],
      [
        { ...date('2031-01-01'), name: 'New Year again' },
        ['day-day: Wednesday 1 January 2031 is already a bank holiday: New Year’s Day'],
      ],
    ]
    for (const [form, errors] of cases) {
      await officer.get('/bank-holidays/add')
      const response = await officer.post('/bank-holidays/add', form)
      assert.equal(response.statusCode, 400, JSON.stringify(form))
      assert.deepEqual(errorSummary(response.body), errors)
      assert.match(pageTitle(response.body), /^Error: Add a bank holiday/)
      if (form.name) assert.match(response.body, new RegExp(`value="${form.name}"`), 'the name is kept')
    }
    assert.equal((await listChanges(testApp.database.db, testApp.partnershipId)).length, 1, 'nothing saved')
  })

  it('adds a day as a bank holiday, audited with who and what, and shows it in its year', async () => {
    await officer.get('/bank-holidays/add')
    const response = await officer.post('/bank-holidays/add', { ...date('2031-12-25'), name: 'Christmas Day' })
    assert.equal(response.statusCode, 302)
    assert.equal(response.headers.location, '/bank-holidays?year=2031&added=1')
    const list = await officer.get(response.headers.location)
    assert.equal(banner(list.body), 'Bank holiday added')
    assert.deepEqual(tableColumn(list.body, caption(2031), 'Name'), ['New Year’s Day', 'Christmas Day'])

    const change = await changeOn(testApp, '2031-12-25')
    assert.equal(change?.kind, 'holiday')
    const audit = await lastAudit(testApp)
    assert.equal(audit.action, 'created')
    assert.equal(audit.actorName, 'Tom Whitfield')
    assert.equal(audit.recordId, change!.id)
    assert.equal(audit.summary, 'Added Thursday 25 December 2031 as a bank holiday (Christmas Day)')
    assert.deepEqual(audit.after, { day: '2031-12-25', kind: 'holiday', name: 'Christmas Day' })
  })

  it('keeps a table holiday as a working day, with the reason, and refuses a day that is not one', async () => {
    const opened = await officer.get('/bank-holidays/keep-working?day=2016-12-27')
    assert.equal(opened.statusCode, 200)
    assert.match(opened.body, /name="day-day"[^>]*value="27"/, 'the list’s link fills in the day')

    const notAHoliday = await officer.post('/bank-holidays/keep-working', { ...date('2016-12-28'), name: 'Open' })
    assert.deepEqual(errorSummary(notAHoliday.body), [
      'day-day: Wednesday 28 December 2016 is not a bank holiday in England and Wales',
    ])
    const noReason = await officer.post('/bank-holidays/keep-working', { ...date('2016-12-27'), name: ' ' })
    assert.deepEqual(errorSummary(noReason.body), ['name: Enter why it is a working day'])

    const kept = await officer.post('/bank-holidays/keep-working', {
      ...date('2016-12-27'),
      name: 'Our offices open on the substitute day',
    })
    assert.equal(kept.headers.location, '/bank-holidays?year=2016&kept=1')
    const list = await officer.get(kept.headers.location as string)
    assert.equal(
      tableColumn(list.body, caption(2016), 'Source')[7],
      'Kept as a working day Our offices open on the substitute day',
    )
    const audit = await lastAudit(testApp)
    assert.equal(
      audit.summary,
      'Kept Tuesday 27 December 2016 as a working day (Our offices open on the substitute day)',
    )

    await officer.get('/bank-holidays/add')
    const again = await officer.post('/bank-holidays/add', { ...date('2016-12-27'), name: 'Christmas' })
    assert.deepEqual(errorSummary(again.body), [
      'day-day: Tuesday 27 December 2016 is kept as a working day. Remove that change to make it a bank holiday again',
    ])
    const twice = await officer.post('/bank-holidays/keep-working', { ...date('2016-12-27'), name: 'Again' })
    assert.deepEqual(errorSummary(twice.body), ['day-day: Tuesday 27 December 2016 is already kept as a working day'])
  })

  it('every deadline in working days counts with the partnership’s calendar, and no other partnership’s', async () => {
    const { db } = testApp.database
    const calendar = await partnershipCalendar(db, testApp.partnershipId)
    assert.equal(calendar.isWorkingDay('2016-12-27'), true, 'kept as a working day above')
    assert.equal(calendar.isWorkingDay('2031-01-01'), false, 'added by the demo')
    assert.equal(calendar.isWorkingDay('2031-12-25'), false, 'added above')
    assert.equal(calendar.addWorkingDays('2016-12-23', 1), '2016-12-27')

    // A training place on Thursday 29 December 2016 may be cancelled up to 2 working days before:
    // Tuesday 27 December, now that it is a working day here (Friday 23 December in the table).
    const rule = await cancellationRule(db, testApp.partnershipId)
    assert.equal(rule.workingDays, 2)
    assert.equal(cancellationCutOff(new Date('2016-12-29T10:00:00Z'), rule), '2016-12-27')

    const other = await insertPartnership(db)
    await addChange(db, systemActor(other.partnershipId), 'holiday', { day: '2017-06-09', name: 'County show' })
    const theirs = await partnershipCalendar(db, other.partnershipId)
    assert.equal(theirs.isWorkingDay('2016-12-27'), false, 'the other partnership keeps the table’s day')
    assert.equal(theirs.isWorkingDay('2017-06-09'), false)
    assert.equal((await partnershipCalendar(db, testApp.partnershipId)).isWorkingDay('2017-06-09'), true)
  })

  it('removes a change after a confirmation page, audited; a stale or unknown one is refused', async () => {
    const change = (await changeOn(testApp, '2016-12-27'))!
    const page = await officer.get(`/bank-holidays/${change.id}/remove`)
    assert.equal(page.statusCode, 200)
    assert.deepEqual(summaryListRows(page.body), {
      Date: 'Tuesday 27 December 2016',
      Change: 'Kept as a working day',
      Reason: 'Our offices open on the substitute day',
    })
    assert.match(page.body, /will be a bank holiday again/)

    const stale = await officer.post(`/bank-holidays/${change.id}/remove`, { version: String(change.version + 1) })
    assert.equal(stale.statusCode, 409)
    const removed = await officer.post(`/bank-holidays/${change.id}/remove`, { version: formVersion(page.body) })
    assert.equal(removed.headers.location, '/bank-holidays?year=2016&removed=1')
    assert.equal(await changeOn(testApp, '2016-12-27'), null)
    const audit = await lastAudit(testApp)
    assert.equal(audit.action, 'deleted')
    assert.equal(audit.recordId, change.id)
    assert.deepEqual(audit.before, {
      day: '2016-12-27',
      kind: 'working-day',
      name: 'Our offices open on the substitute day',
    })
    assert.equal(
      (await partnershipCalendar(testApp.database.db, testApp.partnershipId)).isWorkingDay('2016-12-27'),
      false,
    )

    assert.equal((await officer.get(`/bank-holidays/${change.id}/remove`)).statusCode, 404)
    const [theirs] = await testApp.database.db
      .select({ id: workingDayChanges.id })
      .from(workingDayChanges)
      .where(eq(workingDayChanges.day, '2017-06-09'))
    assert.equal((await officer.get(`/bank-holidays/${theirs!.id}/remove`)).statusCode, 404, 'another partnership’s')
  })

  it('shows everyone the list, and only those who may change it the buttons and the change column', async () => {
    const trainer = await testApp.signIn(demoEmail.trainer)
    const seen = await trainer.get('/bank-holidays?year=2016')
    assert.equal(seen.statusCode, 200)
    assert.doesNotMatch(seen.body, /Add a bank holiday|Keep as a working day|>Change</)
    assert.equal((await trainer.get('/bank-holidays/add')).statusCode, 403)
    const managed = await officer.get('/bank-holidays?year=2016')
    assert.match(managed.body, /Add a bank holiday/)
    assert.equal(tableColumn(managed.body, caption(2016), 'Change')[0], "Keep as a working day : New Year's Day")
  })
})
