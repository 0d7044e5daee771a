import { and, asc, eq, inArray, isNull } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import { englandCode, regionOf } from './areas.ts'
import { indicators, observations, performanceSettings, type Indicator, type PeriodType } from './schema.ts'

/**
 * The observations the scorecard, the indicator pages and the report read: for each indicator, its
 * current values for the partnership's own authority, England, the region and each statistical
 * neighbour, and the neighbours' average per period, computed here and nowhere else.
 */
export interface Comparators {
  own: string
  england: string
  region: string | null
  neighbours: string[]
}

/** The partnership's own authority, its comparators and its exception rules; null until they are set. */
export async function performanceRules(db: Database, partnershipId: string) {
  const [settings] = await db
    .select()
    .from(performanceSettings)
    .where(eq(performanceSettings.partnershipId, partnershipId))
  if (!settings) return null
  const comparators: Comparators = {
    own: settings.areaCode,
    england: englandCode,
    region: regionOf(settings.areaCode),
    neighbours: settings.neighbourCodes,
  }
  return { comparators, wrongWayPeriods: settings.wrongWayPeriods, growthYears: settings.growthYears }
}

export async function comparatorsFor(db: Database, partnershipId: string): Promise<Comparators | null> {
  return (await performanceRules(db, partnershipId))?.comparators ?? null
}

export interface SeriesPoint {
  period: string
  /** ISO date the period starts. */
  start: string
  /** null when suppressed. */
  value: number | null
  suppressed: string | null
}

/** The neighbours' average for a period: the mean of the values they have (`count` of `of`). */
export interface AveragePoint {
  period: string
  start: string
  value: number | null
  count: number
  of: number
}

export interface IndicatorSeries {
  indicator: Indicator
  own: SeriesPoint[]
  england: SeriesPoint[]
  region: SeriesPoint[]
  neighbourAverage: AveragePoint[]
  /** Each neighbour's own series, by area code. */
  byNeighbour: Map<string, SeriesPoint[]>
}

/** The average of the neighbours' values per period, over the periods any of them has. */
export function neighbourAverage(byNeighbour: ReadonlyMap<string, readonly SeriesPoint[]>, of: number): AveragePoint[] {
  const periods = new Map<string, { start: string; values: number[] }>()
  for (const points of byNeighbour.values())
    for (const point of points) {
      const entry = periods.get(point.period) ?? { start: point.start, values: [] }
      if (point.value !== null) entry.values.push(point.value)
      periods.set(point.period, entry)
    }
  return [...periods.entries()]
    .sort(([, a], [, b]) => a.start.localeCompare(b.start))
    .map(([period, { start, values }]) => ({
      period,
      start,
      value: values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : null,
      count: values.length,
      of,
    }))
}

/** The period type an indicator is reported in. */
export const periodTypeOf = (indicator: Pick<Indicator, 'frequency'>): PeriodType =>
  indicator.frequency === 'quarterly' ? 'quarter' : indicator.frequency === 'monthly' ? 'month' : 'year'

/**
 * Each indicator's series in its own period type (years for an annual measure). Without
 * `indicatorIds`, the catalogue's indicators in use, in scorecard order.
 */
export async function loadSeries(
  db: Database,
  partnershipId: string,
  options: { indicatorIds?: string[]; comparators?: Comparators | null } = {},
): Promise<IndicatorSeries[]> {
  const comparators = options.comparators === undefined ? await comparatorsFor(db, partnershipId) : options.comparators
  const chosen = await db
    .select()
    .from(indicators)
    .where(
      and(
        eq(indicators.partnershipId, partnershipId),
        options.indicatorIds ? inArray(indicators.id, options.indicatorIds) : isNull(indicators.retiredAt),
      ),
    )
    .orderBy(asc(indicators.position), asc(indicators.code))
  if (!chosen.length) return []
  const areaCodes = comparators
    ? [
        comparators.own,
        comparators.england,
        ...(comparators.region ? [comparators.region] : []),
        ...comparators.neighbours,
      ]
    : [englandCode]
  const rows = await db
    .select({
      indicatorId: observations.indicatorId,
      areaCode: observations.areaCode,
      periodType: observations.periodType,
      period: observations.period,
      start: observations.periodStart,
      value: observations.value,
      suppressed: observations.suppressed,
    })
    .from(observations)
    .where(
      and(
        eq(observations.partnershipId, partnershipId),
        isNull(observations.supersededAt),
        inArray(
          observations.indicatorId,
          chosen.map((i) => i.id),
        ),
        inArray(observations.areaCode, areaCodes),
      ),
    )
    .orderBy(asc(observations.periodStart))
  const byIndicatorArea = new Map<string, SeriesPoint[]>()
  const typeOf = new Map(chosen.map((i) => [i.id, periodTypeOf(i)]))
  for (const row of rows) {
    if (row.periodType !== typeOf.get(row.indicatorId)) continue
    const key = `${row.indicatorId} ${row.areaCode}`
    const points = byIndicatorArea.get(key) ?? []
    points.push({ period: row.period, start: row.start, value: row.value, suppressed: row.suppressed })
    byIndicatorArea.set(key, points)
  }
  const pointsOf = (indicatorId: string, areaCode: string | null | undefined) =>
    areaCode ? (byIndicatorArea.get(`${indicatorId} ${areaCode}`) ?? []) : []
  return chosen.map((indicator) => {
    const byNeighbour = new Map((comparators?.neighbours ?? []).map((code) => [code, pointsOf(indicator.id, code)]))
    return {
      indicator,
      own: pointsOf(indicator.id, comparators?.own),
      england: pointsOf(indicator.id, englandCode),
      region: pointsOf(indicator.id, comparators?.region),
      neighbourAverage: neighbourAverage(byNeighbour, byNeighbour.size),
      byNeighbour,
    }
  })
}
