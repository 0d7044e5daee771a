import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { insertAudited, updateAudited } from '../../../platform/audited-writes.ts'
import { NotFoundError, ValidationError } from '../../../platform/errors.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { agencies } from '../../partnership/schema.ts'
import { caseAuditRecordType } from '../access.ts'
import { caseAuditAgencyGrades, caseAuditCases } from '../case-audit-schema.ts'
import { practiceGradeLabels, practiceGrades, type PracticeGrade } from '../scales.ts'

/**
 * The sample of a case audit: each case named by a pseudonymised reference only, with the grade
 * of practice in it and a grade per agency involved. Read through the audit (its confidential
 * scope covers them); every change is audited against the case and related to its audit.
 */
export const auditCaseRecordType = 'case-audit-case'

export interface AgencyGradeInput {
  agencyId: string
  grade: PracticeGrade
  comment: string | null
}

export interface CaseInput {
  reference: string
  grade: PracticeGrade | null
  notes: string | null
  agencyGrades: AgencyGradeInput[]
}

const related = (auditId: string) => [{ recordType: caseAuditRecordType, recordId: auditId }]
const duplicate = { reference: 'This audit already has a case with this reference' }

/** The agencies' grades of the cases, by agency name. */
function gradesOf(db: Database, caseIds: string[]) {
  if (!caseIds.length) return Promise.resolve([])
  return db
    .select({
      caseId: caseAuditAgencyGrades.caseId,
      agencyId: caseAuditAgencyGrades.agencyId,
      agencyName: agencies.name,
      grade: caseAuditAgencyGrades.grade,
      comment: caseAuditAgencyGrades.comment,
    })
    .from(caseAuditAgencyGrades)
    .innerJoin(agencies, eq(agencies.id, caseAuditAgencyGrades.agencyId))
    .where(inArray(caseAuditAgencyGrades.caseId, caseIds))
    .orderBy(asc(agencies.name))
}

/** The audit's cases by reference, each with its agencies' grades. */
export async function listAuditCases(db: Database, auditId: string) {
  const cases = await db
    .select()
    .from(caseAuditCases)
    .where(eq(caseAuditCases.auditId, auditId))
    .orderBy(asc(sql`lower(${caseAuditCases.reference})`))
  const grades = await gradesOf(
    db,
    cases.map((c) => c.id),
  )
  return cases.map((c) => ({ ...c, agencyGrades: grades.filter((g) => g.caseId === c.id) }))
}
export type AuditCaseRow = Awaited<ReturnType<typeof listAuditCases>>[number]

/** One case of the audit, with its agencies' grades; a 404 for another audit's or none. */
export async function getAuditCase(db: Database, auditId: string, caseId: string) {
  const [row] = await db
    .select()
    .from(caseAuditCases)
    .where(and(eq(caseAuditCases.auditId, auditId), eq(caseAuditCases.id, caseId)))
  if (!row) throw new NotFoundError()
  return { ...row, agencyGrades: await gradesOf(db, [row.id]) }
}

/** "6 cases: 1 good, 4 requires improvement, 1 inadequate" (grades best first; ungraded said last). */
export function gradeDistribution(grades: readonly (PracticeGrade | null)[]) {
  const total = grades.length
  if (!total) return 'No cases yet'
  const parts = practiceGrades
    .map((grade) => [grade, grades.filter((g) => g === grade).length] as const)
    .filter(([, n]) => n > 0)
    .map(([grade, n]) => `${n} ${practiceGradeLabels[grade].toLowerCase()}`)
  const ungraded = grades.filter((g) => g === null).length
  if (ungraded) parts.push(`${ungraded} not yet graded`)
  return `${total} ${total === 1 ? 'case' : 'cases'}: ${parts.join(', ')}`
}

/**
 * The agencies' grades as the audit log reads them ("Thames Valley Police: good"), checking each
 * agency is the partnership's.
 */
async function gradesDescribed(db: Database, partnershipId: string, grades: AgencyGradeInput[]) {
  if (!grades.length) return ''
  const rows = await db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(
      and(
        eq(agencies.partnershipId, partnershipId),
        inArray(
          agencies.id,
          grades.map((g) => g.agencyId),
        ),
      ),
    )
  const nameOf = new Map(rows.map((r) => [r.id, r.name]))
  if (grades.some((g) => !nameOf.has(g.agencyId)))
    throw new ValidationError({ agencyGrades: 'Select agencies from the list' })
  return grades
    .map((g) => `${nameOf.get(g.agencyId)}: ${practiceGradeLabels[g.grade].toLowerCase()}`)
    .sort()
    .join('; ')
}

async function replaceAgencyGrades(tx: Database, partnershipId: string, caseId: string, grades: AgencyGradeInput[]) {
  await tx.delete(caseAuditAgencyGrades).where(eq(caseAuditAgencyGrades.caseId, caseId))
  if (grades.length) await tx.insert(caseAuditAgencyGrades).values(grades.map((g) => ({ ...g, caseId, partnershipId })))
}

const label = (audit: { title: string }, reference: string) => `case ${reference} of ${audit.title}`

export async function addAuditCase(db: Database, actor: Actor, audit: { id: string; title: string }, input: CaseInput) {
  const { agencyGrades, ...fields } = input
  const graded = await gradesDescribed(db, actor.partnershipId, agencyGrades)
  return insertAudited(
    db,
    actor,
    caseAuditCases,
    { auditId: audit.id, ...fields },
    {
      recordType: auditCaseRecordType,
      summary: `Added ${label(audit, input.reference)}`,
      related: related(audit.id),
      after: { ...fields, agencyGrades: graded },
      conflict: duplicate,
      alsoWrite: (tx, id) => replaceAgencyGrades(tx, actor.partnershipId, id, agencyGrades),
    },
  )
}

export async function changeAuditCase(
  db: Database,
  actor: Actor,
  audit: { id: string; title: string },
  caseId: string,
  version: number,
  input: CaseInput,
) {
  const before = await getAuditCase(db, audit.id, caseId)
  const { agencyGrades, ...fields } = input
  const [was, now] = await Promise.all([
    gradesDescribed(db, actor.partnershipId, before.agencyGrades),
    gradesDescribed(db, actor.partnershipId, agencyGrades),
  ])
  return updateAudited(
    db,
    actor,
    caseAuditCases,
    {
      id: caseId,
      version,
      before,
      set: fields,
      described: { before: { agencyGrades: was }, after: { agencyGrades: now } },
      alsoWrite: (tx) => replaceAgencyGrades(tx, actor.partnershipId, caseId, agencyGrades),
    },
    {
      recordType: auditCaseRecordType,
      summary: `Changed ${label(audit, before.reference)}`,
      related: related(audit.id),
      conflict: duplicate,
    },
  )
}
