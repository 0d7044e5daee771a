import type { CaseStatus, DecisionOutcome, ParallelProcess, ReviewType } from './schema.ts'

/**
 * A case's lifecycle, as pure rules: which moves are allowed and what each needs. A referral is
 * decided (reviewed, or not), the review runs, completes, may wait on a parallel process (a police
 * investigation, a criminal trial, an inquest, family court proceedings), and is published. A move
 * the lifecycle does not allow is refused with the reason, in words a subgroup member would use.
 */
export const caseTransitions: Record<CaseStatus, readonly CaseStatus[]> = {
  referred: ['active', 'not-reviewed'],
  'not-reviewed': [],
  active: ['completed', 'awaiting-parallel-process'],
  completed: ['published', 'awaiting-parallel-process'],
  'awaiting-parallel-process': ['completed', 'published'],
  published: [],
}

export const caseStatusLabels: Record<CaseStatus, string> = {
  referred: 'Referred: awaiting a decision',
  'not-reviewed': 'Not reviewed',
  active: 'Active',
  completed: 'Completed',
  'awaiting-parallel-process': 'Completed as far as possible: awaiting a parallel process',
  published: 'Published',
}

/** What a move needs to know about the case. */
export interface CaseFacts {
  status: CaseStatus
  awareOn: string
  decisionOutcome: DecisionOutcome | null
  decidedOn: string | null
  reviewType: ReviewType | null
  signedOffOn: string | null
  publishedOn: string | null
  parallelProcess: ParallelProcess | null
  parallelStartedOn: string | null
  parallelEndedOn: string | null
}

export const parallelProcessLabels: Record<ParallelProcess, string> = {
  'police-investigation': 'police investigation',
  'criminal-trial': 'criminal trial',
  inquest: 'inquest',
  'family-court': 'family court proceedings',
}

/** True while a parallel process has started and not ended: publication waits for it. */
export function parallelProcessOpen(facts: Pick<CaseFacts, 'parallelProcess' | 'parallelEndedOn'>) {
  return !!facts.parallelProcess && !facts.parallelEndedOn
}

/** Why the case cannot move to `next` (with the facts as they will be after the move), or null when it can. */
export function transitionProblem(facts: CaseFacts, next: CaseStatus): string | null {
  const from = facts.status
  if (from === next) return `The case is already ${caseStatusLabels[next].toLowerCase()}`
  if (!caseTransitions[from].includes(next)) {
    const allowed = caseTransitions[from].map((s) => caseStatusLabels[s].toLowerCase())
    return `A case that is ${caseStatusLabels[from].toLowerCase()} cannot become ${caseStatusLabels[next].toLowerCase()}${
      allowed.length ? `: it can become ${allowed.join(' or ')}` : ''
    }`
  }
  switch (next) {
    case 'active':
      if (!facts.decisionOutcome || facts.decisionOutcome === 'criteria-not-met')
        return 'Record a decision to review the case (criteria met, or a learning review) before the review starts'
      if (!facts.reviewType) return 'Choose the type of review before it starts'
      return null
    case 'not-reviewed':
      if (facts.decisionOutcome !== 'criteria-not-met')
        return 'Only a case decided as not meeting the criteria, and not reviewed as a learning review, is closed without a review'
      return null
    case 'awaiting-parallel-process':
      if (!facts.parallelProcess || !facts.parallelStartedOn)
        return 'Record the parallel process and the day it started before holding the review for it'
      if (facts.parallelEndedOn) return 'The parallel process has ended: the review is no longer held for it'
      return null
    case 'completed':
      if (from === 'awaiting-parallel-process' && parallelProcessOpen(facts))
        return `Record the day the ${parallelProcessLabels[facts.parallelProcess!]} ended before completing the review`
      return null
    case 'published':
      if (parallelProcessOpen(facts))
        return `Publication is held until the ${parallelProcessLabels[facts.parallelProcess!]} ends: record the day it ended first`
      if (!facts.signedOffOn) return 'Record the day the board signed the review off before publishing it'
      if (!facts.publishedOn) return 'Record the day the review was published'
      if (facts.publishedOn < facts.signedOffOn) return 'A review cannot be published before the board signed it off'
      return null
    default:
      return null
  }
}

/** The statuses a case can move to now, for the form's choices. */
export function nextStatuses(status: CaseStatus): readonly CaseStatus[] {
  return caseTransitions[status]
}

/** Date rules that hold whatever the status: checked on every save. Field → message. */
export function dateProblems(facts: {
  awareOn: string
  incidentOn?: string | null
  decidedOn?: string | null
  commissionedOn?: string | null
  signedOffOn?: string | null
  publishedOn?: string | null
  takenDownOn?: string | null
  parallelStartedOn?: string | null
  parallelEndedOn?: string | null
}): Record<string, string> {
  const problems: Record<string, string> = {}
  if (facts.incidentOn && facts.incidentOn > facts.awareOn)
    problems.incidentOn = 'The date of the incident must be on or before the day the partnership became aware'
  if (facts.decidedOn && facts.awareOn > facts.decidedOn)
    problems.decidedOn = 'The decision must be on or after the day the partnership became aware'
  if (facts.commissionedOn && facts.commissionedOn < facts.awareOn)
    problems.commissionedOn = 'The review cannot be commissioned before the partnership became aware of the case'
  if (facts.publishedOn && facts.signedOffOn && facts.publishedOn < facts.signedOffOn)
    problems.publishedOn = 'Publication must be on or after the board’s sign-off'
  if (facts.takenDownOn && (!facts.publishedOn || facts.takenDownOn < facts.publishedOn))
    problems.takenDownOn = 'A review is taken down after it was published'
  if (facts.parallelEndedOn && facts.parallelStartedOn && facts.parallelEndedOn < facts.parallelStartedOn)
    problems.parallelEndedOn = 'The parallel process must end on or after the day it started'
  return problems
}
