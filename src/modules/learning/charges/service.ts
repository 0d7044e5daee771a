import { and, asc, eq, gte, inArray, lt, min, max, sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { londonInstant } from '../../../platform/london-time.ts'
import { partnerships } from '../../../platform/schema.ts'
import { agencies } from '../../partnership/schema.ts'
import { bookings, courses, learners, trainingEvents } from '../schema.ts'

/**
 * The non-attendance charges report: late cancellations and no-shows on events that started in a
 * period (London days, `from` to `to` inclusive), per agency, with the charge recorded on each
 * booking when it was marked. Learners with no agency in the directory are one row.
 */

export interface Period {
  /** ISO dates, inclusive. */
  from: string
  to: string
  label: string
}

const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

function periodConditions(partnershipId: string, period: Period) {
  return and(
    eq(bookings.partnershipId, partnershipId),
    inArray(bookings.status, ['late-cancellation', 'no-show']),
    gte(trainingEvents.startsAt, londonInstant(period.from, '00:00')),
    lt(trainingEvents.startsAt, londonInstant(dayAfter(period.to), '00:00')),
  )
}

export async function chargesByAgency(db: Database, partnershipId: string, period: Period) {
  const rows = await db
    .select({
      agencyId: bookings.agencyId,
      agencyName: agencies.name,
      agencyType: agencies.type,
      fundsPartnership: agencies.contributesFunding,
      lateCancellations: sql<number>`count(*) filter (where ${bookings.status} = 'late-cancellation')::int`,
      noShows: sql<number>`count(*) filter (where ${bookings.status} = 'no-show')::int`,
      totalPence: sql<number>`coalesce(sum(${bookings.chargePence}), 0)::int`,
    })
    .from(bookings)
    .innerJoin(trainingEvents, eq(trainingEvents.id, bookings.eventId))
    .leftJoin(agencies, eq(agencies.id, bookings.agencyId))
    .where(periodConditions(partnershipId, period))
    .groupBy(bookings.agencyId, agencies.name, agencies.type, agencies.contributesFunding)
    // The agencies by name, then "no agency in the directory" last.
    .orderBy(sql`${agencies.name} asc nulls last`)
  return rows
}
export type AgencyCharges = Awaited<ReturnType<typeof chargesByAgency>>[number]

/** The bookings behind the report, by event date. */
export function chargedBookings(db: Database, partnershipId: string, period: Period) {
  return db
    .select({
      id: bookings.id,
      startsAt: trainingEvents.startsAt,
      courseTitle: courses.title,
      name: learners.name,
      agencyName: sql<string | null>`coalesce(${agencies.name}, ${bookings.agencyOther})`,
      inDirectory: sql<boolean>`${agencies.id} is not null`,
      status: bookings.status,
      chargePence: bookings.chargePence,
    })
    .from(bookings)
    .innerJoin(trainingEvents, eq(trainingEvents.id, bookings.eventId))
    .innerJoin(courses, eq(courses.id, trainingEvents.courseId))
    .innerJoin(learners, eq(learners.id, bookings.learnerId))
    .leftJoin(agencies, eq(agencies.id, bookings.agencyId))
    .where(periodConditions(partnershipId, period))
    .orderBy(asc(trainingEvents.startsAt), asc(learners.name), asc(bookings.id))
}
export type ChargedBooking = Awaited<ReturnType<typeof chargedBookings>>[number]

/** The partnership's reporting year start month, and the span of its events, for the year picker. */
export async function reportYears(db: Database, partnershipId: string) {
  const [partnership] = await db
    .select({ startMonth: partnerships.yearStartMonth })
    .from(partnerships)
    .where(eq(partnerships.id, partnershipId))
  const [span] = await db
    .select({ first: min(trainingEvents.startsAt), last: max(trainingEvents.startsAt) })
    .from(trainingEvents)
    .where(eq(trainingEvents.partnershipId, partnershipId))
  return { startMonth: partnership?.startMonth ?? 4, dates: [span?.first ?? null, span?.last ?? null] }
}
