import { z } from 'zod'
import { choice, optionalText, requiredText } from '../../../platform/forms.ts'
import { surveyQuestionKinds } from '../voice-schema.ts'
import { agreeScale } from './service.ts'

export const surveySchema = z.object({
  title: requiredText('the survey’s title'),
  introduction: optionalText('the introduction', 5000),
})

const lines = (text: string | undefined) =>
  (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.normalize('NFC').trim())
    .filter(Boolean)

/** A question: its kind, text, options (choice) or scale labels (scale, lowest first), and whether it must be answered. */
export const questionSchema = z
  .object({
    kind: choice(surveyQuestionKinds, 'Select the kind of question'),
    text: requiredText('the question', 500),
    options: z.string().optional(),
    scaleLabels: z.string().optional(),
    required: choice(['yes', 'no'], 'Select whether the question must be answered'),
  })
  .transform((input, context) => {
    const options =
      input.kind === 'choice' ? lines(input.options) : input.kind === 'scale' ? lines(input.scaleLabels) : []
    const field = input.kind === 'choice' ? 'options' : 'scaleLabels'
    if (input.kind !== 'text') {
      if (options.length < 2 || options.length > 11)
        context.addIssue({ code: 'custom', path: [field], message: 'Enter between 2 and 11 answers, one on each line' })
      else if (new Set(options).size !== options.length)
        context.addIssue({ code: 'custom', path: [field], message: 'Enter each answer once' })
      else if (options.some((o) => o.length > 200))
        context.addIssue({ code: 'custom', path: [field], message: 'Each answer must be 200 characters or less' })
    }
    return { kind: input.kind, text: input.text, options, required: input.required === 'yes' }
  })

export const defaultScaleLabels = agreeScale.join('\n')
