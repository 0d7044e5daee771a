import { and, eq } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import {
  confidentialCondition,
  setConfidentialAccess,
  type ConfidentialAccess,
} from '../../platform/confidential/index.ts'
import { NotFoundError } from '../../platform/errors.ts'
import type { Actor, Role } from '../../platform/permissions.ts'
import {
  reviewCases,
  reviewRecommendations,
  reviewSettings,
  type ReviewCase,
  type ReviewRecommendation,
} from './schema.ts'

/**
 * Who sees case review records: the members of the partnership's case review subgroup(s) (Case
 * reviews → Who can see case reviews), the business unit and the chair; an agency's safeguarding
 * lead sees only the recommendations their agency owns. Each case and each recommendation is a
 * confidential record (platform/confidential) naming them; everything else under a case
 * (learning points, the summary, the panel) is read through its case.
 */
export const caseRecordType = 'case-review'
export const recommendationRecordType = 'review-recommendation'

/** The roles that always see every case review. */
export const caseReviewRoles: readonly Role[] = ['business-unit', 'chair']

/** The groups whose members see the partnership's case reviews. */
export async function caseReviewGroupIds(db: Database, partnershipId: string): Promise<string[]> {
  const [settings] = await db
    .select({ groupIds: reviewSettings.groupIds })
    .from(reviewSettings)
    .where(eq(reviewSettings.partnershipId, partnershipId))
  return settings?.groupIds ?? []
}

async function caseAccess(db: Database, partnershipId: string): Promise<ConfidentialAccess> {
  return { groupIds: await caseReviewGroupIds(db, partnershipId), roles: caseReviewRoles }
}

/** Names who may see a case: call in the transaction that creates it, and again when the settings change. */
export async function applyCaseAccess(tx: Database, actor: Actor, caseId: string) {
  await setConfidentialAccess(tx, actor, caseRecordType, caseId, await caseAccess(tx, actor.partnershipId))
}

/** A recommendation is seen by whoever sees its case, and by the leads of the agency that owns it. */
export async function applyRecommendationAccess(
  tx: Database,
  actor: Actor,
  recommendationId: string,
  agencyId: string,
) {
  const access = await caseAccess(tx, actor.partnershipId)
  await setConfidentialAccess(tx, actor, recommendationRecordType, recommendationId, {
    ...access,
    agencyIds: [agencyId],
  })
}

/** After the settings change: every case and recommendation names the new groups. */
export async function reapplyAllAccess(tx: Database, actor: Actor) {
  const cases = await tx
    .select({ id: reviewCases.id })
    .from(reviewCases)
    .where(eq(reviewCases.partnershipId, actor.partnershipId))
  // The setting read once, not once per record.
  const access = await caseAccess(tx, actor.partnershipId)
  for (const { id } of cases) await setConfidentialAccess(tx, actor, caseRecordType, id, access)
  const recommendations = await tx
    .select({ id: reviewRecommendations.id, agencyId: reviewRecommendations.agencyId })
    .from(reviewRecommendations)
    .where(eq(reviewRecommendations.partnershipId, actor.partnershipId))
  for (const { id, agencyId } of recommendations)
    await setConfidentialAccess(tx, actor, recommendationRecordType, id, { ...access, agencyIds: [agencyId] })
}

/** The condition for every list, count and download of cases: only those the actor may see. */
export const visibleCases = (actor: Actor) => confidentialCondition(actor, caseRecordType, reviewCases.id)

/** The condition for every list of recommendations read outside their case (an agency lead's). */
export const visibleRecommendations = (actor: Actor) =>
  confidentialCondition(actor, recommendationRecordType, reviewRecommendations.id)

/** One case as the actor may see it; a 404 otherwise, exactly as for a case that does not exist. */
export async function getCase(db: Database, actor: Actor, id: string): Promise<ReviewCase> {
  const [row] = await db
    .select()
    .from(reviewCases)
    .where(and(eq(reviewCases.id, id), eq(reviewCases.partnershipId, actor.partnershipId), visibleCases(actor)))
  if (!row) throw new NotFoundError()
  return row
}

/** One recommendation as the actor may see it (through its case, or as its agency's lead); a 404 otherwise. */
export async function getRecommendation(db: Database, actor: Actor, id: string): Promise<ReviewRecommendation> {
  const [row] = await db
    .select()
    .from(reviewRecommendations)
    .where(
      and(
        eq(reviewRecommendations.id, id),
        eq(reviewRecommendations.partnershipId, actor.partnershipId),
        visibleRecommendations(actor),
      ),
    )
  if (!row) throw new NotFoundError()
  return row
}
