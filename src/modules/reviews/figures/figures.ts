import type { FigureDefinition } from '../../../platform/figures.ts'
import { yearSlug, type ReportingYear } from '../../../platform/reporting-years.ts'
import type { Period } from '../themes-across/ranking.ts'
import { reviewFigures } from './definitions.ts'

/**
 * The case review figures of the annual report, each the number of the records its definition
 * returns, linking to the list of exactly those records. The report has no reader: a figure counts
 * every case of the partnership; the list behind it shows a reader only the cases they may see.
 */
export const yearPeriod = (year: ReportingYear): Period => ({ from: year.start, to: year.end })

/** `/case-reviews/figures/worked-on?year=2016-17`: the list behind a figure. */
export const figureRecordsHref = (key: string, year: ReportingYear) =>
  `/case-reviews/figures/${key}?year=${yearSlug(year)}`

export const caseReviewFigures: FigureDefinition[] = reviewFigures.map((figure) => ({
  key: figure.key,
  label: figure.label,
  definition: figure.definition,
  unit: 'count',
  rounding: { kind: 'exact' },
  compute: async (db, { partnershipId, year }) => ({
    value: (await figure.records(db, partnershipId, yearPeriod(year))).length,
    link: figureRecordsHref(figure.key, year),
  }),
}))
