import { renderMarkdown } from '../../../platform/markdown.ts'
import type { ChartInput } from '../../../platform/sections.ts'
import { formatDateTime } from '../../../platform/views.ts'
import { areaByCode } from '../areas.ts'
import { frequencyLabels, polarityLabels, unitLabels } from '../labels.ts'
import { monthPeriod, parsePeriod, quarterPeriod, yearPeriod, type Period } from '../periods.ts'
import type { Indicator, IndicatorUnit, PeriodType } from '../schema.ts'
import type { Comparators, IndicatorSeries } from '../series.ts'
import { shownValue, valueOrSuppressed } from '../scorecard/presenters.ts'
import type { Commentary, ObservationRow, ReplacedRow } from './service.ts'

/** One indicator's page as GOV.UK macro parameters: what it is, its trend, commentary, data and history. */

export function indicatorSummary(indicator: Indicator) {
  const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } })
  return [
    row('Code', indicator.code),
    row('Definition', indicator.definition),
    row('Unit', unitLabels[indicator.unit]),
    row('Which way is better', polarityLabels[indicator.polarity]),
    row('Source', indicator.source),
    row('Reported', frequencyLabels[indicator.frequency]),
    row('Target', indicator.target === null ? 'None set' : shownValue(indicator.target, indicator.unit)),
  ]
}

// ---------------------------------------------------------------- periods in addresses

/** A period as an address has it: "2016/17" → "2016-17", "2016/17 Q1" → "2016-17-q1", "2016-04" as it is. */
export const periodSlug = (label: string) => label.replace('/', '-').replace(' Q', '-q')

/** The period an address names, read as the indicator's period type ("2011-12" is a year, not December 2011, for an annual measure). */
export function periodFromSlug(slug: string, type: PeriodType): Period | null {
  const match =
    type === 'year'
      ? /^(\d{4})-(\d{2})$/.exec(slug)
      : type === 'quarter'
        ? /^(\d{4})-(\d{2})-q([1-4])$/.exec(slug)
        : /^(\d{4})-(\d{2})$/.exec(slug)
  if (!match) return null
  const [first, second] = [Number(match[1]), Number(match[2])]
  if (type === 'month') return second >= 1 && second <= 12 ? monthPeriod(first, second) : null
  if (second !== (first + 1) % 100 || first < 1990 || first > 2100) return null
  return type === 'year' ? yearPeriod(first) : quarterPeriod(first, Number(match[3]) as 1 | 2 | 3 | 4)
}

// ---------------------------------------------------------------- the trend chart

export const neighboursSeriesName = 'Statistical neighbours’ average'
const areaName = (code: string) => areaByCode(code)?.name ?? code

/** The partnership's authority, England, the region and the neighbours' average over the periods any has a value. */
export function trendChart(series: IndicatorSeries, comparators: Comparators | null): ChartInput | null {
  const lines: { name: string; points: { period: string; start: string; value: number | null }[] }[] = [
    ...(comparators ? [{ name: areaName(comparators.own), points: series.own }] : []),
    { name: 'England', points: series.england },
    ...(comparators?.region ? [{ name: areaName(comparators.region), points: series.region }] : []),
    ...(comparators?.neighbours.length ? [{ name: neighboursSeriesName, points: series.neighbourAverage }] : []),
  ]
  const starts = new Map<string, string>()
  for (const line of lines) for (const p of line.points) if (p.value !== null) starts.set(p.period, p.start)
  if (!starts.size) return null
  const periods = [...starts].sort(([, a], [, b]) => a.localeCompare(b)).map(([period]) => period)
  const data = periods.flatMap((period) =>
    lines.flatMap((line) => {
      const value = line.points.find((p) => p.period === period)?.value ?? null
      return value === null ? [] : [{ category: period, value, series: line.name }]
    }),
  )
  const { indicator } = series
  const names = lines.map((l) => l.name)
  return {
    title: indicator.name,
    description: `${indicator.name} from ${periods[0]} to ${periods.at(-1)}: ${names[0]} against ${names.slice(1).join(', ') || 'no comparators'}. The table below gives the numbers.`,
    kind: 'line',
    categoryLabel: series.own.length && series.own[0]!.period.includes('Q') ? 'Quarter' : 'Period',
    valueLabel: unitLabels[indicator.unit],
    seriesLabel: 'Area',
    data,
  }
}

// ---------------------------------------------------------------- commentary per period

/**
 * Every period with a value for the partnership's authority or with commentary, newest first, each
 * with its commentary as HTML (or none yet) and where to add or change it.
 */
export function commentaryItems(indicator: Indicator, series: IndicatorSeries, commentary: Commentary[]) {
  const byPeriod = new Map(commentary.map((c) => [c.period, c]))
  const periods = new Map<string, string>()
  for (const p of series.own) if (p.value !== null || p.suppressed !== null) periods.set(p.period, p.start)
  for (const c of commentary) periods.set(c.period, parsePeriod(c.period)?.start ?? '')
  return [...periods]
    .sort(([, a], [, b]) => b.localeCompare(a))
    .map(([period]) => {
      const written = byPeriod.get(period)
      const point = series.own.find((p) => p.period === period)
      return {
        period,
        value: point ? valueOrSuppressed(point.value, point.suppressed, indicator.unit) : 'No data',
        html: written ? renderMarkdown(written.markdown) : null,
        byline: written ? `${written.writtenByName}, ${formatDateTime(written.updatedAt)}` : null,
        href: `/performance/indicators/${indicator.id}/commentary/${periodSlug(period)}`,
        action: written ? 'Change commentary' : 'Add commentary',
      }
    })
}

// ---------------------------------------------------------------- data and its history

export function areaRole(code: string, comparators: Comparators | null) {
  if (comparators?.own === code) return 'Our authority'
  if (comparators?.england === code || code === 'E92000001') return 'England'
  if (comparators?.region === code) return 'Region'
  if (comparators?.neighbours.includes(code)) return 'Statistical neighbour'
  return 'Other area'
}

const sourceOf = (row: Pick<ObservationRow, 'sourceFile' | 'batchFile'>) => row.sourceFile ?? row.batchFile ?? ''
const iso = (date: Date | null) => (date ? date.toISOString() : '')

export const dataHead = [
  'Area code',
  'Area name',
  'Area is',
  'Period',
  'Value',
  'Suppressed',
  'Source',
  'Entered by',
  'Entered at',
]

/** The download of an indicator's data: every current value for the comparator areas, numbers as numbers. */
export function dataRows(rows: ObservationRow[], comparators: Comparators | null): unknown[][] {
  return [
    dataHead,
    ...rows.map((r) => [
      r.areaCode,
      areaName(r.areaCode),
      areaRole(r.areaCode, comparators),
      r.period,
      r.value,
      r.suppressed ?? '',
      sourceOf(r),
      r.enteredByName,
      iso(r.enteredAt),
    ]),
  ]
}

/** The values later ones replaced: when, by which file, and what the value was. */
export function replacedTableRows(rows: ReplacedRow[], unit: IndicatorUnit) {
  return rows.map((r) => [
    { text: areaName(r.areaCode) },
    { text: r.period },
    { text: valueOrSuppressed(r.value, r.suppressed, unit), format: 'numeric' },
    { text: `${sourceOf(r) || r.enteredByName}, ${formatDateTime(r.enteredAt)}` },
    { text: `${formatDateTime(r.supersededAt)}${r.replacedByFile ? ` by ${r.replacedByFile}` : ''}` },
  ])
}
