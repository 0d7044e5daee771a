import { and, asc, eq, max } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { insertAudited, updateAudited } from '../../../platform/audited-writes.ts'
import { NotFoundError, ValidationError } from '../../../platform/errors.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { replaceThemeTags, themeNames, themesOfRecords, validateThemeIds } from '../../themes/index.ts'
import { atLeastOneTheme } from '../../reviews/learning/service.ts'
import { caseAuditRecordType } from '../access.ts'
import { caseAuditLearningPoints, caseAuditLearningPointThemes } from '../case-audit-schema.ts'

/**
 * What a case audit teaches: learning points numbered 1, 2, 3… in the order added, each tagged with
 * at least one theme from the shared taxonomy (the same form and rule as a case review's learning
 * points). Read through the audit; every change audited with the theme names.
 */
export const auditLearningRecordType = 'case-audit-learning-point'

export interface AuditLearningInput {
  text: string
  themeIds: string[]
}

const tags = { table: caseAuditLearningPointThemes, record: caseAuditLearningPointThemes.learningPointId }
const related = (auditId: string) => [{ recordType: caseAuditRecordType, recordId: auditId }]
const label = (audit: { title: string }, number: number) => `learning point ${number} of ${audit.title}`

async function chosenThemes(db: Database, actor: Actor, themeIds: string[], kept?: string[]) {
  if (!themeIds.length) throw new ValidationError({ themeIds: atLeastOneTheme })
  return validateThemeIds(db, actor.partnershipId, themeIds, { kept })
}

/** The audit's learning points in order, each with its themes (id and name, by name). */
export async function listAuditLearning(db: Database, auditId: string) {
  const points = await db
    .select()
    .from(caseAuditLearningPoints)
    .where(eq(caseAuditLearningPoints.auditId, auditId))
    .orderBy(asc(caseAuditLearningPoints.number))
  const tagged = await themesOfRecords(
    db,
    tags,
    points.map((p) => p.id),
  )
  return points.map((point) => ({ ...point, themes: tagged.get(point.id) ?? [] }))
}

/** One learning point of the audit, with its theme ids; a 404 for another audit's or none. */
export async function getAuditLearningPoint(db: Database, auditId: string, pointId: string) {
  const [row] = await db
    .select()
    .from(caseAuditLearningPoints)
    .where(and(eq(caseAuditLearningPoints.auditId, auditId), eq(caseAuditLearningPoints.id, pointId)))
  if (!row) throw new NotFoundError()
  const tagged = await themesOfRecords(db, tags, [row.id])
  return { ...row, themeIds: (tagged.get(row.id) ?? []).map((t) => t.id) }
}

export async function addAuditLearningPoint(
  db: Database,
  actor: Actor,
  audit: { id: string; title: string },
  input: AuditLearningInput,
) {
  const chosen = await chosenThemes(db, actor, input.themeIds)
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ last: max(caseAuditLearningPoints.number) })
      .from(caseAuditLearningPoints)
      .where(eq(caseAuditLearningPoints.auditId, audit.id))
    const number = (row?.last ?? 0) + 1
    return insertAudited(
      tx,
      actor,
      caseAuditLearningPoints,
      { auditId: audit.id, number, text: input.text },
      {
        recordType: auditLearningRecordType,
        summary: `Added ${label(audit, number)}`,
        related: related(audit.id),
        after: { number, text: input.text, themes: chosen.map((t) => t.name).join(', ') },
        conflict: { text: 'Someone added a learning point to this audit at the same time. Select Save again.' },
        alsoWrite: (inner, id) => replaceThemeTags(inner, tags, actor.partnershipId, id, input.themeIds),
      },
    )
  })
}

export async function changeAuditLearningPoint(
  db: Database,
  actor: Actor,
  audit: { id: string; title: string },
  pointId: string,
  version: number,
  input: AuditLearningInput,
) {
  const before = await getAuditLearningPoint(db, audit.id, pointId)
  const chosen = await chosenThemes(db, actor, input.themeIds, before.themeIds)
  return updateAudited(
    db,
    actor,
    caseAuditLearningPoints,
    {
      id: pointId,
      version,
      before,
      set: { text: input.text },
      described: {
        before: { themes: (await themeNames(db, before.themeIds)).join(', ') },
        after: { themes: chosen.map((t) => t.name).join(', ') },
      },
      alsoWrite: (tx) => replaceThemeTags(tx, tags, actor.partnershipId, pointId, input.themeIds),
    },
    {
      recordType: auditLearningRecordType,
      summary: `Changed ${label(audit, before.number)}`,
      related: related(audit.id),
    },
  )
}
