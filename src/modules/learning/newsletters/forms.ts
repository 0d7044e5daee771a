import { z } from 'zod'
import { checkbox, optionalText, requiredEmail, requiredText } from '../../../platform/forms.ts'

/** The newsletter forms' schemas, with GOV.UK-worded messages. */

export const mailingListSchema = z.object({
  name: requiredText('the list’s name', 120),
  description: requiredText('a description', 1000),
  publicSignUp: checkbox,
  active: checkbox,
})
export type MailingListForm = z.infer<typeof mailingListSchema>

export const issueSchema = z.object({
  title: requiredText('the title', 200),
  body: requiredText('the newsletter', 50_000),
})
export type IssueForm = z.infer<typeof issueSchema>

/**
 * The consent a subscriber gives, word for word: stored with each subscription (consent_text), so
 * what they agreed to is on record even after these words change.
 */
export const consentText =
  'I agree to the partnership emailing me this newsletter and keeping my email address and name for that purpose until I unsubscribe. Every email has a link to unsubscribe.'

export const subscribeSchema = z.object({
  listIds: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
    .pipe(
      z
        .array(z.uuid('Select a newsletter from the list'))
        .min(1, 'Select at least one newsletter')
        .max(20, 'Select a newsletter from the list'),
    ),
  email: requiredEmail(),
  name: optionalText('your name', 200),
  consent: z.literal('yes', { error: 'Confirm that you agree to be emailed' }),
})
export type SubscribeForm = z.infer<typeof subscribeSchema>
