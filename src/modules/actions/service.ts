import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import { insertAudited } from '../../platform/audited-writes.ts'
import { londonParts } from '../../platform/london-time.ts'
import type { Actor } from '../../platform/permissions.ts'
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

/**
 * Raises an action, audited, in the caller's transaction when given one (`db` may be a `tx`), so
 * the source record and its action are written together.
 */
export async function raiseAction(db: Database, actor: Actor, input: NewAction): Promise<string> {
  const values = {
    sourceType: input.source.type,
    sourceId: input.source.id,
    sourceLabel: input.source.label,
    sourceHref: input.source.href,
    description: input.description,
    ownerPersonId: input.ownerPersonId ?? null,
    ownerAgencyId: input.ownerAgencyId ?? null,
    dueOn: input.dueOn,
    status: input.completed ? ('complete' as const) : (input.status ?? ('not-started' as const)),
    evidence: input.completed?.evidence ?? null,
    completedOn: input.completed?.completedOn ?? null,
  }
  return insertAudited(db, actor, actions, values, {
    recordType: 'action',
    summary: `Raised an action for ${input.source.label}`,
  })
}

/** The actions raised from these source records, by due day: for the source's own page and figures. */
export async function actionsFrom(
  db: Database,
  partnershipId: string,
  sourceType: string,
  sourceIds: readonly string[],
): Promise<(Action & { shownStatus: ShownStatus })[]> {
  if (!sourceIds.length) return []
  const rows = await db
    .select()
    .from(actions)
    .where(
      and(
        eq(actions.partnershipId, partnershipId),
        eq(actions.sourceType, sourceType),
        inArray(actions.sourceId, [...sourceIds]),
      ),
    )
    .orderBy(asc(actions.dueOn), asc(actions.createdAt))
  const today = todayInLondon()
  return rows.map((row) => ({ ...row, shownStatus: shownStatus(row, today) }))
}

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
