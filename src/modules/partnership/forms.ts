import { z } from 'zod'
import { checkbox, choice, optionalEmail, optionalId, optionalText, requiredText } from '../../platform/forms.ts'
import { terminologies } from '../../platform/schema.ts'
import { agencyTypes, groupKinds, membershipRoles } from './schema.ts'

/** The directory's form schemas, with GOV.UK-worded messages. */

export const partnershipSchema = z.object({
  name: requiredText('the partnership’s name', 200),
  shortName: requiredText('a short name', 20),
  area: requiredText('the area it covers', 200),
  localAuthorityCode: requiredText('the local authority code', 20)
    .regex(/^[A-Z0-9]+$/i, 'Local authority code must only include letters and numbers, like E10000025')
    .transform((code) => code.toUpperCase()),
  yearStartMonth: z.coerce
    .number({ error: 'Select the month the reporting year starts' })
    .int()
    .min(1, 'Select the month the reporting year starts')
    .max(12, 'Select the month the reporting year starts'),
  terminology: choice(terminologies, 'Select what the partnership is called'),
})

export const agencySchema = z.object({
  name: requiredText('the agency’s name', 200),
  type: choice(agencyTypes, 'Select the type of agency'),
  contributesFunding: checkbox,
  active: checkbox,
})

export const personSchema = z.object({
  name: requiredText('their full name', 200),
  sortName: optionalText('sort as', 200),
  jobTitle: optionalText('job title', 200),
  agencyId: optionalId,
  email: optionalEmail(),
})

export const groupSchema = z.object({
  name: requiredText('the group’s name', 200),
  kind: choice(groupKinds, 'Select whether this is the board or a subgroup'),
  purpose: optionalText('purpose', 2000),
  active: checkbox,
})

export const membershipSchema = z.object({ role: choice(membershipRoles, 'Select their role in the group') })

/** Erasing a person's details: the GOV.UK "are you sure" question, answered yes or no. */
export const eraseSchema = z.object({
  confirm: choice(['yes', 'no'], 'Select yes if you want to erase this person’s details'),
})
