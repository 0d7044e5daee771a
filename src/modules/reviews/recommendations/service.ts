import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { NotFoundError } from '../../../platform/errors.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { actionCountsBySource, todayInLondon } from '../../actions/service.ts'
import { agencies } from '../../partnership/schema.ts'
import { recommendationRecordType, visibleRecommendations } from '../access.ts'
import { recommendationStatuses, reviewCases, reviewRecommendations, type RecommendationStatus } from '../schema.ts'

/**
 * Reading recommendations: one query for every page that shows them (a case's tab, the list of all
 * of them, one recommendation, an agency lead's home panel), so each says the same about its
 * actions' progress and whether it is overdue. Every read is limited to the recommendations the
 * actor may see (access.ts).
 */

/** The source type of the actions raised from a recommendation (the action tracker's link back). */
export const recommendationSource = recommendationRecordType

/**
 * Overdue, defined once: not complete, and either its own due date has passed or any of its
 * actions is overdue (the action tracker's one definition, through actionCountsBySource).
 */
function overdueExpression(progress: ReturnType<typeof actionCountsBySource>, today: string) {
  return sql<boolean>`(${reviewRecommendations.status} <> 'complete' and (coalesce(${reviewRecommendations.dueOn} < ${today}, false) or coalesce(${progress.overdue}, 0) > 0))`
}

export type RecommendationSort = 'case' | 'agency' | 'status' | 'due'

export interface RecommendationFilter {
  caseId?: string
  status?: RecommendationStatus
  agencyId?: string
  overdue?: boolean
  /** Everything but complete ones (the home panel). */
  notComplete?: boolean
  sort?: RecommendationSort
  direction?: 'asc' | 'desc'
}

/**
 * Recommendations the actor may see, with their case, agency, actions' progress and whether
 * overdue; `conditions` narrows them (given the overdue expression, to filter on it).
 */
function selectRecommendations(db: Database, actor: Actor, conditions: (overdue: SQL) => (SQL | undefined)[]) {
  const today = todayInLondon()
  const progress = actionCountsBySource(db, actor.partnershipId, recommendationSource, today)
  const overdue = overdueExpression(progress, today)
  return db
    .select({
      id: reviewRecommendations.id,
      caseId: reviewRecommendations.caseId,
      reference: reviewCases.reference,
      number: reviewRecommendations.number,
      text: reviewRecommendations.text,
      agencyId: reviewRecommendations.agencyId,
      agencyName: agencies.name,
      response: reviewRecommendations.response,
      dueOn: reviewRecommendations.dueOn,
      status: reviewRecommendations.status,
      evidence: reviewRecommendations.evidence,
      completedOn: reviewRecommendations.completedOn,
      version: reviewRecommendations.version,
      actionsTotal: sql<number>`coalesce(${progress.total}, 0)`,
      actionsComplete: sql<number>`coalesce(${progress.complete}, 0)`,
      actionsOverdue: sql<number>`coalesce(${progress.overdue}, 0)`,
      overdue,
    })
    .from(reviewRecommendations)
    .innerJoin(reviewCases, eq(reviewCases.id, reviewRecommendations.caseId))
    .innerJoin(agencies, eq(agencies.id, reviewRecommendations.agencyId))
    .leftJoin(progress, eq(progress.sourceId, reviewRecommendations.id))
    .where(
      and(
        eq(reviewRecommendations.partnershipId, actor.partnershipId),
        visibleRecommendations(actor),
        ...conditions(overdue),
      ),
    )
}

export async function listRecommendations(db: Database, actor: Actor, filter: RecommendationFilter = {}) {
  const way = filter.direction === 'desc' ? desc : asc
  const byCase = [asc(sql`lower(${reviewCases.reference})`), asc(reviewRecommendations.number)]
  const order = {
    case: [way(sql`lower(${reviewCases.reference})`), way(reviewRecommendations.number)],
    agency: [way(agencies.name), ...byCase],
    status: [
      way(
        sql`array_position(array[${sql.join(
          recommendationStatuses.map((status) => sql`${status}`),
          sql`, `,
        )}]::text[], ${reviewRecommendations.status})`,
      ),
      ...byCase,
    ],
    due: [
      sql`${reviewRecommendations.dueOn} ${sql.raw(filter.direction === 'desc' ? 'desc' : 'asc')} nulls last`,
      ...byCase,
    ],
  }[filter.sort ?? 'case']
  return selectRecommendations(db, actor, (overdue) => [
    filter.caseId ? eq(reviewRecommendations.caseId, filter.caseId) : undefined,
    filter.status ? eq(reviewRecommendations.status, filter.status) : undefined,
    filter.agencyId ? eq(reviewRecommendations.agencyId, filter.agencyId) : undefined,
    filter.overdue ? overdue : undefined,
    filter.notComplete ? sql`${reviewRecommendations.status} <> 'complete'` : undefined,
  ]).orderBy(...order)
}

export type RecommendationRow = Awaited<ReturnType<typeof listRecommendations>>[number]

/** One recommendation as the actor may see it, with its case and progress; a 404 otherwise. */
export async function recommendationView(db: Database, actor: Actor, id: string): Promise<RecommendationRow> {
  const [row] = await selectRecommendations(db, actor, () => [eq(reviewRecommendations.id, id)])
  if (!row) throw new NotFoundError()
  return row
}

/** "Child K: recommendation 3": how a recommendation is named in lists, actions and the audit log. */
export const recommendationLabel = (r: { reference: string; number: number }) =>
  `${r.reference}: recommendation ${r.number}`

export const recommendationHref = (id: string) => `/case-reviews/recommendations/${id}`

/**
 * Who works on a recommendation (writes the response, raises its actions): those who manage case
 * reviews, and the safeguarding lead of the agency that owns it.
 */
export function worksOn(actor: Actor, recommendation: { agencyId: string }) {
  if (actor.kind === 'system' || actor.grants.has('reviews:manage')) return true
  return actor.roles.includes('agency-lead') && actor.agencyId === recommendation.agencyId
}

/** The agencies owning recommendations the actor may see, by name: the list's filter. */
export function owningAgencies(db: Database, actor: Actor) {
  return db
    .selectDistinct({ id: agencies.id, name: agencies.name })
    .from(reviewRecommendations)
    .innerJoin(agencies, eq(agencies.id, reviewRecommendations.agencyId))
    .where(and(eq(reviewRecommendations.partnershipId, actor.partnershipId), visibleRecommendations(actor)))
    .orderBy(asc(agencies.name))
}
