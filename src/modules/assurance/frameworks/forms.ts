import { z } from 'zod'
import { choice, optionalText, requiredText, version } from '../../../platform/forms.ts'
import { frameworkKinds } from '../audit-schema.ts'
import { scaleCodes } from '../scales.ts'

/** The framework pages' form schemas. `version` is the framework's row version (stale edits refused). */

export const newFrameworkSchema = z.object({
  name: requiredText('the framework’s name', 200),
  kind: choice(frameworkKinds, 'Select what the framework is for'),
  scale: choice(scaleCodes, 'Select a grading scale'),
  start: choice(['defaults', 'empty'], 'Select how to start the framework'),
})

export const standardSchema = z.object({
  version,
  title: requiredText('the standard’s title', 300),
  description: optionalText('the description', 2000),
})

export const criterionSchema = z.object({ version, text: requiredText('the criterion', 1000) })

export const scaleSchema = z.object({ version, scale: choice(scaleCodes, 'Select a grading scale') })

export const removeSchema = z.object({ version })
