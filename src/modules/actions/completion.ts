import { todayInLondon } from './service.ts'

/**
 * The rules for closing a record tracked to completion through its actions (a case review's
 * recommendation, a case audit's): complete only once every one of its actions is complete, with
 * evidence and a completion day that is not in the future. One definition, so both say the same.
 */

/** Why a recommendation cannot be closed yet, or null when it can. */
export function closeProblem(
  recommendation: { status: string },
  actions: readonly { status: string; description: string }[],
): string | null {
  if (recommendation.status === 'complete') return 'This recommendation is already complete'
  const open = actions.filter((action) => action.status !== 'complete')
  if (open.length)
    return `${open.length === 1 ? '1 of its actions is' : `${open.length} of its actions are`} not complete: complete ${open.length === 1 ? 'it' : 'them'} in the action tracker first`
  return null
}

/** The completion day's problem (in the future), or null. */
export function completedOnProblem(completedOn: string, today = todayInLondon()): string | null {
  return completedOn > today ? 'The date it was completed must be today or in the past' : null
}
