import { z } from 'zod'
import { version } from '../../../platform/forms.ts'
import { chargeTypes } from './update.ts'

/** The learning settings forms, with GOV.UK-worded messages. */

const wholeNumber = (label: string, min: number, max: number, unit: string) =>
  z.coerce
    .number({ error: `Enter ${label} as a number, like ${min + 1}` })
    .int(`Enter ${label} as a whole number of ${unit}`)
    .min(min, `${label.charAt(0).toUpperCase() + label.slice(1)} must be ${min} ${unit} or more`)
    .max(max, `${label.charAt(0).toUpperCase() + label.slice(1)} must be ${max} ${unit} or fewer`)

export const settingsSchema = z.object({
  version,
  cancellationCutOffWorkingDays: wholeNumber('the cancellation cut-off', 0, 20, 'working days'),
  offerHours: wholeNumber('the time to accept an offer', 1, 336, 'hours'),
  followUpWeeks: wholeNumber('when the follow-up goes', 1, 52, 'weeks'),
  bookingTerms: z
    .string()
    .trim()
    .max(10_000, 'Booking terms must be 10,000 characters or less')
    .optional()
    .transform((v) => v ?? ''),
})

/** "50", "50.00", "£12.50" → pence. */
const pounds = z
  .string({ error: 'Enter an amount in pounds, like 50 or 12.50' })
  .trim()
  .transform((v) => v.replace(/^£/, '').replace(/,/g, ''))
  .pipe(z.string().regex(/^\d{1,5}(\.\d{1,2})?$/, 'Enter an amount in pounds, like 50 or 12.50'))
  .transform((v) => Math.round(Number(v) * 100))

export const chargeField = (type: string) => `charge-${type}`

export const chargesSchema = z
  .object(Object.fromEntries(chargeTypes.map((type) => [chargeField(type), pounds])) as Record<string, typeof pounds>)
  .transform((form) => Object.fromEntries(chargeTypes.map((type) => [type, form[chargeField(type)]!])))
