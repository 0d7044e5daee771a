import { addDays } from '../learning/seed-random.ts'
import type { CaseStatus, DecisionOutcome, ParallelProcess } from './schema.ts'
import type { Period } from './themes-across/ranking.ts'

/**
 * Where a case stood on a past day, worked out from its key dates: the annual report for 2016/17
 * says where each review stood on 31 March 2017, not where it stands today. The rule, first match:
 *
 * 1. published on or before the day → published;
 * 2. commissioned on or before the day, with a parallel process (police investigation, criminal
 *    trial, inquest, family court) started on or before it and not ended by it → completed as far
 *    as possible, awaiting the parallel process;
 * 3. signed off by the board on or before the day → completed;
 * 4. commissioned on or before the day → active;
 * 5. decided on or before the day as not meeting the criteria (and not reviewed) → not reviewed;
 * 6. known (the partnership aware) on or before the day → referred;
 * 7. otherwise the case did not exist yet: null.
 *
 * A case is never shown further on than it is today (its status now): a review that runs alongside
 * a police investigation, and is still being written, is active, not held for the investigation.
 * The dates say when a case moved on; without a date for a move (a review completed but not yet
 * signed off) the day is not known and the case is shown at its last dated stage.
 */
export interface StatusFacts {
  status: CaseStatus
  awareOn: string
  decisionOutcome: DecisionOutcome | null
  decidedOn: string | null
  commissionedOn: string | null
  signedOffOn: string | null
  publishedOn: string | null
  parallelProcess: ParallelProcess | null
  parallelStartedOn: string | null
  parallelEndedOn: string | null
}

/** How far along the lifecycle each status is: a case never goes back. */
const stage: Record<CaseStatus, number> = {
  referred: 0,
  'not-reviewed': 1,
  active: 1,
  completed: 2,
  'awaiting-parallel-process': 2,
  published: 3,
}

const onOrBefore = (date: string | null, day: string): date is string => !!date && date <= day

export function statusAt(facts: StatusFacts, day: string): CaseStatus | null {
  const dated = statusFromDates(facts, day)
  if (dated === null || stage[dated] <= stage[facts.status]) return dated
  return facts.status
}

function statusFromDates(facts: StatusFacts, day: string): CaseStatus | null {
  if (onOrBefore(facts.publishedOn, day)) return 'published'
  const commissioned = onOrBefore(facts.commissionedOn, day)
  if (
    commissioned &&
    facts.parallelProcess &&
    onOrBefore(facts.parallelStartedOn, day) &&
    !onOrBefore(facts.parallelEndedOn, day)
  )
    return 'awaiting-parallel-process'
  if (onOrBefore(facts.signedOffOn, day)) return 'completed'
  if (commissioned) return 'active'
  if (onOrBefore(facts.decidedOn, day) && facts.decisionOutcome === 'criteria-not-met') return 'not-reviewed'
  if (onOrBefore(facts.awareOn, day)) return 'referred'
  return null
}

const underWay: readonly (CaseStatus | null)[] = ['active', 'completed', 'awaiting-parallel-process', 'published']

/**
 * A review worked on in a period: under way (active, or held for a parallel process) at some time in
 * it, or moved on in it (signed off, published). Not one published before the period began, nor
 * one that sat completed all period waiting to be published, nor one not yet commissioned by its end.
 */
export function workedOnIn(facts: StatusFacts, period: Period): boolean {
  const before = statusAt(facts, addDays(period.from, -1))
  const after = statusAt(facts, period.to)
  if (!underWay.includes(after) || before === 'published') return false
  return !(before === 'completed' && after === 'completed')
}

export const inPeriod = (date: string | null, period: Period): date is string =>
  !!date && date >= period.from && date <= period.to

/**
 * Overdue as `shownStatus` (actions/service.ts) has it: not done and due before `today`. For a
 * past day, pass the day after it: at the end of 31 March 2017 an item due that day is overdue,
 * and one done on it is not.
 */
export function overdueAt(item: { dueOn: string | null; completedOn: string | null }, today: string) {
  return !!item.dueOn && item.dueOn < today && !(item.completedOn && item.completedOn < today)
}

/**
 * A recommendation overdue on `today` (the day after a past day, as for `overdueAt`): not completed
 * and past its own due day, or with an action of its own overdue.
 */
export function recommendationOverdueAt(
  recommendation: { dueOn: string | null; completedOn: string | null },
  actions: readonly { dueOn: string; completedOn: string | null }[],
  today: string,
) {
  if (recommendation.completedOn && recommendation.completedOn < today) return false
  return overdueAt(recommendation, today) || actions.some((action) => overdueAt(action, today))
}
