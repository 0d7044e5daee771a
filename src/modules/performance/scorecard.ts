import type { Database } from '../../db/index.ts'
import {
  directionOf,
  exceptionsOf,
  ragOf,
  travelOf,
  valueIn,
  type Direction,
  type PerformanceException,
  type Rag,
  type Travel,
} from './judgements.ts'
import { parsePeriod, previousPeriod, yearPeriod } from './periods.ts'
import type { Indicator } from './schema.ts'
import { loadSeries, performanceRules, type Comparators, type IndicatorSeries } from './series.ts'

/**
 * The scorecard for a reporting year: each indicator's value in the year (its last quarter or
 * month in the year for one reported more often), the period before and the direction of travel,
 * England, the region and the neighbours' average, its target, a RAG rating and its exceptions.
 * The scorecard page, the exceptions page, the business plan and the report's figures all read
 * this; none works a judgement out again.
 */
export interface ScorecardRow {
  indicator: Indicator
  /** The period shown: "2016/17" (or "2016/17 Q4"); null when the year has no value. */
  period: string | null
  value: number | null
  /** The department's symbol when the value is suppressed. */
  suppressed: string | null
  previous: { period: string; value: number | null } | null
  direction: Direction | null
  travel: Travel | null
  england: number | null
  region: number | null
  neighbours: { value: number | null; count: number; of: number } | null
  target: number | null
  rag: { rag: Rag; basis: 'target' | 'comparators' } | null
  exceptions: PerformanceException[]
  series: IndicatorSeries
}

export interface Scorecard {
  comparators: Comparators | null
  /** The reporting year shown (2016 for 2016/17); null when there is no data at all. */
  startYear: number | null
  rows: ScorecardRow[]
}

/** The latest year with a value for the partnership's own authority, or null. */
export function latestYear(series: readonly IndicatorSeries[]): number | null {
  const years = series.flatMap((s) => s.own.filter((p) => p.value !== null || p.suppressed !== null))
  const starts = years.map((p) => parsePeriod(p.period)?.startYear).filter((y): y is number => y !== undefined)
  return starts.length ? Math.max(...starts) : null
}

/** The indicator's last period in the year with a value or a symbol for the own authority. */
function periodInYear(series: IndicatorSeries, startYear: number) {
  const inYear = series.own.filter((p) => parsePeriod(p.period)?.startYear === startYear)
  return inYear.at(-1) ?? null
}

export function scorecardRow(
  series: IndicatorSeries,
  startYear: number,
  settings: { wrongWayPeriods: number; growthYears: number },
): ScorecardRow {
  const { indicator } = series
  const point = periodInYear(series, startYear)
  const period = point?.period ?? (indicator.frequency === 'annual' ? yearPeriod(startYear).label : null)
  const value = point?.value ?? null
  const previousLabel = period ? previousPeriod(parsePeriod(period)!).label : null
  const previousValue = previousLabel ? valueIn(series.own, previousLabel) : null
  const direction = directionOf(value, previousValue)
  const england = period ? valueIn(series.england, period) : null
  const neighbourPoint = period ? series.neighbourAverage.find((p) => p.period === period) : undefined
  const neighbours = neighbourPoint
    ? { value: neighbourPoint.value, count: neighbourPoint.count, of: neighbourPoint.of }
    : null
  return {
    indicator,
    period,
    value,
    suppressed: point?.suppressed ?? null,
    previous: previousLabel ? { period: previousLabel, value: previousValue } : null,
    direction,
    travel: travelOf(direction, indicator.polarity),
    england,
    region: period ? valueIn(series.region, period) : null,
    neighbours,
    target: indicator.target,
    rag: ragOf(indicator, value, { england, neighbours: neighbours?.value ?? null }),
    exceptions: period
      ? exceptionsOf({
          indicator,
          period,
          own: series.own,
          england: series.england,
          neighbours: series.neighbourAverage,
          wrongWayPeriods: settings.wrongWayPeriods,
          growthYears: settings.growthYears,
        })
      : [],
    series,
  }
}

export async function scorecard(
  db: Database,
  partnershipId: string,
  options: { startYear?: number; indicatorIds?: string[] } = {},
): Promise<Scorecard> {
  const settings = await performanceRules(db, partnershipId)
  const comparators = settings?.comparators ?? null
  const series = await loadSeries(db, partnershipId, { indicatorIds: options.indicatorIds, comparators })
  const startYear = options.startYear ?? latestYear(series)
  if (startYear === null) return { comparators, startYear, rows: [] }
  const rules = settings ?? { wrongWayPeriods: 3, growthYears: 3 }
  return { comparators, startYear, rows: series.map((s) => scorecardRow(s, startYear, rules)) }
}
