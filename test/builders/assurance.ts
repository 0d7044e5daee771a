import type { Database } from '../../src/db/index.ts'
import { applyCaseAuditAccess, applyReturnAccess } from '../../src/modules/assurance/access.ts'
import {
  auditAnswers,
  auditCycles,
  auditFrameworks,
  auditReturns,
  frameworkCriteria,
  frameworkStandards,
  frameworkVersions,
  type CycleStatus,
  type FrameworkKind,
  type ReturnStatus,
} from '../../src/modules/assurance/audit-schema.ts'
import {
  caseAuditAuditors,
  caseAuditCases,
  caseAuditLearningPoints,
  caseAuditLearningPointThemes,
  caseAudits,
} from '../../src/modules/assurance/case-audit-schema.ts'
import type { PracticeGrade, ScaleCode } from '../../src/modules/assurance/scales.ts'
import {
  voiceRecords,
  voiceRecordThemes,
  type VoiceAudience,
  type VoiceMethod,
} from '../../src/modules/assurance/voice-schema.ts'
import { builderActor, nextNumber } from './names.ts'

/**
 * Quality assurance records for tests: a framework version with its standards and criteria, a cycle
 * with a return per agency (each with its confidential scope), answers, a case audit with graded
 * cases, a voice record. Written directly (with the access rows the services write), so a test of
 * one part does not depend on another part's pages.
 */

export interface FrameworkSpec {
  kind?: FrameworkKind
  scale?: ScaleCode
  name?: string
  /** Each standard's title and its criteria's text. */
  standards?: { title: string; criteria: string[] }[]
}

const defaultStandards = [
  { title: 'Senior management commitment', criteria: ['Leaders champion safeguarding', 'Safeguarding is in the plan'] },
  { title: 'Safer recruitment', criteria: ['Checks before starting', 'Allegations managed'] },
]

export async function insertFramework(db: Database, partnershipId: string, spec: FrameworkSpec = {}) {
  const n = nextNumber()
  const [framework] = await db
    .insert(auditFrameworks)
    .values({ partnershipId, kind: spec.kind ?? 'section-11', name: spec.name ?? `Section 11 standards ${n}` })
    .returning()
  const [version] = await db
    .insert(frameworkVersions)
    .values({ partnershipId, frameworkId: framework!.id, number: 1, scale: spec.scale ?? 'rag' })
    .returning()
  const standards = []
  for (const [s, standard] of (spec.standards ?? defaultStandards).entries()) {
    const [row] = await db
      .insert(frameworkStandards)
      .values({ partnershipId, versionId: version!.id, number: s + 1, title: standard.title })
      .returning()
    const criteria = await db
      .insert(frameworkCriteria)
      .values(
        standard.criteria.map((text, c) => ({
          partnershipId,
          versionId: version!.id,
          standardId: row!.id,
          number: c + 1,
          text,
        })),
      )
      .returning()
    standards.push({ ...row!, criteria })
  }
  return { framework: framework!, version: version!, standards, criteria: standards.flatMap((s) => s.criteria) }
}

export interface CycleSpec {
  versionId: string
  agencyIds: string[]
  name?: string
  startYear?: number
  opensOn?: string
  dueOn?: string
  status?: CycleStatus
  returnStatus?: ReturnStatus
  moderatorPersonId?: string | null
}

/** A cycle and a return for each agency, each return scoped as the service scopes it. */
export async function insertCycle(db: Database, partnershipId: string, spec: CycleSpec) {
  const actor = builderActor(partnershipId)
  const [cycle] = await db
    .insert(auditCycles)
    .values({
      partnershipId,
      name: spec.name ?? `Section 11 ${nextNumber()}`,
      frameworkVersionId: spec.versionId,
      startYear: spec.startYear ?? 2016,
      opensOn: spec.opensOn ?? '2016-09-01',
      dueOn: spec.dueOn ?? '2016-11-30',
      status: spec.status ?? 'open',
    })
    .returning()
  const returns = []
  for (const agencyId of spec.agencyIds) {
    const [row] = await db
      .insert(auditReturns)
      .values({
        partnershipId,
        cycleId: cycle!.id,
        agencyId,
        status: spec.returnStatus ?? 'draft',
        moderatorPersonId: spec.moderatorPersonId ?? null,
      })
      .returning()
    await applyReturnAccess(db, actor, row!)
    returns.push(row!)
  }
  return { cycle: cycle!, returns }
}

export interface AnswerSpec {
  criterionId: string
  selfGrade?: string | null
  evidence?: string | null
  moderatedGrade?: string | null
  moderationReason?: string | null
}

export async function insertAnswers(db: Database, partnershipId: string, returnId: string, answers: AnswerSpec[]) {
  return db
    .insert(auditAnswers)
    .values(
      answers.map((answer) => ({
        partnershipId,
        returnId,
        criterionId: answer.criterionId,
        selfGrade: answer.selfGrade ?? null,
        evidence: answer.evidence ?? null,
        moderatedGrade: answer.moderatedGrade ?? null,
        moderationReason: answer.moderatedGrade ? (answer.moderationReason ?? 'Agreed at moderation') : null,
        moderatedAt: answer.moderatedGrade ? new Date() : null,
      })),
    )
    .returning()
}

export interface CaseAuditSpec {
  themeId: string
  title?: string
  heldOn?: string
  scope?: 'single-agency' | 'multi-agency'
  auditorPersonIds?: string[]
  /** One case per grade given (null: not graded yet). */
  caseGrades?: (PracticeGrade | null)[]
  findings?: string
  planPriorityId?: string | null
  /** Learning points, numbered in order, each tagged with the themes given. */
  learningPoints?: { text: string; themeIds?: string[] }[]
}

export async function insertCaseAudit(db: Database, partnershipId: string, spec: CaseAuditSpec) {
  const n = nextNumber()
  const [audit] = await db
    .insert(caseAudits)
    .values({
      partnershipId,
      title: spec.title ?? `Multi-agency case audit ${n}`,
      themeId: spec.themeId,
      scope: spec.scope ?? 'multi-agency',
      status: 'complete',
      heldOn: spec.heldOn ?? '2016-10-12',
      findings: spec.findings ?? 'Plans were not always outcome-focused.',
      planPriorityId: spec.planPriorityId ?? null,
    })
    .returning()
  const auditors = spec.auditorPersonIds ?? []
  if (auditors.length)
    await db.insert(caseAuditAuditors).values(auditors.map((personId) => ({ auditId: audit!.id, personId })))
  await applyCaseAuditAccess(db, builderActor(partnershipId), audit!.id, auditors)
  const grades = spec.caseGrades ?? ['good', 'requires-improvement']
  const cases = grades.length
    ? await db
        .insert(caseAuditCases)
        .values(grades.map((grade, i) => ({ partnershipId, auditId: audit!.id, reference: `CA-${n}-${i + 1}`, grade })))
        .returning()
    : []
  for (const [i, point] of (spec.learningPoints ?? []).entries()) {
    const [row] = await db
      .insert(caseAuditLearningPoints)
      .values({ partnershipId, auditId: audit!.id, number: i + 1, text: point.text })
      .returning()
    if (point.themeIds?.length)
      await db
        .insert(caseAuditLearningPointThemes)
        .values(point.themeIds.map((themeId) => ({ learningPointId: row!.id, partnershipId, themeId })))
  }
  return { audit: audit!, cases }
}

export interface VoiceRecordSpec {
  audience?: VoiceAudience
  method?: VoiceMethod
  title?: string
  heldOn?: string
  responses?: number
  themeIds?: string[]
  findings?: string
  planPriorityId?: string | null
}

export async function insertVoiceRecord(db: Database, partnershipId: string, spec: VoiceRecordSpec = {}) {
  const [record] = await db
    .insert(voiceRecords)
    .values({
      partnershipId,
      title: spec.title ?? `Practitioner survey ${nextNumber()}`,
      audience: spec.audience ?? 'practitioners',
      method: spec.method ?? 'survey',
      heldOn: spec.heldOn ?? '2016-11-15',
      responses: spec.responses ?? 40,
      findings: spec.findings ?? 'Practitioners know how to escalate a concern.',
      planPriorityId: spec.planPriorityId ?? null,
    })
    .returning()
  if (spec.themeIds?.length)
    await db
      .insert(voiceRecordThemes)
      .values(spec.themeIds.map((themeId) => ({ recordId: record!.id, partnershipId, themeId })))
  return record!
}
