import type { Database } from '../../../db/index.ts'
import { yearSlug, type ReportingYear } from '../../../platform/reporting-years.ts'
import { growth, periodsBack, periodsPerYear } from '../judgements.ts'
import { parsePeriod } from '../periods.ts'
import { scorecard, type Scorecard, type ScorecardRow } from '../scorecard.ts'
import { performanceRules } from '../series.ts'

/**
 * What the report's figures and section read: the scorecard for a reporting year (scorecard.ts,
 * the one place judgements are made) and the growth rule. A report assembles every figure at once,
 * so calls for the same partnership and year made while one is being worked out share it: the
 * scorecard is read once per assembly, not once per figure. Nothing is kept once it is answered,
 * so a value imported a moment later is never missed.
 */
export interface YearScorecard extends Scorecard {
  /** Years over which growth is compared (the partnership's rule; three by default). */
  growthYears: number
}

const inFlight = new WeakMap<Database, Map<string, Promise<YearScorecard>>>()

export function yearScorecard(db: Database, partnershipId: string, startYear: number): Promise<YearScorecard> {
  let pending = inFlight.get(db)
  if (!pending) inFlight.set(db, (pending = new Map()))
  const key = `${partnershipId} ${startYear}`
  const known = pending.get(key)
  if (known) return known
  const work = Promise.all([scorecard(db, partnershipId, { startYear }), performanceRules(db, partnershipId)])
    .then(([card, rules]) => ({ ...card, growthYears: rules?.growthYears ?? 3 }))
    .finally(() => pending.delete(key))
  pending.set(key, work)
  return work
}

/** The scorecard's row for a standard measure, by its code ("CPP-RATE"). */
export const standardRow = (card: Scorecard, code: string): ScorecardRow | undefined =>
  card.rows.find((row) => row.indicator.standard && row.indicator.code === code)

/** Rows with a value or a symbol for the year: a year without any has no performance data. */
export const rowsWithData = (card: Scorecard) => card.rows.filter((r) => r.value !== null || r.suppressed !== null)

export interface GrowthOver {
  from: string
  to: string
  /** Growth as a percentage (30.8 for 30.8%); null when it cannot be worked out. */
  own: number | null
  england: number | null
  neighbours: number | null
}

/** A row's growth over the growth years to its period, for the own authority, England and the neighbours' average. */
export function growthOf(row: ScorecardRow, growthYears: number): GrowthOver | null {
  const period = row.period ? parsePeriod(row.period) : null
  if (!period) return null
  const from = periodsBack(period, growthYears * periodsPerYear[period.type]).label
  const percent = (g: number | null) => (g === null ? null : g * 100)
  return {
    from,
    to: period.label,
    own: percent(growth(row.series.own, from, period.label)),
    england: percent(growth(row.series.england, from, period.label)),
    neighbours: percent(growth(row.series.neighbourAverage, from, period.label)),
  }
}

/** The pages a figure's records are on. */
export const scorecardHref = (year: ReportingYear) => `/performance?year=${yearSlug(year)}`
export const exceptionsHref = (year: ReportingYear) => `/performance/exceptions?year=${yearSlug(year)}`
