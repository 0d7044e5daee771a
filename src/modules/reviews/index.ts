import { defineModule } from '../../platform/modules.ts'
import { caseFormRoutes } from './cases/form-routes.ts'
import { clocksPanel } from './cases/home-panel.ts'
import { caseMatrixIds } from './cases/matrix.ts'
import { caseRecordTypes } from './cases/record-types.ts'
import { caseRoutes } from './cases/routes.ts'
import { reviewSettingsRoutes } from './settings/routes.ts'
import { caseReviewFigures } from './figures/figures.ts'
import { figureRoutes } from './figures/routes.ts'
import { caseReviewSection } from './figures/section.ts'
import { reviewDates } from './dates.ts'
import { seedReviews } from './seed.ts'
import * as reviewLearning from './learning-registration.ts'

/**
 * Case reviews: referrals and notifications, decisions, the statutory clocks, the reviews
 * themselves, their recommendations (whose actions are the action tracker's), learning points
 * tagged with the shared themes, learning summaries, themes across reviews, and the case reviews
 * section of the annual report (issue 13). Every case is a confidential record: access.ts.
 */
export const reviewsModule = defineModule({
  name: 'reviews',
  permissions: {
    'reviews:read': {
      description:
        'Read case reviews: only those the partnership’s case review settings name them for (its subgroup, the business unit, the chair)',
      roles: { 'business-unit': true, chair: true, 'subgroup-member': true },
    },
    'reviews:manage': {
      description: 'Record referrals, decisions, reviews, recommendations, learning points and learning summaries',
      roles: { 'business-unit': true, 'subgroup-member': true },
    },
    'reviews:settings': {
      description: 'Choose the groups whose members see case reviews',
      roles: { 'business-unit': true },
    },
    'reviews:recommendations': {
      description: 'Read and respond to the case review recommendations their own agency owns',
      roles: { 'agency-lead': true, 'business-unit': true, chair: true, 'subgroup-member': true },
    },
  },
  routes: async (app) => {
    // Cases: the list, clocks, referral to publication, and who can see them.
    await app.register(caseRoutes)
    await app.register(caseFormRoutes)
    await app.register(reviewSettingsRoutes)
    await app.register(figureRoutes)
    // What a review leaves behind: recommendations, learning points, summaries, themes across reviews.
    await app.register(reviewLearning.reviewLearningRoutes)
  },
  navigation: [{ href: '/case-reviews', text: 'Case reviews', permission: 'reviews:read', order: 40 }],
  homePanels: [clocksPanel, ...reviewLearning.reviewLearningHomePanels],
  publicNavigation: [...reviewLearning.reviewLearningPublicNavigation],
  recordTypes: { ...caseRecordTypes, ...reviewLearning.reviewLearningRecordTypes },
  // Figures, the report section, the lists behind the figures and the demo (figures/, seed.ts)
  figures: caseReviewFigures,
  sections: [caseReviewSection],
  seed: seedReviews,
  recordDates: reviewDates,
  matrixIds: async (db, partnershipId) => {
    const cases = await caseMatrixIds(db, partnershipId)
    return {
      ...cases,
      '/case-reviews/figures/:figure': 'worked-on',
      ...(await reviewLearning.reviewLearningMatrixIds(db, partnershipId, cases['/case-reviews/:id'])),
    }
  },
})
