import { asc, eq } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { auditCycles } from '../audit-schema.ts'

/**
 * The permission matrix's id for `/assurance/cycles/:cycle/…`: the partnership's earliest cycle
 * (the demo's section 11 2014/15), creating none. None when the partnership has no cycle (the
 * demo's cycles need the frameworks part's seed).
 */
export async function resultsMatrixIds(db: Database, partnershipId: string): Promise<Record<string, string>> {
  const [cycle] = await db
    .select({ id: auditCycles.id })
    .from(auditCycles)
    .where(eq(auditCycles.partnershipId, partnershipId))
    .orderBy(asc(auditCycles.startYear), asc(auditCycles.createdAt))
    .limit(1)
  return cycle ? { '/assurance/cycles/:cycle': cycle.id } : {}
}
