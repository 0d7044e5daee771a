import { and, asc, eq, sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { recordAudit } from '../../../platform/audit.ts'
import { confidentialCondition } from '../../../platform/confidential/index.ts'
import { NotFoundError, ValidationError, type FieldErrors } from '../../../platform/errors.ts'
import { normaliseText } from '../../../platform/forms.ts'
import { can, type Actor } from '../../../platform/permissions.ts'
import { actionsFrom } from '../../actions/service.ts'
import { agencies, people } from '../../partnership/schema.ts'
import { returnRecordType } from '../access.ts'
import {
  auditAnswers,
  auditCycles,
  auditFrameworks,
  auditReturns,
  frameworkCriteria,
  frameworkStandards,
  frameworkVersions,
  type AuditAnswer,
  type ReturnStatus,
} from '../audit-schema.ts'
import { gradeOf, isTopGrade, type ScaleCode } from '../scales.ts'
import { mayFillIn, transitionProblem } from './lifecycle.ts'

/**
 * One agency's (or school's) return: reading it with its framework version's standards, criteria and
 * answers, and filling it in, a standard at a time, saving whatever is filled in. Every read by a
 * signed-in person goes through the return's confidential scope; a school's signed link reads the one
 * return the link was made for (school-routes.ts).
 */

export const returnHref = (id: string) => `/assurance/returns/${id}`

export interface Criterion {
  id: string
  number: number
  /** "3.2" */
  label: string
  text: string
  answer: AuditAnswer | null
}

export interface Standard {
  id: string
  number: number
  title: string
  description: string | null
  criteria: Criterion[]
}

/** Evidence is free text of this length at most. */
export const evidenceMax = 10_000

async function loadReturn(db: Database, partnershipId: string, id: string, actor?: Actor) {
  const [row] = await db
    .select({
      ret: auditReturns,
      cycle: {
        id: auditCycles.id,
        name: auditCycles.name,
        dueOn: auditCycles.dueOn,
        startYear: auditCycles.startYear,
        status: auditCycles.status,
      },
      agencyName: agencies.name,
      moderatorName: people.name,
      moderatorAgencyId: people.agencyId,
      versionId: frameworkVersions.id,
      scale: frameworkVersions.scale,
      kind: auditFrameworks.kind,
      frameworkName: auditFrameworks.name,
    })
    .from(auditReturns)
    .innerJoin(auditCycles, eq(auditCycles.id, auditReturns.cycleId))
    .innerJoin(agencies, eq(agencies.id, auditReturns.agencyId))
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, auditCycles.frameworkVersionId))
    .innerJoin(auditFrameworks, eq(auditFrameworks.id, frameworkVersions.frameworkId))
    .leftJoin(people, eq(people.id, auditReturns.moderatorPersonId))
    .where(
      and(
        eq(auditReturns.partnershipId, partnershipId),
        eq(auditReturns.id, id),
        actor ? confidentialCondition(actor, returnRecordType, auditReturns.id) : undefined,
      ),
    )
  if (!row) throw new NotFoundError()
  const [standardRows, criterionRows, answerRows] = await Promise.all([
    db
      .select()
      .from(frameworkStandards)
      .where(eq(frameworkStandards.versionId, row.versionId))
      .orderBy(asc(frameworkStandards.number)),
    db
      .select()
      .from(frameworkCriteria)
      .where(eq(frameworkCriteria.versionId, row.versionId))
      .orderBy(asc(frameworkCriteria.number)),
    db.select().from(auditAnswers).where(eq(auditAnswers.returnId, id)),
  ])
  const answerOf = new Map(answerRows.map((answer) => [answer.criterionId, answer]))
  const standards: Standard[] = standardRows.map((standard) => ({
    id: standard.id,
    number: standard.number,
    title: standard.title,
    description: standard.description,
    criteria: criterionRows
      .filter((criterion) => criterion.standardId === standard.id)
      .map((criterion) => ({
        id: criterion.id,
        number: criterion.number,
        label: `${standard.number}.${criterion.number}`,
        text: criterion.text,
        answer: answerOf.get(criterion.id) ?? null,
      })),
  }))
  return {
    ...row.ret,
    cycle: row.cycle,
    agencyName: row.agencyName,
    moderatorName: row.moderatorName,
    moderatorAgencyId: row.moderatorAgencyId,
    scale: row.scale as ScaleCode,
    kind: row.kind,
    frameworkName: row.frameworkName,
    standards,
    /** "Section 11 2016/17 – Oxford Health NHS Foundation Trust" */
    title: `${row.cycle.name} – ${row.agencyName}`,
  }
}

export type ReturnRecord = Awaited<ReturnType<typeof loadReturn>>

/** The return, when the actor's confidential scope names it; a 404 otherwise. */
export function getReturn(db: Database, actor: Actor, id: string) {
  return loadReturn(db, actor.partnershipId, id, actor)
}

/** The return a school's signed link was made for (the link, not the address, names it). */
export function returnForLink(db: Database, partnershipId: string, id: string) {
  return loadReturn(db, partnershipId, id)
}

export const criteriaOf = (ret: ReturnRecord) => ret.standards.flatMap((standard) => standard.criteria)

export function standardOf(ret: ReturnRecord, number: string | number | undefined): Standard {
  const standard = ret.standards.find((s) => String(s.number) === String(number))
  if (!standard) throw new NotFoundError()
  return standard
}

export function answerOf(ret: ReturnRecord, answerId: string) {
  const criterion = criteriaOf(ret).find((c) => c.answer?.id === answerId)
  if (!criterion?.answer) throw new NotFoundError()
  return { criterion, answer: criterion.answer }
}

/** The agency's safeguarding lead, or the business unit on the agency's behalf; a school through its link. */
export function mayRespond(actor: Actor, ret: Pick<ReturnRecord, 'agencyId'>) {
  if (actor.kind === 'link' || can(actor, 'assurance:manage')) return true
  return actor.roles.includes('agency-lead') && actor.agencyId === ret.agencyId
}

/** The business unit, or the return's named moderator (a peer from another agency). */
export function mayModerateReturn(actor: Actor, ret: Pick<ReturnRecord, 'moderatorPersonId'>) {
  if (can(actor, 'assurance:manage')) return true
  return !!actor.personId && actor.personId === ret.moderatorPersonId
}

/** A service's own refusal (the pages refuse first, with a 403): said on the form. */
export function refuseUnless(allowed: boolean, why: string) {
  if (!allowed) throw new ValidationError({ form: why })
}

/** A status change that is not the lifecycle's next step is refused with why. */
export function refuseTransition(from: ReturnStatus, to: ReturnStatus) {
  const problem = transitionProblem(from, to)
  if (problem) throw new ValidationError({ form: problem })
}

export interface AnswerInput {
  criterionId: string
  selfGrade: string | null
  evidence: string | null
}

/**
 * What a standard's form posted, field by field (`selfGrade-<criterion>`, `evidence-<criterion>`):
 * every criterion may be left ungraded (save as you go), but a grade must be one of the scale's.
 */
export function parseStandardForm(ret: ReturnRecord, standard: Standard, body: Record<string, unknown>) {
  const errors: FieldErrors = {}
  const answers: AnswerInput[] = standard.criteria.map((criterion) => {
    const grade = String(body[`selfGrade-${criterion.id}`] ?? '').trim()
    const evidence = normaliseText(String(body[`evidence-${criterion.id}`] ?? '')).trim()
    if (grade && !gradeOf(ret.scale, grade))
      errors[`selfGrade-${criterion.id}`] = `Select a grade for ${criterion.label}`
    if (evidence.length > evidenceMax)
      errors[`evidence-${criterion.id}`] =
        `The evidence for ${criterion.label} must be ${evidenceMax.toLocaleString('en-GB')} characters or less`
    return { criterionId: criterion.id, selfGrade: grade || null, evidence: evidence || null }
  })
  if (Object.keys(errors).length) throw new ValidationError(errors)
  return answers
}

/** Saves one standard's self-grades and evidence (whatever is filled in), audited on the return. */
export async function saveStandard(
  db: Database,
  actor: Actor,
  ret: ReturnRecord,
  standard: Standard,
  answers: AnswerInput[],
) {
  refuseUnless(
    mayRespond(actor, ret),
    'Only the agency’s safeguarding lead or the business unit can fill in this return',
  )
  refuseUnless(mayFillIn(ret.status), 'This return has been submitted: it can no longer be changed')
  const before = Object.fromEntries(
    standard.criteria.map((c) => [
      c.label,
      { selfGrade: c.answer?.selfGrade ?? null, evidence: c.answer?.evidence ?? null },
    ]),
  )
  const label = new Map(standard.criteria.map((c) => [c.id, c.label]))
  const changed = answers.filter(
    (a) =>
      before[label.get(a.criterionId)!]!.selfGrade !== a.selfGrade ||
      before[label.get(a.criterionId)!]!.evidence !== a.evidence,
  )
  if (!changed.length) return false
  await db.transaction(async (tx) => {
    const [still] = await tx
      .select({ status: auditReturns.status })
      .from(auditReturns)
      .where(eq(auditReturns.id, ret.id))
      .for('update')
    refuseUnless(still?.status === 'draft', 'This return has been submitted: it can no longer be changed')
    await tx
      .insert(auditAnswers)
      .values(changed.map((a) => ({ partnershipId: ret.partnershipId, returnId: ret.id, ...a })))
      .onConflictDoUpdate({
        target: [auditAnswers.returnId, auditAnswers.criterionId],
        set: {
          selfGrade: sql`excluded.self_grade`,
          evidence: sql`excluded.evidence`,
          updatedAt: new Date(),
        },
      })
    await recordAudit(tx, actor, {
      action: 'updated',
      recordType: returnRecordType,
      recordId: ret.id,
      summary: `Saved standard ${standard.number} of the return`,
      before: Object.fromEntries(changed.map((a) => [label.get(a.criterionId)!, before[label.get(a.criterionId)!]])),
      after: Object.fromEntries(
        changed.map((a) => [label.get(a.criterionId)!, { selfGrade: a.selfGrade, evidence: a.evidence }]),
      ),
    })
  })
  return true
}

/** Why a return cannot be submitted: its ungraded criteria, and those below the top grade with no action. */
export function submitProblems(ret: ReturnRecord, answersWithActions: ReadonlySet<string>) {
  const criteria = criteriaOf(ret)
  const ungraded = criteria.filter((c) => !c.answer?.selfGrade)
  // A school answers through its link, without the directory to name an owner: its follow-up is the business unit's.
  const needAction =
    ret.kind === 'section-11'
      ? criteria.filter(
          (c) =>
            c.answer?.selfGrade && !isTopGrade(ret.scale, c.answer.selfGrade) && !answersWithActions.has(c.answer.id),
        )
      : []
  return { ungraded, needAction }
}

/** Submits a draft return in which every criterion is graded (and, for section 11, every shortfall has an action). */
export async function submitReturn(
  db: Database,
  actor: Actor,
  ret: ReturnRecord,
  answersWithActions: ReadonlySet<string>,
) {
  refuseUnless(
    mayRespond(actor, ret),
    'Only the agency’s safeguarding lead or the business unit can submit this return',
  )
  refuseTransition(ret.status, 'submitted')
  const { ungraded, needAction } = submitProblems(ret, answersWithActions)
  const errors: FieldErrors = {}
  if (ungraded.length) errors.ungraded = `${listOf(ungraded)} ${ungraded.length === 1 ? 'has' : 'have'} no grade`
  if (needAction.length)
    errors.needAction = `${listOf(needAction)} ${needAction.length === 1 ? 'is' : 'are'} below the top grade and ${needAction.length === 1 ? 'has' : 'have'} no action`
  if (Object.keys(errors).length) throw new ValidationError(errors)
  await db.transaction(async (tx) => {
    const [done] = await tx
      .update(auditReturns)
      .set({ status: 'submitted', submittedAt: new Date(), submittedBy: actor.id, updatedAt: new Date() })
      .where(and(eq(auditReturns.id, ret.id), eq(auditReturns.status, 'draft')))
      .returning({ id: auditReturns.id })
    refuseUnless(!!done, 'This return has already been submitted')
    await recordAudit(tx, actor, {
      action: 'updated',
      recordType: returnRecordType,
      recordId: ret.id,
      summary: `Submitted the return for ${ret.title}`,
      before: { status: 'draft' },
      after: { status: 'submitted' },
    })
  })
}

/** "3.2 Leaders champion safeguarding, 5.1 …" */
export const listOf = (criteria: Criterion[]) => criteria.map((c) => `${c.label} ${c.text}`).join(', ')

/** The source type of actions raised against an answer (declared in registration.ts). */
export const answerSourceType = 'audit-answer'

/** The return's actions (the tracker's), and the answers that have at least one. */
export async function returnActions(db: Database, ret: ReturnRecord) {
  const answerIds = criteriaOf(ret).flatMap((c) => (c.answer ? [c.answer.id] : []))
  const rows = answerIds.length ? await actionsFrom(db, ret.partnershipId, answerSourceType, answerIds) : []
  return { rows, answered: new Set(rows.map((row) => row.sourceId)) }
}
