import { asc, eq, sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { reviewCases } from '../schema.ts'

/**
 * The permission matrix walks the case pages with the demo's "Child K" (the seed's published serious
 * case review), or the partnership's first case when the demo has none.
 */
export async function caseMatrixIds(db: Database, partnershipId: string): Promise<Record<string, string>> {
  const [found] = await db
    .select({ id: reviewCases.id })
    .from(reviewCases)
    .where(eq(reviewCases.partnershipId, partnershipId))
    .orderBy(sql`lower(${reviewCases.reference}) = 'child k' desc`, asc(reviewCases.createdAt))
    .limit(1)
  return found ? { '/case-reviews/:id': found.id } : {}
}
