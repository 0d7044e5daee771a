/**
 * The partnership's reporting year: twelve months from the month in its settings (April by
 * default, so "2016/17" is 1 April 2016 to 31 March 2017). A year is named by the calendar year
 * it starts in; a year that starts in January is named by that year alone ("2016").
 */
export interface ReportingYear {
  /** The calendar year the reporting year starts in: 2016 for 2016/17. */
  startYear: number
  /** 1 = January … 12 = December. */
  startMonth: number
  /** "2016/17" (or "2016" when the year starts in January). */
  label: string
  /** The first day, as an ISO date: "2016-04-01". */
  start: string
  /** The last day, as an ISO date: "2017-03-31". */
  end: string
  /** The day after the last: "2017-04-01", for `date < endExclusive` conditions. */
  endExclusive: string
}

function isoDate(year: number, month: number, day = 1) {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function lastDayOf(year: number, month: number) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

export function reportingYear(startYear: number, startMonth = 4): ReportingYear {
  if (!Number.isInteger(startYear) || startYear < 1000 || startYear > 9998) throw new RangeError('year out of range')
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) throw new RangeError('month out of range')
  const endYear = startMonth === 1 ? startYear : startYear + 1
  const endMonth = startMonth === 1 ? 12 : startMonth - 1
  const next = startMonth === 1 ? { year: startYear + 1, month: 1 } : { year: endYear, month: startMonth }
  return {
    startYear,
    startMonth,
    label: formatYear(startYear, startMonth),
    start: isoDate(startYear, startMonth),
    end: isoDate(endYear, endMonth, lastDayOf(endYear, endMonth)),
    endExclusive: isoDate(next.year, next.month),
  }
}

/** "2016/17"; "1999/00" across a century; "2016" when the year starts in January. */
export function formatYear(startYear: number, startMonth = 4): string {
  if (startMonth === 1) return String(startYear)
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`
}

/** The year as it appears in an address: "2016-17". */
export function yearSlug(year: ReportingYear): string {
  return year.label.replace('/', '-')
}

/**
 * Reads "2016/17", "2016-17", "2016/2017" or "2016-2017" (or "2016" for years starting in
 * January); null for anything else, including a second half that does not follow the first.
 */
export function parseYear(text: string, startMonth = 4): ReportingYear | null {
  const match = /^\s*(\d{4})(?:\s*[/-]\s*(\d{2}|\d{4}))?\s*$/.exec(text)
  if (!match) return null
  const startYear = Number(match[1])
  if (startYear < 1900 || startYear > 2200) return null
  const second = match[2]
  if (startMonth === 1) return second === undefined ? reportingYear(startYear, 1) : null
  if (second === undefined) return null
  const expected = second.length === 2 ? (startYear + 1) % 100 : startYear + 1
  if (Number(second) !== expected) return null
  return reportingYear(startYear, startMonth)
}

/**
 * The reporting year a date falls in, by its calendar date in the UK. A stored date
 * ("2017-03-31", or a time without a zone) is taken as it is; a moment (a Date, or a timestamp with
 * its zone) by the day it was in London, so 23:30 UTC on 31 March 2017, half past midnight on
 * 1 April in summer time, is in 2017/18.
 */
export function yearContaining(date: Date | string, startMonth = 4): ReportingYear {
  const local = typeof date === 'string' && /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]*)?$/.test(date.trim())
  const day = local ? calendarDay(date.trim()) : ukDay(date)
  if (!day) throw new RangeError(`not a date: ${String(date)}`)
  return reportingYear(day.month >= startMonth ? day.year : day.year - 1, startMonth)
}

function calendarDay(iso: string) {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)) }
}

const londonDay = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: 'numeric' })

// Parts, not a formatted string: a locale's date pattern is not a contract and has changed in ICU releases.
function ukDay(date: Date | string) {
  const moment = date instanceof Date ? date : new Date(date)
  if (Number.isNaN(moment.getTime())) return null
  const parts = londonDay.formatToParts(moment)
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  return { year: part('year'), month: part('month') }
}

/**
 * Every year from the one the earliest date falls in to the one the latest falls in, always
 * including the current year; newest first, as pickers show them.
 */
export function yearsBetween(
  dates: readonly (Date | string | null | undefined)[],
  startMonth = 4,
  today: Date = new Date(),
): ReportingYear[] {
  const starts = [...dates, today]
    .filter((d): d is Date | string => d !== null && d !== undefined && d !== '')
    .map((d) => yearContaining(d, startMonth).startYear)
  const first = Math.min(...starts)
  const last = Math.max(...starts)
  const years: ReportingYear[] = []
  for (let y = last; y >= first; y--) years.push(reportingYear(y, startMonth))
  return years
}
