import type { ModuleDefinition } from '../../../platform/modules.ts'
import { planFigureDefinitions } from './figures.ts'
import { planRoutes } from './routes.ts'
import { businessPlanSection } from './section.ts'
import { planMatrixIds } from './matrix.ts'
import { planRecordType, priorityHref, priorityRecordType } from './service.ts'

/**
 * What the business plan adds to the performance module's registration (index.ts): its routes,
 * record types, figures, report section and the permission matrix's ids.
 */
export const businessPlan = {
  routes: planRoutes,
  recordTypes: {
    [planRecordType]: {
      label: 'Business plan',
      href: () => '/business-plan',
      fields: {
        startYear: 'Year',
        year: 'Year',
        areasForImprovement: 'Areas for improvement',
        messages: 'Messages for multi-agency work',
      },
    },
    [priorityRecordType]: {
      label: 'Business plan priority',
      href: (id: string | null) => (id ? priorityHref(id) : null),
      fields: {
        position: 'Number',
        title: 'Priority',
        outcomes: 'Intended outcomes',
        indicators: 'Indicators',
        evaluation: 'Evaluation',
        evidence: 'Evidence',
        evaluatedBy: 'Evaluated by (account)',
        evaluatedByName: 'Evaluated by',
        evaluatedAt: 'Evaluated on',
        action: 'Action raised',
        actionDueOn: 'Action due',
      },
    },
  },
  figures: planFigureDefinitions,
  sections: [businessPlanSection],
  matrixIds: planMatrixIds,
} satisfies Partial<ModuleDefinition>
