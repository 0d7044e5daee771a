import { asc, eq } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { updateAudited } from '../../../platform/audited-writes.ts'
import { ValidationError, type FieldErrors } from '../../../platform/errors.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { formatDate } from '../../../platform/views.ts'
import { sittingOnOrChosen } from '../../partnership/memberships/today.ts'
import { people } from '../../partnership/schema.ts'
import { caseRecordType, caseReviewGroupIds, getCase } from '../access.ts'
import { chosenNames } from '../chosen-names.ts'
import { caseStatusLabels, dateProblems, transitionProblem } from '../lifecycle.ts'
import { reviewPanelMembers, reviewCases, type CaseStatus, type ParallelProcess, type ReviewType } from '../schema.ts'
import { dateField, refuseDateProblems } from './service.ts'

/**
 * The review itself (its type, method, reviewer, panel, terms of reference and key dates) and the
 * moves of its status, each only as the lifecycle allows (lifecycle.ts), refused with its reason.
 */

export interface ReviewInput {
  reviewType: ReviewType
  methodology: string | null
  leadReviewer: string | null
  termsOfReference: string | null
  panelMemberIds: string[]
  commissionedOn: string | null
  panelMeetings: string[]
  draftReceivedOn: string | null
  signedOffOn: string | null
  sentToPanelOn: string | null
  publishedOn: string | null
  takenDownOn: string | null
  parallelProcess: ParallelProcess | null
  parallelStartedOn: string | null
  parallelEndedOn: string | null
}

/** What the status form may record with the move: the day of publication, or the process the review waits for. */
export interface StatusInput {
  status: CaseStatus
  publishedOn?: string | null
  parallelProcess?: ParallelProcess | null
  parallelStartedOn?: string | null
}

/** The review panel, in name order. */
export async function panelMembers(db: Database, caseId: string) {
  return db
    .select({ id: people.id, name: people.name })
    .from(reviewPanelMembers)
    .innerJoin(people, eq(people.id, reviewPanelMembers.personId))
    .where(eq(reviewPanelMembers.caseId, caseId))
    .orderBy(asc(people.sortName), asc(people.name))
}

/**
 * The people offered as panel members: those sitting today on the groups that see case reviews
 * (Who can see case reviews), and the panel as it is.
 */
export async function panelCandidates(db: Database, partnershipId: string, caseId: string, today: string) {
  const [groupIds, panel] = await Promise.all([caseReviewGroupIds(db, partnershipId), panelMembers(db, caseId)])
  return sittingOnOrChosen(
    db,
    partnershipId,
    groupIds,
    panel.map((p) => p.id),
    today,
  )
}

const panelNames = (db: Database, partnershipId: string, ids: string[]) =>
  chosenNames(db, people, partnershipId, ids, { field: 'panelMemberIds', message: 'Select people from the list' })

/** Checks that hold between the review's own fields and the case's status. */
function reviewProblems(status: CaseStatus, awareOn: string, input: ReviewInput): FieldErrors {
  const errors: FieldErrors = {}
  if (!input.parallelProcess && (input.parallelStartedOn || input.parallelEndedOn))
    errors.parallelProcess = 'Select the parallel process, or clear its dates'
  if (input.parallelProcess && !input.parallelStartedOn)
    errors[dateField('parallelStartedOn')] = 'Enter the day the parallel process started'
  if (status === 'awaiting-parallel-process' && !input.parallelProcess)
    errors.parallelProcess = 'The review is waiting for a parallel process: select which'
  if (status === 'published' && !input.publishedOn)
    errors[dateField('publishedOn')] = 'Enter the day the review was published: it is published'
  const early = input.panelMeetings.find((day) => day < awareOn)
  if (early)
    errors.panelMeetings = `A panel meeting (${formatDate(early)}) cannot be before the partnership became aware (${formatDate(awareOn)})`
  return errors
}

/** Records the review's details and key dates, checked against each other and the case's dates. */
export async function recordReview(db: Database, actor: Actor, id: string, version: number, input: ReviewInput) {
  const before = await getCase(db, actor, id)
  refuseDateProblems(dateProblems({ ...before, ...input }), {
    commissionedOn: 'commissionedOn',
    publishedOn: 'publishedOn',
    takenDownOn: 'takenDownOn',
    parallelEndedOn: 'parallelEndedOn',
  })
  const errors = reviewProblems(before.status, before.awareOn, input)
  if (Object.keys(errors).length) throw new ValidationError(errors)
  const kept = await panelMembers(db, id)
  const panel = await panelNames(db, actor.partnershipId, input.panelMemberIds)
  const { panelMemberIds, ...set } = input
  return updateAudited(
    db,
    actor,
    reviewCases,
    {
      id,
      version,
      before,
      set: { ...set, panelMeetings: [...new Set(set.panelMeetings)].sort() },
      described: {
        before: { panel: kept.map((p) => p.name).join(', ') },
        after: { panel: panel.join(', ') },
      },
      alsoWrite: async (tx) => {
        await tx.delete(reviewPanelMembers).where(eq(reviewPanelMembers.caseId, id))
        const unique = [...new Set(panelMemberIds)]
        if (unique.length)
          await tx
            .insert(reviewPanelMembers)
            .values(unique.map((personId) => ({ caseId: id, partnershipId: actor.partnershipId, personId })))
      },
    },
    { recordType: caseRecordType, summary: `Recorded the review of ${before.reference}` },
  )
}

/**
 * Moves the case to `status`, with what the move records, or refuses with the lifecycle's reason
 * (a move it does not allow, or one whose facts are missing: publication while a parallel
 * process is open, say).
 */
export async function changeStatus(db: Database, actor: Actor, id: string, version: number, input: StatusInput) {
  const before = await getCase(db, actor, id)
  const { status, ...recorded } = input
  const set = Object.fromEntries(Object.entries(recorded).filter(([, value]) => value !== undefined))
  const facts = { ...before, ...set }
  const problem = transitionProblem(facts, status)
  if (problem) throw new ValidationError({ status: problem })
  refuseDateProblems(dateProblems(facts), { publishedOn: 'publishedOn', parallelEndedOn: 'parallelStartedOn' })
  await updateAudited(
    db,
    actor,
    reviewCases,
    { id, version, before, set: { ...set, status } },
    {
      recordType: caseRecordType,
      action: 'status',
      summary: `Changed the status of ${before.reference} to ${caseStatusLabels[status].toLowerCase()}`,
    },
  )
}
