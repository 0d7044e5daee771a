import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { insertAudited, updateAudited } from '../../../platform/audited-writes.ts'
import { NotFoundError, ValidationError } from '../../../platform/errors.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { cancelEventBookings } from '../bookings/cancel.ts'
import { lockEvent } from '../bookings/places.ts'
import { courses, trainingEvents, type CourseFormat, type EventStatus } from '../schema.ts'

/** The events of the training programme: a course on a date, with its places and booking window. */

export interface EventInput {
  courseId: string
  startsAt: Date
  endsAt: Date
  venue: string | null
  joiningLink: string | null
  capacity: number
  trainers: string | null
  bookingOpensAt: Date | null
  bookingClosesAt: Date | null
}

export interface EventFilter {
  courseId?: string
  format?: CourseFormat
  status?: EventStatus
  when?: 'upcoming' | 'past'
  sort: 'starts' | 'course' | 'capacity'
  direction: 'asc' | 'desc'
}

const eventColumns = {
  id: trainingEvents.id,
  courseId: trainingEvents.courseId,
  courseTitle: courses.title,
  format: courses.format,
  startsAt: trainingEvents.startsAt,
  endsAt: trainingEvents.endsAt,
  venue: trainingEvents.venue,
  joiningLink: trainingEvents.joiningLink,
  capacity: trainingEvents.capacity,
  trainers: trainingEvents.trainers,
  bookingOpensAt: trainingEvents.bookingOpensAt,
  bookingClosesAt: trainingEvents.bookingClosesAt,
  status: trainingEvents.status,
  cancelledReason: trainingEvents.cancelledReason,
  version: trainingEvents.version,
}

function eventConditions(actor: Actor, filter: EventFilter) {
  const conditions: (SQL | undefined)[] = [eq(trainingEvents.partnershipId, actor.partnershipId)]
  if (filter.courseId) conditions.push(eq(trainingEvents.courseId, filter.courseId))
  if (filter.format) conditions.push(eq(courses.format, filter.format))
  if (filter.status) conditions.push(eq(trainingEvents.status, filter.status))
  if (filter.when === 'upcoming') conditions.push(sql`${trainingEvents.endsAt} >= now()`)
  if (filter.when === 'past') conditions.push(sql`${trainingEvents.endsAt} < now()`)
  return and(...conditions)
}

/** A page of events (all of them without `page`), in the list's order. */
export function listEvents(db: Database, actor: Actor, filter: EventFilter, page?: { limit: number; offset: number }) {
  const order = { starts: trainingEvents.startsAt, course: courses.title, capacity: trainingEvents.capacity }[
    filter.sort
  ]
  return db
    .select(eventColumns)
    .from(trainingEvents)
    .innerJoin(courses, eq(courses.id, trainingEvents.courseId))
    .where(eventConditions(actor, filter))
    .orderBy(
      filter.direction === 'desc' ? desc(order) : asc(order),
      asc(trainingEvents.startsAt),
      asc(trainingEvents.id),
    )
    .limit(page?.limit ?? 100_000)
    .offset(page?.offset ?? 0)
}

export async function countEvents(db: Database, actor: Actor, filter: EventFilter) {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(trainingEvents)
    .innerJoin(courses, eq(courses.id, trainingEvents.courseId))
    .where(eventConditions(actor, filter))
  return row?.count ?? 0
}

export type TrainingEvent = Awaited<ReturnType<typeof getEvent>>

export async function getEvent(db: Database, partnershipId: string, id: string) {
  const [row] = await db
    .select(eventColumns)
    .from(trainingEvents)
    .innerJoin(courses, eq(courses.id, trainingEvents.courseId))
    .where(and(eq(trainingEvents.partnershipId, partnershipId), eq(trainingEvents.id, id)))
  if (!row) throw new NotFoundError()
  return row
}

async function courseTitle(db: Database, partnershipId: string, courseId: string) {
  const [course] = await db
    .select({ title: courses.title })
    .from(courses)
    .where(and(eq(courses.partnershipId, partnershipId), eq(courses.id, courseId)))
  if (!course) throw new ValidationError({ courseId: 'Select a course from the list' })
  return course.title
}

export async function createEvent(db: Database, actor: Actor, input: EventInput) {
  const title = await courseTitle(db, actor.partnershipId, input.courseId)
  return insertAudited(db, actor, trainingEvents, input, {
    recordType: 'training-event',
    summary: `Scheduled ${title}`,
    related: [{ recordType: 'course', recordId: input.courseId }],
  })
}

/** Only a scheduled event can be changed, cancelled or completed: the others are history. */
export function refuseUnlessScheduled(event: TrainingEvent) {
  if (event.status !== 'scheduled')
    throw new ValidationError({ status: `This event is ${event.status}: it cannot be changed` })
}

export async function updateEvent(
  db: Database,
  actor: Actor,
  event: TrainingEvent,
  version: number,
  input: EventInput,
) {
  refuseUnlessScheduled(event)
  const title = await courseTitle(db, actor.partnershipId, input.courseId)
  return updateAudited(
    db,
    actor,
    trainingEvents,
    { id: event.id, version, before: event, set: input },
    {
      recordType: 'training-event',
      summary: `Changed the event ${title}`,
      related: [{ recordType: 'course', recordId: input.courseId }],
    },
  )
}

/**
 * Cancels a scheduled event, with the reason people will be told: everyone booked or waiting is
 * emailed and their places cancelled, in the same transaction.
 */
export async function cancelEvent(db: Database, actor: Actor, event: TrainingEvent, version: number, reason: string) {
  refuseUnlessScheduled(event)
  return updateAudited(
    db,
    actor,
    trainingEvents,
    {
      id: event.id,
      version,
      before: { status: event.status, cancelledReason: event.cancelledReason },
      set: { status: 'cancelled', cancelledReason: reason },
      alsoWrite: async (tx) => {
        await cancelEventBookings(tx, await lockEvent(tx, actor.partnershipId, event.id), reason)
      },
    },
    {
      recordType: 'training-event',
      action: 'cancelled',
      summary: `Cancelled ${event.courseTitle}`,
      related: [{ recordType: 'course', recordId: event.courseId }],
    },
  )
}

/** Marks a held event completed: once it has ended. */
export async function completeEvent(db: Database, actor: Actor, event: TrainingEvent, version: number) {
  refuseUnlessScheduled(event)
  if (event.endsAt > new Date()) throw new ValidationError({ status: 'An event can be completed once it has ended' })
  return updateAudited(
    db,
    actor,
    trainingEvents,
    { id: event.id, version, before: { status: event.status }, set: { status: 'completed' } },
    {
      recordType: 'training-event',
      action: 'completed',
      summary: `Completed ${event.courseTitle}`,
      related: [{ recordType: 'course', recordId: event.courseId }],
    },
  )
}
