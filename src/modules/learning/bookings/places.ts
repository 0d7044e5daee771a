import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { NotFoundError } from '../../../platform/errors.ts'
import { bookings, courses, placeHoldingStatuses, trainingEvents, waitingListEntries } from '../schema.ts'
import type { EmailEvent } from './emails.ts'

/**
 * An event's places. Every change that takes or frees a place first locks the event's row
 * (`lockEvent`), so two people taking the last place at the same moment are served one after the
 * other and the second finds it gone: overbooking cannot happen, whatever the timing.
 *
 * A place is held by a booking that is booked, attended or a no-show, and by a waiting-list offer
 * not yet accepted or expired (so the person offered it cannot lose it to someone booking direct).
 */
export interface LockedEvent extends EmailEvent {
  partnershipId: string
  courseId: string
  capacity: number
  status: 'scheduled' | 'cancelled' | 'completed'
  bookingOpensAt: Date | null
  bookingClosesAt: Date | null
}

export async function lockEvent(tx: Database, partnershipId: string, eventId: string): Promise<LockedEvent> {
  const [event] = await tx
    .select({
      id: trainingEvents.id,
      partnershipId: trainingEvents.partnershipId,
      courseId: trainingEvents.courseId,
      courseTitle: courses.title,
      startsAt: trainingEvents.startsAt,
      endsAt: trainingEvents.endsAt,
      venue: trainingEvents.venue,
      joiningLink: trainingEvents.joiningLink,
      capacity: trainingEvents.capacity,
      status: trainingEvents.status,
      bookingOpensAt: trainingEvents.bookingOpensAt,
      bookingClosesAt: trainingEvents.bookingClosesAt,
    })
    .from(trainingEvents)
    .innerJoin(courses, eq(courses.id, trainingEvents.courseId))
    .where(and(eq(trainingEvents.partnershipId, partnershipId), eq(trainingEvents.id, eventId)))
    .for('update', { of: trainingEvents })
  if (!event) throw new NotFoundError()
  return event
}

/** Places held on an event: bookings that hold one and outstanding offers. */
export async function placesHeld(tx: Database, eventId: string) {
  const [row] = await tx
    .select({
      booked: sql<number>`(select count(*)::int from ${bookings} where ${bookings.eventId} = ${eventId} and ${inArray(bookings.status, [...placeHoldingStatuses])})`,
      offered: sql<number>`(select count(*)::int from ${waitingListEntries} where ${waitingListEntries.eventId} = ${eventId} and ${waitingListEntries.status} = 'offered')`,
      waiting: sql<number>`(select count(*)::int from ${waitingListEntries} where ${waitingListEntries.eventId} = ${eventId} and ${waitingListEntries.status} = 'waiting')`,
    })
    .from(sql`(select 1) as one`)
  return row!
}

/**
 * Places left to book on each event (capacity less places held); for lists and the catalogue.
 * Counted per event in grouped queries: a correlated subquery here would compare unqualified
 * column names (Drizzle leaves a single-table select's columns unqualified), so `"id"` would be
 * the booking's own id and nothing would ever count.
 */
export async function placesLeft(db: Database, partnershipId: string, eventIds: string[]) {
  if (!eventIds.length) return new Map<string, number>()
  const [events, booked, offered] = await Promise.all([
    db
      .select({ id: trainingEvents.id, capacity: trainingEvents.capacity })
      .from(trainingEvents)
      .where(and(eq(trainingEvents.partnershipId, partnershipId), inArray(trainingEvents.id, eventIds))),
    db
      .select({ eventId: bookings.eventId, count: sql<number>`count(*)::int` })
      .from(bookings)
      .where(
        and(
          eq(bookings.partnershipId, partnershipId),
          inArray(bookings.eventId, eventIds),
          inArray(bookings.status, [...placeHoldingStatuses]),
        ),
      )
      .groupBy(bookings.eventId),
    db
      .select({ eventId: waitingListEntries.eventId, count: sql<number>`count(*)::int` })
      .from(waitingListEntries)
      .where(
        and(
          eq(waitingListEntries.partnershipId, partnershipId),
          inArray(waitingListEntries.eventId, eventIds),
          eq(waitingListEntries.status, 'offered'),
        ),
      )
      .groupBy(waitingListEntries.eventId),
  ])
  const held = new Map<string, number>()
  for (const row of [...booked, ...offered]) held.set(row.eventId, (held.get(row.eventId) ?? 0) + Number(row.count))
  return new Map(events.map((e) => [e.id, Math.max(0, e.capacity - (held.get(e.id) ?? 0))]))
}

/** Why an event cannot be booked now, in words for the page; null when it can. Staff may book after the closing date. */
export function bookingRefusal(event: LockedEvent, by: 'public' | 'staff', now = new Date()): string | null {
  if (event.status === 'cancelled') return 'This event has been cancelled'
  if (event.status === 'completed' || event.startsAt <= now) return 'This event has already started'
  if (by === 'public' && event.bookingOpensAt && event.bookingOpensAt > now)
    return 'Booking for this event is not open yet'
  if (by === 'public' && event.bookingClosesAt && event.bookingClosesAt <= now)
    return 'Booking for this event has closed'
  return null
}
