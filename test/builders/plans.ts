import type { Database } from '../../src/db/index.ts'
import { standardIndicators } from '../../src/modules/performance/catalogue.ts'
import { indicators, type Indicator } from '../../src/modules/performance/schema.ts'
import { nextNumber, pick } from './names.ts'

/**
 * An indicator in the partnership's catalogue for a business plan's priority to be measured by:
 * one of the standard measures under a code of its own (so it never clashes with the catalogue the
 * demo loads), or as overridden.
 */
export async function insertPlanIndicator(
  db: Database,
  partnershipId: string,
  overrides: Partial<typeof indicators.$inferInsert> = {},
): Promise<Indicator> {
  const n = nextNumber()
  const { dfeColumn: _column, ...standard } = pick(standardIndicators, n)
  const [row] = await db
    .insert(indicators)
    .values({ ...standard, code: `TEST-${n}`, name: `${standard.name} (test ${n})`, partnershipId, ...overrides })
    .returning()
  return row!
}
