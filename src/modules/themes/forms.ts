import { z } from 'zod'
import { optionalText, requiredText, version } from '../../platform/forms.ts'

/** The theme form (name and description); retiring and reinstating post only the version. */
export const themeSchema = z.object({
  name: requiredText('the theme’s name', 100),
  description: optionalText('description', 300),
})

export const themeStatusSchema = z.object({ version })
