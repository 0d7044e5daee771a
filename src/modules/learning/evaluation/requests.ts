import { and, asc, eq, gt, isNotNull, isNull, lte } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { defineJob } from '../../../platform/jobs/index.ts'
import { createSignedLink } from '../../../platform/signed-links.ts'
import { bookings, learners, trainingEvents } from '../schema.ts'
import { selectAttendees } from './attendees.ts'
import { queueEvaluationRequest } from './emails.ts'
import { evaluationLinkWeeks, links, purposes, weeksFrom } from './links.ts'

/**
 * Asking attendees for their evaluation. After an event, everyone marked as attended gets one
 * email with a link to a short form; `evaluationRequestedAt` records that it went, so nobody is
 * asked twice. A recurring job asks for every event that has ended; the attendance register may
 * ask at once with `requestEvaluation`.
 */

/**
 * Only events that ended within this many days are asked about: an attendance register marked
 * late is still asked, but bookings loaded in bulk for past years (an import, the demo programme)
 * never email thousands of people about training long past.
 */
export const askWithinDays = 28

/** How many bookings one run of the job asks for; the next run, 15 minutes later, carries on. */
export const askBatchSize = 200

/**
 * Asks one attendee for their evaluation now, in the caller's transaction: makes the link, queues
 * the email and notes the request. Does nothing (false) unless the booking is attended, not asked
 * yet, and its learner has an email and has not been erased. Locks the booking, so two callers at
 * once send one email.
 */
export async function requestEvaluation(
  tx: Database,
  partnershipId: string,
  bookingId: string,
  baseUrl: string,
): Promise<boolean> {
  const [booking] = await selectAttendees(tx)
    .where(
      and(
        eq(bookings.partnershipId, partnershipId),
        eq(bookings.id, bookingId),
        eq(bookings.status, 'attended'),
        isNull(bookings.evaluationRequestedAt),
        isNull(learners.erasedAt),
        isNotNull(learners.email),
      ),
    )
    .for('update', { of: bookings, skipLocked: true })
  if (!booking) return false
  const token = await createSignedLink(tx, {
    partnershipId,
    purpose: purposes.evaluation,
    recordType: 'booking',
    recordId: booking.bookingId,
    expiresAt: weeksFrom(new Date(), evaluationLinkWeeks),
  })
  await queueEvaluationRequest(
    tx,
    partnershipId,
    { ...booking, email: booking.email! },
    links(baseUrl).evaluation(token),
  )
  await tx.update(bookings).set({ evaluationRequestedAt: new Date() }).where(eq(bookings.id, booking.bookingId))
  return true
}

/** The bookings the job should ask about now, oldest event first: ids only. */
export async function bookingsToAsk(db: Database, now = new Date(), limit = askBatchSize) {
  const since = new Date(now.getTime() - askWithinDays * 86_400_000)
  return db
    .select({ id: bookings.id, partnershipId: bookings.partnershipId })
    .from(bookings)
    .innerJoin(trainingEvents, eq(trainingEvents.id, bookings.eventId))
    .innerJoin(learners, eq(learners.id, bookings.learnerId))
    .where(
      and(
        eq(bookings.status, 'attended'),
        isNull(bookings.evaluationRequestedAt),
        lte(trainingEvents.endsAt, now),
        gt(trainingEvents.endsAt, since),
        isNull(learners.erasedAt),
        isNotNull(learners.email),
      ),
    )
    .orderBy(asc(trainingEvents.endsAt), asc(bookings.id))
    .limit(limit)
}

/**
 * The recurring job: asks every attendee of an event that has ended, each in a small transaction
 * of its own (one failure does not hold back the rest, and no transaction holds many locks).
 * Safe to repeat: an attendee already asked is skipped under the booking's lock.
 */
export const askForEvaluationsJob = defineJob('learning-ask-for-evaluations', async (db, _payload, context) => {
  const { baseUrl } = context
  for (const booking of await bookingsToAsk(db)) {
    await db.transaction((tx) => requestEvaluation(tx, booking.partnershipId, booking.id, baseUrl))
  }
})

export const askForEvaluationsSchedule = { name: askForEvaluationsJob.name, every: { minutes: 15 } }
