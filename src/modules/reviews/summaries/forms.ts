import { z } from 'zod'
import { checkbox, requiredText, version } from '../../../platform/forms.ts'

/** The summary's form: its three parts in Markdown; a version once there is a summary to change. */
export const summarySchema = z.object({
  whatHappened: requiredText('what happened', 10_000),
  whatWeLearned: requiredText('what we learned', 10_000),
  whatToDoDifferently: requiredText('what to do differently', 10_000),
  version: version.optional(),
  /** "Save anyway" after the name check's warning (cases/name-check.ts). */
  confirmNames: checkbox,
})
