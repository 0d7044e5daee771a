import { z } from 'zod'
import type { FieldErrors } from '../../../platform/errors.ts'
import {
  capitalise,
  checkbox,
  checkboxes,
  choice,
  dateInput,
  optionalId,
  optionalText,
  requiredText,
  version,
} from '../../../platform/forms.ts'
import { monthNames } from '../../../platform/views.ts'
import { todayInLondon } from '../../actions/service.ts'
import {
  ageBands,
  caseStatuses,
  concernCodes,
  decisionOutcomes,
  frameworks,
  harmCategories,
  parallelProcesses,
  reviewTypes,
} from '../schema.ts'
import { dateField } from './service.ts'

/** The case forms' schemas, with GOV.UK-worded messages; their dates are read by `readDates`. */

/** Ids chosen with checkboxes, posted as one value or many. */
const chosenIds = (message: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
    .pipe(z.array(z.uuid(message)))

/** A choice that may be left empty: empty is null. */
const optionalChoice = <const T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z
    .string()
    .optional()
    .transform((value) => value || null)
    .pipe(z.enum(values, { error: message }).nullable())

/** "Save anyway" on the name check's warning (name-check.ts). */
const confirmNames = checkbox

export const referralSchema = z.object({
  reference: requiredText('the reference, like Child K', 60),
  circumstances: optionalText('circumstances', 2000),
  referredByAgencyId: optionalId,
  referrer: optionalText('who referred it', 200),
  harm: choice(harmCategories, 'Select the harm'),
  ageBand: optionalChoice(ageBands, 'Select an age band from the list'),
  concerns: checkboxes(concernCodes, 'Select concerns from the list'),
  agencyIds: chosenIds('Select agencies from the list'),
  confirmNames,
})

export const clocksSchema = z.object({ version })

export const decisionSchema = z.object({
  version,
  framework: choice(frameworks, 'Select which framework applies'),
  decisionOutcome: choice(decisionOutcomes, 'Select whether the criteria are met'),
  decisionRationale: requiredText('the rationale for the decision', 4000),
  decidedByPersonId: z.string({ error: 'Select who made the decision' }).pipe(z.uuid('Select who made the decision')),
  panelView: optionalText('the national panel’s view', 2000),
  confirmNames,
})

export const reviewSchema = z.object({
  version,
  reviewType: choice(reviewTypes, 'Select the type of review'),
  methodology: optionalText('methodology', 300),
  leadReviewer: optionalText('the lead reviewer', 200),
  termsOfReference: optionalText('the terms of reference', 20000),
  panelMemberIds: chosenIds('Select panel members from the list'),
  addPanelMemberId: optionalId,
  parallelProcess: optionalChoice(parallelProcesses, 'Select a parallel process from the list'),
  confirmNames,
})

export const statusSchema = z.object({
  version,
  status: choice(caseStatuses, 'Select the new status'),
  parallelProcess: optionalChoice(parallelProcesses, 'Select a parallel process from the list'),
})

export interface DateSpec {
  name: string
  /** As in "Enter the date the partnership became aware". */
  label: string
  required?: boolean
  /** Cannot be after today (in London): the day something happened. */
  notFuture?: boolean
}

/**
 * The named GOV.UK date inputs: each a real date, given when required, and not in the future
 * when it records something that has happened. Errors sit on each input's day field.
 */
export function readDates(body: Record<string, unknown>, specs: DateSpec[], today = todayInLondon()) {
  const errors: FieldErrors = {}
  const values: Record<string, string | null> = {}
  for (const spec of specs) {
    const result = dateInput(body, spec.name, spec.label, { required: !!spec.required, min: '1990-01-01' })
    if (result.error) errors[dateField(spec.name)] = result.error
    else if (spec.notFuture && result.value && result.value > today)
      errors[dateField(spec.name)] = `${capitalise(spec.label.replace(/^the /, ''))} must be today or in the past`
    else values[spec.name] = result.value ?? null
  }
  return { errors, values }
}

const monthNumber = (name: string) =>
  monthNames.findIndex((month) => month.toLowerCase().startsWith(name.toLowerCase()) && name.length >= 3) + 1

/** One day as people write it: "12 October 2016", "12 Oct 2016", "12/10/2016" or "2016-10-12". */
export function parseDay(text: string): string | null {
  const trimmed = text.trim()
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed)
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed)
  const worded = /^(?:[a-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$/i.exec(trimmed)
  const parts: [number, number, number] | null = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : numeric
      ? [Number(numeric[3]), Number(numeric[2]), Number(numeric[1])]
      : worded && monthNumber(worded[2]!)
        ? [Number(worded[3]), monthNumber(worded[2]!), Number(worded[1])]
        : null
  if (!parts) return null
  const [year, month, day] = parts
  const date = new Date(Date.UTC(year, month - 1, day))
  if (year < 1990 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return date.toISOString().slice(0, 10)
}

/** The panel meetings' textarea: one day a line, blank lines ignored. */
export function readPanelMeetings(text: string | undefined): { days: string[]; error?: string } {
  if ((text ?? '').length > 2000) return { days: [], error: 'Panel meetings must be 2,000 characters or less' }
  const lines = (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
  const days: string[] = []
  for (const line of lines) {
    const day = parseDay(line)
    if (!day)
      return {
        days,
        error: `Enter each panel meeting as a real date on its own line, like 12 October 2016: “${line.slice(0, 40)}” is not one`,
      }
    days.push(day)
  }
  return { days: [...new Set(days)].sort() }
}
