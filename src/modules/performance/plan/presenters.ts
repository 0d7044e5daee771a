import { escapeHtml, linkHtml, tagHtml } from '../../../platform/html.ts'
import { renderMarkdown } from '../../../platform/markdown.ts'
import type { ReportingYear } from '../../../platform/reporting-years.ts'
import { formatDate } from '../../../platform/views.ts'
import { actionStatusLabels } from '../../actions/labels.ts'
import { ownerText, ragTag, sourceActionsTable, statusTag } from '../../actions/presenters.ts'
import { actionRag, type SourceAction } from '../../actions/service.ts'
import type { PriorityEvaluation } from '../schema.ts'
import type { PlanPriorityView, YearEndAction } from './figures.ts'
import {
  evaluationColours,
  evaluationFilterLabels,
  evaluationLabels,
  notEvaluated,
  type EvaluationFilter,
} from './labels.ts'
import { actionRagLabels } from '../../actions/labels.ts'
import type { ScorecardRow } from '../scorecard.ts'
import { indicatorHref, ragHtml, travelHtml, valueOrSuppressed } from '../scorecard/presenters.ts'
import {
  planHref,
  priorityHref,
  type IndicatorChoice,
  type IndicatorScores,
  type PlanRow,
  type PriorityIndicator,
} from './service.ts'

/** The business plan's pages as the parameters of GOV.UK macros. Pure, so tested without HTTP. */

export const evaluationTag = (evaluation: PriorityEvaluation | null) =>
  tagHtml(evaluation ? evaluationLabels[evaluation] : notEvaluated, evaluationColours[evaluation ?? 'not-evaluated'])

const yearEndWords = { complete: 'Complete', open: 'Open', overdue: 'Overdue' } as const

/** The plans, newest first by default: each year linked to its plan. */
export function planRows(rows: (PlanRow & { year: ReportingYear })[]) {
  return rows.map((plan) => [
    { html: linkHtml(planHref(plan.year), `Business plan ${plan.year.label}`) },
    { text: String(plan.priorities), format: 'numeric' },
    { text: `${plan.evaluated} of ${plan.priorities}`, format: 'numeric' },
    { text: String(plan.open), format: 'numeric' },
    { text: String(plan.overdue), format: 'numeric' },
  ])
}

export function planCsv(rows: (PlanRow & { year: ReportingYear })[]) {
  return [
    ['Year', 'Priorities', 'Evaluated', 'Actions open', 'Actions overdue'],
    ...rows.map((plan) => [plan.year.label, plan.priorities, plan.evaluated, plan.open, plan.overdue]),
  ]
}

/** The radios of the years a new plan may be for. */
export const yearItems = (years: ReportingYear[]) =>
  years.map((year) => ({ value: String(year.startYear), text: year.label }))

/**
 * The indicators that measure a priority, each linked to its page with the scorecard's row for the
 * plan's year: the value (suppressed as suppressed), the direction of travel in words, the RAG
 * tag and the exceptions, in the scorecard's own words. Empty when the priority names none.
 */
export function indicatorListHtml(
  indicators: readonly PriorityIndicator[],
  scores: IndicatorScores,
  yearLabel: string,
) {
  if (!indicators.length) return ''
  const items = indicators.map((i) => {
    const name = `${linkHtml(indicatorHref(i.id), i.name)}${i.retiredAt ? ' (retired)' : ''}`
    return `<li>${name}${scoreHtml(scores.get(i.id), yearLabel)}</li>`
  })
  return `<ul class="govuk-list govuk-list--spaced">${items.join('')}</ul>`
}

/** "2016/17: 45.2. Direction of travel: ↑ Worsening. RAG rating: Red", then the exceptions, each in a sentence. */
function scoreHtml(row: ScorecardRow | undefined, yearLabel: string) {
  const line = (html: string) => `<p class="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-1">${html}</p>`
  if (!row?.period || (row.value === null && row.suppressed === null))
    return line(escapeHtml(`No value for ${row?.period ?? yearLabel}.`))
  const value = escapeHtml(`${row.period}: ${valueOrSuppressed(row.value, row.suppressed, row.indicator.unit)}.`)
  // A suppressed value has no direction: the scorecard's "No earlier value" would not be true.
  const travel = row.value === null ? '' : ` Direction of travel: ${travelHtml(row)}.`
  const judged = line(`${value}${travel} RAG rating: ${ragHtml(row.rag)}`)
  if (!row.exceptions.length) return judged
  const exceptions = row.exceptions.map((e) => `<li>${escapeHtml(e.sentence)}</li>`).join('')
  const heading = line(row.exceptions.length === 1 ? 'Exception:' : 'Exceptions:')
  return `${judged}${heading}<ul class="govuk-list govuk-list--bullet govuk-!-font-size-16">${exceptions}</ul>`
}

/** The catalogue as checkboxes (govukCheckboxes' `values` ticks the chosen), a retired one only when the priority has it. */
export function indicatorCheckboxItems(choices: IndicatorChoice[]) {
  return choices.map((i) => ({
    value: i.id,
    text: i.name,
    hint: { text: i.retiredAt ? `${i.code}. Retired: kept because this priority has it` : i.code },
  }))
}

/** A priority's actions, each with its status and the RAG rating that gives it. */
export const priorityActionsTable = (priority: PlanPriorityView, link: boolean) =>
  sourceActionsTable(priority.actions, {
    caption: `Actions for priority ${priority.position}`,
    empty: 'No actions have been raised under this priority.',
    link,
    rag: true,
  })

/** Markdown as safe HTML, or nothing for empty text. */
export const markdownHtml = (text: string | null) => (text?.trim() ? renderMarkdown(text) : '')

/** Each priority as the plan page shows it, in order, with what a manager may do to it. */
export function priorityCards(
  priorities: PlanPriorityView[],
  options: { link: boolean; total: number; filter?: EvaluationFilter; scores: IndicatorScores; yearLabel: string },
) {
  return priorities.map((p) => ({
    id: p.id,
    position: p.position,
    heading: `Priority ${p.position}: ${p.title}`,
    href: priorityHref(p.id),
    evaluationTag: evaluationTag(p.evaluation),
    outcomesHtml: markdownHtml(p.outcomes),
    indicatorsHtml: indicatorListHtml(p.indicators, options.scores, options.yearLabel),
    actionsTable: priorityActionsTable(p, options.link),
    evidenceHtml: markdownHtml(p.evidence),
    evaluatedText: p.evaluatedAt
      ? `Evaluated by ${p.evaluatedByName ?? 'someone'} on ${formatDate(p.evaluatedAt)}`
      : null,
    moveUp: !options.filter && p.position > 1,
    moveDown: !options.filter && p.position < options.total,
  }))
}

/** "Showing the 3 priorities achieved", for the plan page filtered by evaluation (a figure's link). */
export function filterText(filter: EvaluationFilter, shown: number) {
  const what = filter === 'not-evaluated' ? 'not yet evaluated' : evaluationFilterLabels[filter].toLowerCase()
  if (!shown) return `No priorities ${what}.`
  return `Showing the ${shown === 1 ? 'priority' : `${shown} priorities`} ${what}.`
}

/** The summary of one priority on its own page. */
export function prioritySummary(p: PlanPriorityView & { year: ReportingYear }, scores: IndicatorScores) {
  return [
    { key: { text: 'Business plan' }, value: { html: linkHtml(planHref(p.year), p.year.label) } },
    { key: { text: 'Number' }, value: { text: String(p.position) } },
    { key: { text: 'Intended outcomes' }, value: { html: markdownHtml(p.outcomes) || 'None recorded' } },
    {
      key: { text: 'Indicators that measure it' },
      value: { html: indicatorListHtml(p.indicators, scores, p.year.label) || 'None chosen' },
    },
    { key: { text: 'Evaluation' }, value: { html: evaluationTag(p.evaluation) } },
    ...(p.evaluation
      ? [
          { key: { text: 'Evidence' }, value: { html: markdownHtml(p.evidence) } },
          {
            key: { text: 'Evaluated' },
            value: { text: `By ${p.evaluatedByName ?? 'someone'} on ${formatDate(p.evaluatedAt)}` },
          },
        ]
      : []),
  ]
}

/** The evidence the record holds, beside the evaluation form: each action with its status and RAG. */
export function evidenceActionRows(actions: SourceAction[]) {
  return actions.map((a) => [
    { text: a.description },
    { text: ownerText(a) },
    { text: formatDate(a.dueOn) },
    { html: statusTag(a.shownStatus) },
    { html: ragTag(a.shownStatus) },
    { text: a.completedOn ? `Completed ${formatDate(a.completedOn)}: ${a.evidence ?? ''}` : '' },
  ])
}

/** The actions under a year's plan, as they stood at the year's end. */
export function yearEndActionRows(rows: YearEndAction[], link: boolean) {
  return rows.map((a) => [
    link ? { html: linkHtml(`/actions/${a.id}`, a.description) } : { text: a.description },
    { html: linkHtml(a.sourceHref, a.sourceLabel) },
    { text: ownerText(a) },
    { text: formatDate(a.dueOn), attributes: { 'data-sort-value': a.dueOn } },
    { html: escapeHtml(yearEndWords[a.yearEnd]) },
    { html: statusTag(a.shownStatus) },
  ])
}

export function yearEndActionCsv(rows: YearEndAction[]) {
  return [
    ['Action', 'Priority', 'Owner', 'Agency', 'Due date', 'At the year’s end', 'Status now', 'RAG now', 'Completed on'],
    ...rows.map((a) => [
      a.description,
      a.sourceLabel,
      a.ownerName,
      a.agencyName,
      a.dueOn,
      yearEndWords[a.yearEnd],
      actionStatusLabels[a.shownStatus],
      actionRagLabels[actionRag(a.shownStatus)],
      a.completedOn,
    ]),
  ]
}
