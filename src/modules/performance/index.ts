import { defineModule } from '../../platform/modules.ts'
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
  routes: async () => {},
  navigation: [
    { href: '/business-plan', text: 'Business plan', permission: 'performance:read', order: 35 },
    { href: '/performance', text: 'Performance', permission: 'performance:read', order: 36 },
  ],
  // The report's figures and its "Performance data" section (figures/), and the demo (seed.ts).
  figures: performanceFigures,
  sections: [performanceSection],
  seed: seedPerformance,
})
