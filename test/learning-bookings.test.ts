import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { cancelBooking, isLateCancellation } from '../src/modules/learning/bookings/cancel.ts'
import { bankHolidayCalendar } from '../src/platform/working-days.ts'
import { moveBooking, substituteBooking } from '../src/modules/learning/bookings/changes.ts'
import { bookPlace, joinWaitingList } from '../src/modules/learning/bookings/service.ts'
import { acceptOffer, expireOffer } from '../src/modules/learning/bookings/waiting-list.ts'
import { cancelEvent, getEvent } from '../src/modules/learning/events/service.ts'
import { agencies } from '../src/modules/partnership/schema.ts'
import {
  bookings,
  learners,
  nonAttendanceCharges,
  trainingEvents,
  waitingListEntries,
} from '../src/modules/learning/schema.ts'
import { ValidationError } from '../src/platform/errors.ts'
import { jobs } from '../src/platform/schema.ts'
import { systemActor } from '../src/platform/permissions.ts'
import { readSignedLink } from '../src/platform/signed-links.ts'
import { insertTrainingEvent, placeRequest } from './builders/index.ts'
import { appForSuite } from './helpers/app.ts'
import { outboxTo } from './helpers/outbox.ts'

/** Booking places: capacity, double booking, the waiting list and its offers, cancelling, moving, substituting. */

const baseUrl = 'http://hub.test'
const day = 86_400_000

const person = placeRequest

const tokenIn = (body: string, path: string) =>
  body.match(new RegExp(`http://hub\\.test/training/${path}/([A-Za-z0-9_-]+)`))?.[1]

for (const driver of ['pglite', 'pg'] as const) {
  describe(`booking places (${driver})`, () => {
    const app = appForSuite({ driver })

    const makeEvent = (capacity: number, startsInDays = 30, title?: string) =>
      insertTrainingEvent(app().database.db, app().partnershipId, { capacity, startsInDays, title })

    const actor = () => systemActor(app().partnershipId, 'Test')
    const statusOf = async (id: string) =>
      (await app().database.db.select({ s: bookings.status }).from(bookings).where(eq(bookings.id, id)))[0]!.s

    it('books a place with a manage link and email, and refuses the same person twice', async () => {
      const { database } = app()
      const { eventId } = await makeEvent(5)
      const outcome = await bookPlace(database.db, actor(), eventId, person(1), { source: 'public', baseUrl })
      assert.equal(outcome.kind, 'booked')
      if (outcome.kind !== 'booked') return
      const [email] = await outboxTo(database.db, 'learner1@example.org')
      assert.match(email!.subject, /Your place is booked/)
      assert.match(email!.bodyText, /calendar\.ics/)
      const token = tokenIn(email!.bodyText, 'bookings')
      assert.ok(
        token &&
          (await readSignedLink(database.db, token, 'manage-booking', {
            recordType: 'booking',
            recordId: outcome.bookingId,
          })),
      )
      await assert.rejects(
        bookPlace(database.db, actor(), eventId, person(1, { email: ' LEARNER1@Example.org ' }), {
          source: 'public',
          baseUrl,
        }),
        (error: unknown) => error instanceof ValidationError && /already has a place/.test(error.fieldErrors.email!),
      )
      const sameLearner = await database.db.select().from(learners).where(eq(learners.email, 'learner1@example.org'))
      assert.equal(sameLearner.length, 1)
    })

    it('fills up, keeps a waiting list in order, offers a freed place, and passes an unaccepted offer on', async () => {
      const { database } = app()
      const { eventId } = await makeEvent(2)
      const first = await bookPlace(database.db, actor(), eventId, person(11), { source: 'public', baseUrl })
      await bookPlace(database.db, actor(), eventId, person(12), { source: 'public', baseUrl })
      assert.deepEqual(await bookPlace(database.db, actor(), eventId, person(13), { source: 'public', baseUrl }), {
        kind: 'full',
      })
      const w13 = await joinWaitingList(database.db, actor(), eventId, person(13), { baseUrl })
      const w14 = await joinWaitingList(database.db, actor(), eventId, person(14), { baseUrl })
      assert.equal(w13.kind, 'waiting')
      assert.equal(w14.kind, 'waiting')
      if (first.kind !== 'booked' || w13.kind !== 'waiting' || w14.kind !== 'waiting') return

      const cancelled = await cancelBooking(database.db, actor(), first.bookingId, { baseUrl })
      assert.deepEqual(cancelled, { late: false, chargePence: null })
      assert.equal(await statusOf(first.bookingId), 'cancelled')
      const [offer13] = await database.db
        .select()
        .from(waitingListEntries)
        .where(eq(waitingListEntries.id, w13.entryId))
      assert.equal(offer13!.status, 'offered')
      // The offered place is held: nobody can book it past the person offered it.
      assert.deepEqual(await bookPlace(database.db, actor(), eventId, person(15), { source: 'public', baseUrl }), {
        kind: 'full',
      })
      const offerEmail = (await outboxTo(database.db, 'learner13@example.org')).find(
        (e) => e.template === 'place-offered',
      )
      assert.ok(offerEmail && tokenIn(offerEmail.bodyText, 'offers'))
      const [job] = await database.db
        .select()
        .from(jobs)
        .where(eq(jobs.uniqueKey, `expire-waiting-list-offer:${w13.entryId}:${offer13!.offerExpiresAt!.toISOString()}`))
      assert.equal(job?.runAt.getTime(), offer13!.offerExpiresAt!.getTime())

      // Not at the deadline yet: nothing happens. After it, the offer passes to the next person.
      assert.equal(await expireOffer(database.db, app().partnershipId, w13.entryId, baseUrl), false)
      const later = new Date(offer13!.offerExpiresAt!.getTime() + 1000)
      assert.equal(await expireOffer(database.db, app().partnershipId, w13.entryId, baseUrl, later), true)
      const entries = await database.db.select().from(waitingListEntries).where(eq(waitingListEntries.eventId, eventId))
      assert.equal(entries.find((e) => e.id === w13.entryId)!.status, 'expired')
      assert.equal(entries.find((e) => e.id === w14.entryId)!.status, 'offered')
      await assert.rejects(acceptOffer(database.db, actor(), w13.entryId, baseUrl), ValidationError)

      const accepted = await acceptOffer(database.db, actor(), w14.entryId, baseUrl)
      assert.equal(await statusOf(accepted.bookingId), 'booked')
      const [made] = await database.db.select().from(bookings).where(eq(bookings.id, accepted.bookingId))
      assert.equal(made!.source, 'waiting-list')
    })

    it('records a cancellation after the cut-off as late, with the charge for the agency type', async () => {
      const { database, partnershipId } = app()
      const [agency] = await database.db
        .select({ id: agencies.id })
        .from(agencies)
        .where(and(eq(agencies.partnershipId, partnershipId), eq(agencies.contributesFunding, false)))
      const [type] = await database.db.select({ type: agencies.type }).from(agencies).where(eq(agencies.id, agency!.id))
      await database.db
        .insert(nonAttendanceCharges)
        .values({ partnershipId, agencyType: type!.type, amountPence: 5000 })
        .onConflictDoNothing()
      const { eventId } = await makeEvent(5, 1)
      const booked = await bookPlace(database.db, actor(), eventId, person(21, { agencyId: agency!.id }), {
        source: 'public',
        baseUrl,
      })
      assert.equal(booked.kind, 'booked')
      if (booked.kind !== 'booked') return
      assert.deepEqual(await cancelBooking(database.db, actor(), booked.bookingId, { baseUrl }), {
        late: true,
        chargePence: 5000,
      })
      assert.equal(await statusOf(booked.bookingId), 'late-cancellation')
      const [email] = (await outboxTo(database.db, 'learner21@example.org')).filter(
        (e) => e.template === 'booking-cancelled',
      )
      assert.match(email!.bodyText, /late cancellation.*£50\.00/s)
      await assert.rejects(cancelBooking(database.db, actor(), booked.bookingId, { baseUrl }), ValidationError)
    })

    it('moves a booking to another date of the course and gives a place to a colleague', async () => {
      const { database } = app()
      const { courseId, eventId } = await makeEvent(3, 20, 'Movable course')
      const [other] = await database.db
        .insert(trainingEvents)
        .values({
          partnershipId: app().partnershipId,
          courseId,
          startsAt: new Date(Date.now() + 40 * day),
          endsAt: new Date(Date.now() + 40 * day + 3_600_000),
          venue: 'Abingdon',
          capacity: 1,
        })
        .returning({ id: trainingEvents.id })
      const a = await bookPlace(database.db, actor(), eventId, person(31), { source: 'staff', baseUrl })
      const b = await bookPlace(database.db, actor(), eventId, person(32), { source: 'staff', baseUrl })
      if (a.kind !== 'booked' || b.kind !== 'booked') return assert.fail('not booked')
      await moveBooking(database.db, actor(), a.bookingId, other!.id, baseUrl)
      const [moved] = await database.db.select().from(bookings).where(eq(bookings.id, a.bookingId))
      assert.equal(moved!.eventId, other!.id)
      assert.ok((await outboxTo(database.db, 'learner31@example.org')).some((e) => e.template === 'booking-moved'))
      await assert.rejects(moveBooking(database.db, actor(), b.bookingId, other!.id, baseUrl), /Validation/)

      await substituteBooking(database.db, actor(), b.bookingId, person(33), baseUrl)
      const [given] = await database.db.select().from(bookings).where(eq(bookings.id, b.bookingId))
      const [colleague] = await database.db.select().from(learners).where(eq(learners.email, 'learner33@example.org'))
      assert.equal(given!.learnerId, colleague!.id)
      assert.ok(
        (await outboxTo(database.db, 'learner32@example.org')).some((e) => e.template === 'booking-substituted'),
      )
      assert.ok((await outboxTo(database.db, 'learner33@example.org')).some((e) => e.template === 'booking-confirmed'))
    })

    it('cancelling an event cancels and emails everyone booked or waiting', async () => {
      const { database, partnershipId } = app()
      const { eventId } = await makeEvent(1)
      await bookPlace(database.db, actor(), eventId, person(41), { source: 'public', baseUrl })
      await joinWaitingList(database.db, actor(), eventId, person(42), { baseUrl })
      const event = await getEvent(database.db, partnershipId, eventId)
      await cancelEvent(database.db, actor(), event, event.version, 'The trainer is ill')
      const live = await database.db
        .select()
        .from(bookings)
        .where(and(eq(bookings.eventId, eventId), eq(bookings.status, 'booked')))
      assert.equal(live.length, 0)
      for (const email of ['learner41@example.org', 'learner42@example.org']) {
        const sent = (await outboxTo(database.db, email)).find((e) => e.template === 'event-cancelled')
        assert.match(sent!.bodyText, /The trainer is ill/)
      }
    })

    it('counts the cut-off in working days, across a bank holiday', () => {
      // Tuesday 30 May 2017, after the spring bank holiday: 2 working days before is Thursday 25 May.
      const startsAt = new Date('2017-05-30T08:30:00Z')
      const rule = { workingDays: 2, calendar: bankHolidayCalendar }
      assert.equal(isLateCancellation(startsAt, rule, new Date('2017-05-25T16:00:00Z')), false)
      assert.equal(isLateCancellation(startsAt, rule, new Date('2017-05-26T07:00:00Z')), true)
    })

    if (driver === 'pg')
      it('never overbooks: twenty people taking the last place at the same moment get it once', async () => {
        const { database } = app()
        const { eventId } = await makeEvent(1)
        const outcomes = await Promise.all(
          Array.from({ length: 20 }, (_, n) =>
            bookPlace(database.db, actor(), eventId, person(100 + n), { source: 'public', baseUrl }),
          ),
        )
        assert.equal(outcomes.filter((o) => o.kind === 'booked').length, 1)
        assert.equal(outcomes.filter((o) => o.kind === 'full').length, 19)
        const held = await database.db.select().from(bookings).where(eq(bookings.eventId, eventId))
        assert.equal(held.length, 1)
      })
  })
}
