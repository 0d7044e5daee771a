import type { WorkingDayCalendar } from '../../platform/working-days.ts'
import type { Framework, HarmCategory } from './schema.ts'

/**
 * The statutory clocks (Working Together 2018 onwards), counted in working days from the day the
 * partnership became aware of a serious child safeguarding case: notification to the national
 * panel within 5 working days, the rapid review to the panel within 15. The due day is the 5th
 * (15th) working day after the day of awareness, which itself is not counted.
 */
export const clockDefinitions = [
  { key: 'notification', label: 'Notification to the national panel', workingDays: 5, metField: 'notifiedOn' },
  { key: 'rapid-review', label: 'Rapid review to the national panel', workingDays: 15, metField: 'rapidReviewOn' },
] as const

export type ClockKey = (typeof clockDefinitions)[number]['key']

/** Due (not yet met, not yet late), met on time, met late, overdue (not met and past due). */
export type ClockState = 'due' | 'met' | 'met-late' | 'overdue'

export interface Clock {
  key: ClockKey
  label: string
  workingDays: number
  dueOn: string
  state: ClockState
  metOn: string | null
  /** Working days from awareness to the day it was met, or to today while it is not. */
  workingDaysTaken: number
  /** Working days left until it is due (0 on the day; negative once overdue), while not met. */
  workingDaysLeft: number | null
}

export interface ClockFacts {
  awareOn: string
  harm: HarmCategory
  framework: Framework | null
  notifiedOn: string | null
  rapidReviewOn: string | null
}

/** The clocks run for a death or serious harm, unless the case falls under Working Together 2015 (no panel then). */
export function clocksApply(facts: Pick<ClockFacts, 'harm' | 'framework'>) {
  return facts.harm !== 'other' && facts.framework !== 'working-together-2015'
}

/** The case's clocks as of `today` (a London day): none when they do not apply. */
export function caseClocks(facts: ClockFacts, today: string, calendar: WorkingDayCalendar): Clock[] {
  if (!clocksApply(facts)) return []
  return clockDefinitions.map((definition) => {
    const dueOn = calendar.addWorkingDays(facts.awareOn, definition.workingDays)
    const metOn = facts[definition.metField]
    const state: ClockState = metOn ? (metOn <= dueOn ? 'met' : 'met-late') : today > dueOn ? 'overdue' : 'due'
    return {
      key: definition.key,
      label: definition.label,
      workingDays: definition.workingDays,
      dueOn,
      state,
      metOn,
      workingDaysTaken: calendar.workingDaysBetween(facts.awareOn, metOn ?? today),
      workingDaysLeft: metOn ? null : calendar.workingDaysBetween(today, dueOn),
    }
  })
}

export const clockStateLabels: Record<ClockState, string> = {
  due: 'Due',
  met: 'Met',
  'met-late': 'Met late',
  overdue: 'Overdue',
}

/** A clock not met that is due within `withinWorkingDays` working days, or already overdue. */
export function dueSoonOrOverdue(clock: Clock, withinWorkingDays: number) {
  return clock.state === 'overdue' || (clock.state === 'due' && (clock.workingDaysLeft ?? 0) <= withinWorkingDays)
}
