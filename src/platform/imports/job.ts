import { eq } from 'drizzle-orm'
import { defineJob } from '../jobs/index.ts'
import { systemActor } from '../permissions.ts'
import { users } from '../schema.ts'
import { importDefinition } from './definition.ts'
import { importBatches } from './schema.ts'
import { checkImport, checkImportJobName } from './service.ts'

/**
 * Checks a large upload in the background (src/app.ts gives it to the job worker). Its payload is
 * the batch id only. The whole-file check runs as the system, named for the person who uploaded,
 * since a job has no session: it only reads.
 */
export const checkImportJob = defineJob<{ batchId: string }>(
  checkImportJobName,
  async (db, { batchId }) => {
    const [batch] = await db
      .select({ kind: importBatches.kind, partnershipId: importBatches.partnershipId, uploader: users.name })
      .from(importBatches)
      .leftJoin(users, eq(users.id, importBatches.createdBy))
      .where(eq(importBatches.id, batchId))
    if (!batch) return
    const definition = importDefinition(batch.kind)
    if (!definition) throw new Error(`No import is called ${batch.kind} in this process`)
    await checkImport(db, systemActor(batch.partnershipId, batch.uploader ?? 'System'), definition, batchId)
  },
  { maxAttempts: 3 },
)
