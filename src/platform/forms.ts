import { z } from 'zod'
import { ValidationError, type FieldErrors } from './errors.ts'

/**
 * Forms the GOV.UK way: a strict zod schema per form, messages in GOV.UK wording,
 * and errors shaped as field → message for the error summary and inline errors.
 */

export function parseForm<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body ?? {})
  if (result.success) return result.data
  throw new ValidationError(fieldErrors(result.error))
}

export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of error.issues) {
    const field = issue.path.length ? issue.path.map(String).join('-') : 'form'
    errors[field] ??= issue.message
  }
  return errors
}

/** The error summary's list, each linking to its field. */
export function errorList(errors: FieldErrors | undefined) {
  return Object.entries(errors ?? {}).map(([field, text]) => ({ text, href: `#${field}` }))
}

/** Zero-width space, non-joiner and joiner, word joiner and byte order mark: invisible, so never meant. */
const invisible = /[\u200B-\u200D\u2060\uFEFF]/g

/**
 * Text as it is compared and stored: one Unicode form (NFC, so "é" typed two ways is one "é") and
 * no invisible characters, so a name pasted with a zero-width space still matches its duplicate.
 */
export function normaliseText(text: string) {
  return text.normalize('NFC').replace(invisible, '')
}

/** A required line of text, normalised and trimmed, with GOV.UK's "Enter …" and "… must be N characters or less". */
export function requiredText(label: string, max = 200) {
  return z
    .string({ error: `Enter ${label}` })
    .overwrite(normaliseText)
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${capitalise(label.replace(/^(the|your|a|an) /, ''))} must be ${max} characters or less`)
}

/** Optional text, normalised like required text: empty becomes null. */
export function optionalText(label: string, max = 200) {
  return z
    .string()
    .overwrite(normaliseText)
    .trim()
    .max(max, `${capitalise(label.replace(/^(the|your|a|an) /, ''))} must be ${max} characters or less`)
    .optional()
    .transform((value) => (value ? value : null))
}

const emailFormat = 'Enter an email address in the correct format, like name@example.com'
const emailBase = () =>
  z
    .string({ error: 'Enter an email address' })
    .trim()
    .toLowerCase()
    .max(254, 'Email address must be 254 characters or less')

export function requiredEmail() {
  return emailBase().min(1, 'Enter an email address').pipe(z.email(emailFormat))
}

/** Optional email: empty becomes null. */
export function optionalEmail() {
  return emailBase()
    .optional()
    .transform((value) => (value ? value : null))
    .pipe(z.email(emailFormat).nullable())
}

/** A choice from a fixed list. */
export function choice<const T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.enum(values, { error: message })
}

/** A checkbox posted as "true" or absent. */
export const checkbox = z
  .union([z.literal('true'), z.literal('on'), z.literal('')])
  .optional()
  .transform((value) => value === 'true' || value === 'on')

/** Checkboxes posted as one value or many. */
export function checkboxes<const T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
    .pipe(z.array(z.enum(values, { error: message })))
}

/** The largest PostgreSQL integer: a version past it would fail in the database, not in the form. */
const maxVersion = 2_147_483_647
/** The version is a hidden field, so its message is about the whole form, not a field to correct. */
const versionProblem = 'This form is out of date or incomplete. Open it again and make your changes.'

/** The record version a form was opened at, for stale-edit detection. */
export const version = z.coerce
  .number({ error: versionProblem })
  .int(versionProblem)
  .min(1, versionProblem)
  .max(maxVersion, versionProblem)

/** An optional id chosen from a list; empty means none. */
export const optionalId = z
  .string()
  .optional()
  .transform((value) => (value ? value : null))
  .pipe(z.uuid('Select an option from the list').nullable())

/**
 * A GOV.UK date input (three fields: day, month, year), posted as `<name>-day` and so on.
 * Returns an ISO date string, or null when all three are empty and the date is optional.
 */
export function dateInput(
  body: Record<string, unknown>,
  name: string,
  label: string,
  options: { required: boolean; min?: string; max?: string },
) {
  const part = (key: string) => String(body[`${name}-${key}`] ?? '').trim()
  const day = part('day')
  const month = part('month')
  const year = part('year')
  if (!day && !month && !year) {
    if (options.required) return { error: `Enter ${label}` }
    return { value: null }
  }
  const missing = [!day && 'day', !month && 'month', !year && 'year'].filter(Boolean)
  if (missing.length)
    return { error: `${capitalise(label.replace(/^(the|a) /, ''))} must include a ${missing.join(' and ')}` }
  if (![day, month, year].every((p) => /^\d+$/.test(p)) || year.length !== 4) {
    return { error: `${capitalise(label.replace(/^(the|a) /, ''))} must be a real date` }
  }
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)))
  if (date.getUTCDate() !== Number(day) || date.getUTCMonth() !== Number(month) - 1) {
    return { error: `${capitalise(label.replace(/^(the|a) /, ''))} must be a real date` }
  }
  const iso = date.toISOString().slice(0, 10)
  if (options.min && iso < options.min)
    return { error: `${capitalise(label.replace(/^(the|a) /, ''))} must be on or after ${options.min.slice(0, 4)}` }
  if (options.max && iso > options.max)
    return { error: `${capitalise(label.replace(/^(the|a) /, ''))} must be on or before ${options.max.slice(0, 4)}` }
  return { value: iso }
}

/** A GOV.UK date input's three fields from an ISO date, for a form opening on a saved date. */
export function dateParts(iso: string | null | undefined, name: string) {
  if (!iso) return {}
  const [year, month, day] = iso.split('-')
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year }
}

export function capitalise(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
