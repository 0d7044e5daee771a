import type { Database } from '../../../db/index.ts'
import type { FigureDefinition } from '../../../platform/figures.ts'
import { yearSlug, type ReportingYear } from '../../../platform/reporting-years.ts'
import { shownStatus, todayInLondon, type SourceAction } from '../../actions/service.ts'
import type { Action } from '../../actions/schema.ts'
import type { EvaluationFilter, YearEndState } from './labels.ts'
import { findPlan, planHref, planPrioritiesOf } from './service.ts'

/**
 * The business plan's figures for a reporting year, each the number of exactly the records its
 * definition returns, linking to the page that lists those records: the year's plan filtered by
 * evaluation (`/business-plan/2016-17?evaluation=achieved`), or its actions as they stood at the
 * year's end (`/business-plan/actions?year=2016-17&status=overdue`).
 */

/** The year's plan with its priorities (indicators and actions), or null when the year has none. */
export async function planOfYear(db: Database, partnershipId: string, year: ReportingYear) {
  const plan = await findPlan(db, partnershipId, year.startYear)
  if (!plan) return null
  return { plan, priorities: await planPrioritiesOf(db, partnershipId, plan.id) }
}
export type PlanOfYear = NonNullable<Awaited<ReturnType<typeof planOfYear>>>
export type PlanPriorityView = PlanOfYear['priorities'][number]

export const matchesEvaluation = (priority: { evaluation: string | null }, filter: EvaluationFilter) =>
  filter === 'not-evaluated' ? priority.evaluation === null : priority.evaluation === filter

/**
 * Where an action under the plan stood at the year's end, or today while the year is not over:
 * complete when completed by then; otherwise overdue when past its due day by then (the tracker's
 * own rule, `shownStatus`, on that day), else open.
 */
export function yearEndState(
  action: Pick<Action, 'status' | 'dueOn' | 'completedOn'>,
  year: ReportingYear,
  today = todayInLondon(),
): YearEndState {
  const asOf = today < year.end ? today : year.end
  if (action.status === 'complete' && action.completedOn && action.completedOn <= asOf) return 'complete'
  return shownStatus({ status: 'not-started', dueOn: action.dueOn }, asOf) === 'overdue' ? 'overdue' : 'open'
}

export type YearEndAction = SourceAction & { yearEnd: YearEndState }

/** The actions under the year's plan's priorities, in the plan's order, each with where it stood at the year's end. */
export function actionsAtYearEnd(found: PlanOfYear | null, year: ReportingYear, today = todayInLondon()) {
  return (found?.priorities ?? []).flatMap((p) =>
    p.actions.map((a): YearEndAction => ({ ...a, yearEnd: yearEndState(a, year, today) })),
  )
}

/** "open" counts every action not complete at the year's end, overdue ones included, as the tracker does. */
export const actionFilters = ['complete', 'open', 'overdue'] as const
export type ActionFilter = (typeof actionFilters)[number]
export const matchesActionFilter = (action: YearEndAction, filter: ActionFilter | undefined) =>
  !filter || (filter === 'open' ? action.yearEnd !== 'complete' : action.yearEnd === filter)

interface PlanFigure {
  key: string
  label: string
  definition: string
  count: (found: PlanOfYear | null, year: ReportingYear) => number
  link: (year: ReportingYear) => string
}

const priorities = (key: string, label: string, definition: string, filter?: EvaluationFilter): PlanFigure => ({
  key,
  label,
  definition,
  count: (found) => (found?.priorities ?? []).filter((p) => !filter || matchesEvaluation(p, filter)).length,
  link: (year) => `${planHref(year)}${filter ? `?evaluation=${filter}` : ''}`,
})

const actions = (key: string, label: string, definition: string, filter?: ActionFilter): PlanFigure => ({
  key,
  label,
  definition,
  count: (found, year) => actionsAtYearEnd(found, year).filter((a) => matchesActionFilter(a, filter)).length,
  link: (year) => `/business-plan/actions?year=${yearSlug(year)}${filter ? `&status=${filter}` : ''}`,
})

const evaluated = 'Of the priorities in the year’s business plan, those evaluated at the year’s end as'

export const planFigures: PlanFigure[] = [
  priorities('priorities', 'Priorities in the year’s business plan', 'The priorities of the year’s business plan.'),
  priorities('priorities-achieved', 'Priorities achieved', `${evaluated} achieved.`, 'achieved'),
  priorities(
    'priorities-partly-achieved',
    'Priorities partly achieved',
    `${evaluated} partly achieved.`,
    'partly-achieved',
  ),
  priorities('priorities-not-achieved', 'Priorities not achieved', `${evaluated} not achieved.`, 'not-achieved'),
  priorities(
    'priorities-not-evaluated',
    'Priorities not yet evaluated',
    'Of the priorities in the year’s business plan, those with no evaluation yet.',
    'not-evaluated',
  ),
  actions(
    'plan-actions',
    'Actions under the business plan’s priorities',
    'Actions raised in the action tracker under the priorities of the year’s business plan.',
  ),
  actions(
    'plan-actions-complete',
    'Actions under the plan complete at the year’s end',
    'Of the actions under the year’s priorities, those completed by the year’s last day (by today, while the year is not over).',
    'complete',
  ),
  actions(
    'plan-actions-open',
    'Actions under the plan open at the year’s end',
    'Of the actions under the year’s priorities, those not completed by the year’s last day (by today, while the year is not over), overdue ones included.',
    'open',
  ),
  actions(
    'plan-actions-overdue',
    'Actions under the plan overdue at the year’s end',
    'Of the actions open at the year’s end, those past their due day by then.',
    'overdue',
  ),
]

export const planFigureDefinitions: FigureDefinition[] = planFigures.map((figure) => ({
  key: figure.key,
  label: figure.label,
  definition: figure.definition,
  unit: 'count',
  rounding: { kind: 'exact' },
  compute: async (db, { partnershipId, year }) => ({
    value: figure.count(await planOfYear(db, partnershipId, year), year),
    link: figure.link(year),
  }),
}))
