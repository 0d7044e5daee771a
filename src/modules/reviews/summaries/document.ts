import type { DocumentModel } from '../../../platform/documents/model.ts'
import { formatDate } from '../../../platform/views.ts'
import { reviewTypeLabels } from '../labels.ts'
import type { ReviewType } from '../schema.ts'
import type { SummaryInput } from './service.ts'

/** The summary's three parts, in the order a briefing reads. */
export const summaryParts: { key: keyof SummaryInput; heading: string }[] = [
  { key: 'whatHappened', heading: 'What happened' },
  { key: 'whatWeLearned', heading: 'What we learned' },
  { key: 'whatToDoDifferently', heading: 'What to do differently' },
]

/**
 * The learning summary as a document: the public page, the DOCX and the PDF are all made from
 * this, so they say the same. Named by the review's pseudonym only; nothing else of the case.
 */
export function summaryDocument(
  reviewCase: { reference: string; reviewType: ReviewType | null; publishedOn: string | null },
  summary: SummaryInput,
): DocumentModel {
  return {
    title: `${reviewCase.reference}: learning summary`,
    subtitle: [
      reviewCase.reviewType ? reviewTypeLabels[reviewCase.reviewType] : 'Case review',
      reviewCase.publishedOn ? `Published ${formatDate(reviewCase.publishedOn)}` : 'Not published',
    ],
    blocks: summaryParts.flatMap(({ key, heading }) => [
      { type: 'heading' as const, level: 2 as const, text: heading },
      { type: 'markdown' as const, markdown: summary[key] },
    ]),
  }
}
