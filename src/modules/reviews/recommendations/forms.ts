import { z } from 'zod'
import { checkbox, dateInput, requiredText } from '../../../platform/forms.ts'

/** The recommendation forms' schemas, with GOV.UK-worded messages; dates come from GOV.UK date inputs. */

const dateRange = { min: '1990-01-01', max: '2100-12-31' }

export const recommendationSchema = z.object({
  text: requiredText('the recommendation', 2000),
  agencyId: z.uuid('Select the agency that owns the recommendation'),
  /** "Save anyway" after the name check's warning (cases/name-check.ts). */
  confirmNames: checkbox,
})

/**
 * One GOV.UK date input as a form route's `extra`: its error against `<name>-day`, or the ISO date
 * (null when optional and left blank).
 */
export function dateField<N extends string, R extends boolean>(name: N, label: string, required: R) {
  return (body: Record<string, unknown>) => {
    const read = dateInput(body, name, label, { required, ...dateRange })
    if (read.error) return { errors: { [`${name}-day`]: read.error } }
    return { values: { [name]: read.value ?? null } as Record<N, R extends true ? string : string | null> }
  }
}

/** The due date, optional: some recommendations have none. */
export const recommendationDates = dateField('dueOn', 'the due date', false)

export const responseSchema = z.object({
  response: requiredText('the agency’s response', 5000),
  started: checkbox,
})

export const closeSchema = z.object({
  evidence: requiredText('the evidence that the recommendation is complete', 5000),
})

export const completionDates = dateField('completedOn', 'the date it was completed', true)

export const actionSchema = z.object({
  description: requiredText('what needs to be done', 1000),
  ownerPersonId: z.uuid('Select the person who owns the action'),
  ownerAgencyId: z.uuid('Select the agency that owns the action'),
})

export const actionDates = dateField('dueOn', 'the due date', true)
