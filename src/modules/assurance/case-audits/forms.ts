import { z } from 'zod'
import { checkbox, choice, optionalId, optionalText, requiredText } from '../../../platform/forms.ts'
import type { FieldErrors } from '../../../platform/errors.ts'
import { dateField } from '../../reviews/recommendations/forms.ts'
import { caseAuditRecommendationStatuses, caseAuditScopes, caseAuditStatuses } from '../case-audit-schema.ts'
import { practiceGrades, practiceGradeLabels, type PracticeGrade } from '../scales.ts'
import type { AgencyGradeInput } from './cases.ts'

/** The case audit forms' schemas, with GOV.UK-worded messages. */

const ids = (message: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
    .pipe(z.array(z.uuid(message)))

export const auditSchema = z.object({
  title: requiredText('the title of the audit', 200),
  themeId: z.uuid('Select the theme the audit samples cases on'),
  scope: choice(caseAuditScopes, 'Select whether the audit is single-agency or multi-agency'),
  agencyId: optionalId,
  status: choice(caseAuditStatuses, 'Select the status of the audit'),
  planPriorityId: optionalId,
  auditorIds: ids('Select people from the list'),
  addAuditorId: optionalId,
  findings: optionalText('the findings', 20000),
  confirmNames: checkbox,
})

export const heldOnDate = dateField('heldOn', 'the date the audit was held', true)

const optionalGrade = z
  .string()
  .optional()
  .transform((value) => (value ? value : null))
  .pipe(z.enum(practiceGrades, { error: 'Select a grade from the list' }).nullable())

export const caseSchema = z.object({
  reference: requiredText('the case reference', 40),
  grade: optionalGrade,
  notes: optionalText('the notes', 5000),
  confirmNames: checkbox,
})

/** How many agency rows the case form shows: the agencies graded, and blank rows to add more (no JavaScript needed). */
export const agencyRowCount = (graded: number) => Math.max(4, graded + 2)
const maxAgencyRows = 30

/**
 * The rows of agency, grade and comment (`agencyGrades-<n>-agencyId`, `-grade`, `-comment`): blank
 * rows are skipped; a row needs both an agency and a grade; an agency is graded once.
 */
export function readAgencyGrades(body: Record<string, unknown>) {
  const errors: FieldErrors = {}
  const agencyGrades: AgencyGradeInput[] = []
  const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string).trim() : '')
  for (let n = 0; n < maxAgencyRows; n++) {
    const name = `agencyGrades-${n}`
    const agencyId = text(`${name}-agencyId`)
    const grade = text(`${name}-grade`)
    const comment = text(`${name}-comment`)
    if (!agencyId && !grade && !comment) continue
    if (!agencyId || !z.uuid().safeParse(agencyId).success) errors[`${name}-agencyId`] = 'Select the agency'
    else if (agencyGrades.some((g) => g.agencyId === agencyId))
      errors[`${name}-agencyId`] = 'This agency is already graded in another row'
    if (!practiceGrades.includes(grade as PracticeGrade))
      errors[`${name}-grade`] = 'Select the grade of the agency’s practice'
    if (comment.length > 1000) errors[`${name}-comment`] = 'Comment must be 1000 characters or less'
    if (!errors[`${name}-agencyId`] && !errors[`${name}-grade`] && !errors[`${name}-comment`])
      agencyGrades.push({ agencyId, grade: grade as PracticeGrade, comment: comment || null })
  }
  return { errors, values: { agencyGrades } }
}

export const gradeItems = (none: string) => [
  { value: '', text: none },
  ...practiceGrades.map((grade) => ({ value: grade, text: practiceGradeLabels[grade] })),
]

export const recommendationSchema = z.object({
  text: requiredText('the recommendation', 2000),
  agencyId: z.uuid('Select the agency that owns the recommendation'),
  response: optionalText('the agency’s response', 5000),
  status: choice(caseAuditRecommendationStatuses, 'Select the status of the recommendation'),
  evidence: optionalText('the evidence', 5000),
  confirmNames: checkbox,
})

const dueOn = dateField('dueOn', 'the due date', false)
const completedOn = dateField('completedOn', 'the date it was completed', false)

export function recommendationDates(body: Record<string, unknown>) {
  const [due, completed] = [dueOn(body), completedOn(body)]
  return {
    errors: { ...due.errors, ...completed.errors },
    values: { dueOn: due.values?.dueOn ?? null, completedOn: completed.values?.completedOn ?? null },
  }
}
