import { and, asc, count, eq, inArray } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { bookings, evaluations, trainingEvents } from '../schema.ts'

/**
 * Evaluation results for an event or a course: how many of those who attended returned the form,
 * the mean ratings, the change in confidence, and the answers in their own words. No names: the
 * answers are read without saying who gave them, so `learning:read` may see them.
 */

export const ratings = [1, 2, 3, 4, 5] as const

export interface Answer {
  eventId: string
  startsAt: Date
  overallRating: number
  confidenceBefore: number
  confidenceAfter: number
  willDoDifferently: string
  impact: string | null
  submittedAt: Date
}

export interface Summary {
  attended: number
  returned: number
  /** returned ÷ attended, 0–1; null when nobody attended. */
  responseRate: number | null
  /** Means over the returned evaluations; null when none were returned. */
  meanOverall: number | null
  meanBefore: number | null
  meanAfter: number | null
  /** meanAfter − meanBefore: positive when people left more confident. */
  change: number | null
  /** How many gave each rating, 1 to 5. */
  distribution: { rating: number; overall: number; before: number; after: number }[]
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null)

/** The figures from the answers and the number who attended. Pure. */
export function summarise(
  attended: number,
  answers: Pick<Answer, 'overallRating' | 'confidenceBefore' | 'confidenceAfter'>[],
): Summary {
  const meanBefore = mean(answers.map((a) => a.confidenceBefore))
  const meanAfter = mean(answers.map((a) => a.confidenceAfter))
  const tally = (rating: number, pick: (a: (typeof answers)[number]) => number) =>
    answers.filter((a) => pick(a) === rating).length
  return {
    attended,
    returned: answers.length,
    responseRate: attended ? answers.length / attended : null,
    meanOverall: mean(answers.map((a) => a.overallRating)),
    meanBefore,
    meanAfter,
    change: meanBefore === null || meanAfter === null ? null : meanAfter - meanBefore,
    distribution: ratings.map((rating) => ({
      rating,
      overall: tally(rating, (a) => a.overallRating),
      before: tally(rating, (a) => a.confidenceBefore),
      after: tally(rating, (a) => a.confidenceAfter),
    })),
  }
}

/** How many attended each of these events. */
async function attendedByEvent(db: Database, partnershipId: string, eventIds: string[]) {
  if (!eventIds.length) return new Map<string, number>()
  const rows = await db
    .select({ eventId: bookings.eventId, attended: count() })
    .from(bookings)
    .where(
      and(
        eq(bookings.partnershipId, partnershipId),
        inArray(bookings.eventId, eventIds),
        eq(bookings.status, 'attended'),
      ),
    )
    .groupBy(bookings.eventId)
  return new Map(rows.map((r) => [r.eventId, r.attended]))
}

/** The evaluations returned for these events by people still recorded as attending, oldest first. */
async function answersFor(db: Database, partnershipId: string, eventIds: string[]): Promise<Answer[]> {
  if (!eventIds.length) return []
  return db
    .select({
      eventId: trainingEvents.id,
      startsAt: trainingEvents.startsAt,
      overallRating: evaluations.overallRating,
      confidenceBefore: evaluations.confidenceBefore,
      confidenceAfter: evaluations.confidenceAfter,
      willDoDifferently: evaluations.willDoDifferently,
      impact: evaluations.impact,
      submittedAt: evaluations.submittedAt,
    })
    .from(evaluations)
    .innerJoin(bookings, eq(bookings.id, evaluations.bookingId))
    .innerJoin(trainingEvents, eq(trainingEvents.id, bookings.eventId))
    .where(
      and(
        eq(evaluations.partnershipId, partnershipId),
        inArray(bookings.eventId, eventIds),
        eq(bookings.status, 'attended'),
      ),
    )
    .orderBy(asc(trainingEvents.startsAt), asc(evaluations.submittedAt), asc(evaluations.id))
}

export interface Results {
  summary: Summary
  answers: Answer[]
  /** Each event's own summary (for a course's page), in date order. */
  events: { id: string; startsAt: Date; summary: Summary }[]
}

/** The results for one event, or every event of one course (each already checked to be the partnership's). */
export async function evaluationResults(
  db: Database,
  partnershipId: string,
  scope: { eventId: string } | { courseId: string },
): Promise<Results> {
  const events = await db
    .select({ id: trainingEvents.id, startsAt: trainingEvents.startsAt })
    .from(trainingEvents)
    .where(
      and(
        eq(trainingEvents.partnershipId, partnershipId),
        'eventId' in scope ? eq(trainingEvents.id, scope.eventId) : eq(trainingEvents.courseId, scope.courseId),
      ),
    )
    .orderBy(asc(trainingEvents.startsAt))
  const ids = events.map((e) => e.id)
  const [attended, answers] = await Promise.all([
    attendedByEvent(db, partnershipId, ids),
    answersFor(db, partnershipId, ids),
  ])
  const total = [...attended.values()].reduce((a, b) => a + b, 0)
  return {
    summary: summarise(total, answers),
    answers,
    events: events
      .filter((e) => attended.has(e.id))
      .map((e) => ({
        ...e,
        summary: summarise(
          attended.get(e.id)!,
          answers.filter((a) => a.eventId === e.id),
        ),
      })),
  }
}
