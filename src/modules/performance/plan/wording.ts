import { literalMarkdown, placeholderFor } from '../../../platform/markdown.ts'
import type { ReportingYear } from '../../../platform/reporting-years.ts'
import type { PriorityEvaluation } from '../schema.ts'
import type { YearEndState } from './labels.ts'

/**
 * The words of the business plan section's starting narrative, as pure functions of what the
 * year's records hold (section.ts reads them), in the shape of the seed cabinet paper's ¶8 and
 * ¶11–13. Every number is a figure placeholder, `{{performance.<figure>}}`, which the report
 * prints in digits; a year with no plan, or none of something, says so in words. A list follows
 * its introducing line with no blank line between, so the cabinet paper keeps the two as one
 * numbered paragraph.
 */
const p = (key: string) => placeholderFor(`performance.${key}`)
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many)

export interface PlanFacts {
  priorities: readonly { evaluation: PriorityEvaluation | null }[]
  /** Where each action under the priorities stood at the year's end. */
  actions: readonly YearEndState[]
}

/** ¶8: "It evaluates performance against the priorities set out in the Business Plan…", with the evaluations and actions. */
export function prioritiesWords(plan: PlanFacts | null, shortName: string, year: ReportingYear) {
  if (!plan) return `The ${shortName} had no business plan for ${year.label}.`
  const total = plan.priorities.length
  if (!total) return `The ${shortName}’s business plan for ${year.label} set no priorities.`
  return [
    `The annual report evaluates performance against the priorities set out in the Business Plan for ${year.label}.`,
    evaluationsSentence(plan.priorities),
    actionsSentence(plan.actions),
  ]
    .filter(Boolean)
    .join(' ')
}

function evaluationsSentence(priorities: PlanFacts['priorities']) {
  const count = (evaluation: PriorityEvaluation | null) => priorities.filter((x) => x.evaluation === evaluation).length
  const total = priorities.length
  const notEvaluated = count(null)
  const noun = plural(total, 'priority', 'priorities')
  if (notEvaluated === total)
    return total === 1
      ? 'Its priority has not yet been evaluated.'
      : `None of its ${p('priorities')} priorities has yet been evaluated.`
  const outcomes = (
    [
      ['achieved', 'achieved', 'priorities-achieved'],
      ['partly-achieved', 'partly achieved', 'priorities-partly-achieved'],
      ['not-achieved', 'not achieved', 'priorities-not-achieved'],
    ] as const
  ).filter(([evaluation]) => count(evaluation) > 0)
  const [first] = outcomes
  let sentence: string
  if (outcomes.length === 1 && count(first![0]) === total)
    sentence =
      total === 1 ? `Its priority was ${first![1]}.` : `All ${p('priorities')} of its priorities were ${first![1]}.`
  else {
    const parts = outcomes.map(([evaluation, words, key], index) =>
      index === 0 ? `${p(key)} ${plural(count(evaluation), 'was', 'were')} ${words}` : `${p(key)} ${words}`,
    )
    sentence = `Of its ${p('priorities')} ${noun}, ${listOfParts(parts)}.`
  }
  if (notEvaluated)
    sentence += ` ${p('priorities-not-evaluated')} ${plural(notEvaluated, 'has', 'have')} not yet been evaluated.`
  return sentence
}

function actionsSentence(actions: PlanFacts['actions']) {
  const total = actions.length
  if (!total) return ''
  const complete = actions.filter((a) => a === 'complete').length
  const overdue = actions.filter((a) => a === 'overdue').length
  const raised = `${plural(total, 'action', 'actions')} raised under its priorities`
  if (complete === total)
    return total === 1
      ? `The action raised under its priorities was complete at the year’s end.`
      : `All ${p('plan-actions')} ${raised} were complete at the year’s end.`
  const open = total - complete
  const notComplete =
    overdue === open
      ? `${p('plan-actions-overdue')} ${plural(overdue, 'was', 'were')} overdue`
      : `${p('plan-actions-open')} ${plural(open, 'was', 'were')} still open${overdue ? `, ${p('plan-actions-overdue')} of them overdue` : ''}`
  if (!complete) return `Of the ${p('plan-actions')} ${raised}, none was complete at the year’s end: ${notComplete}.`
  return `Of the ${p('plan-actions')} ${raised}, ${p('plan-actions-complete')} ${plural(complete, 'was', 'were')} complete at the year’s end and ${notComplete}.`
}

/** "A", "A and B", "A, B and C". */
const listOfParts = (parts: string[]) =>
  parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '')

/** ¶11: "There are, however, areas for improvement. …", with the year's own words; empty when none are recorded. */
export function areasWords(areas: string | null | undefined) {
  const text = areas?.trim()
  if (!text) return ''
  if (isList(text)) return `There are, however, areas for improvement:\n${listItems(text).map(bullet).join('\n')}`
  return `There are, however, areas for improvement. ${text}`
}

/** ¶12: the next year's plan's priorities as a list under "The annual report directs the OSCB towards…". */
export function aimsWords(nextPriorities: readonly string[] | null, shortName: string, next: ReportingYear) {
  if (!nextPriorities?.length)
    return `The ${shortName}’s aims for ${next.label} have not yet been set in a business plan.`
  return [
    `The annual report directs the ${shortName} towards the following aims for ${next.label}:`,
    ...nextPriorities.map((title) => bullet(literalMarkdown(title))),
  ].join('\n')
}

/** ¶13: the year's messages for multi-agency work as a list; empty when none are recorded. */
export function messagesWords(messages: string | null | undefined) {
  const items = listItems(messages ?? '')
  if (!items.length) return ''
  return [
    'The annual report presents the following messages for multi-agency work going forward:',
    ...items.map(bullet),
  ].join('\n')
}

const bullet = (item: string) => `- ${item}`
const marker = /^\s*(?:[-*+]|\d+[.)])\s+/
const isList = (text: string) => marker.test(text.split(/\r?\n/)[0] ?? '')

/**
 * The items of Markdown an officer typed as a list or as paragraphs: each list item (its wrapped
 * lines joined), or each paragraph when it is not a list. Their own Markdown is kept.
 */
export function listItems(markdown: string): string[] {
  const items: string[] = []
  let current: string | null = null
  let blank = true
  for (const line of markdown.split(/\r?\n/)) {
    if (!line.trim()) {
      if (current !== null) items.push(current)
      current = null
      blank = true
      continue
    }
    if (marker.test(line) || blank || current === null) {
      if (current !== null) items.push(current)
      current = line.replace(marker, '').trim()
    } else current = `${current} ${line.trim()}`
    blank = false
  }
  if (current !== null) items.push(current)
  return items.filter(Boolean)
}
