import { and, eq, sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { recordAudit } from '../../../platform/audit.ts'
import { StaleEditError, ValidationError } from '../../../platform/errors.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { groups } from '../../partnership/schema.ts'
import { applyCaseAuditAccess, applyReturnAccess } from '../access.ts'
import { assuranceSettings, auditReturns } from '../audit-schema.ts'
import { caseAuditAuditors, caseAudits } from '../case-audit-schema.ts'

/**
 * Quality assurance → Settings: which group is the audit subgroup. Its members see every return and
 * case audit, so a change is written to every one's access in the same transaction as the setting
 * and its audit row (as case reviews' settings do).
 */
export const settingsRecordType = 'assurance-settings'

/** The partnership's settings, made (naming no group) the first time they are read. */
export async function getAssuranceSettings(db: Database, partnershipId: string) {
  const read = () => db.select().from(assuranceSettings).where(eq(assuranceSettings.partnershipId, partnershipId))
  const [existing] = await read()
  if (existing) return existing
  await db.insert(assuranceSettings).values({ partnershipId }).onConflictDoNothing()
  const [made] = await read()
  return made!
}

async function groupName(db: Database, partnershipId: string, id: string | null) {
  if (!id) return null
  const [row] = await db
    .select({ name: groups.name })
    .from(groups)
    .where(and(eq(groups.id, id), eq(groups.partnershipId, partnershipId)))
  if (!row) throw new ValidationError({ auditGroupId: 'Select a group from the list' })
  return row.name
}

/** Every return and case audit of the partnership names the audit subgroup `groupId`. */
export async function reapplyAssuranceAccess(tx: Database, actor: Actor, groupId: string | null) {
  const returns = await tx
    .select({ id: auditReturns.id, agencyId: auditReturns.agencyId, moderatorPersonId: auditReturns.moderatorPersonId })
    .from(auditReturns)
    .where(eq(auditReturns.partnershipId, actor.partnershipId))
  for (const one of returns) await applyReturnAccess(tx, actor, one, groupId)
  const audits = await tx
    .select({ id: caseAudits.id, personId: caseAuditAuditors.personId })
    .from(caseAudits)
    .leftJoin(caseAuditAuditors, eq(caseAuditAuditors.auditId, caseAudits.id))
    .where(eq(caseAudits.partnershipId, actor.partnershipId))
  const auditors = new Map<string, string[]>()
  for (const row of audits)
    auditors.set(row.id, [...(auditors.get(row.id) ?? []), ...(row.personId ? [row.personId] : [])])
  for (const [id, people] of auditors) await applyCaseAuditAccess(tx, actor, id, people, groupId)
}

/** Names the audit subgroup; false, having written nothing, when unchanged. */
export async function updateAuditGroup(db: Database, actor: Actor, version: number, groupId: string | null) {
  const before = await getAssuranceSettings(db, actor.partnershipId)
  const after = await groupName(db, actor.partnershipId, groupId)
  if (before.auditGroupId === groupId) return false
  const was = await groupName(db, actor.partnershipId, before.auditGroupId)
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(assuranceSettings)
      .set({ auditGroupId: groupId, version: sql`${assuranceSettings.version} + 1`, updatedAt: new Date() })
      .where(and(eq(assuranceSettings.partnershipId, actor.partnershipId), eq(assuranceSettings.version, version)))
      .returning({ version: assuranceSettings.version })
    if (!updated.length) throw new StaleEditError()
    await reapplyAssuranceAccess(tx, actor, groupId)
    await recordAudit(tx, actor, {
      action: 'updated',
      recordType: settingsRecordType,
      recordId: actor.partnershipId,
      summary: 'Changed the audit subgroup',
      before: { auditGroup: was ?? 'None' },
      after: { auditGroup: after ?? 'None' },
    })
  })
  return true
}
