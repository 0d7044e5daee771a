import { z } from 'zod'
import type { FieldErrors } from '../../../platform/errors.ts'
import { checkbox, choice, optionalEmail, optionalText, requiredEmail, requiredText } from '../../../platform/forms.ts'
import { isUuid } from '../../../platform/tokens.ts'
import { learnerSectors } from '../schema.ts'

/** The public booking form, with GOV.UK-worded messages. */

export const bookingSchema = z.object({
  /** Which form the person saw: a place, or the waiting list when the event was full. */
  intent: z.enum(['book', 'waiting-list']).catch('book'),
  name: requiredText('your full name', 200),
  email: requiredEmail(),
  jobTitle: requiredText('your job title', 200),
  sector: choice(learnerSectors, 'Select the sector you work in'),
  managerEmail: optionalEmail(),
  accessNeeds: optionalText('access needs', 2000),
  terms: checkbox.refine((accepted) => accepted, 'Confirm that you accept the booking terms'),
})
export type BookingForm = z.infer<typeof bookingSchema>

export interface AgencyAnswer {
  agencyId: string | null
  agencyOther: string | null
}

/**
 * The agency question: one of the directory's agencies, or another organisation by name. Read
 * beside the schema so its messages show with every other field's, not only once they are right.
 */
export function agencyAnswer(body: Record<string, unknown>): { errors?: FieldErrors; values?: AgencyAnswer } {
  const choice = body.agencyChoice
  if (choice === 'listed') {
    const id = String(body.agencyId ?? '')
    if (!isUuid(id)) return { errors: { agencyId: 'Select your agency from the list' } }
    return { values: { agencyId: id, agencyOther: null } }
  }
  if (choice === 'other') {
    const name = String(body.agencyOther ?? '')
      .normalize('NFC')
      .trim()
    if (!name) return { errors: { agencyOther: 'Enter the name of your organisation' } }
    if (name.length > 200) return { errors: { agencyOther: 'Organisation name must be 200 characters or less' } }
    return { values: { agencyId: null, agencyOther: name } }
  }
  return { errors: { agencyChoice: 'Select whether your agency is in the list' } }
}
