import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import { insertAudited } from '../../platform/audited-writes.ts'
import { ValidationError } from '../../platform/errors.ts'
import { londonParts } from '../../platform/london-time.ts'
import type { Actor } from '../../platform/permissions.ts'
import { agencyNameFor } from '../partnership/agencies/service.ts'
import { agencies, people } from '../partnership/schema.ts'
import { personNameFor } from '../partnership/people/service.ts'
import { actions, type Action, type ActionStatus } from './schema.ts'

/**
 * What other modules call to raise and read actions: they never write the tracker's tables. An
 * action links back to its source by type, id, a label and the page where the source is read.
 */

export interface ActionSource {
  /** "review-recommendation", "plan-priority": the raising module's name for the kind of record. */
  type: string
  id: string
  /** "Child K: recommendation 3". */
  label: string
  /** "/case-reviews/…/recommendations/…". */
  href: string
}

export interface NewAction {
  source: ActionSource
  description: string
  ownerPersonId?: string | null
  ownerAgencyId?: string | null
  /** A London day, YYYY-MM-DD. */
  dueOn: string
  status?: Exclude<ActionStatus, 'complete'>
  /** Already done when it is recorded (an earlier plan's action, or the demo's): its evidence and the day. */
  completed?: { evidence: string; completedOn: string }
}

/** The status shown: the owner's, or "overdue" when it is past its due day and not complete. */
export type ShownStatus = ActionStatus | 'overdue'

export const todayInLondon = () => londonParts(new Date()).date

export function shownStatus(action: Pick<Action, 'status' | 'dueOn'>, today = todayInLondon()): ShownStatus {
  return action.status !== 'complete' && action.dueOn < today ? 'overdue' : action.status
}

/** The RAG rating an action's shown status gives it (a priority's actions): one mapping for every page and report. */
export const actionRags = ['red', 'amber', 'green', 'complete'] as const
export type ActionRag = (typeof actionRags)[number]

export function actionRag(status: ShownStatus): ActionRag {
  switch (status) {
    case 'overdue':
      return 'red'
    case 'at-risk':
      return 'amber'
    case 'complete':
      return 'complete'
    default:
      return 'green'
  }
}

/** What a form that raises actions is told when the owner is missing or not in the directory. */
export const noOwner = { ownerAgencyId: 'Select the agency or the person who owns the action' }

/**
 * Raises an action, audited, in the caller's transaction when given one (`db` may be a `tx`), so
 * the source record and its action are written together. The owner must be a person or an agency
 * of the partnership: a ValidationError on `ownerPersonId` / `ownerAgencyId` says which is not.
 * The raising module writes its own audit row on the source if its history is to show the action.
 */
export async function raiseAction(db: Database, actor: Actor, input: NewAction): Promise<string> {
  const ownerPersonId = input.ownerPersonId ?? null
  const ownerAgencyId = input.ownerAgencyId ?? null
  if (!ownerPersonId && !ownerAgencyId) throw new ValidationError(noOwner)
  const [owner, agency] = await Promise.all([
    personNameFor(db, actor.partnershipId, ownerPersonId, 'ownerPersonId'),
    agencyNameFor(db, actor.partnershipId, ownerAgencyId, 'ownerAgencyId'),
  ])
  const values = {
    sourceType: input.source.type,
    sourceId: input.source.id,
    sourceLabel: input.source.label,
    sourceHref: input.source.href,
    description: input.description,
    ownerPersonId,
    ownerAgencyId,
    dueOn: input.dueOn,
    status: input.completed ? ('complete' as const) : (input.status ?? ('not-started' as const)),
    evidence: input.completed?.evidence ?? null,
    completedOn: input.completed?.completedOn ?? null,
  }
  return insertAudited(db, actor, actions, values, {
    recordType: 'action',
    summary: `Raised an action for ${input.source.label}`,
    after: { ...values, owner, agency },
  })
}

/** An action as a source's page shows it: with its owner's and agency's names and the status shown. */
export type SourceAction = Action & { ownerName: string | null; agencyName: string | null; shownStatus: ShownStatus }

/** The actions raised from these source records, by due day: for the source's own page and figures. */
export async function actionsFrom(
  db: Database,
  partnershipId: string,
  sourceType: string,
  sourceIds: readonly string[],
): Promise<SourceAction[]> {
  if (!sourceIds.length) return []
  const rows = await db
    .select({ action: actions, ownerName: people.name, agencyName: agencies.name })
    .from(actions)
    .leftJoin(people, eq(people.id, actions.ownerPersonId))
    .leftJoin(agencies, eq(agencies.id, actions.ownerAgencyId))
    .where(
      and(
        eq(actions.partnershipId, partnershipId),
        eq(actions.sourceType, sourceType),
        inArray(actions.sourceId, [...sourceIds]),
      ),
    )
    .orderBy(asc(actions.dueOn), asc(actions.createdAt))
  const today = todayInLondon()
  return rows.map(({ action, ownerName, agencyName }) => ({
    ...action,
    ownerName,
    agencyName,
    shownStatus: shownStatus(action, today),
  }))
}

/** How many of a source's actions are open (overdue ones included), complete, and overdue. */
export interface ActionCounts {
  total: number
  open: number
  complete: number
  overdue: number
}

/** The counts every figure of actions takes, against London's date: one definition of "overdue". */
const countColumns = (today: string) => ({
  total: sql<number>`count(*)::int`.as('total'),
  complete: sql<number>`(count(*) filter (where ${actions.status} = 'complete'))::int`.as('complete'),
  overdue: sql<number>`(count(*) filter (where ${isOverdue(today)}))::int`.as('overdue'),
})

/**
 * The figures of the actions raised from these source records (every one of the type when
 * `sourceIds` is omitted): one query, "overdue" worked out against London's date as lists do.
 */
export async function actionCounts(
  db: Database,
  partnershipId: string,
  sourceType: string,
  sourceIds?: readonly string[],
  today = todayInLondon(),
): Promise<ActionCounts> {
  if (sourceIds && !sourceIds.length) return { total: 0, open: 0, complete: 0, overdue: 0 }
  const [row] = await db
    .select(countColumns(today))
    .from(actions)
    .where(
      and(
        eq(actions.partnershipId, partnershipId),
        eq(actions.sourceType, sourceType),
        sourceIds ? inArray(actions.sourceId, [...sourceIds]) : undefined,
      ),
    )
  const { total, complete, overdue } = row!
  return { total, open: total - complete, complete, overdue }
}

/**
 * The same counts for each source of a type, as a subquery (`sourceId`, `total`, `complete`,
 * `overdue`) to join to the source's own table, so its list can filter and sort by them in SQL:
 * `.leftJoin(progress, eq(progress.sourceId, reviewRecommendations.id))`.
 */
export function actionCountsBySource(db: Database, partnershipId: string, sourceType: string, today = todayInLondon()) {
  return db
    .select({ sourceId: actions.sourceId, ...countColumns(today) })
    .from(actions)
    .where(and(eq(actions.partnershipId, partnershipId), eq(actions.sourceType, sourceType)))
    .groupBy(actions.sourceId)
    .as('action_counts')
}

/** `shownStatus` in SQL, for lists, counts and filters. */
export const isOverdue = (today: string) => sql`(${actions.status} <> 'complete' and ${actions.dueOn} < ${today})`
export const shownStatusSql = (today: string) =>
  sql<ShownStatus>`(case when ${isOverdue(today)} then 'overdue' else ${actions.status} end)`

/** Keeps the label and link of a source's actions current when the source is renamed (no audit: no one's change). */
export async function relabelActionSource(db: Database, partnershipId: string, source: ActionSource) {
  await db
    .update(actions)
    .set({ sourceLabel: source.label, sourceHref: source.href })
    .where(
      and(
        eq(actions.partnershipId, partnershipId),
        eq(actions.sourceType, source.type),
        eq(actions.sourceId, source.id),
      ),
    )
}
