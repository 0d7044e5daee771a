import { and, eq } from 'drizzle-orm'
import type { Database } from '../../src/db/index.ts'
import { parsePeriod } from '../../src/modules/performance/periods.ts'
import { indicators, observations, type Indicator } from '../../src/modules/performance/schema.ts'
import { nextNumber } from './names.ts'

/**
 * Performance records for tests: a measure of the partnership's own, and observations of a measure,
 * inserted directly (the import and its provenance are tested on their own pages). A standard
 * measure is there already: every partnership's seed adds them.
 */

/** The id of one of the partnership's measures by its code ("CPP-RATE"). */
export async function indicatorIdOf(db: Database, partnershipId: string, code: string) {
  const [row] = await db
    .select({ id: indicators.id })
    .from(indicators)
    .where(and(eq(indicators.partnershipId, partnershipId), eq(indicators.code, code)))
  if (!row) throw new Error(`no measure ${code}`)
  return row.id
}

export async function insertIndicator(db: Database, partnershipId: string, overrides: Partial<Indicator> = {}) {
  const n = nextNumber()
  const [row] = await db
    .insert(indicators)
    .values({
      code: `LOCAL-${n}`,
      name: `Local measure ${n}`,
      subject: `local measure ${n}`,
      definition: 'Counted by the partnership each year.',
      unit: 'count',
      polarity: 'no-judgement',
      source: 'Local data',
      frequency: 'annual',
      position: 100 + n,
      ...overrides,
      partnershipId,
    })
    .returning()
  return row!
}

export interface ObservationOptions {
  /** The measure, by id or by code. */
  indicatorId?: string
  code?: string
  areaCode: string
  /** "2016/17", "2016/17 Q1", "2016-04" (periods.ts). */
  period: string
  value?: number | null
  /** The department's symbol ("c", "x", "z", ".."): the value is then null. */
  suppressed?: string
  /** A replaced value, kept as history. */
  supersededAt?: Date
}

/** One observation of a measure, or several; returns their ids. */
export async function insertObservations(db: Database, partnershipId: string, list: readonly ObservationOptions[]) {
  const rows = []
  for (const o of list) {
    const period = parsePeriod(o.period)
    if (!period) throw new Error(`not a period: ${o.period}`)
    const indicatorId = o.indicatorId ?? (await indicatorIdOf(db, partnershipId, o.code!))
    rows.push({
      partnershipId,
      indicatorId,
      areaCode: o.areaCode,
      periodType: period.type,
      period: period.label,
      periodStart: period.start,
      value: o.suppressed ? null : (o.value ?? null),
      suppressed: o.suppressed ?? null,
      sourceFile: 'test-data.csv',
      enteredByName: 'Test data',
      supersededAt: o.supersededAt ?? null,
    })
  }
  if (!rows.length) return []
  const inserted = await db.insert(observations).values(rows).returning({ id: observations.id })
  return inserted.map((r) => r.id)
}
