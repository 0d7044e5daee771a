import { and, asc, eq, isNull } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import type { Database } from '../../db/index.ts'
import type { RecordTypeDefinition } from '../../platform/modules.ts'
import { formatDate } from '../../platform/views.ts'
import { labelOf, recommendationStatusLabels } from './labels.ts'
import { learningRoutes } from './learning/routes.ts'
import { learningPointRecordType } from './learning/service.ts'
import { caseRecommendationRoutes } from './recommendations/case-routes.ts'
import { agencyRecommendationsPanel, recommendationListRoutes } from './recommendations/list-routes.ts'
import { recommendationRoutes } from './recommendations/routes.ts'
import { recommendationHref } from './recommendations/service.ts'
import { reviewCases, reviewLearningPoints, reviewRecommendations, reviewSummaries } from './schema.ts'
import { publicSummaryRoutes } from './summaries/public-routes.ts'
import { summaryRoutes } from './summaries/routes.ts'
import { summaryRecordType } from './summaries/service.ts'
import { themesAcrossRoutes } from './themes-across/routes.ts'

/**
 * What a review leaves behind, as the reviews module registers it (index.ts): recommendations
 * tracked to completion, learning points tagged with themes, the learning summary (public once the
 * review is published) and themes across reviews.
 */
export async function reviewLearningRoutes(app: FastifyInstance) {
  await app.register(recommendationListRoutes)
  await app.register(caseRecommendationRoutes)
  await app.register(recommendationRoutes)
  await app.register(learningRoutes)
  await app.register(summaryRoutes)
  await app.register(publicSummaryRoutes)
  await app.register(themesAcrossRoutes)
}

export const reviewLearningHomePanels = [agencyRecommendationsPanel]

export const reviewLearningPublicNavigation = [
  { href: '/learning-from-reviews', text: 'Learning from reviews', order: 30 },
]

const summaryFields = {
  whatHappened: 'What happened',
  whatWeLearned: 'What we learned',
  whatToDoDifferently: 'What to do differently',
}

export const reviewLearningRecordTypes: Record<string, RecordTypeDefinition> = {
  'review-recommendation': {
    label: 'Case review recommendation',
    href: (id) => (id ? recommendationHref(id) : null),
    fields: {
      number: 'Number',
      text: 'Recommendation',
      agency: 'Owned by',
      dueOn: 'Due',
      status: 'Status',
      response: 'Response',
      evidence: 'Evidence of completion',
      completedOn: 'Completed',
      action: 'Action',
      owner: 'Action owner',
      actionDueOn: 'Action due',
    },
    formats: {
      dueOn: formatDate,
      completedOn: formatDate,
      actionDueOn: formatDate,
      status: labelOf(recommendationStatusLabels),
    },
  },
  [learningPointRecordType]: {
    label: 'Case review learning point',
    // Read on its case's learning tab; the audit row's related case links there.
    href: () => null,
    fields: { number: 'Number', text: 'Learning point', themes: 'Themes' },
  },
  [summaryRecordType]: {
    label: 'Learning summary',
    // Kept by its case's id.
    href: (id) => (id ? `/case-reviews/${id}/summary` : null),
    fields: summaryFields,
  },
}

/**
 * The permission matrix's ids under the case it walks (cases/matrix.ts: the demo's Child K): its
 * first recommendation and learning point, and a published summary for the public pages.
 */
export async function reviewLearningMatrixIds(
  db: Database,
  partnershipId: string,
  caseId: string | undefined,
): Promise<Record<string, string>> {
  if (!caseId) return {}
  const [recommendation] = await db
    .select({ id: reviewRecommendations.id })
    .from(reviewRecommendations)
    .where(eq(reviewRecommendations.caseId, caseId))
    .orderBy(asc(reviewRecommendations.number))
    .limit(1)
  const [point] = await db
    .select({ id: reviewLearningPoints.id })
    .from(reviewLearningPoints)
    .where(eq(reviewLearningPoints.caseId, caseId))
    .orderBy(asc(reviewLearningPoints.number))
    .limit(1)
  const [published] = await db
    .select({ id: reviewCases.id })
    .from(reviewCases)
    .innerJoin(reviewSummaries, eq(reviewSummaries.caseId, reviewCases.id))
    .where(
      and(
        eq(reviewCases.partnershipId, partnershipId),
        eq(reviewCases.status, 'published'),
        isNull(reviewCases.takenDownOn),
      ),
    )
    .orderBy(asc(reviewCases.publishedOn))
    .limit(1)
  const ids: Record<string, string | undefined> = {
    '/case-reviews/:id/learning/:pointId': point?.id,
    '/case-reviews/recommendations/:recommendationId': recommendation?.id,
    '/learning-from-reviews/:id': published?.id ?? caseId,
  }
  return Object.fromEntries(Object.entries(ids).filter((entry): entry is [string, string] => !!entry[1]))
}
