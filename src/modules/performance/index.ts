import { and, asc, eq } from 'drizzle-orm'
import { importBatches } from '../../platform/imports/schema.ts'
import { defineModule } from '../../platform/modules.ts'
import { dfeImport } from './imports/dfe.ts'
import { dfeImportPath, performanceImportRoutes, templateImportPath } from './imports/routes.ts'
import { templateImport } from './imports/template.ts'
import { observationEntryRoutes } from './observations/routes.ts'
import { observationRecordType } from './observations/service.ts'
import { indicators } from './schema.ts'

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
    await app.register(performanceImportRoutes)
    await app.register(observationEntryRoutes)
  },
  recordTypes: {
    [observationRecordType]: {
      label: 'Indicator value',
      fields: {
        indicator: 'Indicator',
        area: 'Area',
        period: 'Period',
        value: 'Value',
        added: 'Added',
        unchanged: 'Unchanged',
        replaced: 'Replaced',
      },
    },
  },
  matrixIds: async (db, partnershipId) => {
    // The partnership's first indicator and imports, creating none; a nil id (a 404) until the demo has them.
    const none = '00000000-0000-0000-0000-000000000000'
    const [indicator] = await db
      .select({ id: indicators.id })
      .from(indicators)
      .where(eq(indicators.partnershipId, partnershipId))
      .orderBy(asc(indicators.position))
      .limit(1)
    const batch = async (kind: string) =>
      (
        await db
          .select({ id: importBatches.id })
          .from(importBatches)
          .where(and(eq(importBatches.partnershipId, partnershipId), eq(importBatches.kind, kind)))
          .limit(1)
      )[0]?.id ?? none
    return {
      '/performance/indicators/:id': indicator?.id ?? none,
      [`${dfeImportPath}/:batchId`]: await batch(dfeImport.kind),
      [`${templateImportPath}/:batchId`]: await batch(templateImport.kind),
    }
  },
  navigation: [
    { href: '/business-plan', text: 'Business plan', permission: 'performance:read', order: 35 },
    { href: '/performance', text: 'Performance', permission: 'performance:read', order: 36 },
  ],
})
