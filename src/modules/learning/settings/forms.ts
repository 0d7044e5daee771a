import { z } from 'zod'
import { version } from '../../../platform/forms.ts'
import { chargeTypes } from './update.ts'

/** The learning settings forms, with GOV.UK-worded messages. */

const wholeNumber = (label: string, min: number, max: number, unit: string) => {
  const said = (n: number) => `${n} ${n === 1 ? unit.replace(/s$/, '') : unit}`
  const Label = label.charAt(0).toUpperCase() + label.slice(1)
  return z.coerce
    .number({ error: `Enter ${label} as a number, like ${min + 1}` })
    .int(`Enter ${label} as a whole number of ${unit}`)
    .min(min, `${Label} must be at least ${said(min)}`)
    .max(max, `${Label} must be ${said(max)} or fewer`)
}

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
