import { eq, max, min } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import { reviewCases } from './schema.ts'

/** The first day a case became known and the last a review was published, so year pickers offer those years. */
export async function reviewDates(db: Database, partnershipId: string): Promise<(string | null)[]> {
  const [row] = await db
    .select({ first: min(reviewCases.awareOn), last: max(reviewCases.publishedOn) })
    .from(reviewCases)
    .where(eq(reviewCases.partnershipId, partnershipId))
  return [row?.first ?? null, row?.last ?? null]
}
