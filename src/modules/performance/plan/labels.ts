import type { TagColour } from '../../../platform/html.ts'
import type { PriorityEvaluation } from '../schema.ts'

/** How a priority's year-end evaluation reads, and its tag's colour: the words say it, the colour only repeats it. */
export const evaluationLabels: Record<PriorityEvaluation, string> = {
  achieved: 'Achieved',
  'partly-achieved': 'Partly achieved',
  'not-achieved': 'Not achieved',
}

export const notEvaluated = 'Not yet evaluated'

export const evaluationColours: Record<PriorityEvaluation | 'not-evaluated', TagColour> = {
  achieved: 'green',
  'partly-achieved': 'yellow',
  'not-achieved': 'red',
  'not-evaluated': 'grey',
}

/** The plan page's filter by evaluation (the figures link to it): each evaluation, or none yet. */
export const evaluationFilters = ['achieved', 'partly-achieved', 'not-achieved', 'not-evaluated'] as const
export type EvaluationFilter = (typeof evaluationFilters)[number]

export const evaluationFilterLabels: Record<EvaluationFilter, string> = {
  ...evaluationLabels,
  'not-evaluated': notEvaluated,
}

/** An action under the plan as it stood at the year's end (or today, while the year is not over). */
export const yearEndStates = ['complete', 'open', 'overdue'] as const
export type YearEndState = (typeof yearEndStates)[number]
