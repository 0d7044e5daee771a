import { and, asc, count, eq, inArray, sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { confidentialCondition } from '../../../platform/confidential/index.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { agencies, groups } from '../../partnership/schema.ts'
import { caseAuditRecordType, returnRecordType } from '../access.ts'
import { assuranceSettings, auditCycles, auditFrameworks, auditReturns, frameworkVersions } from '../audit-schema.ts'
import { caseAudits } from '../case-audit-schema.ts'
import { surveys, voiceRecords } from '../voice-schema.ts'

/** What the module's landing page counts, each as the actor may see it. */
export interface HubCounts {
  cycles: Record<'section-11' | 'schools', { all: number; open: number }>
  frameworks: number
  schools: number
  caseAudits: { all: number; inProgress: number }
  voiceRecords: number
  surveys: { all: number; open: number }
  auditGroup: string | null
}

export async function hubCounts(db: Database, actor: Actor): Promise<HubCounts> {
  const pid = actor.partnershipId
  const [cycleRows, [frameworks], [schools], [audits], [voice], [survey], [settings]] = await Promise.all([
    db
      .select({
        kind: auditFrameworks.kind,
        all: count(),
        open: sql<number>`count(*) filter (where ${auditCycles.status} = 'open')::int`,
      })
      .from(auditCycles)
      .innerJoin(frameworkVersions, eq(frameworkVersions.id, auditCycles.frameworkVersionId))
      .innerJoin(auditFrameworks, eq(auditFrameworks.id, frameworkVersions.frameworkId))
      .where(eq(auditCycles.partnershipId, pid))
      .groupBy(auditFrameworks.kind),
    db.select({ all: count() }).from(auditFrameworks).where(eq(auditFrameworks.partnershipId, pid)),
    db
      .select({ all: count() })
      .from(agencies)
      .where(and(eq(agencies.partnershipId, pid), eq(agencies.type, 'school'), eq(agencies.active, true))),
    db
      .select({
        all: count(),
        inProgress: sql<number>`count(*) filter (where ${caseAudits.status} = 'in-progress')::int`,
      })
      .from(caseAudits)
      .where(and(eq(caseAudits.partnershipId, pid), confidentialCondition(actor, caseAuditRecordType, caseAudits.id))),
    db.select({ all: count() }).from(voiceRecords).where(eq(voiceRecords.partnershipId, pid)),
    db
      .select({ all: count(), open: sql<number>`count(*) filter (where ${surveys.status} = 'open')::int` })
      .from(surveys)
      .where(eq(surveys.partnershipId, pid)),
    db
      .select({ group: groups.name })
      .from(assuranceSettings)
      .leftJoin(groups, eq(groups.id, assuranceSettings.auditGroupId))
      .where(eq(assuranceSettings.partnershipId, pid)),
  ])
  const cycles = (kind: 'section-11' | 'schools') => {
    const row = cycleRows.find((r) => r.kind === kind)
    return { all: row?.all ?? 0, open: row?.open ?? 0 }
  }
  return {
    cycles: { 'section-11': cycles('section-11'), schools: cycles('schools') },
    frameworks: frameworks?.all ?? 0,
    schools: schools?.all ?? 0,
    caseAudits: { all: audits?.all ?? 0, inProgress: audits?.inProgress ?? 0 },
    voiceRecords: voice?.all ?? 0,
    surveys: { all: survey?.all ?? 0, open: survey?.open ?? 0 },
    auditGroup: settings?.group ?? null,
  }
}

/**
 * The returns of open cycles the person works on: their agency's (an agency's safeguarding lead),
 * and those they moderate for another agency. Each through the returns' confidential scope.
 */
export async function openReturnsFor(db: Database, actor: Actor, which: 'agency' | 'moderating') {
  const mine =
    which === 'agency'
      ? actor.agencyId && actor.roles.includes('agency-lead')
        ? eq(auditReturns.agencyId, actor.agencyId)
        : null
      : actor.personId
        ? eq(auditReturns.moderatorPersonId, actor.personId)
        : null
  if (!mine) return []
  return db
    .select({
      id: auditReturns.id,
      status: auditReturns.status,
      cycleName: auditCycles.name,
      dueOn: auditCycles.dueOn,
      agencyName: agencies.name,
    })
    .from(auditReturns)
    .innerJoin(auditCycles, eq(auditCycles.id, auditReturns.cycleId))
    .innerJoin(agencies, eq(agencies.id, auditReturns.agencyId))
    .where(
      and(
        eq(auditReturns.partnershipId, actor.partnershipId),
        eq(auditCycles.status, 'open'),
        inArray(auditReturns.status, ['draft', 'submitted', 'moderated']),
        mine,
        confidentialCondition(actor, returnRecordType, auditReturns.id),
      ),
    )
    .orderBy(asc(auditCycles.dueOn), asc(agencies.name))
}
