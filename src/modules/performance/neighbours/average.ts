import type { Database } from '../../../db/index.ts'
import { englandCode } from '../areas.ts'
import { loadSeries } from '../series.ts'

/**
 * The statistical neighbours' average of each measure for the latest year any neighbour has a
 * value, as the neighbours page shows it beside the list ("8 of 10 neighbours have a value"). The
 * average itself is series.ts's `neighbourAverage`: one computation, not two.
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

/** Per indicator, the neighbours' average for the latest period that has one; none for a measure no neighbour has a value for. */
export async function latestNeighbourAverages(
  db: Database,
  partnershipId: string,
  indicatorIds: readonly string[],
  neighbourCodes: readonly string[],
): Promise<Map<string, NeighbourAverage>> {
  const result = new Map<string, NeighbourAverage>()
  if (!indicatorIds.length || !neighbourCodes.length) return result
  const series = await loadSeries(db, partnershipId, {
    indicatorIds: [...indicatorIds],
    comparators: { own: englandCode, england: englandCode, region: null, neighbours: [...neighbourCodes] },
  })
  for (const { indicator, neighbourAverage } of series) {
    const latest = neighbourAverage.filter((p) => p.value !== null).at(-1)
    if (latest)
      result.set(indicator.id, {
        indicatorId: indicator.id,
        period: latest.period,
        mean: latest.value!,
        withValue: latest.count,
        of: latest.of,
      })
  }
  return result
}
