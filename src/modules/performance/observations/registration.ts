import type { FastifyInstance } from 'fastify'
import { and, eq } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { importBatches } from '../../../platform/imports/schema.ts'
import { dfeImport } from '../imports/dfe.ts'
import { dfeImportPath, performanceImportRoutes, templateImportPath } from '../imports/routes.ts'
import { templateImport } from '../imports/template.ts'
import { observationEntryRoutes } from './routes.ts'
import { observationRecordType } from './service.ts'

/**
 * What observations add to the performance module's registration (index.ts): the imports and the
 * hand-entry form, the record type their audit rows use, and the permission matrix's ids.
 */
export const observationsRegistration = {
  routes: async (app: FastifyInstance) => {
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
  matrixIds: async (db: Database, partnershipId: string) => {
    // The partnership's first import of each kind, creating none; a nil id (a 404) until it has one.
    const none = '00000000-0000-0000-0000-000000000000'
    const batch = async (kind: string) =>
      (
        await db
          .select({ id: importBatches.id })
          .from(importBatches)
          .where(and(eq(importBatches.partnershipId, partnershipId), eq(importBatches.kind, kind)))
          .limit(1)
      )[0]?.id ?? none
    return {
      [`${dfeImportPath}/:batchId`]: await batch(dfeImport.kind),
      [`${templateImportPath}/:batchId`]: await batch(templateImport.kind),
    }
  },
}
