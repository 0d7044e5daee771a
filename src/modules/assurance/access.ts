import { eq } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import { setConfidentialAccess } from '../../platform/confidential/index.ts'
import type { Actor, Role } from '../../platform/permissions.ts'
import { assuranceSettings } from './audit-schema.ts'

/**
 * Who sees quality assurance records (decision 0031). Both are confidential records
 * (platform/confidential):
 *
 * - an audit return (`audit-return`): the business unit, the members of the audit subgroup, the
 *   safeguarding lead of the agency it is for, and its moderator when a peer moderates it. An agency
 *   lead reaches no other agency's return by any URL: the platform answers 404.
 * - a case audit (`case-audit`): the business unit, the members of the audit subgroup and its
 *   auditors; everything under it (cases, grades, learning points, recommendations) is read through it.
 *
 * Call the apply functions in the transaction that creates the record, and again when its moderator,
 * its auditors or the settings change.
 */
export const returnRecordType = 'audit-return'
export const caseAuditRecordType = 'case-audit'

/** The roles that always see every return and case audit. */
export const assuranceRoles: readonly Role[] = ['business-unit']

/** The audit subgroup (Quality assurance → Settings), or null when none is named. */
export async function auditGroupId(db: Database, partnershipId: string): Promise<string | null> {
  const [settings] = await db
    .select({ groupId: assuranceSettings.auditGroupId })
    .from(assuranceSettings)
    .where(eq(assuranceSettings.partnershipId, partnershipId))
  return settings?.groupId ?? null
}

const groupList = (groupId: string | null) => (groupId ? [groupId] : [])

export async function applyReturnAccess(
  tx: Database,
  actor: Actor,
  auditReturn: { id: string; agencyId: string; moderatorPersonId: string | null },
  groupId?: string | null,
) {
  const group = groupId === undefined ? await auditGroupId(tx, actor.partnershipId) : groupId
  await setConfidentialAccess(tx, actor, returnRecordType, auditReturn.id, {
    roles: assuranceRoles,
    groupIds: groupList(group),
    agencyIds: [auditReturn.agencyId],
    personIds: auditReturn.moderatorPersonId ? [auditReturn.moderatorPersonId] : [],
  })
}

export async function applyCaseAuditAccess(
  tx: Database,
  actor: Actor,
  auditId: string,
  auditorPersonIds: readonly string[],
  groupId?: string | null,
) {
  const group = groupId === undefined ? await auditGroupId(tx, actor.partnershipId) : groupId
  await setConfidentialAccess(tx, actor, caseAuditRecordType, auditId, {
    roles: assuranceRoles,
    groupIds: groupList(group),
    personIds: [...auditorPersonIds],
  })
}
