import { linkHtml } from '../../../platform/html.ts'
import { formatDate } from '../../../platform/views.ts'
import type { Answer, Results, Summary } from './results.ts'

/** Evaluation results as the parameters of GOV.UK macros, and as CSV. Pure, so tested without HTTP. */

export const ratingWords: Record<number, string> = {
  1: 'Very poor',
  2: 'Poor',
  3: 'Average',
  4: 'Good',
  5: 'Excellent',
}

export const confidenceWords: Record<number, string> = {
  1: 'Not at all confident',
  2: 'Slightly confident',
  3: 'Fairly confident',
  4: 'Confident',
  5: 'Very confident',
}

/** "4.3"; a dash when there is nothing to average. */
export function meanText(value: number | null) {
  return value === null ? '–' : value.toFixed(1)
}

/** "+1.2", "−0.5" (a real minus sign), "0.0". */
export function changeText(value: number | null) {
  if (value === null) return '–'
  const rounded = Math.round(value * 10) / 10
  if (rounded === 0) return '0.0'
  return rounded > 0 ? `+${rounded.toFixed(1)}` : `−${Math.abs(rounded).toFixed(1)}`
}

/** "7 of 10 (70%)". */
export function responseText(summary: Summary) {
  const rate = summary.responseRate === null ? '' : ` (${Math.round(summary.responseRate * 100)}%)`
  return `${summary.returned} of ${summary.attended}${rate}`
}

export function summaryRows(summary: Summary) {
  const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } })
  return [
    row('Returned', `${responseText(summary)} who attended`),
    row('Overall rating', summary.meanOverall === null ? '–' : `${meanText(summary.meanOverall)} out of 5`),
    row('Confidence before', meanText(summary.meanBefore)),
    row('Confidence after', meanText(summary.meanAfter)),
    row('Change in confidence', changeText(summary.change)),
  ]
}

export function distributionRows(summary: Summary) {
  const n = (value: number) => ({ text: String(value), format: 'numeric' })
  return summary.distribution.map((d) => [
    { text: `${d.rating}: ${ratingWords[d.rating]} / ${confidenceWords[d.rating]}` },
    n(d.overall),
    n(d.before),
    n(d.after),
  ])
}

/** A course's events, each with its own figures. */
export function eventResultRows(events: Results['events']) {
  return events.map((e) => [
    { html: linkHtml(`/learning/events/${e.id}/evaluation`, formatDate(e.startsAt)) },
    { text: responseText(e.summary) },
    { text: meanText(e.summary.meanOverall), format: 'numeric' },
    { text: meanText(e.summary.meanBefore), format: 'numeric' },
    { text: meanText(e.summary.meanAfter), format: 'numeric' },
    { text: changeText(e.summary.change), format: 'numeric' },
  ])
}

/** The answers in people's own words, without names; the follow-up answers where given. */
export function answerLists(answers: Answer[]) {
  return {
    willDoDifferently: answers.map((a) => a.willDoDifferently),
    impact: answers.filter((a) => a.impact).map((a) => a.impact!),
  }
}

/** One row per returned evaluation, no names. */
export function resultsCsv(answers: Answer[]) {
  return [
    [
      'Event',
      'Overall rating',
      'Confidence before',
      'Confidence after',
      'What they will do differently',
      'Difference made to practice',
      'Returned',
    ],
    ...answers.map((a) => [
      formatDate(a.startsAt),
      a.overallRating,
      a.confidenceBefore,
      a.confidenceAfter,
      a.willDoDifferently,
      a.impact ?? '',
      formatDate(a.submittedAt),
    ]),
  ]
}
