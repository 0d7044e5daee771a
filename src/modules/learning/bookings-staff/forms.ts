import { z } from 'zod'
import { checkbox, choice, optionalEmail, optionalText, requiredEmail, requiredText } from '../../../platform/forms.ts'
import type { PlaceRequest } from '../bookings/service.ts'
import { learnerSectors } from '../schema.ts'

/**
 * The staff booking forms. Booking someone (or giving a colleague their place) asks what the
 * public form asks, less the terms: staff book on the person's behalf, so `termsAcceptedAt` is null.
 */

/** The agency select's value for "not in the directory": the name is typed instead. */
export const otherAgency = 'other'

export const placeRequestSchema = z
  .object({
    name: requiredText('their full name', 200),
    email: requiredEmail(),
    jobTitle: optionalText('job title', 200),
    agencyId: z.string({ error: 'Select their agency' }).min(1, 'Select their agency'),
    agencyOther: optionalText('the agency name', 200),
    sector: choice(learnerSectors, 'Select the sector they work in'),
    managerEmail: optionalEmail(),
    accessNeeds: optionalText('access needs', 1000),
  })
  .superRefine((form, context) => {
    if (form.agencyId === otherAgency && !form.agencyOther)
      context.addIssue({ code: 'custom', path: ['agencyOther'], message: 'Enter the name of their agency' })
    if (form.agencyId !== otherAgency && !z.uuid().safeParse(form.agencyId).success)
      context.addIssue({ code: 'custom', path: ['agencyId'], message: 'Select their agency' })
  })
export type PlaceRequestForm = z.infer<typeof placeRequestSchema>

export function toPlaceRequest(form: PlaceRequestForm): PlaceRequest {
  const other = form.agencyId === otherAgency
  return {
    name: form.name,
    email: form.email,
    jobTitle: form.jobTitle,
    agencyId: other ? null : form.agencyId,
    agencyOther: other ? form.agencyOther : null,
    sector: form.sector,
    managerEmail: form.managerEmail,
    accessNeeds: form.accessNeeds,
    termsAcceptedAt: null,
  }
}

export const cancelSchema = z.object({
  /** "Record as cancelled in time": the event moved, say, so no charge. */
  waiveLate: checkbox,
})

export const moveSchema = z.object({
  eventId: z.uuid('Select the date to move the booking to'),
})

export const attendanceMarks = ['attended', 'no-show', 'late-cancellation'] as const
export type AttendanceMark = (typeof attendanceMarks)[number]

/** The register posts one `mark-<booking id>` per row; the service checks every row has one. */
export const attendanceSchema = z.record(z.string(), z.unknown()).transform((body) =>
  Object.fromEntries(
    Object.entries(body)
      .filter(([key]) => key.startsWith('mark-'))
      .map(([key, value]) => [key.slice('mark-'.length), String(value)]),
  ),
)
