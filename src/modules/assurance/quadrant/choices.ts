import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { union } from 'drizzle-orm/pg-core'
import type { Database } from '../../../db/index.ts'
import { indicatorThemes } from '../../performance/schema.ts'
import { themes } from '../../themes/schema.ts'
import { auditCycles } from '../audit-schema.ts'
import { caseAuditLearningPointThemes, caseAudits } from '../case-audit-schema.ts'
import { voiceRecords, voiceRecordThemes } from '../voice-schema.ts'

/**
 * What the quadrant page offers: the themes that have any evidence (an indicator, a case audit or
 * its learning, a voice record tagged with it), the business plans' priorities, and the days the
 * module holds records for (audit cycles, case audits, voice records), so the year picker offers
 * those years. A theme is offered because it is used, which says nothing about any one case audit.
 */
export async function themesWithEvidence(db: Database, partnershipId: string) {
  const used = union(
    db
      .select({ id: indicatorThemes.themeId })
      .from(indicatorThemes)
      .where(eq(indicatorThemes.partnershipId, partnershipId)),
    db.select({ id: caseAudits.themeId }).from(caseAudits).where(eq(caseAudits.partnershipId, partnershipId)),
    db
      .select({ id: caseAuditLearningPointThemes.themeId })
      .from(caseAuditLearningPointThemes)
      .where(eq(caseAuditLearningPointThemes.partnershipId, partnershipId)),
    db
      .select({ id: voiceRecordThemes.themeId })
      .from(voiceRecordThemes)
      .where(eq(voiceRecordThemes.partnershipId, partnershipId)),
  )
  const ids = (await used).map((r: { id: string }) => r.id)
  if (!ids.length) return []
  return db
    .select({ id: themes.id, name: themes.name })
    .from(themes)
    .where(and(eq(themes.partnershipId, partnershipId), inArray(themes.id, ids)))
    .orderBy(asc(themes.name))
}

/** The first and last days of the module's records: audit cycles' due dates, case audits and voice records held. */
export async function assuranceDates(db: Database, partnershipId: string): Promise<(string | null)[]> {
  const span = (column: typeof auditCycles.dueOn | typeof caseAudits.heldOn | typeof voiceRecords.heldOn) => ({
    first: sql<string | null>`min(${column})::text`,
    last: sql<string | null>`max(${column})::text`,
  })
  const [[cycles], [audits], [voice]] = await Promise.all([
    db.select(span(auditCycles.dueOn)).from(auditCycles).where(eq(auditCycles.partnershipId, partnershipId)),
    db.select(span(caseAudits.heldOn)).from(caseAudits).where(eq(caseAudits.partnershipId, partnershipId)),
    db.select(span(voiceRecords.heldOn)).from(voiceRecords).where(eq(voiceRecords.partnershipId, partnershipId)),
  ])
  return [cycles, audits, voice].flatMap((row) => [row?.first ?? null, row?.last ?? null])
}
