import { and, asc, eq, max } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { recordAudit } from '../../../platform/audit.ts'
import { insertAudited, updateAudited } from '../../../platform/audited-writes.ts'
import { NotFoundError, ValidationError, type FieldErrors } from '../../../platform/errors.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { closeProblem, completedOnProblem } from '../../actions/completion.ts'
import { actionsFrom, raiseAction } from '../../actions/service.ts'
import { agencyNameFor } from '../../partnership/agencies/service.ts'
import { agencies } from '../../partnership/schema.ts'
import { caseAuditRecordType } from '../access.ts'
import { auditHref } from './presenters.ts'
import { caseAuditRecommendations, type CaseAuditRecommendationStatus } from '../case-audit-schema.ts'

/**
 * A case audit's recommendations, tracked to completion the way case review recommendations are
 * (actions/completion.ts): numbered in the order added, owned by one agency, its response, a due
 * date, a status, and complete only with evidence, a completion day and every action complete.
 * Actions are the tracker's (source type `case-audit-recommendation`, linking to the audit's page).
 * Read through the audit, whose confidential scope covers them.
 */
export const auditRecommendationRecordType = 'case-audit-recommendation'

export interface AuditRecommendationInput {
  text: string
  agencyId: string
  response: string | null
  dueOn: string | null
  status: CaseAuditRecommendationStatus
  evidence: string | null
  completedOn: string | null
}

const related = (auditId: string) => [{ recordType: caseAuditRecordType, recordId: auditId }]
const label = (audit: { title: string }, number: number) => `${audit.title}: recommendation ${number}`

/** The audit's recommendations in order, with the owning agency's name. */
export function listAuditRecommendations(db: Database, auditId: string) {
  return db
    .select({ recommendation: caseAuditRecommendations, agencyName: agencies.name })
    .from(caseAuditRecommendations)
    .innerJoin(agencies, eq(agencies.id, caseAuditRecommendations.agencyId))
    .where(eq(caseAuditRecommendations.auditId, auditId))
    .orderBy(asc(caseAuditRecommendations.number))
    .then((rows) => rows.map((r) => ({ ...r.recommendation, agencyName: r.agencyName })))
}
export type AuditRecommendationRow = Awaited<ReturnType<typeof listAuditRecommendations>>[number]

export async function getAuditRecommendation(db: Database, auditId: string, id: string) {
  const [row] = await db
    .select()
    .from(caseAuditRecommendations)
    .where(and(eq(caseAuditRecommendations.auditId, auditId), eq(caseAuditRecommendations.id, id)))
  if (!row) throw new NotFoundError()
  return row
}

/**
 * The status rules: complete needs the evidence, the day it was completed (not in the future) and
 * every action complete; a recommendation not complete keeps no completion day or evidence.
 */
async function checked(
  db: Database,
  actor: Actor,
  id: string | null,
  input: AuditRecommendationInput,
  wasComplete: boolean,
) {
  if (input.status !== 'complete') return { ...input, evidence: null, completedOn: null }
  const errors: FieldErrors = {}
  if (!input.evidence) errors.evidence = 'Enter the evidence that the recommendation is complete'
  if (!input.completedOn) errors['completedOn-day'] = 'Enter the date it was completed'
  else {
    const late = completedOnProblem(input.completedOn)
    if (late) errors['completedOn-day'] = late
  }
  if (!wasComplete) {
    const actions = id ? await actionsFrom(db, actor.partnershipId, auditRecommendationRecordType, [id]) : []
    const problem = closeProblem({ status: 'open' }, actions)
    if (problem) errors.status = problem
  }
  if (Object.keys(errors).length) throw new ValidationError(errors)
  return input
}

export async function addAuditRecommendation(
  db: Database,
  actor: Actor,
  audit: { id: string; title: string },
  input: AuditRecommendationInput,
) {
  const [agency, values] = await Promise.all([
    agencyNameFor(db, actor.partnershipId, input.agencyId),
    checked(db, actor, null, input, false),
  ])
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ last: max(caseAuditRecommendations.number) })
      .from(caseAuditRecommendations)
      .where(eq(caseAuditRecommendations.auditId, audit.id))
    const number = (row?.last ?? 0) + 1
    return insertAudited(
      tx,
      actor,
      caseAuditRecommendations,
      { auditId: audit.id, number, ...values },
      {
        recordType: auditRecommendationRecordType,
        summary: `Added ${label(audit, number)}`,
        related: related(audit.id),
        after: { number, ...values, agency },
        conflict: { text: 'Someone added a recommendation to this audit at the same time. Select Save again.' },
      },
    )
  })
}

export async function changeAuditRecommendation(
  db: Database,
  actor: Actor,
  audit: { id: string; title: string },
  id: string,
  version: number,
  input: AuditRecommendationInput,
) {
  const before = await getAuditRecommendation(db, audit.id, id)
  const [agencyBefore, agencyAfter, values] = await Promise.all([
    agencyNameFor(db, actor.partnershipId, before.agencyId),
    agencyNameFor(db, actor.partnershipId, input.agencyId),
    checked(db, actor, id, input, before.status === 'complete'),
  ])
  return updateAudited(
    db,
    actor,
    caseAuditRecommendations,
    {
      id,
      version,
      before,
      set: values,
      described: { before: { agency: agencyBefore }, after: { agency: agencyAfter } },
    },
    {
      recordType: auditRecommendationRecordType,
      summary: `Changed ${label(audit, before.number)}`,
      related: related(audit.id),
    },
  )
}

export interface AuditActionInput {
  description: string
  ownerPersonId: string | null
  ownerAgencyId: string | null
  dueOn: string
  completed?: { evidence: string; completedOn: string }
}

/** An action for the recommendation in the tracker, with a row in the recommendation's history, in one transaction. */
export async function addAuditRecommendationAction(
  db: Database,
  actor: Actor,
  audit: { id: string; title: string },
  recommendation: { id: string; number: number },
  input: AuditActionInput,
) {
  const source = {
    type: auditRecommendationRecordType,
    id: recommendation.id,
    label: label(audit, recommendation.number),
    href: auditHref(audit.id),
  }
  return db.transaction(async (tx) => {
    const actionId = await raiseAction(tx, actor, { source, ...input })
    await recordAudit(tx, actor, {
      action: 'updated',
      recordType: auditRecommendationRecordType,
      recordId: recommendation.id,
      summary: `Raised an action for ${source.label}`,
      related: related(audit.id),
      after: { action: input.description, actionDueOn: input.dueOn },
    })
    return actionId
  })
}
