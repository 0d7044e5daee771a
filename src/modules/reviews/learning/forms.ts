import { z } from 'zod'
import { requiredText } from '../../../platform/forms.ts'
import { themeIds } from '../../themes/index.ts'
import { atLeastOneTheme } from './service.ts'

export const learningPointSchema = z.object({
  text: requiredText('the learning point', 2000),
  themeIds: themeIds.refine((ids) => ids.length > 0, atLeastOneTheme),
})
