import { linkHtml, tagHtml, type TagColour } from '../../../platform/html.ts'
import { formatDate } from '../../../platform/views.ts'
import { formatYear } from '../../../platform/reporting-years.ts'
import type { CycleStatus, FrameworkKind, ReturnStatus } from '../audit-schema.ts'
import type { OverdueReturn } from './lifecycle.ts'
import { kindLabels } from '../frameworks/presenters.ts'
import type { CycleReturn, CycleRow, CycleView } from './service.ts'

export const kindNames: Record<FrameworkKind, string> = {
  'section-11': 'Section 11',
  schools: 'Schools’ audit',
}

const cycleStatus: Record<CycleStatus, [string, TagColour]> = {
  planned: ['Planned', 'grey'],
  open: ['Open', 'blue'],
  closed: ['Closed', 'green'],
}

const returnStatus: Record<ReturnStatus, [string, TagColour]> = {
  draft: ['Draft', 'grey'],
  submitted: ['Submitted', 'blue'],
  moderated: ['Moderated', 'green'],
  closed: ['Closed', 'purple'],
}

export const cycleStatusHtml = (status: CycleStatus) => tagHtml(...cycleStatus[status])

/** A return's status in words; a draft past its due date in an open cycle says "Overdue". */
export function returnStatusHtml(status: ReturnStatus, overdue: boolean) {
  return overdue ? `${tagHtml(...returnStatus[status])} ${tagHtml('Overdue', 'red')}` : tagHtml(...returnStatus[status])
}

/** A cycle in the list, its reporting year named as the partnership's years are ("2016/17"). */
export type ListedCycle = CycleRow & { year: string }

export function cycleRows(rows: ListedCycle[]) {
  return rows.map((c) => [
    { html: linkHtml(`/assurance/cycles/${c.id}`, c.name) },
    { text: kindNames[c.kind] },
    { text: c.year },
    { text: formatDate(c.opensOn) },
    { text: formatDate(c.dueOn) },
    { html: cycleStatusHtml(c.status) },
    { text: String(c.due), format: 'numeric' },
    { text: String(c.submitted), format: 'numeric' },
    { text: String(c.moderated), format: 'numeric' },
  ])
}

export function cycleCsv(rows: ListedCycle[]) {
  return [
    ['Cycle', 'Kind', 'Reporting year', 'Opens', 'Due', 'Status', 'Returns due', 'Submitted', 'Moderated'],
    ...rows.map((c) => [
      c.name,
      kindNames[c.kind],
      c.year,
      c.opensOn,
      c.dueOn,
      cycleStatus[c.status][0],
      c.due,
      c.submitted,
      c.moderated,
    ]),
  ]
}

export function returnRows(returns: CycleReturn[], overdue: (r: CycleReturn) => boolean) {
  return returns.map((r) => [
    { html: linkHtml(`/assurance/returns/${r.id}`, r.agencyName) },
    { html: returnStatusHtml(r.status, overdue(r)) },
    { text: r.submittedAt ? formatDate(r.submittedAt) : 'Not submitted' },
    { text: r.moderatorName ?? 'Business unit' },
  ])
}

export function overdueRows(rows: OverdueReturn[]) {
  return rows.map((r) => [
    { html: linkHtml(`/assurance/returns/${r.id}`, r.agencyName) },
    { html: linkHtml(`/assurance/cycles/${r.cycleId}`, r.cycleName) },
    { text: kindNames[r.kind] },
    { text: formatDate(r.dueOn) },
    { text: `${r.daysOverdue} ${r.daysOverdue === 1 ? 'day' : 'days'}`, format: 'numeric' },
  ])
}

export function overdueCsv(rows: OverdueReturn[]) {
  return [
    ['Agency', 'Cycle', 'Kind', 'Due', 'Days overdue'],
    ...rows.map((r) => [r.agencyName, r.cycleName, kindNames[r.kind], r.dueOn, r.daysOverdue]),
  ]
}

/** Reporting years to choose from (by the year each starts in), named with the partnership's year start month. */
export function yearItems(startYears: readonly number[], startMonth: number) {
  return startYears.map((y) => ({ value: String(y), text: formatYear(y, startMonth) }))
}

export const daysText = (days: readonly number[]) => days.join(', ')

const reminderText = (days: readonly number[], when: string) =>
  days.length ? `${days.join(', ')} ${days.length === 1 && days[0] === 1 ? 'day' : 'days'} ${when}` : null

/** A cycle's page and confirmation pages: its status, dates and reminders in words. */
export function cycleTexts(cycle: CycleView) {
  const reminders = [
    reminderText(cycle.remindDaysBefore, 'before the due date'),
    reminderText(cycle.remindDaysAfter, 'after it, until submitted'),
  ].filter(Boolean)
  return {
    kindLabel: kindLabels[cycle.framework.kind],
    statusHtml: cycleStatusHtml(cycle.status),
    opensText: formatDate(cycle.opensOn),
    dueText: formatDate(cycle.dueOn),
    remindersText: reminders.length ? reminders.join('; ') : 'None',
  }
}
