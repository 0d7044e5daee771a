import { z } from 'zod'
import { choice, requiredText, version } from '../../../platform/forms.ts'
import { themeIds } from '../../themes/index.ts'
import { frequencies, indicatorUnits, polarities } from '../schema.ts'

/** The catalogue's form schemas, with GOV.UK-worded messages. */

const numberText = (message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => value?.replace(/,/g, '').replace(/%$/, '') ?? '')
    .refine((value) => value === '' || Number.isFinite(Number(value)), message)
    .transform((value) => (value === '' ? null : Number(value)))

/** What a partnership may set on any measure, standard or its own. */
const everyMeasure = {
  target: numberText('Enter the target as a number, like 45 or 12.5').refine(
    (value) => value === null || value >= 0,
    'The target must be 0 or more',
  ),
  position: numberText('Enter the position as a whole number, like 3').refine(
    (value) => value === null || (Number.isInteger(value) && value >= 0 && value <= 999),
    'The position must be a whole number from 0 to 999',
  ),
  themeIds,
}

/** What only the partnership's own measures let it write: a standard measure means what the department says. */
const ownMeasure = {
  code: requiredText('a code', 30)
    .transform((value) => value.toUpperCase())
    .refine(
      (value) => /^[A-Z0-9]+(-[A-Z0-9]+)*$/.test(value),
      'The code must be letters, numbers and hyphens, like LADO-RATE',
    ),
  name: requiredText('the name', 200),
  subject: requiredText('how a sentence names what is measured', 200),
  definition: requiredText('a definition', 2000),
  unit: choice(indicatorUnits, 'Select the unit'),
  polarity: choice(polarities, 'Select which way is better'),
  source: requiredText('the source', 200),
  frequency: choice(frequencies, 'Select how often it is measured'),
  dfeColumn: z
    .string()
    .trim()
    .toLowerCase()
    .max(100, 'The column name must be 100 characters or less')
    .optional()
    .transform((value) => value || null)
    .refine(
      (value) => value === null || /^[a-z][a-z0-9_]*$/.test(value),
      'The column name must be lower-case letters, numbers and underscores, like cpp_rate',
    ),
}

export const newIndicatorSchema = z.object({ ...ownMeasure, ...everyMeasure })
export type NewIndicatorForm = z.infer<typeof newIndicatorSchema>

/** The edit form posts which kind of measure it shows; the service refuses a standard one's definition whatever is posted. */
export const editIndicatorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('own'), version, ...ownMeasure, ...everyMeasure }),
  z.object({ kind: z.literal('standard'), version, ...everyMeasure }),
])

export const indicatorStatusSchema = z.object({ version })
