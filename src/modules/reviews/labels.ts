import type { DecisionOutcome, ReviewType } from './schema.ts'

/** Every case review code in words, in one place: forms, pages, downloads and the audit log read these. */

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
