import { and, eq } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { partnerships } from '../../../platform/schema.ts'
import { bookings, courses, evaluations, learners, trainingEvents } from '../schema.ts'

/**
 * An attendee as evaluation sees them: their booking, the event and course, and who they are
 * (for the emails and the certificate only; results never show a name).
 */
export const attendeeColumns = {
  bookingId: bookings.id,
  partnershipId: bookings.partnershipId,
  status: bookings.status,
  email: learners.email,
  name: learners.name,
  erasedAt: learners.erasedAt,
  eventId: trainingEvents.id,
  startsAt: trainingEvents.startsAt,
  endsAt: trainingEvents.endsAt,
  courseId: courses.id,
  courseTitle: courses.title,
  durationMinutes: courses.durationMinutes,
  partnershipName: partnerships.name,
}

export function selectAttendees(db: Database) {
  return db
    .select(attendeeColumns)
    .from(bookings)
    .innerJoin(learners, eq(learners.id, bookings.learnerId))
    .innerJoin(trainingEvents, eq(trainingEvents.id, bookings.eventId))
    .innerJoin(courses, eq(courses.id, trainingEvents.courseId))
    .innerJoin(partnerships, eq(partnerships.id, bookings.partnershipId))
}

export type AttendeeRow = Awaited<ReturnType<typeof attendee>>

/** One booking's attendee, within the partnership; undefined when there is no such booking. */
export async function attendee(db: Database, partnershipId: string, bookingId: string) {
  const [row] = await selectAttendees(db).where(
    and(eq(bookings.partnershipId, partnershipId), eq(bookings.id, bookingId)),
  )
  return row
}

/** A booking's returned evaluation, if any. */
export async function evaluationOf(db: Database, bookingId: string) {
  const [row] = await db.select().from(evaluations).where(eq(evaluations.bookingId, bookingId))
  return row
}
