import { z } from 'zod'
import { checkbox, requiredText } from '../../../platform/forms.ts'
import { themeIds } from '../../themes/index.ts'
import { atLeastOneTheme } from './service.ts'

export const learningPointSchema = z.object({
  text: requiredText('the learning point', 2000),
  themeIds: themeIds.refine((ids) => ids.length > 0, atLeastOneTheme),
  /** "Save anyway" after the name check's warning (cases/name-check.ts). */
  confirmNames: checkbox,
})
