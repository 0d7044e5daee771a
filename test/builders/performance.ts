import type { Database } from '../../src/db/index.ts'
import { standardIndicators } from '../../src/modules/performance/catalogue.ts'
import { observationRow } from '../../src/modules/performance/observation-row.ts'
import { indicators, observations, performanceSettings, type Indicator } from '../../src/modules/performance/schema.ts'
import { nextNumber } from './names.ts'

/**
 * Performance records for tests, written straight to the tables (the services are what the tests
 * test): an indicator (a standard one by code, or an own measure), observations as
 * `{ areaCode: { period: value } }`, and the partnership's own authority and neighbours.
 */
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
  const rows = Object.entries(values).flatMap(([areaCode, byPeriod]) =>
    Object.entries(byPeriod).map(([label, value]) =>
      observationRow(partnershipId, indicatorId, areaCode, label, value, { enteredByName }),
    ),
  )
  if (rows.length) await db.insert(observations).values(rows)
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
