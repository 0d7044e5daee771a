import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { updateAudited } from '../../../platform/audited-writes.ts'
import { NotFoundError } from '../../../platform/errors.ts'
import { matchesWords } from '../../../platform/lists.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { agencies, people } from '../../partnership/schema.ts'
import { bookings, courses, elearningCompletions, learners, trainingEvents } from '../schema.ts'

/** The learners the business unit looks up: by name or email, with their bookings and completions. */

export const learnerSorts = ['name', 'email', 'bookings'] as const
export type LearnerSort = (typeof learnerSorts)[number]

export interface LearnerFilter {
  search?: string
  sort: LearnerSort
  direction: 'asc' | 'desc'
}

const bookingCount = sql<number>`(select count(*)::int from ${bookings} where ${bookings.learnerId} = ${learners.id})`

function learnerConditions(actor: Actor, filter: LearnerFilter) {
  const conditions: (SQL | undefined)[] = [eq(learners.partnershipId, actor.partnershipId)]
  if (filter.search) conditions.push(matchesWords(filter.search, [learners.name, learners.email]))
  return and(...conditions)
}

export function listLearners(
  db: Database,
  actor: Actor,
  filter: LearnerFilter,
  page?: { limit: number; offset: number },
) {
  const order = { name: learners.name, email: learners.email, bookings: bookingCount }[filter.sort]
  return db
    .select({
      id: learners.id,
      name: learners.name,
      email: learners.email,
      jobTitle: learners.jobTitle,
      agencyName: sql<string | null>`coalesce(${agencies.name}, ${learners.agencyOther})`,
      sector: learners.sector,
      erasedAt: learners.erasedAt,
      bookings: bookingCount,
    })
    .from(learners)
    .leftJoin(agencies, eq(agencies.id, learners.agencyId))
    .where(learnerConditions(actor, filter))
    .orderBy(filter.direction === 'desc' ? desc(order) : asc(order), asc(learners.name), asc(learners.id))
    .limit(page?.limit ?? 1_000_000)
    .offset(page?.offset ?? 0)
}
export type LearnerRow = Awaited<ReturnType<typeof listLearners>>[number]

export async function countLearners(db: Database, actor: Actor, filter: LearnerFilter) {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(learners)
    .where(learnerConditions(actor, filter))
  return row?.count ?? 0
}

export async function getLearner(db: Database, partnershipId: string, id: string) {
  const [row] = await db
    .select({
      id: learners.id,
      name: learners.name,
      email: learners.email,
      jobTitle: learners.jobTitle,
      agencyId: learners.agencyId,
      agencyName: sql<string | null>`coalesce(${agencies.name}, ${learners.agencyOther})`,
      sector: learners.sector,
      personId: learners.personId,
      personName: people.name,
      erasedAt: learners.erasedAt,
      version: learners.version,
      createdAt: learners.createdAt,
    })
    .from(learners)
    .leftJoin(agencies, eq(agencies.id, learners.agencyId))
    .leftJoin(people, eq(people.id, learners.personId))
    .where(and(eq(learners.partnershipId, partnershipId), eq(learners.id, id)))
  if (!row) throw new NotFoundError()
  return row
}
export type Learner = Awaited<ReturnType<typeof getLearner>>

/** A learner whose details may still change: an erased one has nothing left to change. */
export async function getUnerasedLearner(db: Database, partnershipId: string, id: string) {
  const learner = await getLearner(db, partnershipId, id)
  if (learner.erasedAt) throw new NotFoundError()
  return learner
}

export function learnerBookings(db: Database, partnershipId: string, learnerId: string) {
  return db
    .select({
      id: bookings.id,
      eventId: bookings.eventId,
      courseTitle: courses.title,
      startsAt: trainingEvents.startsAt,
      endsAt: trainingEvents.endsAt,
      status: bookings.status,
      chargePence: bookings.chargePence,
    })
    .from(bookings)
    .innerJoin(trainingEvents, eq(trainingEvents.id, bookings.eventId))
    .innerJoin(courses, eq(courses.id, trainingEvents.courseId))
    .where(and(eq(bookings.partnershipId, partnershipId), eq(bookings.learnerId, learnerId)))
    .orderBy(desc(trainingEvents.startsAt))
}

export function learnerCompletions(db: Database, partnershipId: string, learnerId: string) {
  return db
    .select({
      id: elearningCompletions.id,
      moduleName: elearningCompletions.moduleName,
      completedOn: elearningCompletions.completedOn,
      agencyName: elearningCompletions.agencyName,
    })
    .from(elearningCompletions)
    .where(and(eq(elearningCompletions.partnershipId, partnershipId), eq(elearningCompletions.learnerId, learnerId)))
    .orderBy(desc(elearningCompletions.completedOn))
}

/** Links the learner to a directory person (or unlinks, with null). */
export async function linkLearnerToPerson(
  db: Database,
  actor: Actor,
  learner: Learner,
  version: number,
  personId: string | null,
) {
  let personName: string | null = null
  if (personId) {
    const [person] = await db
      .select({ name: people.name })
      .from(people)
      .where(and(eq(people.partnershipId, actor.partnershipId), eq(people.id, personId)))
    if (!person) throw new NotFoundError()
    personName = person.name
  }
  return updateAudited(
    db,
    actor,
    learners,
    {
      id: learner.id,
      version,
      before: { personId: learner.personId },
      set: { personId },
      described: { before: { personId: learner.personName }, after: { personId: personName } },
    },
    {
      recordType: 'learner',
      action: personId ? 'linked' : 'unlinked',
      summary: personId ? 'Linked to a person in the directory' : 'Unlinked from the directory',
    },
  )
}
