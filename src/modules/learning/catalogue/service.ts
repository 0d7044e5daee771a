import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { NotFoundError } from '../../../platform/errors.ts'
import { placesLeftSql } from '../bookings/places.ts'
import { courseThemes, courses, trainingEvents, type CourseFormat } from '../schema.ts'

/**
 * The public catalogue: scheduled events still to come, of active courses, for practitioners
 * choosing what to book. Only what the public may see: no trainers, no names; places left come from
 * bookings/places.ts.
 */
export interface CatalogueFilter {
  format?: CourseFormat
  themeId?: string
  /** ISO date: events on or after this day (London). */
  from?: string
  /** Only events that can be booked now: booking open and a place left. */
  withPlaces?: boolean
  /** One course's dates (its page). */
  courseId?: string
}

const catalogueColumns = {
  id: trainingEvents.id,
  courseId: courses.id,
  courseTitle: courses.title,
  summary: courses.summary,
  format: courses.format,
  startsAt: trainingEvents.startsAt,
  endsAt: trainingEvents.endsAt,
  venue: trainingEvents.venue,
  capacity: trainingEvents.capacity,
  trainers: trainingEvents.trainers,
  bookingOpensAt: trainingEvents.bookingOpensAt,
  bookingClosesAt: trainingEvents.bookingClosesAt,
  status: trainingEvents.status,
  version: trainingEvents.version,
}

function upcoming(partnershipId: string): SQL[] {
  return [
    eq(trainingEvents.partnershipId, partnershipId),
    eq(trainingEvents.status, 'scheduled'),
    eq(courses.active, true),
    sql`${trainingEvents.startsAt} > now()`,
  ]
}

/** Upcoming events shown on one page of the catalogue. */
export const cataloguePageSize = 50

/** The calendar feed's upcoming events: a year's programme and more, in one file. */
export const calendarFeedSize = 1000

function catalogueConditions(db: Database, partnershipId: string, filter: CatalogueFilter) {
  const conditions = upcoming(partnershipId)
  if (filter.format) conditions.push(eq(courses.format, filter.format))
  if (filter.courseId) conditions.push(eq(trainingEvents.courseId, filter.courseId))
  if (filter.from)
    conditions.push(sql`${trainingEvents.startsAt} >= (${filter.from}::date at time zone 'Europe/London')`)
  if (filter.withPlaces)
    conditions.push(
      sql`${placesLeftSql} > 0`,
      sql`(${trainingEvents.bookingOpensAt} is null or ${trainingEvents.bookingOpensAt} <= now())`,
      sql`(${trainingEvents.bookingClosesAt} is null or ${trainingEvents.bookingClosesAt} > now())`,
    )
  if (filter.themeId)
    conditions.push(
      inArray(
        courses.id,
        db.select({ id: courseThemes.courseId }).from(courseThemes).where(eq(courseThemes.themeId, filter.themeId)),
      ),
    )
  return and(...conditions)
}

/** A page of the catalogue (soonest first) and how many events match in all. */
export async function listCatalogue(
  db: Database,
  partnershipId: string,
  filter: CatalogueFilter,
  page = 1,
  pageSize = cataloguePageSize,
) {
  const where = catalogueConditions(db, partnershipId, filter)
  const [events, [total]] = await Promise.all([
    db
      .select(catalogueColumns)
      .from(trainingEvents)
      .innerJoin(courses, eq(courses.id, trainingEvents.courseId))
      .where(where)
      .orderBy(asc(trainingEvents.startsAt), asc(trainingEvents.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(trainingEvents)
      .innerJoin(courses, eq(courses.id, trainingEvents.courseId))
      .where(where),
  ])
  return { events, total: total?.count ?? 0 }
}

/** A course as the public sees it: active ones only. */
export async function publicCourse(db: Database, partnershipId: string, id: string) {
  const [course] = await db
    .select()
    .from(courses)
    .where(and(eq(courses.partnershipId, partnershipId), eq(courses.id, id), eq(courses.active, true)))
  if (!course) throw new NotFoundError()
  return course
}

/** An upcoming event as the public sees it. */
export async function publicEvent(db: Database, partnershipId: string, id: string) {
  const [event] = await db
    .select(catalogueColumns)
    .from(trainingEvents)
    .innerJoin(courses, eq(courses.id, trainingEvents.courseId))
    .where(and(...upcoming(partnershipId), eq(trainingEvents.id, id)))
  if (!event) throw new NotFoundError()
  return event
}
