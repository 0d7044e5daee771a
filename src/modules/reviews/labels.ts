import { capitalise } from '../../platform/forms.ts'
import { caseStatusLabels, parallelProcessLabels } from './lifecycle.ts'
import type {
  RecommendationStatus,
  AgeBand,
  CaseStatus,
  Concern,
  DecisionOutcome,
  Framework,
  HarmCategory,
  ParallelProcess,
  ReviewType,
} from './schema.ts'

/** Every case review code in words, in one place: forms, pages, downloads and the audit log read these. */

// ---------------------------------------------------------------- cases: referral, decision, review

export const harmLabels: Record<HarmCategory, string> = {
  death: 'Death',
  'serious-harm': 'Serious harm',
  other: 'Other',
}

export const ageBandLabels: Record<AgeBand, string> = {
  unborn: 'Unborn',
  'under-1': 'Under 1',
  '1-5': '1 to 5',
  '6-10': '6 to 10',
  '11-15': '11 to 15',
  '16-17': '16 or 17',
}

export const concernLabels: Record<Concern, string> = {
  neglect: 'Neglect',
  'physical-abuse': 'Physical abuse',
  'emotional-abuse': 'Emotional abuse',
  'sexual-abuse': 'Sexual abuse',
  'sexual-exploitation': 'Child sexual exploitation',
  'criminal-exploitation': 'Child criminal exploitation',
  'domestic-abuse': 'Domestic abuse',
  'parental-mental-health': 'Parental mental health',
  'substance-misuse': 'Parental substance misuse',
  'self-harm': 'Self-harm',
  'online-harm': 'Online harm',
  'sudden-unexpected-death': 'Sudden unexpected death in infancy or childhood',
}

export const frameworkLabels: Record<Framework, string> = {
  'working-together-2015': 'Working Together 2015 (serious case reviews)',
  'working-together-2018': 'Working Together 2018 onwards (rapid reviews and practice reviews)',
}

export const decisionOutcomeLabels: Record<DecisionOutcome, string> = {
  'criteria-met': 'Criteria met',
  'criteria-not-met': 'Criteria not met',
  'learning-review': 'Criteria not met: reviewed as a learning review',
}

export const reviewTypeLabels: Record<ReviewType, string> = {
  'serious-case-review': 'Serious case review',
  'rapid-review': 'Rapid review',
  'practice-review': 'Local child safeguarding practice review',
  'learning-review': 'Learning review',
  'multi-agency-case-audit': 'Multi-agency case audit',
}

/** "Police investigation", for a form's choices and a page's rows (lifecycle.ts words it mid-sentence). */
export const parallelProcessNames = Object.fromEntries(
  Object.entries(parallelProcessLabels).map(([code, label]) => [code, capitalise(label)]),
) as Record<ParallelProcess, string>

export { caseStatusLabels }

/** The methodologies offered as a hint on the review form. */
export const commonMethodologies = [
  'SCIE Learning Together',
  'systems review',
  'significant incident learning process (SILP)',
  'traditional (individual management reviews and an overview report)',
]

/** A code's label, or the code itself when it is not one (an old value in the audit log). */
export const labelOf =
  <T extends string>(labels: Record<T, string>) =>
  (value: unknown) =>
    labels[value as T] ?? String(value)

/** A list of codes as their labels: "Neglect, Domestic abuse". */
export const labelsOf =
  <T extends string>(labels: Record<T, string>) =>
  (value: unknown) =>
    (Array.isArray(value) ? value : [value]).map(labelOf(labels)).join(', ')

/** The case's status in words. */
export const statusLabel = (status: CaseStatus) => caseStatusLabels[status]

// ---------------------------------------------------------------- recommendations, learning and summaries

export const recommendationStatusLabels: Record<RecommendationStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  complete: 'Complete',
}
