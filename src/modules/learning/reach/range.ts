import { dateInput } from '../../../platform/forms.ts'
import type { Query } from '../../../platform/lists.ts'
import { parseYear, yearContaining, yearSlug, type ReportingYear } from '../../../platform/reporting-years.ts'
import { formatDate } from '../../../platform/views.ts'

/**
 * The days the reach figures cover: a reporting year (`?year=2016-17`) or any range of London
 * calendar days (`?from=2016-04-01&to=2016-09-30`, or the date inputs' `from-day`…`to-year`).
 * Both ends are included.
 */
export interface ReachRange {
  /** The first day, "2016-04-01". */
  from: string
  /** The last day, "2017-03-31". */
  to: string
  /** "2016/17", or "1 April 2016 to 30 September 2016". */
  label: string
  /** The range as a query string, for the links to the records: "year=2016-17" or "from=…&to=…". */
  query: string
  /** Set when the range is a reporting year. */
  year: ReportingYear | null
}

export function yearRange(year: ReportingYear): ReachRange {
  return { from: year.start, to: year.end, label: year.label, query: `year=${yearSlug(year)}`, year }
}

export function dayRange(from: string, to: string): ReachRange {
  return {
    from,
    to,
    label: `${formatDate(from)} to ${formatDate(to)}`,
    query: `from=${from}&to=${to}`,
    year: null,
  }
}

const isoDay = (text: string | undefined) => {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text ? text : null
}

export interface RangeReading {
  range: ReachRange
  /** Field → message, for the date inputs; empty when the range was read as asked. */
  errors: Record<string, string>
  /** What the date inputs show. */
  values: Record<string, string>
}

/**
 * The range a query asks for. Dates typed in the date inputs win, then `from` and `to`, then the
 * year; a range that cannot be read is reported against its field and the year is shown instead,
 * so the page always shows figures for a range it names.
 */
export function readRange(query: Query, startMonth: number, today = new Date()): RangeReading {
  const fallback = () => {
    const asked = query.year ? parseYear(query.year, startMonth) : null
    return yearRange(asked ?? yearContaining(today, startMonth))
  }
  const typed = ['from', 'to'].some((name) => ['day', 'month', 'year'].some((part) => query[`${name}-${part}`]))
  let from: string | null = null
  let to: string | null = null
  const errors: Record<string, string> = {}
  if (typed) {
    const first = dateInput(query, 'from', 'the first day', { required: true })
    const last = dateInput(query, 'to', 'the last day', { required: true })
    if ('error' in first) errors['from-day'] = first.error!
    else from = first.value
    if ('error' in last) errors['to-day'] = last.error!
    else to = last.value
  } else if (query.from || query.to) {
    from = isoDay(query.from)
    to = isoDay(query.to)
    if (!from) errors['from-day'] = 'The first day must be a real date'
    if (!to) errors['to-day'] = 'The last day must be a real date'
  }
  if (from && to && to < from) errors['to-day'] = 'The last day must be the same as or after the first day'
  const range = from && to && !Object.keys(errors).length ? dayRange(from, to) : fallback()
  const values = typed
    ? Object.fromEntries(
        ['from', 'to'].flatMap((name) =>
          ['day', 'month', 'year'].map((p) => [`${name}-${p}`, query[`${name}-${p}`] ?? '']),
        ),
      )
    : Object.fromEntries(
        (
          [
            ['from', range.year ? null : range.from],
            ['to', range.year ? null : range.to],
          ] as const
        ).flatMap(([name, day]) => [
          [`${name}-day`, day ? String(Number(day.slice(8, 10))) : ''],
          [`${name}-month`, day ? String(Number(day.slice(5, 7))) : ''],
          [`${name}-year`, day ? day.slice(0, 4) : ''],
        ]),
      )
  return { range, errors, values }
}
