import { eq } from 'drizzle-orm'
import type { Database } from '../db/index.ts'
import { workingDayChanges } from './schema.ts'

/**
 * Working days in England and Wales: Monday to Friday except bank holidays. Statutory clocks (case
 * reviews' 5 and 15 working days) and booking cut-offs ("cancel up to 2 working days before") count
 * in these. Days are London calendar days as `YYYY-MM-DD` strings, so no time zone or clock change
 * can move them.
 *
 * The built-in table is the published list (gov.uk/bank-holidays) through 2030, including the
 * one-off days (the 2020 VE day move, the 2022 Platinum Jubilee and State Funeral, the 2023
 * coronation) and substitute days when a holiday falls at a weekend. A partnership's own
 * additions or removals (a day announced later, say) are passed to `workingDayCalendar`.
 */
export const englandAndWalesBankHolidays: readonly (readonly [day: string, name: string])[] = [
  ['2015-01-01', "New Year's Day"],
  ['2015-04-03', 'Good Friday'],
  ['2015-04-06', 'Easter Monday'],
  ['2015-05-04', 'Early May bank holiday'],
  ['2015-05-25', 'Spring bank holiday'],
  ['2015-08-31', 'Summer bank holiday'],
  ['2015-12-25', 'Christmas Day'],
  ['2015-12-28', 'Boxing Day (substitute day)'],
  ['2016-01-01', "New Year's Day"],
  ['2016-03-25', 'Good Friday'],
  ['2016-03-28', 'Easter Monday'],
  ['2016-05-02', 'Early May bank holiday'],
  ['2016-05-30', 'Spring bank holiday'],
  ['2016-08-29', 'Summer bank holiday'],
  ['2016-12-26', 'Boxing Day'],
  ['2016-12-27', 'Christmas Day (substitute day)'],
  ['2017-01-02', "New Year's Day (substitute day)"],
  ['2017-04-14', 'Good Friday'],
  ['2017-04-17', 'Easter Monday'],
  ['2017-05-01', 'Early May bank holiday'],
  ['2017-05-29', 'Spring bank holiday'],
  ['2017-08-28', 'Summer bank holiday'],
  ['2017-12-25', 'Christmas Day'],
  ['2017-12-26', 'Boxing Day'],
  ['2018-01-01', "New Year's Day"],
  ['2018-03-30', 'Good Friday'],
  ['2018-04-02', 'Easter Monday'],
  ['2018-05-07', 'Early May bank holiday'],
  ['2018-05-28', 'Spring bank holiday'],
  ['2018-08-27', 'Summer bank holiday'],
  ['2018-12-25', 'Christmas Day'],
  ['2018-12-26', 'Boxing Day'],
  ['2019-01-01', "New Year's Day"],
  ['2019-04-19', 'Good Friday'],
  ['2019-04-22', 'Easter Monday'],
  ['2019-05-06', 'Early May bank holiday'],
  ['2019-05-27', 'Spring bank holiday'],
  ['2019-08-26', 'Summer bank holiday'],
  ['2019-12-25', 'Christmas Day'],
  ['2019-12-26', 'Boxing Day'],
  ['2020-01-01', "New Year's Day"],
  ['2020-04-10', 'Good Friday'],
  ['2020-04-13', 'Easter Monday'],
  ['2020-05-08', 'Early May bank holiday (VE day)'],
  ['2020-05-25', 'Spring bank holiday'],
  ['2020-08-31', 'Summer bank holiday'],
  ['2020-12-25', 'Christmas Day'],
  ['2020-12-28', 'Boxing Day (substitute day)'],
  ['2021-01-01', "New Year's Day"],
  ['2021-04-02', 'Good Friday'],
  ['2021-04-05', 'Easter Monday'],
  ['2021-05-03', 'Early May bank holiday'],
  ['2021-05-31', 'Spring bank holiday'],
  ['2021-08-30', 'Summer bank holiday'],
  ['2021-12-27', 'Christmas Day (substitute day)'],
  ['2021-12-28', 'Boxing Day (substitute day)'],
  ['2022-01-03', "New Year's Day (substitute day)"],
  ['2022-04-15', 'Good Friday'],
  ['2022-04-18', 'Easter Monday'],
  ['2022-05-02', 'Early May bank holiday'],
  ['2022-06-02', 'Spring bank holiday'],
  ['2022-06-03', 'Platinum Jubilee bank holiday'],
  ['2022-08-29', 'Summer bank holiday'],
  ['2022-09-19', 'Bank Holiday for the State Funeral of Queen Elizabeth II'],
  ['2022-12-26', 'Boxing Day'],
  ['2022-12-27', 'Christmas Day (substitute day)'],
  ['2023-01-02', "New Year's Day (substitute day)"],
  ['2023-04-07', 'Good Friday'],
  ['2023-04-10', 'Easter Monday'],
  ['2023-05-01', 'Early May bank holiday'],
  ['2023-05-08', 'Bank holiday for the coronation of King Charles III'],
  ['2023-05-29', 'Spring bank holiday'],
  ['2023-08-28', 'Summer bank holiday'],
  ['2023-12-25', 'Christmas Day'],
  ['2023-12-26', 'Boxing Day'],
  ['2024-01-01', "New Year's Day"],
  ['2024-03-29', 'Good Friday'],
  ['2024-04-01', 'Easter Monday'],
  ['2024-05-06', 'Early May bank holiday'],
  ['2024-05-27', 'Spring bank holiday'],
  ['2024-08-26', 'Summer bank holiday'],
  ['2024-12-25', 'Christmas Day'],
  ['2024-12-26', 'Boxing Day'],
  ['2025-01-01', "New Year's Day"],
  ['2025-04-18', 'Good Friday'],
  ['2025-04-21', 'Easter Monday'],
  ['2025-05-05', 'Early May bank holiday'],
  ['2025-05-26', 'Spring bank holiday'],
  ['2025-08-25', 'Summer bank holiday'],
  ['2025-12-25', 'Christmas Day'],
  ['2025-12-26', 'Boxing Day'],
  ['2026-01-01', "New Year's Day"],
  ['2026-04-03', 'Good Friday'],
  ['2026-04-06', 'Easter Monday'],
  ['2026-05-04', 'Early May bank holiday'],
  ['2026-05-25', 'Spring bank holiday'],
  ['2026-08-31', 'Summer bank holiday'],
  ['2026-12-25', 'Christmas Day'],
  ['2026-12-28', 'Boxing Day (substitute day)'],
  ['2027-01-01', "New Year's Day"],
  ['2027-03-26', 'Good Friday'],
  ['2027-03-29', 'Easter Monday'],
  ['2027-05-03', 'Early May bank holiday'],
  ['2027-05-31', 'Spring bank holiday'],
  ['2027-08-30', 'Summer bank holiday'],
  ['2027-12-27', 'Christmas Day (substitute day)'],
  ['2027-12-28', 'Boxing Day (substitute day)'],
  ['2028-01-03', "New Year's Day (substitute day)"],
  ['2028-04-14', 'Good Friday'],
  ['2028-04-17', 'Easter Monday'],
  ['2028-05-01', 'Early May bank holiday'],
  ['2028-05-29', 'Spring bank holiday'],
  ['2028-08-28', 'Summer bank holiday'],
  ['2028-12-25', 'Christmas Day'],
  ['2028-12-26', 'Boxing Day'],
  ['2029-01-01', "New Year's Day"],
  ['2029-03-30', 'Good Friday'],
  ['2029-04-02', 'Easter Monday'],
  ['2029-05-07', 'Early May bank holiday'],
  ['2029-05-28', 'Spring bank holiday'],
  ['2029-08-27', 'Summer bank holiday'],
  ['2029-12-25', 'Christmas Day'],
  ['2029-12-26', 'Boxing Day'],
  ['2030-01-01', "New Year's Day"],
  ['2030-04-19', 'Good Friday'],
  ['2030-04-22', 'Easter Monday'],
  ['2030-05-06', 'Early May bank holiday'],
  ['2030-05-27', 'Spring bank holiday'],
  ['2030-08-26', 'Summer bank holiday'],
  ['2030-12-25', 'Christmas Day'],
  ['2030-12-26', 'Boxing Day'],
]

/** The first year the built-in table covers: no clock or booking in the product starts earlier. */
export const bankHolidaysFrom = 2015

/** The last year the built-in table covers; later dates count weekends only, so extend it before then. */
export const bankHolidaysThrough = 2030

/** True for Saturday and Sunday: never working days, whatever the table or a partnership says. */
export function isWeekend(day: string) {
  const weekday = toDate(day).getUTCDay()
  return weekday === 0 || weekday === 6
}

const dayPattern = /^\d{4}-\d{2}-\d{2}$/

function toDate(day: string): Date {
  if (!dayPattern.test(day)) throw new Error(`${day} is not a YYYY-MM-DD day`)
  const date = new Date(`${day}T00:00:00Z`)
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) throw new Error(`${day} is not a day`)
  return date
}

/** `day` moved by whole calendar days: addDays('2016-04-01', 30) is '2016-05-01'. */
export function addDays(day: string, days: number): string {
  const date = toDate(day)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

export interface WorkingDayCalendar {
  /** The bank holiday's name on that day, or null. */
  holiday(day: string): string | null
  isWorkingDay(day: string): boolean
  /**
   * The working day `n` working days after `day` (before it, when n is negative); `day` itself is
   * never counted. 5 working days after Thursday 22 December 2016 is Tuesday 3 January 2017.
   */
  addWorkingDays(day: string, n: number): string
  /** How many working days after `from` up to and including `to` (negative when `to` is earlier). */
  workingDaysBetween(from: string, to: string): number
}

export interface CalendarChanges {
  /** Extra days off: announced after this table was written, or local. */
  add?: readonly { day: string; name: string }[]
  /** Days in the table that are not holidays for this partnership. */
  remove?: readonly string[]
}

export function workingDayCalendar(changes: CalendarChanges = {}): WorkingDayCalendar {
  const holidays = new Map<string, string>(englandAndWalesBankHolidays.map(([day, name]) => [day, name]))
  for (const day of changes.remove ?? []) holidays.delete(day)
  for (const { day, name } of changes.add ?? []) holidays.set(toDate(day).toISOString().slice(0, 10), name)

  const holiday = (day: string) => {
    toDate(day)
    return holidays.get(day) ?? null
  }
  const isWorkingDay = (day: string) => !isWeekend(day) && !holidays.has(day)
  return {
    holiday,
    isWorkingDay,
    addWorkingDays(day, n) {
      if (!Number.isInteger(n)) throw new Error('Working days are whole days')
      const step = n < 0 ? -1 : 1
      let current = toDate(day).toISOString().slice(0, 10)
      for (let left = Math.abs(n); left > 0;) {
        current = addDays(current, step)
        if (isWorkingDay(current)) left -= 1
      }
      return current
    },
    workingDaysBetween(from, to) {
      toDate(from)
      toDate(to)
      if (from === to) return 0
      const step = to > from ? 1 : -1
      let count = 0
      for (let current = from; current !== to;) {
        current = addDays(current, step)
        if (isWorkingDay(current)) count += step
      }
      return count
    },
  }
}

/** The calendar with the built-in table alone. */
export const bankHolidayCalendar = workingDayCalendar()

/**
 * The partnership's calendar: the built-in table with its own changes (Administration → Bank
 * holidays, platform/bank-holidays). Every clock counted in working days reads this one.
 */
export async function partnershipCalendar(db: Database, partnershipId: string): Promise<WorkingDayCalendar> {
  const changes = await db
    .select({ day: workingDayChanges.day, kind: workingDayChanges.kind, name: workingDayChanges.name })
    .from(workingDayChanges)
    .where(eq(workingDayChanges.partnershipId, partnershipId))
  return workingDayCalendar({
    add: changes.filter((c) => c.kind === 'holiday'),
    remove: changes.filter((c) => c.kind === 'working-day').map((c) => c.day),
  })
}
