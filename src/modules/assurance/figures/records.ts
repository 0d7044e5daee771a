import { and, asc, eq, gte, inArray, lt, ne, type SQL } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { confidentialCondition } from '../../../platform/confidential/index.ts'
import type { Actor } from '../../../platform/permissions.ts'
import type { ReportingYear } from '../../../platform/reporting-years.ts'
import { agencies } from '../../partnership/schema.ts'
import { themes } from '../../themes/schema.ts'
import { caseAuditRecordType, returnRecordType } from '../access.ts'
import {
  auditAnswers,
  auditCycles,
  auditFrameworks,
  auditReturns,
  frameworkCriteria,
  frameworkStandards,
  frameworkVersions,
  type FrameworkKind,
  type ReturnStatus,
} from '../audit-schema.ts'
import {
  caseAuditCases,
  caseAuditLearningPoints,
  caseAuditLearningPointThemes,
  caseAudits,
} from '../case-audit-schema.ts'
import { gradeOf, type PracticeGrade } from '../scales.ts'
import { voiceRecords, type VoiceAudience, type VoiceMethod } from '../voice-schema.ts'

/**
 * The records the quality assurance figures count, for a partnership and a reporting year: the
 * returns to the year's section 11 and schools' cycles (opened; a planned cycle asks nothing yet),
 * each with how many of its standards it met; the case audits held in the year and their cases;
 * the surveys and consultations held in it; and the themes across the year's case audits. `reader`
 * limits the confidential ones (returns, case audits) to what a reader may see, for the lists behind
 * the figures; the report passes none and counts every one.
 */

const visibleTo = (
  reader: Actor | undefined,
  recordType: string,
  column: Parameters<typeof confidentialCondition>[2],
) => (reader ? confidentialCondition(reader, recordType, column) : undefined)

const heldIn = (column: typeof caseAudits.heldOn | typeof voiceRecords.heldOn, year: ReportingYear) =>
  and(gte(column, year.start), lt(column, year.endExclusive))

export interface ReturnRecord {
  id: string
  agency: string
  cycle: string
  status: ReturnStatus
  /** Standards in the framework, and those every criterion of which was graded at or above the minimum. */
  standards: number
  standardsMet: number
}

export const submitted = (r: ReturnRecord) => r.status !== 'draft'
export const moderated = (r: ReturnRecord) => r.status === 'moderated' || r.status === 'closed'
/** Moderated, with every standard met on the moderated grades. */
export const meetsEvery = (r: ReturnRecord) => moderated(r) && r.standards > 0 && r.standardsMet === r.standards

export async function returnRecords(
  db: Database,
  partnershipId: string,
  year: ReportingYear,
  kind: FrameworkKind,
  reader?: Actor,
): Promise<ReturnRecord[]> {
  const rows = await db
    .select({
      id: auditReturns.id,
      agency: agencies.name,
      cycle: auditCycles.name,
      status: auditReturns.status,
      versionId: auditCycles.frameworkVersionId,
      scale: frameworkVersions.scale,
    })
    .from(auditReturns)
    .innerJoin(auditCycles, eq(auditCycles.id, auditReturns.cycleId))
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, auditCycles.frameworkVersionId))
    .innerJoin(auditFrameworks, eq(auditFrameworks.id, frameworkVersions.frameworkId))
    .innerJoin(agencies, eq(agencies.id, auditReturns.agencyId))
    .where(
      and(
        eq(auditReturns.partnershipId, partnershipId),
        eq(auditCycles.startYear, year.startYear),
        ne(auditCycles.status, 'planned'),
        eq(auditFrameworks.kind, kind),
        visibleTo(reader, returnRecordType, auditReturns.id),
      ),
    )
    .orderBy(asc(agencies.name), asc(auditCycles.name))
  if (!rows.length) return []
  const versionIds = [...new Set(rows.map((r) => r.versionId))]
  const [criteria, answers] = await Promise.all([
    db
      .select({ id: frameworkCriteria.id, versionId: frameworkCriteria.versionId, standardId: frameworkStandards.id })
      .from(frameworkCriteria)
      .innerJoin(frameworkStandards, eq(frameworkStandards.id, frameworkCriteria.standardId))
      .where(inArray(frameworkCriteria.versionId, versionIds)),
    db
      .select({
        returnId: auditAnswers.returnId,
        criterionId: auditAnswers.criterionId,
        grade: auditAnswers.moderatedGrade,
      })
      .from(auditAnswers)
      .where(
        inArray(
          auditAnswers.returnId,
          rows.map((r) => r.id),
        ),
      ),
  ])
  // Criteria by version and standard, grades by return: a year's schools' cycle has hundreds of returns.
  const standardsOf = new Map<string, Map<string, string[]>>()
  for (const c of criteria) {
    const standards = standardsOf.get(c.versionId) ?? standardsOf.set(c.versionId, new Map()).get(c.versionId)!
    standards.set(c.standardId, [...(standards.get(c.standardId) ?? []), c.id])
  }
  const gradesOf = new Map<string, Map<string, string | null>>()
  for (const a of answers)
    (gradesOf.get(a.returnId) ?? gradesOf.set(a.returnId, new Map()).get(a.returnId)!).set(a.criterionId, a.grade)
  return rows.map(({ versionId, scale, ...row }) => {
    const standards = [...(standardsOf.get(versionId)?.values() ?? [])]
    const grades = gradesOf.get(row.id)
    const met = standards.filter((criterionIds) =>
      criterionIds.every((id) => {
        const grade = gradeOf(scale, grades?.get(id))
        return grade !== null && !grade.belowMinimum
      }),
    )
    return { ...row, standards: standards.length, standardsMet: met.length }
  })
}

export interface CaseAuditRecord {
  id: string
  title: string
  heldOn: string
  theme: string
  cases: { id: string; reference: string; grade: PracticeGrade | null }[]
}

export async function caseAuditRecords(
  db: Database,
  partnershipId: string,
  year: ReportingYear,
  reader?: Actor,
): Promise<CaseAuditRecord[]> {
  const audits = await db
    .select({ id: caseAudits.id, title: caseAudits.title, heldOn: caseAudits.heldOn, theme: themes.name })
    .from(caseAudits)
    .innerJoin(themes, eq(themes.id, caseAudits.themeId))
    .where(
      and(
        eq(caseAudits.partnershipId, partnershipId),
        heldIn(caseAudits.heldOn, year),
        visibleTo(reader, caseAuditRecordType, caseAudits.id),
      ),
    )
    .orderBy(asc(caseAudits.heldOn), asc(caseAudits.title))
  if (!audits.length) return []
  const cases = await db
    .select({
      id: caseAuditCases.id,
      auditId: caseAuditCases.auditId,
      reference: caseAuditCases.reference,
      grade: caseAuditCases.grade,
    })
    .from(caseAuditCases)
    .where(
      inArray(
        caseAuditCases.auditId,
        audits.map((a) => a.id),
      ),
    )
    .orderBy(asc(caseAuditCases.reference))
  return audits.map((audit) => ({
    ...audit,
    cases: cases.filter((c) => c.auditId === audit.id).map(({ auditId: _, ...c }) => c),
  }))
}

export interface VoiceRecordRow {
  id: string
  title: string
  audience: VoiceAudience
  method: VoiceMethod
  heldOn: string
  responses: number
}

export function voiceRecordRows(db: Database, partnershipId: string, year: ReportingYear): Promise<VoiceRecordRow[]> {
  return db
    .select({
      id: voiceRecords.id,
      title: voiceRecords.title,
      audience: voiceRecords.audience,
      method: voiceRecords.method,
      heldOn: voiceRecords.heldOn,
      responses: voiceRecords.responses,
    })
    .from(voiceRecords)
    .where(and(eq(voiceRecords.partnershipId, partnershipId), heldIn(voiceRecords.heldOn, year)))
    .orderBy(asc(voiceRecords.heldOn), asc(voiceRecords.title))
}

export interface ThemeRecord {
  id: string
  name: string
  /** Case audits of the year on the theme. */
  audits: number
  /** Learning points of the year's case audits tagged with it. */
  learningPoints: number
}

/** The themes across the year's case audits (their own themes and their learning points' tags), most first. */
export async function themeRecords(
  db: Database,
  partnershipId: string,
  year: ReportingYear,
  reader?: Actor,
): Promise<ThemeRecord[]> {
  const inYear: SQL = and(
    eq(caseAudits.partnershipId, partnershipId),
    heldIn(caseAudits.heldOn, year),
    visibleTo(reader, caseAuditRecordType, caseAudits.id),
  )!
  const [onAudits, onPoints] = await Promise.all([
    db
      .select({ id: themes.id, name: themes.name })
      .from(caseAudits)
      .innerJoin(themes, eq(themes.id, caseAudits.themeId))
      .where(inYear),
    db
      .select({ id: themes.id, name: themes.name })
      .from(caseAuditLearningPoints)
      .innerJoin(caseAudits, eq(caseAudits.id, caseAuditLearningPoints.auditId))
      .innerJoin(
        caseAuditLearningPointThemes,
        eq(caseAuditLearningPointThemes.learningPointId, caseAuditLearningPoints.id),
      )
      .innerJoin(themes, eq(themes.id, caseAuditLearningPointThemes.themeId))
      .where(inYear),
  ])
  const ranked = new Map<string, ThemeRecord>()
  const entry = (t: { id: string; name: string }) =>
    ranked.get(t.id) ?? ranked.set(t.id, { ...t, audits: 0, learningPoints: 0 }).get(t.id)!
  for (const t of onAudits) entry(t).audits++
  for (const t of onPoints) entry(t).learningPoints++
  return [...ranked.values()].sort(
    (a, b) => b.audits + b.learningPoints - (a.audits + a.learningPoints) || a.name.localeCompare(b.name),
  )
}
