import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { bookingRateLimit } from '../src/modules/learning/booking-pages/book-routes.ts'
import { bookPlace, type PlaceRequest } from '../src/modules/learning/bookings/service.ts'
import { agencies } from '../src/modules/partnership/schema.ts'
import { bookings, nonAttendanceCharges, waitingListEntries } from '../src/modules/learning/schema.ts'
import { systemActor } from '../src/platform/permissions.ts'
import { insertTrainingEvent } from './builders/index.ts'
import { appForSuite, type Session } from './helpers/app.ts'
import { errorSummary, heading, pageTitle, summaryListRows, textOf } from './helpers/html.ts'
import { outboxTo } from './helpers/outbox.ts'

/**
 * The public side of booking, through the app as a practitioner's browser would use it: the
 * catalogue's places, the booking form, the emailed manage link, cancelling, and the waiting list.
 */

const day = 86_400_000
let address = 0
/** Each practitioner at their own computer: the booking form is rate-limited per address. */
const nextAddress = () => `10.20.${Math.floor(++address / 250)}.${(address % 250) + 1}`

/** The path of a link in an email, as the person would click it (test apps run at http://hub.test). */
function linkIn(body: string, path: 'bookings' | 'offers' | 'waiting-list') {
  const match = body.match(new RegExp(`http://hub\\.test(/training/${path}/[A-Za-z0-9_-]+)`))
  assert.ok(match, `no ${path} link in:\n${body}`)
  return match[1]!
}

const answers = (n: number, overrides: Record<string, string> = {}) => ({
  intent: 'book',
  name: `Practitioner ${n}`,
  email: `practitioner${n}@example.org`,
  jobTitle: 'Health visitor',
  agencyChoice: 'other',
  agencyOther: 'Banbury Health Centre',
  sector: 'health',
  managerEmail: '',
  accessNeeds: '',
  terms: 'true',
  ...overrides,
})

describe('booking a place on the public site', () => {
  const hub = appForSuite()

  const makeEvent = (
    capacity: number,
    options: { startsInDays?: number; bookingClosesAt?: Date; status?: 'scheduled' | 'cancelled' } = {},
  ) => insertTrainingEvent(hub().database.db, hub().partnershipId, { capacity, ...options })

  const visitor = () => hub().visitor({ remoteAddress: nextAddress() })

  async function book(session: Session, eventId: string, form: Record<string, string>) {
    await session.get(`/training/events/${eventId}/book`)
    return session.post(`/training/events/${eventId}/book`, form)
  }

  async function fillWithCore(eventId: string, count: number) {
    for (let i = 0; i < count; i++) {
      const request: PlaceRequest = {
        name: `Filler ${i}`,
        email: `filler-${eventId.slice(0, 8)}-${i}@example.org`,
        jobTitle: null,
        agencyId: null,
        agencyOther: 'Elsewhere',
        sector: 'other',
        managerEmail: null,
        accessNeeds: null,
        termsAcceptedAt: new Date(),
      }
      await bookPlace(hub().database.db, systemActor(hub().partnershipId, 'Test'), eventId, request, {
        source: 'public',
        baseUrl: 'http://hub.test',
      })
    }
  }

  it('the catalogue says how many places are left, and can show only events with places', async () => {
    const session = await visitor()
    const { eventId, title } = await makeEvent(2)
    let page = await session.get(`/training/events/${eventId}`)
    assert.equal(summaryListRows(page.body).Places, '2 places left')
    assert.match(page.body, new RegExp(`href="/training/events/${eventId}/book"[^>]*>\\s*Book a place`))

    await fillWithCore(eventId, 2)
    page = await session.get(`/training/events/${eventId}`)
    assert.equal(summaryListRows(page.body).Places, 'Full – join the waiting list')
    assert.match(page.body, />\s*Join the waiting list\s*</)
    const all = await session.get('/training')
    assert.ok(textOf(all.body).includes(title), 'a full event is still listed')
    const withPlaces = await session.get('/training?places=available')
    assert.equal(withPlaces.statusCode, 200)
    assert.ok(!textOf(withPlaces.body).includes(title), 'but not among events with places')
    assert.match(withPlaces.body, /value="available" checked/)

    const closing = await makeEvent(10, { bookingClosesAt: new Date('2099-06-03T22:59:00Z') })
    page = await session.get(`/training/events/${closing.eventId}`)
    assert.equal(summaryListRows(page.body).Booking, 'Booking closes 3 June 2099')
    assert.ok(textOf((await session.get('/training?places=available')).body).includes(closing.title))

    const closed = await makeEvent(10, { bookingClosesAt: new Date(Date.now() - day) })
    page = await session.get(`/training/events/${closed.eventId}`)
    assert.equal(summaryListRows(page.body).Places, 'Booking has closed')
    assert.doesNotMatch(page.body, /Book a place/)
    assert.ok(!textOf((await session.get('/training?places=available')).body).includes(closed.title))
  })

  it('explains what is wrong with the form, the GOV.UK way, keeping what was typed', async () => {
    const session = await visitor()
    const { eventId } = await makeEvent(5)
    let page = await book(session, eventId, { intent: 'book' })
    assert.equal(page.statusCode, 400)
    assert.match(pageTitle(page.body), /^Error: Book a place/)
    assert.deepEqual(errorSummary(page.body), [
      'name: Enter your full name',
      'email: Enter an email address',
      'jobTitle: Enter your job title',
      'sector: Select the sector you work in',
      'terms: Confirm that you accept the booking terms',
      'agencyChoice: Select whether your agency is in the list',
    ])
    page = await session.post(
      `/training/events/${eventId}/book`,
      answers(1, { email: 'not-an-email', agencyOther: '', managerEmail: 'boss@' }),
    )
    assert.deepEqual(errorSummary(page.body), [
      'email: Enter an email address in the correct format, like name@example.com',
      'managerEmail: Enter an email address in the correct format, like name@example.com',
      'agencyOther: Enter the name of your organisation',
    ])
    assert.match(page.body, /name="name"[^>]*value="Practitioner 1"/)
    assert.match(page.body, /name="agencyChoice" type="radio" value="other" checked/)
    assert.match(page.body, /name="sector" type="radio" value="health" checked/)
    page = await session.post(`/training/events/${eventId}/book`, answers(1, { agencyChoice: 'listed' }))
    assert.deepEqual(errorSummary(page.body), ['agencyId: Select your agency from the list'])
    assert.equal((await hub().database.db.select().from(bookings).where(eq(bookings.eventId, eventId))).length, 0)
  })

  it('shows the partnership’s booking terms, and books a place from the directory’s agencies with a confirmation email', async () => {
    const { database, partnershipId } = hub()
    const session = await visitor()
    const { eventId, title } = await makeEvent(5)
    const [agency] = await database.db
      .select({ id: agencies.id })
      .from(agencies)
      .where(and(eq(agencies.partnershipId, partnershipId), eq(agencies.active, true)))
      .limit(1)
    const form = await session.get(`/training/events/${eventId}/book`)
    assert.equal(heading(form.body), 'Book a place')
    assert.match(textOf(form.body), /Late cancellations and no-shows are recorded against you and your agency/)
    const page = await session.post(
      `/training/events/${eventId}/book`,
      answers(2, { agencyChoice: 'listed', agencyId: agency!.id, agencyOther: '' }),
    )
    assert.equal(page.statusCode, 200)
    assert.equal(heading(page.body), 'Booking confirmed')
    assert.match(textOf(page.body), /We have sent a confirmation email to practitioner2@example\.org/)
    const [booking] = await database.db.select().from(bookings).where(eq(bookings.eventId, eventId))
    assert.equal(booking!.agencyId, agency!.id)
    assert.equal(booking!.source, 'public')
    assert.ok(booking!.termsAcceptedAt)

    const [email] = await outboxTo(database.db, 'practitioner2@example.org')
    assert.match(email!.subject, new RegExp(`Your place is booked: ${title}`))
    const manage = await session.get(linkIn(email!.bodyText, 'bookings'))
    assert.equal(manage.statusCode, 200)
    assert.equal(heading(manage.body), 'Your booking')
    assert.equal(summaryListRows(manage.body).Name, 'Practitioner 2')
    assert.equal(summaryListRows(manage.body).Status, 'Booked')
    assert.match(manage.body, new RegExp(`href="/training/events/${eventId}/calendar.ics"`))

    const again = await book(session, eventId, answers(2, { email: ' Practitioner2@Example.org' }))
    assert.equal(again.statusCode, 400)
    assert.deepEqual(errorSummary(again.body), [
      'email: This email address already has a place on this event. Use the link in the confirmation email to manage it.',
    ])
  })

  it('cancels in time through the manage link, and the link stops working after', async () => {
    const { database } = hub()
    const session = await visitor()
    const { eventId } = await makeEvent(5, { startsInDays: 30 })
    await book(session, eventId, answers(3))
    const managePath = linkIn((await outboxTo(database.db, 'practitioner3@example.org'))[0]!.bodyText, 'bookings')
    const confirm = await session.get(`${managePath}/cancel`)
    assert.equal(heading(confirm.body), 'Cancel your booking')
    assert.match(textOf(confirm.body), /You can cancel free of charge until the end of/)
    const done = await session.post(`${managePath}/cancel`)
    assert.equal(done.statusCode, 200)
    assert.equal(heading(done.body), 'Booking cancelled')
    assert.doesNotMatch(textOf(done.body), /late cancellation/)
    const [booking] = await database.db.select().from(bookings).where(eq(bookings.eventId, eventId))
    assert.equal(booking!.status, 'cancelled')

    for (const reuse of [await session.get(managePath), await session.post(`${managePath}/cancel`)]) {
      assert.equal(reuse.statusCode, 404)
      assert.equal(heading(reuse.body), 'This link has expired or is not valid')
    }
  })

  it('warns before a late cancellation what it may cost, and records it as late', async () => {
    const { database, partnershipId } = hub()
    await database.db
      .insert(nonAttendanceCharges)
      .values({ partnershipId, agencyType: 'none', amountPence: 2500 })
      .onConflictDoUpdate({
        target: [nonAttendanceCharges.partnershipId, nonAttendanceCharges.agencyType],
        set: { amountPence: 2500 },
      })
    const session = await visitor()
    const { eventId } = await makeEvent(5, { startsInDays: 1 })
    await book(session, eventId, answers(4))
    const managePath = linkIn((await outboxTo(database.db, 'practitioner4@example.org'))[0]!.bodyText, 'bookings')
    const confirm = await session.get(`${managePath}/cancel`)
    assert.match(
      textOf(confirm.body),
      /this will be recorded as a late cancellation\. Your agency may be charged £25\.00/,
    )
    const done = await session.post(`${managePath}/cancel`)
    assert.equal(heading(done.body), 'Booking cancelled')
    assert.match(textOf(done.body), /recorded as a late cancellation\. Your agency may be charged £25\.00/)
    const [booking] = await database.db.select().from(bookings).where(eq(bookings.eventId, eventId))
    assert.equal(booking!.status, 'late-cancellation')
    assert.equal(booking!.chargePence, 2500)
  })

  it('shows a link’s own booking only, and refuses links made for something else', async () => {
    const { database } = hub()
    const { eventId } = await makeEvent(1)
    await book(await visitor(), eventId, answers(5))
    await book(await visitor(), eventId, answers(6, { intent: 'waiting-list' }))
    const other = await makeEvent(5)
    await book(await visitor(), other.eventId, answers(7))
    const pathA = linkIn((await outboxTo(database.db, 'practitioner5@example.org'))[0]!.bodyText, 'bookings')
    const pathB = linkIn((await outboxTo(database.db, 'practitioner7@example.org'))[0]!.bodyText, 'bookings')
    const waitingPath = linkIn((await outboxTo(database.db, 'practitioner6@example.org'))[0]!.bodyText, 'waiting-list')
    const session = await visitor()
    const pageA = await session.get(pathA)
    assert.equal(summaryListRows(pageA.body).Name, 'Practitioner 5')
    assert.doesNotMatch(pageA.body, /Practitioner 7/)
    assert.equal(summaryListRows((await session.get(pathB)).body).Name, 'Practitioner 7')

    const token = (path: string) => path.split('/').pop()!
    for (const path of [
      `/training/bookings/${token(waitingPath)}`,
      `/training/bookings/${token(waitingPath)}/cancel`,
      `/training/offers/${token(pathA)}`,
      `/training/waiting-list/${token(pathA)}`,
      `/training/offers/${token(waitingPath)}`,
      '/training/bookings/made-up',
      `/training/bookings/${token(pathA).slice(0, -2)}xy`,
    ]) {
      const page = await session.get(path)
      assert.equal(page.statusCode, 404, path)
      assert.equal(heading(page.body), 'This link has expired or is not valid', path)
      assert.doesNotMatch(page.body, /Practitioner/, path)
    }
  })

  it('a full event takes names for its waiting list; a freed place is offered by email and accepted', async () => {
    const { database } = hub()
    const { eventId, title } = await makeEvent(1)
    const first = await visitor()
    await book(first, eventId, answers(8))

    const second = await visitor()
    const form = await second.get(`/training/events/${eventId}/book`)
    assert.equal(heading(form.body), 'Join the waiting list')
    const waiting = await second.post(`/training/events/${eventId}/book`, answers(9, { intent: 'waiting-list' }))
    assert.equal(heading(waiting.body), 'You are on the waiting list')
    const [joined] = await outboxTo(database.db, 'practitioner9@example.org')
    assert.match(joined!.subject, /You are on the waiting list/)
    const leavePage = await second.get(linkIn(joined!.bodyText, 'waiting-list'))
    assert.equal(heading(leavePage.body), 'Your place on the waiting list')

    const managePath = linkIn((await outboxTo(database.db, 'practitioner8@example.org'))[0]!.bodyText, 'bookings')
    await first.get(`${managePath}/cancel`)
    await first.post(`${managePath}/cancel`)

    const offer = (await outboxTo(database.db, 'practitioner9@example.org')).find((e) => e.template === 'place-offered')
    assert.ok(offer, 'the next person is offered the place')
    const offerPath = linkIn(offer.bodyText, 'offers')
    const offerPage = await second.get(offerPath)
    assert.equal(heading(offerPage.body), 'A place has come free')
    assert.match(textOf(offerPage.body), new RegExp(`Accept this place by \\d+ \\w+ \\d{4} at`))
    const accepted = await second.post(offerPath, { decision: 'accept' })
    assert.equal(heading(accepted.body), 'Booking confirmed')
    const confirmation = (await outboxTo(database.db, 'practitioner9@example.org')).find(
      (e) => e.template === 'booking-confirmed',
    )
    assert.match(confirmation!.subject, new RegExp(title))
    assert.equal((await second.get(offerPath)).statusCode, 404, 'the offer is spent')
  })

  it('turns an offer down, and leaves a waiting list, passing the place on', async () => {
    const { database } = hub()
    const { eventId } = await makeEvent(1)
    const holder = await visitor()
    await book(holder, eventId, answers(10))
    for (const n of [11, 12, 13]) await book(await visitor(), eventId, answers(n, { intent: 'waiting-list' }))
    const leaver = await visitor()
    const leavePath = linkIn((await outboxTo(database.db, 'practitioner12@example.org'))[0]!.bodyText, 'waiting-list')
    await leaver.get(leavePath)
    const left = await leaver.post(leavePath)
    assert.equal(heading(left.body), 'You have left the waiting list')

    const managePath = linkIn((await outboxTo(database.db, 'practitioner10@example.org'))[0]!.bodyText, 'bookings')
    await holder.get(`${managePath}/cancel`)
    await holder.post(`${managePath}/cancel`)
    const offer11 = (await outboxTo(database.db, 'practitioner11@example.org')).find(
      (e) => e.template === 'place-offered',
    )
    const decliner = await visitor()
    await decliner.get(linkIn(offer11!.bodyText, 'offers'))
    const declined = await decliner.post(linkIn(offer11!.bodyText, 'offers'), { decision: 'decline' })
    assert.equal(heading(declined.body), 'You have turned down the place')
    // 12 left, so the place passes to 13.
    const offer13 = (await outboxTo(database.db, 'practitioner13@example.org')).find(
      (e) => e.template === 'place-offered',
    )
    assert.ok(offer13, 'the place passes to the next person still waiting')
    const statuses = await database.db
      .select({ status: waitingListEntries.status })
      .from(waitingListEntries)
      .where(eq(waitingListEntries.eventId, eventId))
      .orderBy(waitingListEntries.createdAt)
    assert.deepEqual(
      statuses.map((s) => s.status),
      ['withdrawn', 'withdrawn', 'offered'],
    )
  })

  it('offers the waiting list instead when the last place goes while the form is being filled in', async () => {
    const session = await visitor()
    const { eventId } = await makeEvent(1)
    await session.get(`/training/events/${eventId}/book`)
    await fillWithCore(eventId, 1)
    const page = await session.post(`/training/events/${eventId}/book`, answers(14))
    assert.equal(heading(page.body), 'Join the waiting list')
    assert.match(textOf(page.body), /The last place has just been taken/)
    assert.match(page.body, /name="intent" value="waiting-list"/)
    assert.match(page.body, /name="name"[^>]*value="Practitioner 14"/)
  })

  it('says plainly when an event cannot be booked, with no form', async () => {
    const session = await visitor()
    const cancelled = await makeEvent(5, { status: 'cancelled' })
    const closed = await makeEvent(5, { bookingClosesAt: new Date(Date.now() - day) })
    const started = await makeEvent(5, { startsInDays: -1 })
    for (const [{ eventId }, message] of [
      [cancelled, 'This event has been cancelled'],
      [closed, 'Booking for this event has closed'],
      [started, 'This event has already started'],
    ] as const) {
      const page = await session.get(`/training/events/${eventId}/book`)
      assert.equal(page.statusCode, 200)
      assert.equal(heading(page.body), message)
      assert.doesNotMatch(page.body, /<form method="post"/)
      const posted = await session.post(`/training/events/${eventId}/book`, answers(15))
      assert.equal(posted.statusCode, 400)
      assert.equal(heading(posted.body), message)
    }
  })

  it('limits how often one address may send the booking form', async () => {
    const session = await visitor()
    const { eventId } = await makeEvent(5)
    await session.get(`/training/events/${eventId}/book`)
    for (let i = 0; i < bookingRateLimit.max; i++)
      assert.equal((await session.post(`/training/events/${eventId}/book`, {})).statusCode, 400)
    const refused = await session.post(`/training/events/${eventId}/book`, {})
    assert.equal(refused.statusCode, 429)
  })
})
