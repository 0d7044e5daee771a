import { defineModule } from '../../platform/modules.ts'
import { observationsRegistration } from './observations/registration.ts'
import { businessPlan } from './plan/registration.ts'
import { seedPlans } from './seed-plan.ts'
import { catalogueRecordTypes, catalogueSeed, firstIndicatorId } from './indicators/registration.ts'
import { indicatorRoutes } from './indicators/routes.ts'
import { neighbourRoutes } from './neighbours/routes.ts'
import { indicatorPageRoutes } from './indicator-page/routes.ts'
import { exceptionsPanel } from './scorecard/home-panel.ts'
import { scorecardRoutes } from './scorecard/routes.ts'
import { performanceFigures } from './figures/figures.ts'
import { performanceSection } from './figures/section.ts'
import { seedPerformance } from './seed.ts'

/**
 * Plan and performance (issue 14): the business plan per reporting year (priorities, their
 * indicators, their actions in the action tracker, the year-end evaluation, areas for improvement
 * and messages for multi-agency work), the indicator catalogue, observations imported from the
 * department's files or our template, statistical neighbours, the scorecard and its exceptions,
 * a page per indicator, and the business plan and performance sections of the annual report.
 */
export const performanceModule = defineModule({
  name: 'performance',
  permissions: {
    'performance:read': {
      description: 'Read the business plan, the scorecard, its exceptions and each indicator’s data',
      roles: {
        'business-unit': true,
        chair: true,
        'board-member': true,
        'subgroup-member': true,
        'agency-lead': true,
      },
    },
    'performance:manage': {
      description:
        'Import performance data, keep the indicator catalogue, targets, statistical neighbours and commentary, and write the business plan and its evaluation',
      roles: { 'business-unit': true },
    },
  },
  routes: async (app) => {
    await app.register(indicatorRoutes)
    await app.register(neighbourRoutes)
    await app.register(observationsRegistration.routes)
    await app.register(businessPlan.routes)
    await app.register(scorecardRoutes)
    await app.register(indicatorPageRoutes)
  },
  navigation: [
    { href: '/business-plan', text: 'Business plan', permission: 'performance:read', order: 35 },
    { href: '/performance', text: 'Performance', permission: 'performance:read', order: 36 },
  ],
  homePanels: [exceptionsPanel],
  recordTypes: {
    'indicator-commentary': { label: 'Indicator commentary', fields: { period: 'Period', markdown: 'Commentary' } },
    ...catalogueRecordTypes,
    ...observationsRegistration.recordTypes,
    ...businessPlan.recordTypes,
  },
  // The report's figures and sections: the business plan's (plan/) and the performance data's (figures/).
  figures: [...businessPlan.figures, ...performanceFigures],
  sections: [...businessPlan.sections, performanceSection],
  seed: async (db, context) => {
    // The catalogue first, then the demo's observations, then the plans whose priorities name indicators.
    await catalogueSeed(db, context)
    await seedPerformance(db, context)
    await seedPlans(db, context)
  },
  matrixIds: async (db, partnershipId) => ({
    ...(await firstIndicatorId(db, partnershipId)),
    '/performance/indicators/:id/commentary/:period': '2016-17',
    ...(await observationsRegistration.matrixIds(db, partnershipId)),
    ...(await businessPlan.matrixIds(db, partnershipId)),
  }),
})
