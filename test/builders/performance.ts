import { and, eq } from 'drizzle-orm'
import type { Database } from '../../src/db/index.ts'
import { standardIndicators } from '../../src/modules/performance/catalogue.ts'
import { parsePeriod } from '../../src/modules/performance/periods.ts'
import { indicators, observations, performanceSettings, type Indicator } from '../../src/modules/performance/schema.ts'
import { nextNumber } from './names.ts'

/**
 * Performance records for tests, written straight to the tables (the services are what the tests
 * test): an indicator (a standard one by code, or an own measure), observations as
 * `{ areaCode: { period: value } }`, and the partnership's own authority and neighbours.
 */
/** The standard measures (catalogue.ts), made once per partnership, by code. */
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
  options: Partial<Omit<Indicator, 'id' | 'partnershipId'>> & { standardCode?: string } = {},
): Promise<Indicator> {
  const { standardCode, ...overrides } = options
  const standard = standardIndicators.find((s) => s.code === standardCode)
  const n = nextNumber()
  const [row] = await db
    .insert(indicators)
    .values({
      partnershipId,
      ...(standard
        ? { ...standard, standard: true }
        : {
            code: `OWN-${n}`,
            name: `Own measure ${n}`,
            subject: `own measure ${n}`,
            definition: 'What it counts',
            unit: 'count' as const,
            polarity: 'no-judgement' as const,
            source: 'Local data',
          }),
      ...overrides,
    })
    // A standard measure is in every partnership's catalogue from its seed: take it, as overridden.
    .onConflictDoUpdate({
      target: [indicators.partnershipId, indicators.code],
      set: { retiredAt: null, ...overrides },
    })
    .returning()
  return row!
}

/** Values by area code then period label; a string value is a suppression symbol. */
export type ObservationValues = Record<string, Record<string, number | string>>

export async function insertObservations(
  db: Database,
  partnershipId: string,
  indicatorId: string,
  values: ObservationValues,
  enteredByName = 'Test data',
) {
  return insertObservationList(
    db,
    partnershipId,
    Object.entries(values).flatMap(([areaCode, byPeriod]) =>
      Object.entries(byPeriod).map(([period, value]) =>
        typeof value === 'number'
          ? { indicatorId, areaCode, period, value, enteredByName }
          : { indicatorId, areaCode, period, suppressed: value, enteredByName },
      ),
    ),
  )
}

/** The id of one of the partnership's measures by its code ("CPP-RATE"). */
export async function indicatorIdOf(db: Database, partnershipId: string, code: string) {
  const [row] = await db
    .select({ id: indicators.id })
    .from(indicators)
    .where(and(eq(indicators.partnershipId, partnershipId), eq(indicators.code, code)))
  if (!row) throw new Error(`no measure ${code}`)
  return row.id
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
  enteredByName?: string
}

/** Observations one by one (a measure by id or code, a replaced value); returns their ids. */
export async function insertObservationList(db: Database, partnershipId: string, list: readonly ObservationOptions[]) {
  const rows = []
  for (const o of list) {
    const indicatorId = o.indicatorId ?? (await indicatorIdOf(db, partnershipId, o.code!))
    const value = o.suppressed ?? o.value
    if (value === null || value === undefined) throw new Error('an observation needs a value or a symbol')
    rows.push({
      ...observationRow(partnershipId, indicatorId, o.areaCode, o.period, value, {
        enteredByName: o.enteredByName ?? 'Test data',
        sourceFile: 'test-data.csv',
      }),
      supersededAt: o.supersededAt ?? null,
    })
  }
  if (!rows.length) return []
  const inserted = await db.insert(observations).values(rows).returning({ id: observations.id })
  return inserted.map((r) => r.id)
}

export async function setComparators(
  db: Database,
  partnershipId: string,
  areaCode: string,
  neighbourCodes: string[],
  rules: { wrongWayPeriods?: number; growthYears?: number } = {},
) {
  await db
    .insert(performanceSettings)
    .values({ partnershipId, areaCode, neighbourCodes, ...rules })
    .onConflictDoUpdate({ target: performanceSettings.partnershipId, set: { areaCode, neighbourCodes, ...rules } })
}

/**
 * One observation as a row to insert, from a period as people write it ("2016/17", "2016/17 Q4")
 * and a value or the department's suppression symbol ("c"), which is stored as suppressed, never
 * as zero.
 */
function observationRow(
  partnershipId: string,
  indicatorId: string,
  areaCode: string,
  label: string,
  value: number | string,
  provenance: { enteredByName: string; sourceFile?: string | null },
): typeof observations.$inferInsert {
  const period = parsePeriod(label)
  if (!period) throw new Error(`Not a period: ${label}`)
  return {
    partnershipId,
    indicatorId,
    areaCode,
    periodType: period.type,
    period: period.label,
    periodStart: period.start,
    value: typeof value === 'number' ? value : null,
    suppressed: typeof value === 'string' ? value : null,
    ...provenance,
  }
}
