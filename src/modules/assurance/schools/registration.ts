import { and, eq } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { importDemoFile } from '../../../platform/imports/demo.ts'
import type { ImportDefinition } from '../../../platform/imports/index.ts'
import { importBatches } from '../../../platform/imports/schema.ts'
import type { AssurancePart } from '../part.ts'
import { schoolsImport } from './import.ts'
import { schoolsImportPath, schoolsRoutes } from './routes.ts'
import { demoSchools, schoolsCsv } from './seed-data.ts'

/**
 * Schools and colleges (agencies of type `school`, by URN, with their designated safeguarding
 * leads): the list, the import and its template. The demo's schools come in through the import,
 * about 250 of them (six in a small seed), so the demo shows an applied import.
 */
export const schoolsPart: AssurancePart = {
  routes: schoolsRoutes,
  seed: async (db, { actor, emailDomain, bulk }) => {
    const schools = demoSchools(emailDomain, bulk ? undefined : 6)
    await importDemoFile(
      db,
      actor,
      schoolsImport as unknown as ImportDefinition<never>,
      'oxfordshire-schools-2016.csv',
      schoolsCsv(schools),
    )
  },
  matrixIds: async (db, partnershipId) => {
    const ids: Record<string, string> = {}
    const id = await schoolsImportId(db, partnershipId)
    if (id) ids[`${schoolsImportPath}/:batchId`] = id
    return ids
  },
}

/** The demo's schools import, for the permission matrix's walk of its pages. */
async function schoolsImportId(db: Database, partnershipId: string) {
  const [batch] = await db
    .select({ id: importBatches.id })
    .from(importBatches)
    .where(and(eq(importBatches.partnershipId, partnershipId), eq(importBatches.kind, schoolsImport.kind)))
    .limit(1)
  return batch?.id ?? null
}
