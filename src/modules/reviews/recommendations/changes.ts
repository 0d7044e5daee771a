import { eq, max } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { recordAudit } from '../../../platform/audit.ts'
import { insertAudited, updateAudited } from '../../../platform/audited-writes.ts'
import { ValidationError } from '../../../platform/errors.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { closeProblem, completedOnProblem } from '../../actions/completion.ts'
import { actionsFrom, raiseAction } from '../../actions/service.ts'
import { agencyNameFor } from '../../partnership/agencies/service.ts'
import { applyRecommendationAccess, caseRecordType, getRecommendation, recommendationRecordType } from '../access.ts'
import { reviewRecommendations, type ReviewCase } from '../schema.ts'
import { recommendationHref, recommendationLabel, recommendationSource } from './service.ts'

/**
 * Changing recommendations, each change with its audit row (and, for a new one or a new owning
 * agency, who may see it) in one transaction. A case's recommendations are numbered 1, 2, 3… in
 * the order they are added; a number is never reused.
 */

export interface RecommendationInput {
  text: string
  agencyId: string
  dueOn: string | null
}

const related = (caseId: string) => [{ recordType: caseRecordType, recordId: caseId }]

async function nextNumber(tx: Database, caseId: string) {
  const [row] = await tx
    .select({ last: max(reviewRecommendations.number) })
    .from(reviewRecommendations)
    .where(eq(reviewRecommendations.caseId, caseId))
  return (row?.last ?? 0) + 1
}

export async function addRecommendation(
  db: Database,
  actor: Actor,
  reviewCase: Pick<ReviewCase, 'id' | 'reference'>,
  input: RecommendationInput,
) {
  const agency = await agencyNameFor(db, actor.partnershipId, input.agencyId)
  return db.transaction(async (tx) => {
    const number = await nextNumber(tx, reviewCase.id)
    const values = { caseId: reviewCase.id, number, ...input }
    return insertAudited(tx, actor, reviewRecommendations, values, {
      recordType: recommendationRecordType,
      summary: `Added ${recommendationLabel({ reference: reviewCase.reference, number })}`,
      related: related(reviewCase.id),
      after: { number, text: input.text, agency, dueOn: input.dueOn },
      // Two people adding one at the same moment would take the same number: the second is asked to save again.
      conflict: { text: 'Someone added a recommendation to this case at the same time. Select Save again.' },
      alsoWrite: (inner, id) => applyRecommendationAccess(inner, actor, id, input.agencyId),
    })
  })
}

export async function changeRecommendation(
  db: Database,
  actor: Actor,
  id: string,
  version: number,
  input: RecommendationInput,
  reference: string,
) {
  const before = await getRecommendation(db, actor, id)
  const [agencyBefore, agencyAfter] = await Promise.all([
    agencyNameFor(db, actor.partnershipId, before.agencyId),
    agencyNameFor(db, actor.partnershipId, input.agencyId),
  ])
  return updateAudited(
    db,
    actor,
    reviewRecommendations,
    {
      id,
      version,
      before,
      set: input,
      described: { before: { agency: agencyBefore }, after: { agency: agencyAfter } },
      // A new owning agency: its lead sees the recommendation, the old agency's no longer does.
      alsoWrite: async (tx) => {
        if (input.agencyId !== before.agencyId) await applyRecommendationAccess(tx, actor, id, input.agencyId)
      },
    },
    {
      recordType: recommendationRecordType,
      summary: `Changed ${recommendationLabel({ reference, number: before.number })}`,
      related: related(before.caseId),
    },
  )
}

/** The owning agency's response; it may say work has started (open → in progress). */
export async function respondToRecommendation(
  db: Database,
  actor: Actor,
  id: string,
  version: number,
  input: { response: string; started: boolean },
  reference: string,
) {
  const before = await getRecommendation(db, actor, id)
  const status = before.status === 'open' && input.started ? 'in-progress' : before.status
  return updateAudited(
    db,
    actor,
    reviewRecommendations,
    { id, version, before, set: { response: input.response, status } },
    {
      recordType: recommendationRecordType,
      summary: `Wrote the response to ${recommendationLabel({ reference, number: before.number })}`,
      related: related(before.caseId),
    },
  )
}

export { closeProblem }

/** Closes it as complete, with the evidence; refused while any of its actions is not complete. */
export async function closeRecommendation(
  db: Database,
  actor: Actor,
  id: string,
  version: number,
  input: { evidence: string; completedOn: string },
  reference: string,
) {
  const before = await getRecommendation(db, actor, id)
  const problem = closeProblem(before, await actionsFrom(db, actor.partnershipId, recommendationSource, [id]))
  if (problem) throw new ValidationError({ evidence: problem })
  const late = completedOnProblem(input.completedOn)
  if (late) throw new ValidationError({ 'completedOn-day': late })
  return updateAudited(
    db,
    actor,
    reviewRecommendations,
    { id, version, before, set: { ...input, status: 'complete' } },
    {
      recordType: recommendationRecordType,
      summary: `Closed ${recommendationLabel({ reference, number: before.number })} as complete`,
      related: related(before.caseId),
    },
  )
}

export interface RecommendationActionInput {
  description: string
  ownerPersonId: string
  ownerAgencyId: string
  dueOn: string
}

/**
 * An action for the recommendation, raised in the action tracker (which checks the owner and
 * audits the action), with a row on the recommendation so its history says so, in one transaction.
 */
export async function addRecommendationAction(
  db: Database,
  actor: Actor,
  recommendation: { id: string; caseId: string; reference: string; number: number },
  input: RecommendationActionInput,
) {
  const label = recommendationLabel(recommendation)
  return db.transaction(async (tx) => {
    const actionId = await raiseAction(tx, actor, {
      source: { type: recommendationSource, id: recommendation.id, label, href: recommendationHref(recommendation.id) },
      ...input,
    })
    await recordAudit(tx, actor, {
      action: 'updated',
      recordType: recommendationRecordType,
      recordId: recommendation.id,
      summary: `Raised an action for ${label}`,
      // The action's own history has its row from the tracker: this one is the recommendation's.
      related: related(recommendation.caseId),
      after: { action: input.description, actionDueOn: input.dueOn },
    })
    return actionId
  })
}
