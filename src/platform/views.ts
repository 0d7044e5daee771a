import { fileURLToPath } from 'node:url'
import type nunjucks from 'nunjucks'

/**
 * The one Nunjucks environment: template roots and the one filter templates use. Presenters
 * format everything else in TypeScript, where it is unit-tested; views.test.ts fails when a
 * template uses a filter that is not registered, or a registered filter goes unused.
 * Template names are paths from src/ (for example "modules/partnership/views/agencies.njk"),
 * so a template's name says which module owns it.
 */
export const templateRoots = [
  fileURLToPath(new URL('..', import.meta.url)),
  fileURLToPath(new URL('../../node_modules/govuk-frontend/dist', import.meta.url)),
  fileURLToPath(new URL('../../node_modules/@ministryofjustice/frontend', import.meta.url)),
]

const londonDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
})
// hourCycle h12, not hour12: en-GB's 12-hour clock otherwise shows half past midnight as 0:30am.
const londonTime = new Intl.DateTimeFormat('en-GB', {
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h12',
  timeZone: 'Europe/London',
})

function toDate(value: unknown): Date | null {
  if (value === null || value === undefined || value === '') return null
  const date = value instanceof Date ? value : new Date(String(value))
  return Number.isNaN(date.getTime()) ? null : date
}

export const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** "25 November 2026", the GOV.UK style. */
export function formatDate(value: unknown): string {
  const date = toDate(value)
  return date ? londonDate.format(date) : ''
}

/** "25 November 2026 at 2:05pm". */
const weekdayDate = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})

/** "Tuesday 3 January 2017" (GOV.UK style, no comma) from a `YYYY-MM-DD` day: for due days, where the weekday matters. */
export function dayWithWeekday(day: string) {
  return weekdayDate.format(new Date(`${day}T00:00:00Z`)).replace(',', '')
}

export function formatDateTime(value: unknown): string {
  const date = toDate(value)
  return date ? `${londonDate.format(date)} at ${londonTime.format(date).replace(' ', '').toLowerCase()}` : ''
}

export function configureNunjucks(env: nunjucks.Environment) {
  env.addFilter('dateTime', formatDateTime)
  return env
}

/** A stored code as words: "vice-chair" → "Vice chair". */
export function codeToWords(value: unknown) {
  const text = String(value).replace(/-/g, ' ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** Items in a sentence: "A", "A and B", "A, B and C". */
export function listOf(items: readonly string[]) {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '')
}
