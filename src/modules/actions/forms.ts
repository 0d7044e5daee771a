import { z } from 'zod'
import type { FieldErrors } from '../../platform/errors.ts'
import { capitalise, choice, dateInput, optionalId, requiredText, version } from '../../platform/forms.ts'
import { progressStatuses } from './labels.ts'
import { todayInLondon } from './service.ts'

/** The tracker's forms: strict schemas with GOV.UK wording, and the date fields read beside them. */

export const progressSchema = z.object({
  status: choice(progressStatuses, 'Select whether the action is not started, on track or at risk'),
  note: requiredText('a progress update', 4000),
})

export const completionSchema = z.object({
  version,
  evidence: requiredText('the evidence that the action is complete', 4000),
})

export const actionSchema = z.object({
  version,
  description: requiredText('a description of the action', 2000),
  ownerPersonId: optionalId,
  ownerAgencyId: optionalId,
})

/** What a date still to come is told, where only today or a past day makes sense. */
export const futureDateProblem = (label: string) =>
  `${capitalise(label.replace(/^the /, ''))} must be today or in the past`

/**
 * A required day from a GOV.UK date input (its error on `<name>-day`), and for a day that has
 * happened, not after London's today.
 */
function requiredDay<N extends string>(name: N, label: string, options: { past?: boolean } = {}) {
  return (body: Record<string, unknown>): { errors?: FieldErrors; values?: Record<N, string> } => {
    const day = dateInput(body, name, label, { required: true, min: '2000-01-01', max: '2100-12-31' })
    const problem = day.error ?? (options.past && day.value! > todayInLondon() ? futureDateProblem(label) : null)
    if (problem) return { errors: { [`${name}-day`]: problem } }
    return { values: { [name]: day.value! } as Record<N, string> }
  }
}

/** The day progress is reported for. */
export const progressDate = requiredDay('writtenOn', 'the date of the update', { past: true })
export const completionDate = requiredDay('completedOn', 'the completion date', { past: true })
export const dueDate = requiredDay('dueOn', 'the due date')
