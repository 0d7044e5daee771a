import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { observations } from '../schema.ts'

/**
 * The statistical neighbours' average of a measure: the mean of the neighbours' current,
 * unsuppressed values for a period. A neighbour with no value, or a suppressed one, is left out
 * of the mean and of the count, so the page can say "8 of 10 neighbours have a value". To fold
 * into series.ts's average when that lands: one computation, not two.
 */

export interface NeighbourAverage {
  indicatorId: string
  /** The latest year any neighbour has a value for: "2016/17". */
  period: string
  mean: number
  /** How many neighbours have a value for the period, of how many are listed. */
  withValue: number
  of: number
}

/** The mean of the values given, or null when there are none. */
export function meanOf(values: readonly (number | null | undefined)[]) {
  const given = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
  if (!given.length) return null
  return given.reduce((sum, v) => sum + v, 0) / given.length
}

/** Per indicator, the neighbours' average for the latest year that has data; none for a measure no neighbour has a value for. */
export async function latestNeighbourAverages(
  db: Database,
  partnershipId: string,
  indicatorIds: readonly string[],
  neighbourCodes: readonly string[],
): Promise<Map<string, NeighbourAverage>> {
  const result = new Map<string, NeighbourAverage>()
  if (!indicatorIds.length || !neighbourCodes.length) return result
  const rows = await db
    .select({
      indicatorId: observations.indicatorId,
      areaCode: observations.areaCode,
      period: observations.period,
      periodStart: observations.periodStart,
      value: observations.value,
    })
    .from(observations)
    .where(
      and(
        eq(observations.partnershipId, partnershipId),
        inArray(observations.indicatorId, [...indicatorIds]),
        inArray(observations.areaCode, [...neighbourCodes]),
        eq(observations.periodType, 'year'),
        isNull(observations.supersededAt),
        isNotNull(observations.value),
      ),
    )
  const latest = new Map<string, { period: string; start: string }>()
  for (const row of rows) {
    const seen = latest.get(row.indicatorId)
    if (!seen || row.periodStart > seen.start)
      latest.set(row.indicatorId, { period: row.period, start: row.periodStart })
  }
  for (const [indicatorId, { period }] of latest) {
    const values = rows.filter((r) => r.indicatorId === indicatorId && r.period === period).map((r) => r.value)
    result.set(indicatorId, {
      indicatorId,
      period,
      mean: meanOf(values)!,
      withValue: values.length,
      of: neighbourCodes.length,
    })
  }
  return result
}
