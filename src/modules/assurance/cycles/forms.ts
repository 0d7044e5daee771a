import { z } from 'zod'
import type { FieldErrors } from '../../../platform/errors.ts'
import { checkbox, dateInput, requiredText, version } from '../../../platform/forms.ts'
import { parseReminderDays } from './reminders.ts'

/** The cycle forms' schemas; dates (GOV.UK date inputs) are read by `cycleDates`. */

const reminderDays = (which: string) =>
  z
    .string()
    .optional()
    .transform((text, context) => {
      const days = parseReminderDays(text ?? '')
      if (days === null) {
        context.addIssue({
          code: 'custom',
          message: `Enter the days ${which} the due date as whole numbers from 1 to 365, separated by commas, like 14, 7`,
        })
        return z.NEVER
      }
      return days
    })

const cycleFields = {
  name: requiredText('the cycle’s name', 200),
  remindDaysBefore: reminderDays('before'),
  remindDaysAfter: reminderDays('after'),
}

export const newCycleSchema = z.object({
  ...cycleFields,
  startYear: z.coerce
    .number({ error: 'Select the reporting year' })
    .int('Select the reporting year')
    .min(2000, 'Select the reporting year')
    .max(2100, 'Select the reporting year'),
  agencyIds: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
    .pipe(z.array(z.uuid('Select the agencies taking part')).min(1, 'Select the agencies taking part')),
})

export const editCycleSchema = z.object({ version, ...cycleFields })

/** The open and due dates: both required, the due date after the opening date. */
export function cycleDates(body: Record<string, unknown>): {
  errors?: FieldErrors
  values?: { opensOn: string; dueOn: string }
} {
  const range = { required: true, min: '2000-01-01', max: '2100-12-31' }
  const opens = dateInput(body, 'opensOn', 'the opening date', range)
  const due = dateInput(body, 'dueOn', 'the due date', range)
  const errors: FieldErrors = {}
  if (opens.error) errors['opensOn-day'] = opens.error
  if (due.error) errors['dueOn-day'] = due.error
  if (!opens.error && !due.error && due.value! <= opens.value!)
    errors['dueOn-day'] = 'The due date must be after the opening date'
  if (Object.keys(errors).length) return { errors }
  return { values: { opensOn: opens.value!, dueOn: due.value! } }
}

export const addAgencySchema = z.object({ agencyId: z.uuid('Select an agency from the list') })

export const openSchema = z.object({ version })

export const closeSchema = z.object({ version, confirmDrafts: checkbox })
