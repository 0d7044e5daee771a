import { escapeHtml, linkHtml, tagHtml, type TagColour } from '../../../platform/html.ts'
import { dayWithWeekday, formatDate } from '../../../platform/views.ts'
import { clocksApply, clockStateLabels, type Clock, type ClockState } from '../clocks.ts'
import { caseStatusLabels, reviewTypeLabels } from '../labels.ts'
import type { CaseStatus, Framework, HarmCategory, ReviewType } from '../schema.ts'
import type { ClockDue } from './clocks-due.ts'
import type { CaseListRow } from './list.ts'

/** Cases and their clocks as the parameters of GOV.UK macros. Pure, so tested without HTTP. */

const workingDays = (n: number) => `${n} working ${Math.abs(n) === 1 ? 'day' : 'days'}`

const clockColours: Record<ClockState, TagColour> = { due: 'blue', met: 'green', 'met-late': 'orange', overdue: 'red' }

export const clockTag = (state: ClockState) => tagHtml(clockStateLabels[state], clockColours[state])

/** What a clock says in a sentence: when it is due and how long is left, or when it was met and in how long. */
export function clockText(clock: Clock) {
  const due = dayWithWeekday(clock.dueOn)
  switch (clock.state) {
    case 'due':
      return clock.workingDaysLeft === 0
        ? `Due today, ${due}`
        : `Due by ${due}: ${workingDays(clock.workingDaysLeft!)} left`
    case 'overdue':
      return `Overdue: it was due by ${due}, ${workingDays(-clock.workingDaysLeft!)} ago`
    case 'met':
      return `Met on ${formatDate(clock.metOn)}, in ${workingDays(clock.workingDaysTaken)} (due by ${due})`
    case 'met-late':
      return `Met late on ${formatDate(clock.metOn)}, in ${workingDays(clock.workingDaysTaken)} (due by ${due})`
  }
}

/** Why the clocks do not run for a case. */
export function clocksNotApplicable(facts: { harm: HarmCategory; framework: Framework | null }) {
  if (facts.framework === 'working-together-2015')
    return 'Not applicable: the case falls under Working Together 2015, before the national panel’s notification and rapid review'
  return 'Not applicable: the clocks run for a child’s death or serious harm, and this case’s harm is recorded as other'
}

/** The clocks as summary list rows: each clock's state and words, or one row saying they do not apply. */
export function clockRows(facts: { harm: HarmCategory; framework: Framework | null }, clocks: Clock[]) {
  if (!clocksApply(facts)) return [{ key: { text: 'Statutory clocks' }, value: { text: clocksNotApplicable(facts) } }]
  return clocks.map((clock) => ({
    key: { text: `${clock.label} (within ${workingDays(clock.workingDays)})` },
    value: { html: `${clockTag(clock.state)} ${escapeHtml(clockText(clock))}` },
  }))
}

/** The due soon / overdue page's table: the case, the clock, when it is due, and its state. */
export function clockDueRows(rows: ClockDue[]) {
  return rows.map(({ caseId, reference, clock }) => [
    { html: linkHtml(`/case-reviews/${caseId}`, reference) },
    { text: clock.label },
    { text: dayWithWeekday(clock.dueOn), attributes: { 'data-sort-value': clock.dueOn } },
    {
      html: `${clockTag(clock.state)} ${escapeHtml(
        clock.state === 'overdue'
          ? `${workingDays(-clock.workingDaysLeft!)} overdue`
          : clock.workingDaysLeft === 0
            ? 'due today'
            : `${workingDays(clock.workingDaysLeft!)} left`,
      )}`,
    },
  ])
}

/** The count line of the clocks due: "3 clocks: 1 overdue and 2 due soon." */
export function clocksDueCount(rows: ClockDue[], withinWorkingDays: number) {
  if (!rows.length) return `No clocks are overdue or due in the next ${withinWorkingDays} working days.`
  const overdue = rows.filter((row) => row.clock.state === 'overdue').length
  const parts = [overdue && `${overdue} overdue`, rows.length - overdue && `${rows.length - overdue} due soon`]
  return `${rows.length} ${rows.length === 1 ? 'clock' : 'clocks'}: ${parts.filter(Boolean).join(' and ')}.`
}

/** The home page panel's items: one a clock. */
export function clockDueItems(rows: ClockDue[]) {
  return rows.map(({ caseId, reference, clock }) => ({
    text: `${reference}: ${clock.label.charAt(0).toLowerCase()}${clock.label.slice(1)}`,
    href: `/case-reviews/${caseId}`,
    hint: clockText(clock),
  }))
}

// ---------------------------------------------------------------- the list of cases

const statusColours: Record<CaseStatus, TagColour> = {
  referred: 'blue',
  'not-reviewed': 'grey',
  active: 'turquoise',
  completed: 'purple',
  'awaiting-parallel-process': 'orange',
  published: 'green',
}

export const statusTag = (status: CaseStatus) => tagHtml(caseStatusLabels[status], statusColours[status])

const typeText = (type: ReviewType | null) => (type ? reviewTypeLabels[type] : 'Not decided')

const dateCell = (day: string | null) => ({
  text: day ? formatDate(day) : 'Not yet',
  attributes: { 'data-sort-value': day ?? '' },
})

export function caseRows(rows: CaseListRow[]) {
  return rows.map((c) => [
    { html: linkHtml(`/case-reviews/${c.id}`, c.reference) },
    { text: typeText(c.reviewType) },
    { html: statusTag(c.status) },
    dateCell(c.awareOn),
    dateCell(c.signedOffOn),
    dateCell(c.publishedOn),
  ])
}

export function caseCsv(rows: CaseListRow[]) {
  return [
    ['Reference', 'Review type', 'Status', 'Aware on', 'Signed off', 'Published'],
    ...rows.map((c) => [
      c.reference,
      c.reviewType ? reviewTypeLabels[c.reviewType] : '',
      caseStatusLabels[c.status],
      c.awareOn,
      c.signedOffOn ?? '',
      c.publishedOn ?? '',
    ]),
  ]
}
