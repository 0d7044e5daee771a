import { and, asc, eq, gt, max, sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { recordAudit } from '../../../platform/audit.ts'
import { insertAudited, updateAudited } from '../../../platform/audited-writes.ts'
import { NotFoundError, StaleEditError, ValidationError } from '../../../platform/errors.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { replaceThemeTags, themeNames, themesOfRecords, validateThemeIds } from '../../themes/index.ts'
import { caseRecordType } from '../access.ts'
import { learningPointThemes, reviewLearningPoints, type ReviewCase } from '../schema.ts'

/**
 * A review's learning points: numbered 1, 2, 3… (renumbered when one is removed, so they read as
 * a list), each tagged with at least one theme from the shared taxonomy (modules/themes). Read
 * through their case, so the case's confidential scope covers them.
 */
export const learningPointRecordType = 'review-learning-point'

export interface LearningPointInput {
  text: string
  themeIds: string[]
}

const tags = { table: learningPointThemes, record: learningPointThemes.learningPointId }
const related = (caseId: string) => [{ recordType: caseRecordType, recordId: caseId }]
const label = (reference: string, number: number) => `${reference}: learning point ${number}`

export const atLeastOneTheme = 'Select at least one theme'

/** Checks the themes (at least one, each the partnership's and usable), for the audit row's names. */
async function chosenThemes(db: Database, actor: Actor, input: LearningPointInput, kept?: string[]) {
  if (!input.themeIds.length) throw new ValidationError({ themeIds: atLeastOneTheme })
  return validateThemeIds(db, actor.partnershipId, input.themeIds, { kept })
}

/** A case's learning points in order, each with its themes by name. */
export async function listLearningPoints(db: Database, caseId: string) {
  const points = await db
    .select()
    .from(reviewLearningPoints)
    .where(eq(reviewLearningPoints.caseId, caseId))
    .orderBy(asc(reviewLearningPoints.number))
  return withThemes(db, points)
}

/** Learning points with their themes (id and name, by name): for a case's page and the records behind a figure. */
export async function withThemes<P extends { id: string }>(db: Database, points: P[]) {
  const tagged = await themesOfRecords(
    db,
    tags,
    points.map((p) => p.id),
  )
  return points.map((point) => ({ ...point, themes: tagged.get(point.id) ?? [] }))
}

/** One learning point of the case; a 404 for another case's or none. */
export async function getLearningPoint(db: Database, caseId: string, pointId: string) {
  const [row] = await db
    .select()
    .from(reviewLearningPoints)
    .where(and(eq(reviewLearningPoints.caseId, caseId), eq(reviewLearningPoints.id, pointId)))
  if (!row) throw new NotFoundError()
  return row
}

export async function learningPointThemeIds(db: Database, pointId: string) {
  const rows = await db
    .select({ id: learningPointThemes.themeId })
    .from(learningPointThemes)
    .where(eq(learningPointThemes.learningPointId, pointId))
  return rows.map((r) => r.id)
}

export async function addLearningPoint(
  db: Database,
  actor: Actor,
  reviewCase: Pick<ReviewCase, 'id' | 'reference'>,
  input: LearningPointInput,
) {
  const chosen = await chosenThemes(db, actor, input)
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ last: max(reviewLearningPoints.number) })
      .from(reviewLearningPoints)
      .where(eq(reviewLearningPoints.caseId, reviewCase.id))
    const number = (row?.last ?? 0) + 1
    return insertAudited(
      tx,
      actor,
      reviewLearningPoints,
      { caseId: reviewCase.id, number, text: input.text },
      {
        recordType: learningPointRecordType,
        summary: `Added ${label(reviewCase.reference, number)}`,
        related: related(reviewCase.id),
        after: { number, text: input.text, themes: chosen.map((t) => t.name).join(', ') },
        conflict: { text: 'Someone added a learning point to this case at the same time. Select Save again.' },
        alsoWrite: (inner, id) => replaceThemeTags(inner, tags, actor.partnershipId, id, input.themeIds),
      },
    )
  })
}

export async function changeLearningPoint(
  db: Database,
  actor: Actor,
  reviewCase: Pick<ReviewCase, 'id' | 'reference'>,
  pointId: string,
  version: number,
  input: LearningPointInput,
) {
  const before = await getLearningPoint(db, reviewCase.id, pointId)
  const kept = await learningPointThemeIds(db, pointId)
  const chosen = await chosenThemes(db, actor, input, kept)
  return updateAudited(
    db,
    actor,
    reviewLearningPoints,
    {
      id: pointId,
      version,
      before,
      set: { text: input.text },
      described: {
        before: { themes: (await themeNames(db, kept)).join(', ') },
        after: { themes: chosen.map((t) => t.name).join(', ') },
      },
      alsoWrite: (tx) => replaceThemeTags(tx, tags, actor.partnershipId, pointId, input.themeIds),
    },
    {
      recordType: learningPointRecordType,
      summary: `Changed ${label(reviewCase.reference, before.number)}`,
      related: related(reviewCase.id),
    },
  )
}

/** Removes a learning point (its tags go with it) and closes the gap in the numbering. */
export async function removeLearningPoint(
  db: Database,
  actor: Actor,
  reviewCase: Pick<ReviewCase, 'id' | 'reference'>,
  pointId: string,
  version: number,
) {
  const before = await getLearningPoint(db, reviewCase.id, pointId)
  const themesBefore = await themeNames(db, await learningPointThemeIds(db, pointId))
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(reviewLearningPoints)
      .where(and(eq(reviewLearningPoints.id, pointId), eq(reviewLearningPoints.version, version)))
      .returning({ id: reviewLearningPoints.id })
    if (!removed.length) throw new StaleEditError()
    // Two steps, so no two points ever hold one number in between (the numbers are unique per case).
    const later = and(eq(reviewLearningPoints.caseId, reviewCase.id), gt(reviewLearningPoints.number, before.number))
    await tx
      .update(reviewLearningPoints)
      .set({ number: sql`-${reviewLearningPoints.number}` })
      .where(later)
    await tx
      .update(reviewLearningPoints)
      .set({ number: sql`-${reviewLearningPoints.number} - 1` })
      .where(and(eq(reviewLearningPoints.caseId, reviewCase.id), sql`${reviewLearningPoints.number} < 0`))
    await recordAudit(tx, actor, {
      action: 'deleted',
      recordType: learningPointRecordType,
      recordId: pointId,
      summary: `Removed ${label(reviewCase.reference, before.number)}`,
      related: related(reviewCase.id),
      before: { number: before.number, text: before.text, themes: themesBefore.join(', ') },
    })
  })
}
