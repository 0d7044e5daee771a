import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { and, eq, isNull } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { bookPlace, type PlaceRequest } from '../src/modules/learning/bookings/service.ts'
import { agencies, people } from '../src/modules/partnership/schema.ts'
import { bookings, learners, learningSettings, trainingEvents } from '../src/modules/learning/schema.ts'
import { auditLog, signedLinks } from '../src/platform/schema.ts'
import { systemActor } from '../src/platform/permissions.ts'
import { insertAgency, insertTrainingEvent } from './builders/index.ts'
import { demoEmail, type Session } from './helpers/app.ts'
import { parseCsv } from './helpers/csv.ts'
import { errorSummary, formVersion, history, summaryListRows, tableColumn } from './helpers/html.ts'
import { outboxTo } from './helpers/outbox.ts'
import { idOf, officerForSuite } from './helpers/records.ts'

/** The staff side of bookings: the business unit and trainers run bookings, the register and charges. */

const baseUrl = 'http://hub.test'

const person = (n: number, overrides: Partial<PlaceRequest> = {}): PlaceRequest => ({
  name: `Staff Learner ${n}`,
  email: `staff.learner${n}@example.org`,
  jobTitle: 'Health visitor',
  agencyId: null,
  agencyOther: 'Oxford Family Centre',
  sector: 'health',
  managerEmail: `manager${n}@example.org`,
  accessNeeds: 'Step-free access',
  termsAcceptedAt: new Date(),
  ...overrides,
})

const placeForm = (n: number, overrides: Record<string, string> = {}) => ({
  name: `Booked Person ${n}`,
  email: `booked.person${n}@example.org`,
  jobTitle: 'Teacher',
  agencyId: 'other',
  agencyOther: 'St Aldate’s Primary School',
  sector: 'education',
  managerEmail: '',
  accessNeeds: '',
  ...overrides,
})

describe('the staff side of bookings', () => {
  const shared = officerForSuite()
  let trainer: Session
  let funding: { id: string; type: string }
  let charged: { id: string; type: string }

  before(async () => {
    trainer = await shared.testApp.signIn(demoEmail.trainer)
    const { db } = shared.testApp.database
    const pick = async (funds: boolean) => {
      const [row] = await db
        .select({ id: agencies.id, type: agencies.type })
        .from(agencies)
        .where(and(eq(agencies.partnershipId, shared.testApp.partnershipId), eq(agencies.contributesFunding, funds)))
      assert.ok(row)
      return row
    }
    funding = await pick(true)
    // An agency of its own, so the demo's own charges (this year's events) are not in its row.
    charged = await insertAgency(db, shared.testApp.partnershipId, {
      type: 'voluntary-and-community-sector',
      contributesFunding: false,
    })
  })

  const db = () => shared.testApp.database.db
  const actor = () => systemActor(shared.testApp.partnershipId, 'Test')

  const makeEvent = (capacity: number, startsInDays: number, courseId?: string) =>
    insertTrainingEvent(db(), shared.testApp.partnershipId, { capacity, startsInDays, courseId })

  async function book(eventId: string, request: PlaceRequest) {
    const outcome = await bookPlace(db(), actor(), eventId, request, { source: 'public', baseUrl })
    assert.equal(outcome.kind, 'booked')
    return outcome.kind === 'booked' ? outcome : assert.fail('not booked')
  }

  const agencyName = async (id: string) =>
    (await db().select({ name: agencies.name }).from(agencies).where(eq(agencies.id, id)))[0]!.name

  const bookingRow = async (id: string) => (await db().select().from(bookings).where(eq(bookings.id, id)))[0]!

  it('adds bookings on someone’s behalf until the event is full, then lists, sorts and downloads them', async () => {
    const { officer } = shared
    const { eventId } = await makeEvent(2, 30)
    const path = `/learning/events/${eventId}/bookings/new`
    let response = await officer.post(path, placeForm(1, { email: 'not an email', agencyOther: '' }))
    assert.equal(response.statusCode, 400)
    assert.deepEqual(errorSummary(response.body), [
      'email: Enter an email address in the correct format, like name@example.com',
      'agencyOther: Enter the name of their agency',
    ])
    assert.equal((await officer.post(path, placeForm(1))).statusCode, 302)
    assert.equal((await officer.post(path, placeForm(2, { agencyId: funding.id, agencyOther: '' }))).statusCode, 302)
    response = await officer.post(path, placeForm(3))
    assert.equal(response.statusCode, 400)
    assert.match(errorSummary(response.body)[0]!, /^event: This event is full/)
    const [made] = await db()
      .select({ source: bookings.source, terms: bookings.termsAcceptedAt })
      .from(bookings)
      .innerJoin(learners, eq(learners.id, bookings.learnerId))
      .where(eq(learners.email, 'booked.person1@example.org'))
    assert.deepEqual(made, { source: 'staff', terms: null })
    assert.match((await outboxTo(db(), 'booked.person1@example.org'))[0]!.subject, /Your place is booked/)

    const page = await officer.get(`/learning/events/${eventId}/bookings?sort=name&direction=desc`)
    assert.equal(page.statusCode, 200)
    const caption = tableCaption(page.body)
    assert.deepEqual(tableColumn(page.body, caption, 'Name'), ['Booked Person 2', 'Booked Person 1'])
    assert.equal(summaryListRows(page.body)['Places left'], '0')
    const csv = parseCsv((await officer.get(`/learning/events/${eventId}/bookings.csv?sort=name`)).body)
    assert.deepEqual(
      csv.map((row) => [row[0], row[3], row[5]]),
      [
        ['Name', 'Agency', 'Status'],
        ['Booked Person 1', 'St Aldate’s Primary School', 'Booked'],
        ['Booked Person 2', await agencyName(funding.id), 'Booked'],
      ],
    )
  })

  it('lets a trainer move a booking, give a place to a colleague, and cancel with and without the charge', async () => {
    const { eventId, courseId } = await makeEvent(5, 30)
    const later = await makeEvent(5, 40, courseId)
    const first = await book(eventId, person(10))
    const second = await book(eventId, person(11))

    const form = await trainer.get(`/learning/bookings/${first.bookingId}/move`)
    assert.match(form.body, new RegExp(`value="${later.eventId}"`))
    assert.equal(
      (await trainer.post(`/learning/bookings/${first.bookingId}/move`, { eventId: later.eventId })).statusCode,
      302,
    )
    assert.equal((await bookingRow(first.bookingId)).eventId, later.eventId)

    const response = await trainer.post(
      `/learning/bookings/${second.bookingId}/substitute`,
      placeForm(12, { name: 'Colleague Twelve', email: 'colleague12@example.org' }),
    )
    assert.equal(response.statusCode, 302)
    const [colleague] = await db().select().from(learners).where(eq(learners.email, 'colleague12@example.org'))
    assert.equal((await bookingRow(second.bookingId)).learnerId, colleague!.id)
    const told = await outboxTo(db(), 'staff.learner11@example.org')
    assert.ok(told.some((e) => e.template === 'booking-substituted'))

    // Tomorrow's event is past the two-working-day cut-off: cancelling is late unless recorded as in time.
    await db().insert(learningSettings).values({ partnershipId: shared.testApp.partnershipId }).onConflictDoNothing()
    const soon = await makeEvent(5, 1)
    const waived = await book(soon.eventId, person(13, { agencyId: charged.id, agencyOther: null }))
    const late = await book(soon.eventId, person(14, { agencyId: charged.id, agencyOther: null }))
    await shared.officer.post('/learning/settings/charges', chargesForm({ [charged.type]: '25' }))
    const cancelPage = await trainer.get(`/learning/bookings/${waived.bookingId}/cancel`)
    assert.match(cancelPage.body, /Record as cancelled in time/)
    await trainer.post(`/learning/bookings/${waived.bookingId}/cancel`, { waiveLate: 'true' })
    await trainer.post(`/learning/bookings/${late.bookingId}/cancel`, {})
    assert.deepEqual(
      [await bookingRow(waived.bookingId), await bookingRow(late.bookingId)].map((b) => [b.status, b.chargePence]),
      [
        ['cancelled', null],
        ['late-cancellation', 2500],
      ],
    )
    const page = await trainer.get(`/learning/bookings/${late.bookingId}`)
    assert.equal(summaryListRows(page.body).Charge, '£25.00')
    assert.match(history(page.body)[0]!, /Late cancellation on .* \(by Ruth Evans\)/)
  })

  it('prints the sign-in sheet, refuses marking before the start, and records attendance and charges', async () => {
    const { officer } = shared
    await officer.post('/learning/settings/charges', chargesForm({ [charged.type]: '40', none: '10' }))
    const { eventId } = await makeEvent(4, 10)
    const came = await book(eventId, person(20))
    const missed = await book(eventId, person(21, { agencyId: charged.id, agencyOther: null }))
    const funded = await book(eventId, person(22, { agencyId: funding.id, agencyOther: null }))

    const sheet = await trainer.get(`/learning/events/${eventId}/register`)
    assert.equal(sheet.statusCode, 200)
    for (const n of [20, 21, 22]) assert.match(sheet.body, new RegExp(`Staff Learner ${n}`))
    assert.match(sheet.body, /Signature/)
    assert.match((await trainer.get(`/learning/events/${eventId}/attendance`)).body, /once the event has started/)
    const marks = {
      [`mark-${came.bookingId}`]: 'attended',
      [`mark-${missed.bookingId}`]: 'no-show',
      [`mark-${funded.bookingId}`]: 'no-show',
    }
    let response = await trainer.post(`/learning/events/${eventId}/attendance`, marks)
    assert.equal(response.statusCode, 400)
    assert.deepEqual(errorSummary(response.body), ['register: You can record attendance once the event has started'])

    await db()
      .update(trainingEvents)
      .set({ startsAt: new Date(Date.now() - 3_600_000), endsAt: new Date(Date.now() + 3_600_000) })
      .where(eq(trainingEvents.id, eventId))
    const { [`mark-${funded.bookingId}`]: _left, ...partial } = marks
    response = await trainer.post(`/learning/events/${eventId}/attendance`, partial)
    assert.equal(response.statusCode, 400)
    assert.deepEqual(errorSummary(response.body), [
      `mark-${funded.bookingId}: Select attended, did not attend or late cancellation`,
    ])
    assert.equal((await bookingRow(came.bookingId)).status, 'booked', 'all or nothing')

    assert.equal((await trainer.post(`/learning/events/${eventId}/attendance`, marks)).statusCode, 302)
    const statuses = async () =>
      Promise.all([came, missed, funded].map(async (b) => bookingRow(b.bookingId))).then((rows) =>
        rows.map((b) => [b.status, b.chargePence]),
      )
    assert.deepEqual(await statuses(), [
      ['attended', null],
      ['no-show', 4000],
      ['no-show', 0],
    ])
    // A correction: they did come after all.
    await trainer.post(`/learning/events/${eventId}/attendance`, {
      ...marks,
      [`mark-${missed.bookingId}`]: 'attended',
    })
    assert.deepEqual((await statuses())[1], ['attended', null])
    const page = await trainer.get(`/learning/bookings/${missed.bookingId}`)
    assert.match(history(page.body)[0]!, /^Corrected attendance at/)
  })

  it('reports charges per agency for a period, with the bookings behind them, as CSV and XLSX', async () => {
    const { officer } = shared
    const today = new Date()
    const range = {
      'from-day': '1',
      'from-month': String(today.getMonth() + 1),
      'from-year': String(today.getFullYear() - 1),
      'to-day': '28',
      'to-month': '12',
      'to-year': String(today.getFullYear() + 1),
    }
    const query = new URLSearchParams(range).toString()
    const page = await officer.get(`/learning/charges?${query}`)
    assert.equal(page.statusCode, 200)
    const chargedName = await agencyName(charged.id)
    const csv = parseCsv((await officer.get(`/learning/charges.csv?${query}`)).body)
    assert.deepEqual(csv[0], [
      'Agency',
      'Agency type',
      'Funds the partnership',
      'Late cancellations',
      'No-shows',
      'Total charge (£)',
    ])
    const chargedRow = csv.find((row) => row[0] === chargedName)
    // The late cancellation at £25 (the no-show was corrected to attended).
    assert.deepEqual(chargedRow?.slice(3), ['1', '0', '25'])
    assert.equal(csv.at(-1)![0], 'Total')
    const xlsx = await officer.get(`/learning/charges.xlsx?${query}`)
    assert.match(String(xlsx.headers['content-type']), /spreadsheetml/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]!
    const sheetRows = sheet.getSheetValues().filter(Boolean) as unknown[][]
    assert.deepEqual(sheetRows.find((row) => row[1] === chargedName)?.slice(4), [1, 0, 25])
    const behind = parseCsv((await officer.get(`/learning/charges/bookings.csv?${query}`)).body)
    assert.ok(behind.some((row) => row[2] === 'Staff Learner 14' && row[5] === 'Late cancellation'))
    assert.ok(behind.some((row) => row[2] === 'Staff Learner 22' && row[5] === 'Did not attend' && row[6] === '0'))
  })

  it('validates and saves the learning settings', async () => {
    const { officer } = shared
    const form = await officer.get('/learning/settings')
    const version = formVersion(form.body)
    let response = await officer.post('/learning/settings', {
      version,
      cancellationCutOffWorkingDays: 'two',
      offerHours: '0',
      followUpWeeks: '12',
      bookingTerms: '',
    })
    assert.equal(response.statusCode, 400)
    assert.deepEqual(errorSummary(response.body), [
      'cancellationCutOffWorkingDays: Enter the cancellation cut-off as a number, like 1',
      'offerHours: The time to accept an offer must be at least 1 hour',
    ])
    response = await officer.post('/learning/settings', {
      version,
      cancellationCutOffWorkingDays: '3',
      offerHours: '24',
      followUpWeeks: '8',
      bookingTerms: 'Please cancel **as early as you can**.',
    })
    assert.equal(response.statusCode, 302)
    const [saved] = await db()
      .select()
      .from(learningSettings)
      .where(eq(learningSettings.partnershipId, shared.testApp.partnershipId))
    assert.deepEqual([saved!.cancellationCutOffWorkingDays, saved!.offerHours, saved!.followUpWeeks], [3, 24, 8])
    response = await officer.post('/learning/settings/charges', chargesForm({ police: '-5' }))
    assert.deepEqual(errorSummary(response.body), ['charge-police: Enter an amount in pounds, like 50 or 12.50'])
  })

  it('finds learners, links one to a directory person, and erases one without changing the counts', async () => {
    const { officer, testApp } = shared
    const { eventId } = await makeEvent(5, 20)
    const booked = await book(eventId, person(30, { name: 'Imogen Erasable', email: 'imogen.erasable@example.org' }))
    const list = await officer.get('/learning/learners?search=imogen')
    assert.match(list.body, /Imogen Erasable/)
    assert.doesNotMatch(list.body, /Staff Learner 10/)
    const csv = parseCsv((await officer.get('/learning/learners.csv?search=erasable')).body)
    assert.deepEqual(
      csv.slice(1).map((row) => [row[1], row[5]]),
      [['imogen.erasable@example.org', '1']],
    )

    const learnerId = booked.learnerId
    const personId = await idOf(testApp, people, 'Grace Lindqvist')
    const linkForm = await officer.get(`/learning/learners/${learnerId}/person`)
    assert.equal(
      (await officer.post(`/learning/learners/${learnerId}/person`, { version: formVersion(linkForm.body), personId }))
        .statusCode,
      302,
    )
    let page = await officer.get(`/learning/learners/${learnerId}`)
    assert.equal(summaryListRows(page.body)['Directory person'], 'Grace Lindqvist')

    assert.equal((await trainer.get(`/learning/learners/${learnerId}/erase`)).statusCode, 403)
    const eraseForm = await officer.get(`/learning/learners/${learnerId}/erase`)
    const bookingsBefore = await db().select().from(bookings).where(eq(bookings.learnerId, learnerId))
    const response = await officer.post(`/learning/learners/${learnerId}/erase`, {
      version: formVersion(eraseForm.body),
      confirm: 'yes',
    })
    assert.equal(response.statusCode, 302)
    const [erased] = await db().select().from(learners).where(eq(learners.id, learnerId))
    assert.deepEqual(
      [erased!.name, erased!.email, erased!.jobTitle, erased!.agencyOther, erased!.personId, !!erased!.erasedAt],
      ['Erased learner', null, null, null, null, true],
    )
    const bookingsAfter = await db().select().from(bookings).where(eq(bookings.learnerId, learnerId))
    assert.equal(bookingsAfter.length, bookingsBefore.length)
    assert.deepEqual(
      bookingsAfter.map((b) => [b.status, b.managerEmail, b.accessNeeds, b.jobTitle]),
      [['booked', null, null, null]],
    )
    const live = await db()
      .select()
      .from(signedLinks)
      .where(and(eq(signedLinks.recordId, booked.bookingId), isNull(signedLinks.revokedAt)))
    assert.equal(live.length, 0, 'their manage link no longer works')
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.recordId, learnerId), eq(auditLog.action, 'erased')))
    assert.deepEqual(
      [audit!.before, audit!.after, audit!.summary],
      [null, null, 'Erased this learner’s personal details'],
    )
    page = await officer.get(`/learning/learners/${learnerId}`)
    assert.doesNotMatch(page.body, /Imogen|imogen\.erasable|manager30/)
    const bookingsPage = await officer.get(`/learning/events/${eventId}/bookings`)
    assert.match(bookingsPage.body, /Erased learner/)
    assert.doesNotMatch(bookingsPage.body, /Imogen/)
  })

  it('refuses the read-only role on every staff booking page', async () => {
    const readOnly = await shared.testApp.signIn(demoEmail['read-only'])
    const { eventId } = await makeEvent(2, 15)
    const booked = await book(eventId, person(40))
    for (const path of [
      `/learning/events/${eventId}/bookings`,
      `/learning/events/${eventId}/bookings.csv`,
      `/learning/events/${eventId}/register`,
      `/learning/events/${eventId}/attendance`,
      `/learning/bookings/${booked.bookingId}`,
      '/learning/learners',
      `/learning/learners/${booked.learnerId}`,
      '/learning/charges',
      '/learning/charges.xlsx',
      '/learning/settings',
      '/learning/settings/charges',
    ])
      assert.equal((await readOnly.get(path)).statusCode, 403, path)
    const events = await readOnly.get('/learning/events')
    assert.doesNotMatch(
      events.body,
      /href="\/learning\/learners"/,
      'the sub-navigation leaves out what they cannot open',
    )
  })
})

const agencyTypes = [
  'local-authority',
  'police',
  'health',
  'probation',
  'education',
  'voluntary-and-community-sector',
  'military',
  'lay-members',
  'other',
  'none',
]

/** The charges form with every type at £0 unless given. */
function chargesForm(amounts: Record<string, string>) {
  return Object.fromEntries(agencyTypes.map((type) => [`charge-${type}`, amounts[type] ?? '0']))
}

function tableCaption(body: string) {
  const caption = body.match(/<caption[^>]*>(Bookings on [^<]*)<\/caption>/)?.[1]
  assert.ok(caption)
  return caption.replace(/&#39;/g, "'").replace(/&amp;/g, '&')
}
