import { addDays } from '../../../platform/working-days.ts'

/**
 * Which reminder a return still in draft is due today (London dates, YYYY-MM-DD): "before-7" on the
 * 7th day before the due date, "after-3" on the 3rd day after it. Each is sent once per return (the
 * audit_reminders row); this says only which one today calls for.
 *
 * A daily job that missed a day or two (a deployment, an outage) still sends the latest reminder
 * whose day has come within the last `catchUpDays`, but never one older, and never more than one a
 * day: a cycle opened late, or a job stopped for a week, does not send a pile of stale reminders.
 */
export const catchUpDays = 2

export interface ReminderDay {
  reminder: string
  day: string
}

/** Every reminder of a cycle, by the day it falls on, earliest first. */
export function reminderDays(dueOn: string, before: readonly number[], after: readonly number[]): ReminderDay[] {
  const days = [
    ...before.filter((n) => n > 0).map((n) => ({ reminder: `before-${n}`, day: addDays(dueOn, -n) })),
    ...after.filter((n) => n > 0).map((n) => ({ reminder: `after-${n}`, day: addDays(dueOn, n) })),
  ]
  return days.sort((a, b) => a.day.localeCompare(b.day))
}

/**
 * The reminder due today, or null: the latest whose day is today or at most `catchUpDays` before
 * it, and not before the day the cycle opened (no reminder for a time before anyone was asked).
 */
export function reminderDue(
  today: string,
  cycle: { dueOn: string; openedOn: string; remindDaysBefore: readonly number[]; remindDaysAfter: readonly number[] },
): ReminderDay | null {
  const earliest = addDays(today, -catchUpDays)
  const due = reminderDays(cycle.dueOn, cycle.remindDaysBefore, cycle.remindDaysAfter).filter(
    (r) => r.day <= today && r.day >= earliest && r.day > cycle.openedOn,
  )
  return due.at(-1) ?? null
}

/** "14, 7" → [14, 7]: whole days from 1 to 365, each once, largest first; null when it is not that. */
export function parseReminderDays(text: string): number[] | null {
  const trimmed = text.trim()
  if (!trimmed) return []
  const parts = trimmed.split(/[\s,]+/).filter(Boolean)
  if (!parts.every((p) => /^\d{1,3}$/.test(p))) return null
  const days = parts.map(Number)
  if (days.some((n) => n < 1 || n > 365)) return null
  return [...new Set(days)].sort((a, b) => b - a)
}
