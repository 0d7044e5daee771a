import { z } from 'zod'
import { checkboxes, choice, optionalId, optionalText, requiredText } from '../../../platform/forms.ts'
import { themeIds } from '../../themes/index.ts'
import { voiceAgeBands, voiceAudiences, voiceMethods } from '../voice-schema.ts'

const count = (label: string, required: boolean) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, context) => {
      if (!value) {
        if (required) context.addIssue({ code: 'custom', message: `Enter how many ${label}` })
        return null
      }
      if (!/^\d+$/.test(value) || Number(value) > 1_000_000) {
        context.addIssue({ code: 'custom', message: `How many ${label} must be a whole number, 0 or more` })
        return null
      }
      return Number(value)
    })

/** A voice record's form; the held-on date is read from its date input (formRoute's `extra`). */
export const voiceRecordSchema = z
  .object({
    title: requiredText('a title'),
    audience: choice(voiceAudiences, 'Select who was asked'),
    agencyIds: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
      .pipe(z.array(z.uuid('Select agencies from the list'))),
    ageBands: checkboxes(voiceAgeBands, 'Select age bands from the list'),
    method: choice(voiceMethods, 'Select how they were asked'),
    invited: count('were asked', false),
    responses: count('responded', true),
    findings: optionalText('the key findings', 20_000),
    themeIds,
    planPriorityId: optionalId,
  })
  .superRefine((input, context) => {
    if (input.invited !== null && input.responses !== null && input.responses > input.invited)
      context.addIssue({
        code: 'custom',
        path: ['responses'],
        message: 'How many responded must not be more than how many were asked',
      })
    if (input.audience === 'children-and-young-people' && !input.ageBands.length)
      context.addIssue({ code: 'custom', path: ['ageBands'], message: 'Select the age bands of the children asked' })
  })
  .transform((input) => ({
    ...input,
    // Null only with an issue raised above, so never saved.
    responses: input.responses ?? 0,
    // Only what applies to the audience is kept.
    agencyIds: input.audience === 'practitioners' ? [...new Set(input.agencyIds)] : [],
    ageBands: input.audience === 'children-and-young-people' ? [...new Set(input.ageBands)] : [],
  }))

export type VoiceRecordInput = z.infer<typeof voiceRecordSchema> & { heldOn: string }
