/**
 * Completion dates as e-learning platforms and spreadsheets write them: "31/03/2017" (UK order,
 * never American), "2017-03-31", a timestamp ("2017-03-31T14:05:00Z", "2017-03-31 14:05"),
 * "31 March 2017", and Excel's serial day numbers ("42825") when a date column was saved without
 * its date format. Everything else, and a date that does not exist (31/02/2017), is refused.
 */

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** Excel counts days from 30 December 1899 (its day 60 is the 29 February 1900 that never was). */
const excelEpoch = Date.UTC(1899, 11, 30)
/** Serial numbers from 1 January 1990 to 31 December 2099: other numbers are not dates. */
const serialRange = [32874, 73050] as const

const two = (n: number) => String(n).padStart(2, '0')

function isoOf(year: number, month: number, day: number): string | null {
  if (year < 1000 || month < 1 || month > 12 || day < 1) return null
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return `${year}-${two(month)}-${two(day)}`
}

/** The ISO date ("2017-03-31") the text names, or null when it is not a real date in a form we read. */
export function parseCompletionDate(text: string): string | null {
  const value = text.trim()
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value)
  if (match) return isoOf(Number(match[1]), Number(match[2]), Number(match[3]))
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?: [\d:]+)?$/.exec(value)
  if (match) return isoOf(Number(match[3]), Number(match[2]), Number(match[1]))
  match = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+),? (\d{4})$/i.exec(value)
  if (match) {
    const month = months.indexOf(match[2]!.slice(0, 3).toLowerCase()) + 1
    const name = match[2]!.toLowerCase()
    if (!month || !(name.length === 3 || name === 'sept' || fullMonth(month) === name)) return null
    return isoOf(Number(match[3]), month, Number(match[1]))
  }
  if (/^\d{5}(?:\.\d+)?$/.test(value)) {
    const serial = Math.floor(Number(value))
    if (serial < serialRange[0] || serial > serialRange[1]) return null
    return new Date(excelEpoch + serial * 86_400_000).toISOString().slice(0, 10)
  }
  return null
}

function fullMonth(month: number) {
  return new Date(Date.UTC(2000, month - 1, 1))
    .toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })
    .toLowerCase()
}
