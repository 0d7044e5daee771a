import { escapeHtml, linkHtml, tagHtml, type TagColour } from '../html.ts'
import { dayWithWeekday } from '../views.ts'
import type { YearChoice } from '../year-picker.ts'
import { bankHolidaysFrom, bankHolidaysThrough } from '../working-days.ts'
import type { BankHolidayRow, ChangeKind, HolidaySource } from './service.ts'

/** The bank holidays page as the parameters of GOV.UK macros. Pure, so tested without HTTP. */

export const sourceLabels: Record<HolidaySource, string> = {
  table: 'England and Wales',
  added: 'Added by the partnership',
  'working-day': 'Kept as a working day',
}

const sourceColours: Record<HolidaySource, TagColour> = { table: 'grey', added: 'blue', 'working-day': 'yellow' }

export const changeKindLabels: Record<ChangeKind, string> = {
  holiday: 'Added as a bank holiday',
  'working-day': 'Kept as a working day',
}

/** What removing a change does to its day, said on the confirmation page. */
export function removalEffect(change: { day: string; kind: ChangeKind }, inTable: string | null) {
  const when = dayWithWeekday(change.day)
  if (change.kind === 'working-day')
    return `${when} will be a bank holiday again, as the England and Wales table has it. Deadlines counted in working days will skip it.`
  if (inTable) return `${when} stays a bank holiday: the England and Wales table has it (${inTable}).`
  return `${when} will be a working day again. Deadlines counted in working days will count it.`
}

/** The change on the confirmation page. */
export function changeSummary(change: { day: string; kind: ChangeKind; name: string }) {
  return [
    { key: { text: 'Date' }, value: { text: dayWithWeekday(change.day) } },
    { key: { text: 'Change' }, value: { text: changeKindLabels[change.kind] } },
    { key: { text: change.kind === 'holiday' ? 'Name' : 'Reason' }, value: { text: change.name } },
  ]
}

export function holidayRows(rows: BankHolidayRow[], canManage: boolean) {
  return rows.map((row) => {
    const cells: unknown[] = [
      { text: dayWithWeekday(row.day), attributes: { 'data-sort-value': row.day } },
      { text: row.name },
      {
        html:
          tagHtml(sourceLabels[row.source], sourceColours[row.source]) +
          (row.source === 'working-day' ? `<br><span class="govuk-body-s">${escapeHtml(row.change!.name)}</span>` : ''),
      },
    ]
    if (canManage) cells.push({ html: manageLink(row) })
    return cells
  })
}

/** Remove a change; keep a table holiday as a working day. */
function manageLink(row: BankHolidayRow) {
  if (row.change) return linkHtml(`/bank-holidays/${row.change.id}/remove`, 'Remove change', `to ${row.name}`)
  return linkHtml(`/bank-holidays/keep-working?day=${row.day}`, 'Keep as a working day', `: ${row.name}`)
}

export function holidayCsv(rows: BankHolidayRow[]) {
  return [
    ['Date', 'Name', 'Source', 'Working day', 'Reason'],
    ...rows.map((row) => [
      row.day,
      row.name,
      sourceLabels[row.source],
      row.source === 'working-day' ? 'Yes' : 'No',
      row.source === 'working-day' ? row.change!.name : '',
    ]),
  ]
}

/**
 * The years the page offers: the table's, this year and next, and any year the partnership has
 * changes in, oldest first (a calendar, not a report).
 */
export function calendarYears(selected: number, today: string, changedYears: readonly number[]): YearChoice[] {
  const thisYear = Number(today.slice(0, 4))
  const last = Math.max(bankHolidaysThrough, thisYear + 1, selected, ...changedYears)
  const first = Math.min(bankHolidaysFrom, selected)
  return Array.from({ length: last - first + 1 }, (_, i) => first + i).map((year) => ({
    value: String(year),
    text: String(year),
    selected: year === selected,
  }))
}

/** The year asked for, if it is one the product can show; this year otherwise. */
export function readYear(value: string | undefined, today: string) {
  const year = Number(value)
  return /^\d{4}$/.test(value ?? '') && year >= bankHolidaysFrom && year <= 2100 ? year : Number(today.slice(0, 4))
}
