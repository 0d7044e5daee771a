import type { PeriodType } from './schema.ts'

/**
 * Periods of observations, always in the department's year (April to March, as the Children in
 * Need census and the looked-after children return count): a year "2016/17", a quarter
 * "2016/17 Q1" (April to June 2016) or a month "2016-04". Each is stored with its label, its type
 * and the day it starts, so series sort by date and a year's quarters and months can be found.
 */
export interface Period {
  type: PeriodType
  /** "2016/17", "2016/17 Q1", "2016-04". */
  label: string
  /** ISO date of its first day: "2016-04-01". */
  start: string
  /** The first calendar year of the department's year it falls in: 2016 for anything in 2016/17. */
  startYear: number
}

const months = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]
const pad = (n: number) => String(n).padStart(2, '0')

export function yearPeriod(startYear: number): Period {
  return { type: 'year', label: `${startYear}/${pad((startYear + 1) % 100)}`, start: `${startYear}-04-01`, startYear }
}

export function quarterPeriod(startYear: number, quarter: 1 | 2 | 3 | 4): Period {
  const month = 4 + (quarter - 1) * 3
  const calendarYear = month > 12 ? startYear + 1 : startYear
  return {
    type: 'quarter',
    label: `${yearPeriod(startYear).label} Q${quarter}`,
    start: `${calendarYear}-${pad(((month - 1) % 12) + 1)}-01`,
    startYear,
  }
}

export function monthPeriod(year: number, month: number): Period {
  return {
    type: 'month',
    label: `${year}-${pad(month)}`,
    start: `${year}-${pad(month)}-01`,
    startYear: month >= 4 ? year : year - 1,
  }
}

/** "2016/17", "2016-17", "2016/2017", "201617" → 2016; a second year that does not follow the first → null. */
function startOfYearText(text: string): number | null {
  const match = /^(\d{4})\s*[/-]?\s*(\d{2}|\d{4})$/.exec(text)
  if (!match) return null
  const first = Number(match[1])
  const second = Number(match[2])
  const follows = match[2]!.length === 2 ? second === (first + 1) % 100 : second === first + 1
  return follows && first >= 1990 && first <= 2100 ? first : null
}

/**
 * A period as files and people write it, or null when it does not parse. A bare four-digit year
 * ("2017", as the department writes the looked-after children return's year ending 31 March 2017)
 * is the year that ends in it: 2016/17.
 */
export function parsePeriod(raw: string): Period | null {
  const text = raw.trim().replace(/\s+/g, ' ')
  if (!text) return null
  const year = startOfYearText(text)
  if (year !== null) return yearPeriod(year)
  const bare = /^(\d{4})$/.exec(text)
  if (bare) {
    const ending = Number(bare[1])
    return ending > 1990 && ending <= 2101 ? yearPeriod(ending - 1) : null
  }
  const quarter = /^(?:(.+?)\s*Q([1-4])|Q([1-4])\s*(.+))$/i.exec(text)
  if (quarter) {
    const start = startOfYearText((quarter[1] ?? quarter[4])!.trim())
    const number = Number(quarter[2] ?? quarter[3]) as 1 | 2 | 3 | 4
    return start === null ? null : quarterPeriod(start, number)
  }
  const iso = /^(\d{4})-(\d{2})$/.exec(text)
  const slashed = /^(\d{2})\/(\d{4})$/.exec(text)
  if (iso || slashed) {
    const [year, month] = iso ? [Number(iso[1]), Number(iso[2])] : [Number(slashed![2]), Number(slashed![1])]
    return month >= 1 && month <= 12 ? monthPeriod(year, month) : null
  }
  const named = /^([a-z]+) (\d{4})$/i.exec(text)
  if (named) {
    const index = months.findIndex((m) => m === named[1]!.toLowerCase() || m.slice(0, 3) === named[1]!.toLowerCase())
    return index < 0 ? null : monthPeriod(Number(named[2]), index + 1)
  }
  return null
}

/** The period before: the previous year, quarter or month. */
export function previousPeriod(period: Period): Period {
  if (period.type === 'year') return yearPeriod(period.startYear - 1)
  if (period.type === 'quarter') {
    const q = Number(period.label.slice(-1))
    return q === 1 ? quarterPeriod(period.startYear - 1, 4) : quarterPeriod(period.startYear, (q - 1) as 1 | 2 | 3)
  }
  const [y, m] = period.start.split('-').map(Number) as [number, number]
  return m === 1 ? monthPeriod(y - 1, 12) : monthPeriod(y, m - 1)
}
