import { and, desc, eq, isNull } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { changedFields, recordAudit } from '../../../platform/audit.ts'
import { isConflict } from '../../../platform/audited-writes.ts'
import { NotFoundError, StaleEditError } from '../../../platform/errors.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { caseRecordType } from '../access.ts'
import { reviewCases, reviewSummaries, type ReviewCase } from '../schema.ts'

/**
 * A review's learning summary (a "7-minute briefing"): what happened, what we learned, what to do
 * differently, in Markdown. One per case, read through its case's scope; on the public site once
 * the case is published and not taken down, and nothing else of the case with it.
 */
export const summaryRecordType = 'review-summary'

export interface SummaryInput {
  whatHappened: string
  whatWeLearned: string
  whatToDoDifferently: string
}

export type Summary = typeof reviewSummaries.$inferSelect

export async function getSummary(db: Database, caseId: string): Promise<Summary | null> {
  const [row] = await db.select().from(reviewSummaries).where(eq(reviewSummaries.caseId, caseId))
  return row ?? null
}

/**
 * Writes the summary: the first version, or a change at the version the form was opened at
 * (StaleEditError when someone saved since). Returns false, writing nothing, when nothing changed.
 */
export async function saveSummary(
  db: Database,
  actor: Actor,
  reviewCase: Pick<ReviewCase, 'id' | 'reference'>,
  version: number | null,
  input: SummaryInput,
): Promise<boolean> {
  const before = await getSummary(db, reviewCase.id)
  const audit = { recordType: summaryRecordType, recordId: reviewCase.id, related: [caseRef(reviewCase.id)] }
  if (!before) {
    await db
      .transaction(async (tx) => {
        await tx.insert(reviewSummaries).values({ caseId: reviewCase.id, partnershipId: actor.partnershipId, ...input })
        await recordAudit(tx, actor, {
          ...audit,
          action: 'created',
          summary: `Wrote the learning summary of ${reviewCase.reference}`,
          after: input,
        })
      })
      // Someone else wrote the first version since the form was opened.
      .catch((error: unknown) => {
        throw isConflict(error) ? new StaleEditError() : error
      })
    return true
  }
  const diff = changedFields(before, input)
  if (!diff.changed.length) return false
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(reviewSummaries)
      .set({ ...input, version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(reviewSummaries.caseId, reviewCase.id), eq(reviewSummaries.version, version ?? 0)))
      .returning({ caseId: reviewSummaries.caseId })
    if (!updated.length) throw new StaleEditError()
    await recordAudit(tx, actor, {
      ...audit,
      action: 'updated',
      summary: `Changed the learning summary of ${reviewCase.reference}`,
      before: diff.before,
      after: diff.after,
    })
  })
  return true
}

const caseRef = (caseId: string) => ({ recordType: caseRecordType, recordId: caseId })

/** On the public site: published, and not taken down since. */
export function isPublic(reviewCase: Pick<ReviewCase, 'status' | 'takenDownOn'>) {
  return reviewCase.status === 'published' && !reviewCase.takenDownOn
}

const publicCase = and(eq(reviewCases.status, 'published'), isNull(reviewCases.takenDownOn))

/** The public site's list: every published review with a summary, newest first; only what the public may read. */
export function listPublishedSummaries(db: Database, partnershipId: string) {
  return db
    .select({
      caseId: reviewCases.id,
      reference: reviewCases.reference,
      reviewType: reviewCases.reviewType,
      publishedOn: reviewCases.publishedOn,
    })
    .from(reviewSummaries)
    .innerJoin(reviewCases, eq(reviewCases.id, reviewSummaries.caseId))
    .where(and(eq(reviewCases.partnershipId, partnershipId), publicCase))
    .orderBy(desc(reviewCases.publishedOn), reviewCases.reference)
}

/** One published summary for the public site; a 404 for any other case, published or not. */
export async function publishedSummary(db: Database, partnershipId: string, caseId: string) {
  const [row] = await db
    .select({
      reference: reviewCases.reference,
      reviewType: reviewCases.reviewType,
      publishedOn: reviewCases.publishedOn,
      summary: reviewSummaries,
    })
    .from(reviewSummaries)
    .innerJoin(reviewCases, eq(reviewCases.id, reviewSummaries.caseId))
    .where(and(eq(reviewCases.partnershipId, partnershipId), eq(reviewCases.id, caseId), publicCase))
  if (!row) throw new NotFoundError()
  return row
}
