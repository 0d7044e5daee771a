import { z } from 'zod'
import { choice, normaliseText, optionalId, requiredText } from '../../../platform/forms.ts'
import { dateField } from '../../reviews/recommendations/forms.ts'
import { priorityEvaluations } from '../schema.ts'

/** The business plan's forms, with GOV.UK-worded messages. */

export const planSchema = z.object({
  startYear: z.coerce
    .number({ error: 'Select the year the plan is for' })
    .int('Select the year the plan is for')
    .min(1900, 'Select the year the plan is for')
    .max(2200, 'Select the year the plan is for'),
})

/** Markdown an officer may leave empty, normalised like other text; stored as '' when empty. */
const markdownText = (label: string, max = 10_000) =>
  z
    .string()
    .optional()
    .transform((value) => normaliseText(value ?? '').trim())
    .pipe(z.string().max(max, `${label} must be ${max.toLocaleString('en-GB')} characters or less`))

/** Checkboxes of ids, posted as one value or many. */
const ids = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : (Array.isArray(value) ? value : [value]).filter(Boolean)))
  .refine((values) => values.every((value) => z.uuid().safeParse(value).success), 'Select indicators from the list')

export const prioritySchema = z.object({
  title: requiredText('the priority', 300),
  outcomes: requiredText('the intended outcomes', 5000),
  indicatorIds: ids,
})

export const evaluationSchema = z.object({
  evaluation: choice(priorityEvaluations, 'Select whether the priority was achieved'),
  evidence: requiredText('the evidence behind the evaluation', 10_000),
})

export const reviewSchema = z.object({
  areasForImprovement: markdownText('Areas for improvement'),
  messages: markdownText('Messages for multi-agency work'),
})

export const moveSchema = z.object({ direction: choice(['up', 'down'], 'Select up or down') })

export const actionSchema = z.object({
  description: requiredText('what needs to be done', 1000),
  ownerPersonId: optionalId,
  ownerAgencyId: optionalId,
})

export const actionDates = dateField('dueOn', 'the due date', true)
