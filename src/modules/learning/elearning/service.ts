import { and, asc, count, desc, eq, gte, isNull, lt, max, min, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { matchesWords } from '../../../platform/lists.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { parseYear, yearsBetween, type ReportingYear } from '../../../platform/reporting-years.ts'
import { agencies } from '../../partnership/schema.ts'
import { yearStartMonth } from '../../partnership/year-filters.ts'
import { elearningCompletions, learners } from '../schema.ts'

/** The e-learning completions held: the list, its filters' choices, and the years they span. */

export const completionSorts = ['completed', 'name', 'module', 'agency'] as const
export type CompletionSort = (typeof completionSorts)[number]

export interface CompletionFilter {
  /** A reporting year as the query gives it: "2016-17". */
  year?: string
  module?: string
  /** A directory agency's id, or `unmatched` for names not yet matched to one. */
  agency?: string
  /** Words in the learner's name or email. */
  search?: string
  sort: CompletionSort
  direction: 'asc' | 'desc'
}

/** The filter's conditions; the year read with the partnership's own start month. */
async function conditions(db: Database, actor: Actor, filter: CompletionFilter) {
  const where: (SQL | undefined)[] = [eq(elearningCompletions.partnershipId, actor.partnershipId)]
  const year = filter.year ? parseYear(filter.year, await yearStartMonth(db, actor.partnershipId)) : null
  if (year)
    where.push(
      gte(elearningCompletions.completedOn, year.start),
      lt(elearningCompletions.completedOn, year.endExclusive),
    )
  if (filter.module) where.push(sql`lower(${elearningCompletions.moduleName}) = ${filter.module.toLowerCase()}`)
  if (filter.agency === 'unmatched') where.push(isNull(elearningCompletions.agencyId))
  else if (filter.agency) where.push(eq(elearningCompletions.agencyId, filter.agency))
  if (filter.search) where.push(matchesWords(filter.search, [learners.name, learners.email]))
  return { where: and(...where), year }
}

const orderings: Record<CompletionSort, SQL[]> = {
  completed: [sql`${elearningCompletions.completedOn}`],
  name: [sql`lower(${learners.name})`],
  module: [sql`lower(${elearningCompletions.moduleName})`],
  agency: [sql`lower(coalesce(${agencies.name}, ${elearningCompletions.agencyName}))`],
}

export async function listCompletions(
  db: Database,
  actor: Actor,
  filter: CompletionFilter,
  page: { limit: number; offset: number } | null,
) {
  const { where } = await conditions(db, actor, filter)
  const direction = filter.direction === 'desc' ? desc : asc
  const query = db
    .select({
      id: elearningCompletions.id,
      completedOn: elearningCompletions.completedOn,
      moduleName: elearningCompletions.moduleName,
      agencyName: elearningCompletions.agencyName,
      agencyId: elearningCompletions.agencyId,
      directoryAgency: agencies.name,
      learnerName: learners.name,
      email: learners.email,
      erased: sql<boolean>`${learners.erasedAt} is not null`,
    })
    .from(elearningCompletions)
    .innerJoin(learners, eq(learners.id, elearningCompletions.learnerId))
    .leftJoin(agencies, eq(agencies.id, elearningCompletions.agencyId))
    .where(where)
    .orderBy(
      ...orderings[filter.sort].map((o) => direction(o)),
      desc(elearningCompletions.completedOn),
      asc(elearningCompletions.id),
    )
  return page ? query.limit(page.limit).offset(page.offset) : query
}

export type CompletionListRow = Awaited<ReturnType<typeof listCompletions>>[number]

export async function countCompletions(db: Database, actor: Actor, filter: CompletionFilter) {
  const { where } = await conditions(db, actor, filter)
  const needsLearner = !!filter.search
  const base = db.select({ n: count() }).from(elearningCompletions)
  const [row] = await (
    needsLearner ? base.innerJoin(learners, eq(learners.id, elearningCompletions.learnerId)) : base
  ).where(where)
  return Number(row?.n ?? 0)
}

/** The modules completions name, for the filter: each spelling once (case ignored), alphabetically. */
export async function moduleNames(db: Database, actor: Actor): Promise<string[]> {
  const rows = await db
    .select({ name: sql<string>`min(${elearningCompletions.moduleName})` })
    .from(elearningCompletions)
    .where(eq(elearningCompletions.partnershipId, actor.partnershipId))
    .groupBy(sql`lower(${elearningCompletions.moduleName})`)
    .orderBy(sql`lower(min(${elearningCompletions.moduleName}))`)
  return rows.map((r) => r.name)
}

/** The directory agencies completions are matched to, for the filter. */
export async function completionAgencies(db: Database, actor: Actor) {
  return db
    .selectDistinct({ id: agencies.id, name: agencies.name })
    .from(elearningCompletions)
    .innerJoin(agencies, eq(agencies.id, elearningCompletions.agencyId))
    .where(eq(elearningCompletions.partnershipId, actor.partnershipId))
    .orderBy(asc(agencies.name))
}

/** The first and last completion days, so year pickers offer those years (the module's recordDates). */
export async function completionDates(db: Database, partnershipId: string): Promise<(string | null)[]> {
  const [row] = await db
    .select({ first: min(elearningCompletions.completedOn), last: max(elearningCompletions.completedOn) })
    .from(elearningCompletions)
    .where(eq(elearningCompletions.partnershipId, partnershipId))
  return [row?.first ?? null, row?.last ?? null]
}

/** The years the list offers: every year with completions and the current one, newest first. */
export async function completionYears(
  db: Database,
  actor: Actor,
): Promise<{ years: ReportingYear[]; startMonth: number }> {
  const [dates, startMonth] = await Promise.all([
    completionDates(db, actor.partnershipId),
    yearStartMonth(db, actor.partnershipId),
  ])
  return { years: yearsBetween(dates, startMonth), startMonth }
}
