import { and, eq } from 'drizzle-orm'
import type { Database } from '../../src/db/index.ts'
import { standardIndicators } from '../../src/modules/performance/catalogue.ts'
import { indicators, type Indicator } from '../../src/modules/performance/schema.ts'
import { nextNumber } from './names.ts'

/**
 * Indicators in a partnership's catalogue: the standard measures (catalogue.ts), made once per
 * partnership, and the partnership's own, each with a unique code.
 */
export async function insertStandardIndicators(db: Database, partnershipId: string): Promise<Map<string, Indicator>> {
  await db
    .insert(indicators)
    .values(standardIndicators.map((s, position) => ({ ...s, partnershipId, standard: true, position })))
    .onConflictDoNothing()
  const rows = await db
    .select()
    .from(indicators)
    .where(and(eq(indicators.partnershipId, partnershipId), eq(indicators.standard, true)))
  return new Map(rows.map((row) => [row.code, row]))
}

export async function insertIndicator(
  db: Database,
  partnershipId: string,
  overrides: Partial<Omit<typeof indicators.$inferInsert, 'partnershipId'>> = {},
): Promise<Indicator> {
  const n = nextNumber()
  const [row] = await db
    .insert(indicators)
    .values({
      partnershipId,
      code: `OWN-${n}`,
      name: `Own measure ${n}`,
      subject: `own measure ${n}`,
      definition: 'A measure of the partnership’s own, for tests.',
      unit: 'count',
      polarity: 'no-judgement',
      source: 'Local data',
      position: 100 + n,
      ...overrides,
    })
    .returning()
  return row!
}
