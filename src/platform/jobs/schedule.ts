/**
 * When a recurring job runs next: pure functions, tested at the clock changes in schedule.test.ts.
 * Daily times are wall-clock times in the partnership's time zone (Europe/London), so a 03:00 job
 * runs at 03:00 in both GMT and BST.
 */
export type RecurringSchedule =
  { name: string; every: { minutes?: number; hours?: number } } | { name: string; dailyAt: string; timeZone?: string }

export const defaultTimeZone = 'Europe/London'

export function intervalMs(every: { minutes?: number; hours?: number }): number {
  const ms = ((every.hours ?? 0) * 60 + (every.minutes ?? 0)) * 60_000
  if (!(ms > 0)) throw new Error(`A recurring job needs a positive interval, not ${JSON.stringify(every)}`)
  return ms
}

/** The first time after `now` that the schedule is due. */
export function nextRun(schedule: RecurringSchedule, now: Date): Date {
  return 'every' in schedule
    ? new Date(now.getTime() + intervalMs(schedule.every))
    : nextDailyRun(now, schedule.dailyAt, schedule.timeZone)
}

const formatters = new Map<string, Intl.DateTimeFormat>()

/** The wall-clock time in `timeZone` at `instant`, written as if it were UTC (milliseconds). */
function wallClock(instant: number, timeZone: string): number {
  let format = formatters.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, format)
  }
  const part = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, Number(p.value)]))
  return Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!)
}

/**
 * The instant the wall clock in `timeZone` reads `wall` (a UTC-encoded wall time). When it reads it
 * twice (the hour repeated in October) this is the first; when never (the hour skipped in March), it
 * is the instant the clock would have read it had it not gone forward: 01:30 is 02:30 BST.
 */
function instantOf(wall: number, timeZone: string): number {
  const offsetBefore = wallClock(wall - 86_400_000, timeZone) - (wall - 86_400_000)
  const offsetAfter = wallClock(wall + 86_400_000, timeZone) - (wall + 86_400_000)
  const readings = [wall - offsetBefore, wall - offsetAfter].filter((t) => wallClock(t, timeZone) === wall)
  return readings.length ? Math.min(...readings) : wall - offsetBefore
}

/** The first instant strictly after `now` when the clock in `timeZone` reads `at` ('HH:MM', 24-hour). */
export function nextDailyRun(now: Date, at: string, timeZone = defaultTimeZone): Date {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(at)
  if (!match) throw new Error(`A daily time is HH:MM, 00:00 to 23:59, not "${at}"`)
  const today = new Date(wallClock(now.getTime(), timeZone))
  for (let day = 0; day <= 2; day++) {
    const wall = Date.UTC(
      today.getUTCFullYear(),
      today.getUTCMonth(),
      today.getUTCDate() + day,
      Number(match[1]),
      Number(match[2]),
    )
    const instant = instantOf(wall, timeZone)
    if (instant > now.getTime()) return new Date(instant)
  }
  throw new Error('unreachable: a daily time comes round within two days')
}
