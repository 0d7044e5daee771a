import { and, asc, eq, gt, inArray, max, sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { recordAudit } from '../../../platform/audit.ts'
import { insertAudited, updateAudited } from '../../../platform/audited-writes.ts'
import { StaleEditError, ValidationError } from '../../../platform/errors.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { actionCounts, raiseAction, relabelActionSource } from '../../actions/service.ts'
import {
  indicators,
  planPriorities,
  priorityIndicators,
  type BusinessPlan,
  type PriorityEvaluation,
} from '../schema.ts'
import { evaluationLabels } from './labels.ts'
import {
  planRecordType,
  priorityActionSource,
  priorityLabel,
  priorityRecordType,
  prioritySource,
  type PriorityRecord,
} from './service.ts'

/**
 * Changing a plan's priorities, each change with its audit row in the same transaction: adding,
 * changing (title, intended outcomes, the indicators that measure it), moving up or down, removing
 * (not once it has actions), the year-end evaluation (never without evidence), and raising an
 * action under it in the action tracker. A priority's number is its place in the plan; when it
 * changes, its actions' label in the tracker changes with it.
 */

export interface PriorityInput {
  title: string
  outcomes: string
  indicatorIds: string[]
}

const related = (planId: string) => [{ recordType: planRecordType, recordId: planId }]

/** The chosen indicators, each the partnership's; a retired one only when the priority has it already. */
async function chosenIndicators(db: Database, actor: Actor, ids: readonly string[], kept: readonly string[] = []) {
  const unique = [...new Set(ids)]
  if (!unique.length) return []
  const rows = await db
    .select({ id: indicators.id, name: indicators.name, retiredAt: indicators.retiredAt })
    .from(indicators)
    .where(and(eq(indicators.partnershipId, actor.partnershipId), inArray(indicators.id, unique)))
    // As the priority's pages list them, so its audit entry reads the same way.
    .orderBy(asc(indicators.position), asc(indicators.name))
  const usable = rows.filter((row) => !row.retiredAt || kept.includes(row.id))
  if (usable.length !== unique.length) throw new ValidationError({ indicatorIds: 'Select indicators from the list' })
  return usable
}

async function replaceIndicators(tx: Database, priorityId: string, ids: readonly string[]) {
  await tx.delete(priorityIndicators).where(eq(priorityIndicators.priorityId, priorityId))
  const unique = [...new Set(ids)]
  if (unique.length)
    await tx.insert(priorityIndicators).values(unique.map((indicatorId) => ({ priorityId, indicatorId })))
}

const names = (rows: { name: string }[]) => rows.map((r) => r.name).join(', ')

export async function addPriority(
  db: Database,
  actor: Actor,
  plan: Pick<BusinessPlan, 'id'>,
  yearLabel: string,
  input: PriorityInput,
) {
  const chosen = await chosenIndicators(db, actor, input.indicatorIds)
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ last: max(planPriorities.position) })
      .from(planPriorities)
      .where(eq(planPriorities.planId, plan.id))
    const position = (row?.last ?? 0) + 1
    return insertAudited(
      tx,
      actor,
      planPriorities,
      { planId: plan.id, position, title: input.title, outcomes: input.outcomes },
      {
        recordType: priorityRecordType,
        summary: `Added ${priorityLabel(yearLabel, { position, title: input.title })}`,
        related: related(plan.id),
        after: { position, title: input.title, outcomes: input.outcomes, indicators: names(chosen) },
        conflict: { title: 'Someone added a priority to this plan at the same time. Select Save again.' },
        alsoWrite: (inner, id) => replaceIndicators(inner, id, input.indicatorIds),
      },
    )
  })
}

export async function changePriority(
  db: Database,
  actor: Actor,
  priority: PriorityRecord & { indicators: { id: string; name: string }[] },
  version: number,
  input: PriorityInput,
) {
  const kept = priority.indicators.map((i) => i.id)
  const chosen = await chosenIndicators(db, actor, input.indicatorIds, kept)
  return updateAudited(
    db,
    actor,
    planPriorities,
    {
      id: priority.id,
      version,
      before: priority,
      set: { title: input.title, outcomes: input.outcomes },
      described: { before: { indicators: names(priority.indicators) }, after: { indicators: names(chosen) } },
      alsoWrite: async (tx) => {
        await replaceIndicators(tx, priority.id, input.indicatorIds)
        if (input.title !== priority.title)
          await relabelActionSource(
            tx,
            actor.partnershipId,
            priorityActionSource(priority.year.label, { ...priority, ...input }),
          )
      },
    },
    { recordType: priorityRecordType, summary: `Changed ${priority.label}`, related: related(priority.planId) },
  )
}

/** Swaps the priority with the one above or below it; nothing happens at either end of the plan. */
export async function movePriority(db: Database, actor: Actor, priority: PriorityRecord, direction: 'up' | 'down') {
  const position = priority.position + (direction === 'up' ? -1 : 1)
  await db.transaction(async (tx) => {
    const [other] = await tx
      .select()
      .from(planPriorities)
      .where(and(eq(planPriorities.planId, priority.planId), eq(planPriorities.position, position)))
    if (!other) return
    // Through a free number, so no two priorities ever hold one (the numbers are unique per plan).
    const moves: [string, number][] = [
      [priority.id, -1],
      [other.id, priority.position],
      [priority.id, position],
    ]
    for (const [id, to] of moves)
      await tx
        .update(planPriorities)
        .set({ position: to, version: sql`${planPriorities.version} + 1`, updatedAt: new Date() })
        .where(eq(planPriorities.id, id))
    for (const [moved, from, to] of [
      [priority, priority.position, position],
      [other, other.position, priority.position],
    ] as const) {
      await relabelActionSource(
        tx,
        actor.partnershipId,
        priorityActionSource(priority.year.label, { ...moved, position: to }),
      )
      await recordAudit(tx, actor, {
        action: 'updated',
        recordType: priorityRecordType,
        recordId: moved.id,
        summary: `Moved ${priorityLabel(priority.year.label, moved)} to number ${to}`,
        related: related(priority.planId),
        before: { position: from },
        after: { position: to },
      })
    }
  })
}

/** Why a priority cannot be removed, or null: its actions would lose their source. */
export async function removeProblem(db: Database, partnershipId: string, priorityId: string) {
  const { total } = await actionCounts(db, partnershipId, prioritySource, [priorityId])
  return total
    ? `This priority has ${total === 1 ? 'an action' : `${total} actions`}, so it cannot be removed. Change it instead.`
    : null
}

/** Removes a priority with no actions, and closes the gap in the numbering (relabelling later priorities' actions). */
export async function removePriority(db: Database, actor: Actor, priority: PriorityRecord, version: number) {
  const problem = await removeProblem(db, actor.partnershipId, priority.id)
  if (problem) throw new ValidationError({ form: problem })
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(planPriorities)
      .where(and(eq(planPriorities.id, priority.id), eq(planPriorities.version, version)))
      .returning({ id: planPriorities.id })
    if (!removed.length) throw new StaleEditError()
    const later = and(eq(planPriorities.planId, priority.planId), gt(planPriorities.position, priority.position))
    await tx
      .update(planPriorities)
      .set({ position: sql`-${planPriorities.position}` })
      .where(later)
    const moved = await tx
      .update(planPriorities)
      .set({ position: sql`-${planPriorities.position} - 1` })
      .where(and(eq(planPriorities.planId, priority.planId), sql`${planPriorities.position} < 0`))
      .returning()
    for (const p of moved.sort((a, b) => a.position - b.position))
      await relabelActionSource(tx, actor.partnershipId, priorityActionSource(priority.year.label, p))
    await recordAudit(tx, actor, {
      action: 'deleted',
      recordType: priorityRecordType,
      recordId: priority.id,
      summary: `Removed ${priority.label}`,
      related: related(priority.planId),
      before: { position: priority.position, title: priority.title, outcomes: priority.outcomes },
    })
  })
}

export interface EvaluationInput {
  evaluation: PriorityEvaluation
  evidence: string
}

/** The year-end evaluation: achieved, partly achieved or not achieved, never without the evidence behind it. */
export async function evaluatePriority(
  db: Database,
  actor: Actor,
  priority: PriorityRecord,
  version: number,
  input: EvaluationInput,
) {
  const evidence = input.evidence.trim()
  if (!evidence) throw new ValidationError({ evidence: 'Enter the evidence behind the evaluation' })
  return updateAudited(
    db,
    actor,
    planPriorities,
    {
      id: priority.id,
      version,
      before: priority,
      set: {
        evaluation: input.evaluation,
        evidence,
        evaluatedBy: actor.id,
        evaluatedByName: actor.name,
        evaluatedAt: new Date(),
      },
    },
    {
      recordType: priorityRecordType,
      summary: `Evaluated ${priority.label}: ${evaluationLabels[input.evaluation].toLowerCase()}`,
      related: related(priority.planId),
    },
  )
}

export interface PriorityActionInput {
  description: string
  ownerPersonId: string | null
  ownerAgencyId: string | null
  dueOn: string
  /** The demo's actions already done. */
  completed?: { evidence: string; completedOn: string }
  status?: 'not-started' | 'on-track' | 'at-risk'
}

/**
 * An action under the priority, raised in the action tracker (which checks the owner and audits
 * the action), with a row on the priority so its history says so, in one transaction.
 */
export async function raisePriorityAction(
  db: Database,
  actor: Actor,
  priority: PriorityRecord,
  input: PriorityActionInput,
) {
  return db.transaction(async (tx) => {
    const actionId = await raiseAction(tx, actor, {
      source: priorityActionSource(priority.year.label, priority),
      ...input,
    })
    await recordAudit(tx, actor, {
      action: 'updated',
      recordType: priorityRecordType,
      recordId: priority.id,
      summary: `Raised an action for ${priority.label}`,
      related: related(priority.planId),
      after: { action: input.description, actionDueOn: input.dueOn },
    })
    return actionId
  })
}
