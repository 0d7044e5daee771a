import type { Database } from '../../../db/index.ts'
import type { Query } from '../../../platform/lists.ts'
import { parseYear, reportingYear, yearSlug } from '../../../platform/reporting-years.ts'
import { yearChoices } from '../../../platform/year-picker.ts'
import { parsePeriod } from '../periods.ts'
import { scorecard, type Scorecard } from '../scorecard.ts'

/**
 * The scorecard for the year a page asks for (`?year=2016-17`; the latest year with data by
 * default). Observations are in the department's April-to-March years, so the years here are too,
 * whatever month the partnership's own reporting year starts.
 */
export function requestedYear(query: Query) {
  return query.year ? (parseYear(query.year)?.startYear ?? undefined) : undefined
}

// The scorecard page's rows and its context are worked out side by side from the same query
// (platform/list-route.ts): one reading of the database serves both.
const byQuery = new WeakMap<object, Promise<Scorecard>>()

export function scorecardFor(db: Database, partnershipId: string, query: Query) {
  let card = byQuery.get(query)
  if (!card) {
    card = scorecard(db, partnershipId, { startYear: requestedYear(query) })
    byQuery.set(query, card)
  }
  return card
}

/** The years with a value for the partnership's own authority, as the year picker offers them. */
export function scorecardYears(card: Scorecard) {
  const starts = new Set(
    card.rows.flatMap((row) =>
      row.series.own
        .filter((p) => p.value !== null || p.suppressed !== null)
        .map((p) => parsePeriod(p.period)?.startYear)
        .filter((y): y is number => y !== undefined),
    ),
  )
  const shown = card.startYear === null ? null : reportingYear(card.startYear)
  return {
    label: shown?.label ?? null,
    slug: shown ? yearSlug(shown) : null,
    years: yearChoices(
      [...starts].map((y) => reportingYear(y)),
      shown,
    ),
  }
}
