import { and, desc, eq, ne, sql } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import { recordAudit } from '../../platform/audit.ts'
import { updateAudited } from '../../platform/audited-writes.ts'
import { NotFoundError, ValidationError } from '../../platform/errors.ts'
import type { Actor } from '../../platform/permissions.ts'
import { agencyNameFor } from '../partnership/agencies/service.ts'
import { agencies, people } from '../partnership/schema.ts'
import { personNameFor } from '../partnership/people/service.ts'
import { readableActions, updatableActions } from './access.ts'
import { futureDateProblem } from './forms.ts'
import { actionStatusLabels, type ProgressStatus } from './labels.ts'
import { actionColumns } from './list.ts'
import { actionUpdates, actions } from './schema.ts'
import { noOwner, todayInLondon } from './service.ts'

/**
 * One action: reading it (404 to anyone who may not, so nobody learns it exists), its progress
 * updates, and the changes to it, each audited in the transaction that makes it.
 */

/** The action, if the person may read it, with whether they may add progress to it and complete it. */
export async function getAction(db: Database, actor: Actor, id: string, today = todayInLondon()) {
  const updatable = updatableActions(actor)
  const [row] = await db
    .select({
      ...actionColumns(today),
      createdAt: actions.createdAt,
      canUpdate: updatable ? sql<boolean>`coalesce(${updatable}, false)` : sql<boolean>`true`,
    })
    .from(actions)
    .leftJoin(people, eq(people.id, actions.ownerPersonId))
    .leftJoin(agencies, eq(agencies.id, actions.ownerAgencyId))
    .where(and(eq(actions.partnershipId, actor.partnershipId), eq(actions.id, id), readableActions(actor)))
  if (!row) throw new NotFoundError()
  return row
}

export type OneAction = Awaited<ReturnType<typeof getAction>>

/**
 * The action, if the person may update it. Its forms are not for those who may only read it: they
 * get the same 404 as a stranger (a signed-in route refuses with "not found", never "forbidden").
 */
export async function getUpdatableAction(db: Database, actor: Actor, id: string) {
  const action = await getAction(db, actor, id)
  if (!action.canUpdate) throw new NotFoundError()
  return action
}

/** Its progress updates, the newest first. */
export function listUpdates(db: Database, actor: Actor, actionId: string) {
  return db
    .select()
    .from(actionUpdates)
    .where(and(eq(actionUpdates.partnershipId, actor.partnershipId), eq(actionUpdates.actionId, actionId)))
    .orderBy(desc(actionUpdates.writtenOn), desc(actionUpdates.createdAt))
}

export interface ProgressInput {
  writtenOn: string
  status: ProgressStatus
  note: string
}

const completeAlready = { status: 'This action is complete. To change it, ask the business unit to reopen it.' }

/** A complete action takes no progress and no second completion: a problem page says why. */
export function refuseIfComplete<A extends { status: string }>(action: A) {
  if (action.status === 'complete') throw new ValidationError(completeAlready)
  return action
}

/**
 * A dated progress update, and the status it leaves the action in, with one audit row, in one
 * transaction. `reopen` (the business unit) does the same to a complete action, clearing its
 * evidence and completion date: the history keeps them.
 */
export async function addProgress(
  db: Database,
  actor: Actor,
  action: OneAction,
  input: ProgressInput,
  options: { reopen?: boolean } = {},
) {
  if (input.writtenOn > todayInLondon())
    throw new ValidationError({ 'writtenOn-day': futureDateProblem('the date of the update') })
  const reopen = !!options.reopen
  if (!reopen) refuseIfComplete(action)
  if (reopen && action.status !== 'complete') throw new NotFoundError()
  await db.transaction(async (tx) => {
    const changed = await tx
      .update(actions)
      .set({
        status: input.status,
        ...(reopen && { evidence: null, completedOn: null }),
        version: sql`${actions.version} + 1`,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(actions.id, action.id),
          eq(actions.partnershipId, actor.partnershipId),
          // Completed (or reopened) by someone else since the form was opened: nothing is written.
          reopen ? eq(actions.status, 'complete') : ne(actions.status, 'complete'),
        ),
      )
      .returning({ id: actions.id })
    if (!changed.length)
      throw new ValidationError(reopen ? { status: 'This action is open already.' } : completeAlready)
    await tx.insert(actionUpdates).values({
      partnershipId: actor.partnershipId,
      actionId: action.id,
      writtenOn: input.writtenOn,
      status: input.status,
      note: input.note,
      writtenByUserId: actor.kind === 'user' ? actor.id : null,
      writtenByName: actor.name,
    })
    await recordAudit(tx, actor, {
      action: reopen ? 'reopened' : 'progress',
      recordType: 'action',
      recordId: action.id,
      summary: reopen ? 'Reopened the action' : `Added a progress update: ${actionStatusLabels[input.status]}`,
      before: { status: action.status, ...(reopen && { evidence: action.evidence, completedOn: action.completedOn }) },
      after: { status: input.status, writtenOn: input.writtenOn, note: input.note },
    })
  })
}

export interface CompletionInput {
  evidence: string
  completedOn: string
}

/** Completes the action at the version the form was opened at: evidence and a date are required. */
export async function completeAction(
  db: Database,
  actor: Actor,
  action: OneAction,
  version: number,
  input: CompletionInput,
) {
  refuseIfComplete(action)
  if (input.completedOn > todayInLondon())
    throw new ValidationError({ 'completedOn-day': futureDateProblem('the completion date') })
  return updateAudited(
    db,
    actor,
    actions,
    { id: action.id, version, before: action, set: { status: 'complete', ...input } },
    { recordType: 'action', action: 'completed', summary: 'Completed the action' },
  )
}

export interface ActionDetails {
  description: string
  ownerPersonId: string | null
  ownerAgencyId: string | null
  dueOn: string
}

/** Changes what the action is, who owns it and when it is due (the business unit). */
export async function updateAction(
  db: Database,
  actor: Actor,
  action: OneAction,
  version: number,
  input: ActionDetails,
) {
  if (!input.ownerPersonId && !input.ownerAgencyId) throw new ValidationError(noOwner)
  const [owner, agency] = await Promise.all([
    personNameFor(db, actor.partnershipId, input.ownerPersonId, 'ownerPersonId'),
    agencyNameFor(db, actor.partnershipId, input.ownerAgencyId, 'ownerAgencyId'),
  ])
  return updateAudited(
    db,
    actor,
    actions,
    {
      id: action.id,
      version,
      before: action,
      set: input,
      described: { before: { owner: action.ownerName, agency: action.agencyName }, after: { owner, agency } },
    },
    { recordType: 'action', summary: 'Changed the action' },
  )
}
