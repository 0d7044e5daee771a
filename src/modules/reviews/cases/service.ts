import { asc, eq } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { insertAudited, updateAudited } from '../../../platform/audited-writes.ts'
import { ValidationError, type FieldErrors } from '../../../platform/errors.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { formatDate } from '../../../platform/views.ts'
import { agencyNameFor } from '../../partnership/agencies/service.ts'
import { personNameFor } from '../../partnership/people/service.ts'
import { agencies } from '../../partnership/schema.ts'
import { applyCaseAccess, caseRecordType, getCase } from '../access.ts'
import { chosenNames } from '../chosen-names.ts'
import { dateProblems } from '../lifecycle.ts'
import {
  reviewCaseAgencies,
  reviewCases,
  type AgeBand,
  type Concern,
  type DecisionOutcome,
  type Framework,
  type HarmCategory,
  type ReviewCase,
} from '../schema.ts'

/**
 * A case from its referral to the decision: the referral (or notification) that opens it, the days
 * the statutory clocks were met, and the decision whether to review it. review.ts records the
 * review and moves its status. Every write is audited in its own transaction; a case is created
 * with its agencies and its confidential access row in the same one (access.ts).
 */

export interface ReferralInput {
  reference: string
  circumstances: string | null
  incidentOn: string | null
  awareOn: string
  referredByAgencyId: string | null
  referrer: string | null
  harm: HarmCategory
  ageBand: AgeBand | null
  concerns: Concern[]
  agencyIds: string[]
}

export interface ClocksInput {
  notifiedOn: string | null
  rapidReviewOn: string | null
}

export interface DecisionInput {
  framework: Framework
  decisionOutcome: DecisionOutcome
  decisionRationale: string
  decidedByPersonId: string
  decidedOn: string
  panelView: string | null
  panelViewOn: string | null
}

/** The reference is the pseudonym: unique in the partnership whatever its case (a unique index). */
const duplicateReference = { reference: 'There is already a case with this reference' }

/** The error of a GOV.UK date input sits on its day field (views/macros/date-field.njk). */
export const dateField = (name: string) => `${name}-day`

/** Throws the date problems that concern this form's fields, each on the field named for it. */
export function refuseDateProblems(problems: Record<string, string>, fields: Record<string, string>) {
  const errors: FieldErrors = {}
  for (const [problem, message] of Object.entries(problems))
    if (fields[problem]) errors[dateField(fields[problem])] ??= message
  if (Object.keys(errors).length) throw new ValidationError(errors)
}

/** The agencies involved, in name order. */
export async function caseAgencies(db: Database, caseId: string) {
  return db
    .select({ id: agencies.id, name: agencies.name })
    .from(reviewCaseAgencies)
    .innerJoin(agencies, eq(agencies.id, reviewCaseAgencies.agencyId))
    .where(eq(reviewCaseAgencies.caseId, caseId))
    .orderBy(asc(agencies.name))
}

/** The chosen agencies' names, checking each is the partnership's. */
const agencyNames = (db: Database, partnershipId: string, ids: string[]) =>
  chosenNames(db, agencies, partnershipId, ids, { field: 'agencyIds', message: 'Select agencies from the list' })

async function replaceCaseAgencies(tx: Database, partnershipId: string, caseId: string, agencyIds: string[]) {
  await tx.delete(reviewCaseAgencies).where(eq(reviewCaseAgencies.caseId, caseId))
  const unique = [...new Set(agencyIds)]
  if (unique.length)
    await tx.insert(reviewCaseAgencies).values(unique.map((agencyId) => ({ caseId, partnershipId, agencyId })))
}

/** Names beside the ids the referral holds, for the audit log. */
async function describeReferral(db: Database, partnershipId: string, input: ReferralInput) {
  return {
    referredBy: await agencyNameFor(db, partnershipId, input.referredByAgencyId, 'referredByAgencyId'),
    agencies: (await agencyNames(db, partnershipId, input.agencyIds)).join(', '),
  }
}

/** Records a referral or notification: the case, its agencies and who may see it, in one transaction. */
export async function createCase(db: Database, actor: Actor, input: ReferralInput): Promise<string> {
  refuseDateProblems(dateProblems(input), { incidentOn: 'incidentOn' })
  const described = await describeReferral(db, actor.partnershipId, input)
  const { agencyIds, ...values } = input
  return insertAudited(db, actor, reviewCases, values, {
    recordType: caseRecordType,
    summary: `Recorded the referral of ${input.reference}`,
    conflict: duplicateReference,
    after: { ...values, ...described },
    alsoWrite: async (tx, id) => {
      await replaceCaseAgencies(tx, actor.partnershipId, id, agencyIds)
      await applyCaseAccess(tx, actor, id)
    },
  })
}

/** Changes the referral; the day of awareness cannot move after the decision. */
export async function updateReferral(db: Database, actor: Actor, id: string, version: number, input: ReferralInput) {
  const before = await getCase(db, actor, id)
  const problems = dateProblems({ ...before, ...input })
  if (problems.decidedOn)
    problems.decidedOn = `The day the partnership became aware must be on or before the decision (${formatDate(before.decidedOn)})`
  if (problems.commissionedOn)
    problems.commissionedOn = `The day the partnership became aware must be on or before the review was commissioned (${formatDate(before.commissionedOn)})`
  refuseDateProblems(problems, { incidentOn: 'incidentOn', decidedOn: 'awareOn', commissionedOn: 'awareOn' })
  const kept = await caseAgencies(db, id)
  const described = await describeReferral(db, actor.partnershipId, input)
  const { agencyIds, ...set } = input
  return updateAudited(
    db,
    actor,
    reviewCases,
    {
      id,
      version,
      before,
      set,
      described: {
        before: {
          referredBy: await agencyNameFor(db, actor.partnershipId, before.referredByAgencyId),
          agencies: kept.map((a) => a.name).join(', '),
        },
        after: described,
      },
      alsoWrite: (tx) => replaceCaseAgencies(tx, actor.partnershipId, id, agencyIds),
    },
    { recordType: caseRecordType, summary: `Changed the referral of ${input.reference}`, conflict: duplicateReference },
  )
}

/** Records the days the panel was notified and the rapid review sent (not before the day of awareness). */
export async function recordClocks(db: Database, actor: Actor, id: string, version: number, input: ClocksInput) {
  const before = await getCase(db, actor, id)
  const errors: FieldErrors = {}
  const aware = formatDate(before.awareOn)
  if (input.notifiedOn && input.notifiedOn < before.awareOn)
    errors[dateField('notifiedOn')] = `The notification cannot be before the partnership became aware (${aware})`
  if (input.rapidReviewOn && input.rapidReviewOn < before.awareOn)
    errors[dateField('rapidReviewOn')] =
      `The rapid review cannot be sent before the partnership became aware (${aware})`
  if (Object.keys(errors).length) throw new ValidationError(errors)
  return updateAudited(
    db,
    actor,
    reviewCases,
    { id, version, before, set: input },
    { recordType: caseRecordType, summary: `Recorded the statutory clocks of ${before.reference}` },
  )
}

/** Records the decision. It does not move the case: the status form starts the review or closes it. */
export async function recordDecision(db: Database, actor: Actor, id: string, version: number, input: DecisionInput) {
  const before = await getCase(db, actor, id)
  const problems = dateProblems({ ...before, ...input })
  if (problems.decidedOn)
    problems.decidedOn = `The decision must be on or after the day the partnership became aware (${formatDate(before.awareOn)})`
  refuseDateProblems(problems, { decidedOn: 'decidedOn' })
  if (input.panelViewOn && input.panelViewOn < before.awareOn)
    throw new ValidationError({
      [dateField('panelViewOn')]:
        `The national panel’s view cannot be before the partnership became aware (${formatDate(before.awareOn)})`,
    })
  const decidedBy = await personNameFor(db, actor.partnershipId, input.decidedByPersonId, 'decidedByPersonId')
  return updateAudited(
    db,
    actor,
    reviewCases,
    {
      id,
      version,
      before,
      set: input,
      described: {
        before: { decidedBy: await personNameFor(db, actor.partnershipId, before.decidedByPersonId) },
        after: { decidedBy },
      },
    },
    { recordType: caseRecordType, summary: `Recorded the decision on ${before.reference}` },
  )
}

/** The referral's fields as the form opens them. */
export function referralValues(reviewCase: ReviewCase, agencyIds: string[]) {
  return {
    reference: reviewCase.reference,
    circumstances: reviewCase.circumstances,
    referredByAgencyId: reviewCase.referredByAgencyId,
    referrer: reviewCase.referrer,
    harm: reviewCase.harm,
    ageBand: reviewCase.ageBand,
    concerns: reviewCase.concerns,
    agencyIds,
  }
}
