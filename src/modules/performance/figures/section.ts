import { displayValue } from '../../../platform/figures.ts'
import { capitalise } from '../../../platform/forms.ts'
import type { ChartInput, ReportTable, SectionDefinition } from '../../../platform/sections.ts'
import { areaByCode } from '../areas.ts'
import { unitLabels } from '../labels.ts'
import { parsePeriod } from '../periods.ts'
import type { IndicatorUnit } from '../schema.ts'
import type { ScorecardRow } from '../scorecard.ts'
import { exceptionKindLabels, ragText, travelText } from '../scorecard/presenters.ts'
import type { SeriesPoint } from '../series.ts'
import { sectionFigureKeys } from './figures.ts'
import { quantitativeParagraph } from './narrative.ts'
import { rowsWithData, standardRow, yearScorecard, type YearScorecard } from './year.ts'

/**
 * The annual report's "Performance data" section, and the Performance, Audit and Quality Assurance
 * subgroup's: the scorecard for the year, its exceptions with the sentence that says why, a line
 * chart (with its table) of the child protection plan rate against England and the statistical
 * neighbours' average, and one for each other indicator with an exception. Everything is the
 * year's scorecard (scorecard.ts); the narrative starts in the seed paper's words (narrative.ts).
 * The words for a direction, a rating and an exception's kind are the scorecard's (scorecard/presenters.ts).
 */

const show = (value: number | null | undefined, unit: IndicatorUnit) =>
  value === null || value === undefined ? 'No data' : displayValue(value, unit)

function scorecardTable(card: YearScorecard, yearLabel: string): ReportTable {
  const region = card.comparators?.region ? (areaByCode(card.comparators.region)?.name ?? 'Region') : 'Region'
  return {
    caption: `Scorecard for ${yearLabel}: each indicator against England, the ${region} and the statistical neighbours’ average`,
    head: [
      'Indicator',
      yearLabel,
      'Period before',
      'Direction of travel',
      'England',
      region,
      'Statistical neighbours',
      'Target',
      'Rating',
    ],
    rows: card.rows.map((row) => {
      const unit = row.indicator.unit
      const neighbours = row.neighbours
      return [
        row.period && row.period !== yearLabel ? `${row.indicator.name} (${row.period})` : row.indicator.name,
        row.suppressed ? `Suppressed (${row.suppressed})` : show(row.value, unit),
        show(row.previous?.value, unit),
        travelText(row),
        show(row.england, unit),
        show(row.region, unit),
        neighbours && neighbours.value !== null && neighbours.count < neighbours.of
          ? `${show(neighbours.value, unit)} (${neighbours.count} of ${neighbours.of})`
          : show(neighbours?.value, unit),
        row.target === null ? 'None' : show(row.target, unit),
        ragText(row.rag),
      ]
    }),
    numericColumns: [1, 2, 4, 5, 6, 7],
  }
}

function exceptionsTable(card: YearScorecard, yearLabel: string): ReportTable[] {
  const rows = card.rows.flatMap((row) =>
    row.exceptions.map((e) => [row.indicator.name, exceptionKindLabels[e.kind], e.sentence]),
  )
  if (!rows.length) return []
  return [{ caption: `Exceptions in ${yearLabel}`, head: ['Indicator', 'Exception', 'Why'], rows }]
}

/** The indicator's own authority, England and the neighbours' average, for the periods up to the report's year. */
export function trendChart(row: ScorecardRow, ownName: string, startYear: number): ChartInput | null {
  const upTo = <P extends { period: string }>(points: readonly P[]) =>
    points.filter((p) => (parsePeriod(p.period)?.startYear ?? Infinity) <= startYear)
  const lines: [string, readonly { period: string; value: number | null }[]][] = [
    [ownName, upTo<SeriesPoint>(row.series.own)],
    ['England', upTo(row.series.england)],
    ['Statistical neighbours’ average', upTo(row.series.neighbourAverage)],
  ]
  const data = lines.flatMap(([series, points]) =>
    points.flatMap((p) => (p.value === null ? [] : [{ category: p.period, value: p.value, series }])),
  )
  if (!data.length) return null
  const unit = row.indicator.unit
  const described = lines.flatMap(([series, points]) => {
    const known = points.filter((p) => p.value !== null)
    if (!known.length) return []
    const [first, last] = [known[0]!, known.at(-1)!]
    return [
      `${series}: ${displayValue(first.value, unit)} in ${first.period}, ${displayValue(last.value, unit)} in ${last.period}`,
    ]
  })
  const first = data[0]!.category
  return {
    title: `${row.indicator.name}, ${first} to ${row.period ?? first}`,
    description: `${row.indicator.name} by ${periodWord(row)} against England and the statistical neighbours’ average. ${described.join('; ')}.`,
    kind: 'line',
    categoryLabel: capitalise(periodWord(row)),
    valueLabel: unitLabels[unit],
    seriesLabel: 'Area',
    data,
  }
}

const periodWord = (row: ScorecardRow) =>
  row.indicator.frequency === 'quarterly' ? 'quarter' : row.indicator.frequency === 'monthly' ? 'month' : 'year'

function charts(card: YearScorecard, startYear: number): ChartInput[] {
  const ownName = card.comparators ? (areaByCode(card.comparators.own)?.name ?? 'This authority') : 'This authority'
  const cpp = standardRow(card, 'CPP-RATE')
  const chosen = [...(cpp ? [cpp] : []), ...card.rows.filter((r) => r !== cpp && r.exceptions.length)]
  return chosen.map((row) => trendChart(row, ownName, startYear)).filter((c): c is ChartInput => c !== null)
}

export const performanceSection: SectionDefinition = {
  key: 'performance',
  title: 'Performance data',
  order: 30,
  figures: sectionFigureKeys,
  narrative: [
    {
      key: 'quantitative-data',
      label: 'What the quantitative data shows',
      hint: 'Where the partnership stands against England and similar authorities, starting from the scorecard’s exceptions. Check the words, keep the placeholders.',
      required: true,
      starting: quantitativeParagraph,
    },
    {
      key: 'so-what',
      label: 'What it means for the partnership',
      hint: 'What the figures mean for practice and for agencies’ resources, and what the partnership will do about them.',
      required: false,
    },
  ],
  build: async (db, { partnershipId, year }) => {
    const card = await yearScorecard(db, partnershipId, year.startYear)
    if (!rowsWithData(card).length) return { tables: [], charts: [], problems: [] }
    return {
      tables: [scorecardTable(card, year.label), ...exceptionsTable(card, year.label)],
      charts: charts(card, year.startYear),
      problems: [],
    }
  },
}
