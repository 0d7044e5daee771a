import { and, asc, desc, eq, gt, inArray, ne, sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { NotFoundError, ValidationError } from '../../../platform/errors.ts'
import { agencies } from '../../partnership/schema.ts'
import { placesLeft } from '../bookings/places.ts'
import { bookings, courses, learners, trainingEvents, waitingListEntries } from '../schema.ts'

/**
 * What the staff pages read about bookings: an event's bookings and waiting list, one booking, the
 * dates a booking can move to. Every change goes through the booking core (../bookings/), which
 * locks the event and audits; nothing here writes.
 */

export const bookingSorts = ['name', 'agency', 'status', 'booked'] as const
export type BookingSort = (typeof bookingSorts)[number]

const bookingColumns = {
  id: bookings.id,
  eventId: bookings.eventId,
  learnerId: bookings.learnerId,
  name: learners.name,
  email: learners.email,
  erasedAt: learners.erasedAt,
  jobTitle: bookings.jobTitle,
  agencyId: bookings.agencyId,
  agencyName: sql<string | null>`coalesce(${agencies.name}, ${bookings.agencyOther})`,
  sector: bookings.sector,
  managerEmail: bookings.managerEmail,
  accessNeeds: bookings.accessNeeds,
  source: bookings.source,
  status: bookings.status,
  chargePence: bookings.chargePence,
  cancelledAt: bookings.cancelledAt,
  attendanceMarkedAt: bookings.attendanceMarkedAt,
  createdAt: bookings.createdAt,
}

export type StaffBooking = Awaited<ReturnType<typeof eventBookings>>[number]

/** Every booking on an event (cancelled ones too: the list says what happened to each place). */
export function eventBookings(
  db: Database,
  partnershipId: string,
  eventId: string,
  order: { sort: BookingSort; direction: 'asc' | 'desc' } = { sort: 'name', direction: 'asc' },
) {
  const column = {
    name: learners.name,
    agency: sql`coalesce(${agencies.name}, ${bookings.agencyOther}, '')`,
    status: bookings.status,
    booked: bookings.createdAt,
  }[order.sort]
  return db
    .select(bookingColumns)
    .from(bookings)
    .innerJoin(learners, eq(learners.id, bookings.learnerId))
    .leftJoin(agencies, eq(agencies.id, bookings.agencyId))
    .where(and(eq(bookings.partnershipId, partnershipId), eq(bookings.eventId, eventId)))
    .orderBy(order.direction === 'desc' ? desc(column) : asc(column), asc(learners.name), asc(bookings.id))
}

/** The event's waiting list in the order people joined: who is waiting, offered (until when), and who has gone. */
export function eventWaitingList(db: Database, partnershipId: string, eventId: string) {
  return db
    .select({
      id: waitingListEntries.id,
      learnerId: waitingListEntries.learnerId,
      name: learners.name,
      email: learners.email,
      status: waitingListEntries.status,
      offerExpiresAt: waitingListEntries.offerExpiresAt,
      bookingId: waitingListEntries.bookingId,
      createdAt: waitingListEntries.createdAt,
    })
    .from(waitingListEntries)
    .innerJoin(learners, eq(learners.id, waitingListEntries.learnerId))
    .where(and(eq(waitingListEntries.partnershipId, partnershipId), eq(waitingListEntries.eventId, eventId)))
    .orderBy(asc(waitingListEntries.createdAt), asc(waitingListEntries.id))
}

/** One booking, with its event, for its page and the forms that change it. */
export async function getBooking(db: Database, partnershipId: string, id: string) {
  const [row] = await db
    .select({
      ...bookingColumns,
      courseId: trainingEvents.courseId,
      courseTitle: courses.title,
      startsAt: trainingEvents.startsAt,
      endsAt: trainingEvents.endsAt,
      eventStatus: trainingEvents.status,
      agencyOther: bookings.agencyOther,
      termsAcceptedAt: bookings.termsAcceptedAt,
    })
    .from(bookings)
    .innerJoin(learners, eq(learners.id, bookings.learnerId))
    .innerJoin(trainingEvents, eq(trainingEvents.id, bookings.eventId))
    .innerJoin(courses, eq(courses.id, trainingEvents.courseId))
    .leftJoin(agencies, eq(agencies.id, bookings.agencyId))
    .where(and(eq(bookings.partnershipId, partnershipId), eq(bookings.id, id)))
  if (!row) throw new NotFoundError()
  return row
}
export type BookingDetail = Awaited<ReturnType<typeof getBooking>>

/** Staff change only a booked place on an event that has not started: the rest is history or the register's. */
export function canChange(booking: { status: string; startsAt: Date; eventStatus: string }, now = new Date()) {
  return booking.status === 'booked' && booking.eventStatus === 'scheduled' && booking.startsAt > now
}

export function refuseUnlessChangeable(booking: BookingDetail) {
  if (!canChange(booking))
    throw new ValidationError({
      booking: 'Only a booked place on an event that has not started can be changed',
    })
}

/** The other scheduled, future dates of the booking's course that have a place left: where it can move. */
export async function moveChoices(db: Database, partnershipId: string, booking: BookingDetail, now = new Date()) {
  const dates = await db
    .select({
      id: trainingEvents.id,
      startsAt: trainingEvents.startsAt,
      endsAt: trainingEvents.endsAt,
      venue: trainingEvents.venue,
    })
    .from(trainingEvents)
    .where(
      and(
        eq(trainingEvents.partnershipId, partnershipId),
        eq(trainingEvents.courseId, booking.courseId),
        eq(trainingEvents.status, 'scheduled'),
        gt(trainingEvents.startsAt, now),
        ne(trainingEvents.id, booking.eventId),
      ),
    )
    .orderBy(asc(trainingEvents.startsAt))
  const left = await placesLeft(
    db,
    partnershipId,
    dates.map((d) => d.id),
  )
  return dates.map((d) => ({ ...d, left: left.get(d.id) ?? 0 })).filter((d) => d.left > 0)
}

/** Places held and left on an event, and how many wait: the bookings page's headline. */
export async function placeCounts(db: Database, partnershipId: string, eventId: string, capacity: number) {
  const [row] = await db
    .select({
      booked: sql<number>`count(*) filter (where ${inArray(bookings.status, ['booked', 'attended', 'no-show'])})::int`,
    })
    .from(bookings)
    .where(and(eq(bookings.partnershipId, partnershipId), eq(bookings.eventId, eventId)))
  const left = (await placesLeft(db, partnershipId, [eventId])).get(eventId) ?? 0
  return { capacity, held: capacity - left, booked: row?.booked ?? 0, left }
}

/** Throws the form's error unless the agency is one of the partnership's. */
export async function checkAgency(db: Database, partnershipId: string, agencyId: string | null) {
  if (!agencyId) return
  const [row] = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.partnershipId, partnershipId), eq(agencies.id, agencyId)))
  if (!row) throw new ValidationError({ agencyId: 'Select an agency from the list' })
}
