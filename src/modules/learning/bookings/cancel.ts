import { and, eq, inArray } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { recordAudit } from '../../../platform/audit.ts'
import { NotFoundError, ValidationError } from '../../../platform/errors.ts'
import { londonParts } from '../../../platform/london-time.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { revokeSignedLinks } from '../../../platform/signed-links.ts'
import { partnershipCalendar, type WorkingDayCalendar } from '../../../platform/working-days.ts'
import { bookings, waitingListEntries } from '../schema.ts'
import { getLearningSettings } from '../settings/service.ts'
import { nonAttendanceCharge } from './charges.ts'
import { queueBookingCancelled, queueEventCancelled } from './emails.ts'
import { lockEvent, type LockedEvent } from './places.ts'
import { learnerContact, offerFreedPlaces } from './waiting-list.ts'

/**
 * Cancelling: a learner up to the cut-off (a number of working days before the event's day) frees
 * the place and costs nothing; after it, the cancellation is late, still frees the place, and
 * carries the non-attendance charge for their agency.
 */

/** How many working days before an event a place can be cancelled, counted in the partnership's own calendar. */
export interface CancellationRule {
  workingDays: number
  calendar: WorkingDayCalendar
}

/** The partnership's rule as it is now: its learning settings and its bank holidays (Administration → Bank holidays). */
export async function cancellationRule(db: Database, partnershipId: string): Promise<CancellationRule> {
  const settings = await getLearningSettings(db, partnershipId)
  return { workingDays: settings.cancellationCutOffWorkingDays, calendar: await partnershipCalendar(db, partnershipId) }
}

/** The last London day a booking for an event starting at `startsAt` can be cancelled without it being late. */
export function cancellationCutOff(startsAt: Date, rule: CancellationRule) {
  return rule.calendar.addWorkingDays(londonParts(startsAt).date, -rule.workingDays)
}

export function isLateCancellation(startsAt: Date, rule: CancellationRule, now = new Date()) {
  return londonParts(now).date > cancellationCutOff(startsAt, rule)
}

async function lockedBooking(tx: Database, partnershipId: string, bookingId: string) {
  const [found] = await tx
    .select({ eventId: bookings.eventId })
    .from(bookings)
    .where(and(eq(bookings.partnershipId, partnershipId), eq(bookings.id, bookingId)))
  if (!found) throw new NotFoundError()
  const event = await lockEvent(tx, partnershipId, found.eventId)
  const [booking] = await tx.select().from(bookings).where(eq(bookings.id, bookingId)).for('update')
  return { event, booking: booking! }
}
export { lockedBooking }

/**
 * Cancels a booked place. The learner's own cancellation is late after the cut-off; staff may
 * record one as in time (`waiveLate`: the event moved, say). Returns whether it was late.
 */
export async function cancelBooking(
  db: Database,
  actor: Actor,
  bookingId: string,
  options: { baseUrl: string; waiveLate?: boolean; now?: Date },
) {
  const now = options.now ?? new Date()
  return db.transaction(async (tx) => {
    const { event, booking } = await lockedBooking(tx, actor.partnershipId, bookingId)
    if (booking.status !== 'booked')
      throw new ValidationError({ booking: 'This booking has already been cancelled or its attendance recorded' })
    if (event.startsAt <= now)
      throw new ValidationError({ booking: 'The event has started: record attendance instead' })
    const late =
      !options.waiveLate && isLateCancellation(event.startsAt, await cancellationRule(tx, actor.partnershipId), now)
    const chargePence = late ? await nonAttendanceCharge(tx, actor.partnershipId, booking.agencyId) : null
    await tx
      .update(bookings)
      .set({
        status: late ? 'late-cancellation' : 'cancelled',
        cancelledAt: now,
        chargePence,
        version: booking.version + 1,
        updatedAt: now,
      })
      .where(eq(bookings.id, bookingId))
    await revokeSignedLinks(tx, { recordType: 'booking', recordId: bookingId, purpose: 'manage-booking' })
    await recordAudit(tx, actor, {
      action: late ? 'cancelled late' : 'cancelled',
      recordType: 'booking',
      recordId: bookingId,
      summary: `${late ? 'Late cancellation' : 'Cancelled a booking'} on ${event.courseTitle}`,
      related: [
        { recordType: 'training-event', recordId: event.id },
        { recordType: 'learner', recordId: booking.learnerId },
      ],
      before: { status: booking.status },
      after: { status: late ? 'late-cancellation' : 'cancelled', chargePence },
    })
    const to = await learnerContact(tx, actor.partnershipId, booking.learnerId)
    if (to) await queueBookingCancelled(tx, to, event, { late, chargePence })
    await offerFreedPlaces(tx, event, options.baseUrl, now)
    return { late, chargePence }
  })
}

/**
 * When an event is cancelled (inside that change's transaction): every booking and waiting-list
 * place on it is cancelled, free of charge, their links revoked, and each person emailed why.
 */
export async function cancelEventBookings(tx: Database, event: LockedEvent, reason: string, now = new Date()) {
  const live = await tx
    .update(bookings)
    .set({ status: 'cancelled', cancelledAt: now, updatedAt: now })
    .where(and(eq(bookings.eventId, event.id), eq(bookings.status, 'booked')))
    .returning({ id: bookings.id, learnerId: bookings.learnerId })
  const waiting = await tx
    .update(waitingListEntries)
    .set({ status: 'withdrawn', updatedAt: now })
    .where(and(eq(waitingListEntries.eventId, event.id), inArray(waitingListEntries.status, ['waiting', 'offered'])))
    .returning({ id: waitingListEntries.id, learnerId: waitingListEntries.learnerId })
  for (const booking of live) await revokeSignedLinks(tx, { recordType: 'booking', recordId: booking.id })
  for (const entry of waiting) await revokeSignedLinks(tx, { recordType: 'waiting-list-entry', recordId: entry.id })
  for (const { learnerId } of [...live, ...waiting]) {
    const to = await learnerContact(tx, event.partnershipId, learnerId)
    if (to) await queueEventCancelled(tx, to, event, reason)
  }
  return { bookings: live.length, waiting: waiting.length }
}
