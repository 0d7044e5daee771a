import { escapeHtml, linkHtml, tagHtml, type TagColour } from '../../../platform/html.ts'
import type { Direction, ExceptionKind, PerformanceException, Rag, Travel } from '../judgements.ts'
import type { IndicatorUnit } from '../schema.ts'
import type { ScorecardRow } from '../scorecard.ts'

/**
 * The scorecard's words and table cells, shared with the exceptions page, the home panel and the
 * indicator page: a suppressed value says "Suppressed (c)", never 0; the direction of travel is a
 * word ("Improving"), its arrow only decoration; a RAG rating is a tag that says its colour.
 */

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 })

/** A value as a table shows it: "45.2", "22.5%", "12 days"; "No data" when there is none. */
export function shownValue(value: number | null, unit: IndicatorUnit) {
  if (value === null) return 'No data'
  if (unit === 'percentage') return `${numberFormat.format(value)}%`
  if (unit === 'days') return `${numberFormat.format(value)} ${value === 1 ? 'day' : 'days'}`
  return numberFormat.format(value)
}

/** The value itself, or "Suppressed (c)" with the department's symbol. */
export function valueOrSuppressed(value: number | null, suppressed: string | null, unit: IndicatorUnit) {
  return suppressed !== null ? `Suppressed (${suppressed})` : shownValue(value, unit)
}

/** One decimal place, as the department publishes: for the neighbours' average in downloads. */
export const oneDecimal = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10)

export const travelLabels: Record<Travel, string> = {
  improving: 'Improving',
  worsening: 'Worsening',
  'no-change': 'No change',
  up: 'Up',
  down: 'Down',
}
const arrows: Record<Direction, string> = { up: '↑', down: '↓', same: '→' }
export const noEarlierValue = 'No earlier value'

/** "Improving", with the arrow of the actual direction hidden from screen readers (the word says it). */
export function travelHtml(row: Pick<ScorecardRow, 'direction' | 'travel'>) {
  if (!row.direction || !row.travel) return escapeHtml(noEarlierValue)
  return `<span aria-hidden="true">${arrows[row.direction]}</span> ${escapeHtml(travelLabels[row.travel])}`
}

export const travelText = (row: Pick<ScorecardRow, 'travel'>) =>
  row.travel ? travelLabels[row.travel] : noEarlierValue

export const ragLabels: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green' }
const ragColours: Record<Rag, TagColour> = { red: 'red', amber: 'orange', green: 'green' }
export const notJudged = 'Not judged'
export const ragBasisLabels = { target: 'Against the target', comparators: 'Against England and neighbours' } as const

export const ragText = (rag: ScorecardRow['rag']) => (rag ? ragLabels[rag.rag] : notJudged)

/** The RAG tag, saying its word, with what it was judged against beneath (a block: inline, it ran into the tag). */
export function ragHtml(rag: ScorecardRow['rag']) {
  if (!rag) return tagHtml(notJudged, 'grey')
  return `${tagHtml(ragLabels[rag.rag], ragColours[rag.rag])}<span class="govuk-hint govuk-!-display-block govuk-!-font-size-16 govuk-!-margin-bottom-0 govuk-!-margin-top-1">${ragBasisLabels[rag.basis]}</span>`
}

/** "37.1", or "37.1 (7 of 10)" when not every neighbour has a value. */
export function neighboursText(neighbours: ScorecardRow['neighbours'], unit: IndicatorUnit) {
  if (!neighbours || neighbours.value === null) return 'No data'
  const shown = shownValue(neighbours.value, unit)
  return neighbours.count < neighbours.of ? `${shown} (${neighbours.count} of ${neighbours.of})` : shown
}

export const exceptionKindLabels: Record<ExceptionKind, string> = {
  'worse-than-comparators': 'Worse than England and neighbours',
  'wrong-way': 'Moving the wrong way',
  'growing-faster': 'Growing faster than England and neighbours',
}
export const exceptionKinds = Object.keys(exceptionKindLabels) as ExceptionKind[]

export const indicatorHref = (id: string) => `/performance/indicators/${id}`

// ---------------------------------------------------------------- the scorecard table

export type ScorecardSort = 'position' | 'name' | 'rag'

/** A row with its number in catalogue order, which stays with it whatever the sort. */
export interface NumberedRow {
  number: number
  row: ScorecardRow
}

const ragRank = (row: ScorecardRow) => (row.rag ? { red: 0, amber: 1, green: 2 }[row.rag.rag] : 3)

/** Sorted on the server: catalogue order, name, or RAG (red first ascending; not judged last); ties in catalogue order. */
export function sortScorecard(rows: readonly ScorecardRow[], sort: ScorecardSort, direction: 'asc' | 'desc') {
  const numbered: NumberedRow[] = rows.map((row, i) => ({ number: i + 1, row }))
  const key = (n: NumberedRow) =>
    sort === 'name' ? n.row.indicator.name.toLowerCase() : sort === 'rag' ? ragRank(n.row) : n.number
  const sign = direction === 'desc' ? -1 : 1
  return numbered.sort((a, b) => {
    const [x, y] = [key(a), key(b)]
    return (x < y ? -sign : x > y ? sign : 0) || a.number - b.number
  })
}

export const scorecardColumns = [
  // What a reader looks for first comes first (the value, its rating, its exceptions): on a narrow
  // screen the comparators scroll into view inside the table's region.
  { key: 'position', text: 'No.', format: 'numeric' },
  { key: 'name', text: 'Indicator' },
  { key: null, text: 'Period' },
  { key: null, text: 'Value', format: 'numeric' },
  { key: 'rag', text: 'RAG rating' },
  { key: null, text: 'Exceptions', format: 'numeric' },
  { key: null, text: 'Direction of travel' },
  { key: null, text: 'Previous period', format: 'numeric' },
  { key: null, text: 'England', format: 'numeric' },
  { key: null, text: 'Region', format: 'numeric' },
  { key: null, text: 'Statistical neighbours’ average', format: 'numeric' },
  { key: null, text: 'Target', format: 'numeric' },
] as const

const numeric = (text: string) => ({ text, format: 'numeric' })

function previousText(row: ScorecardRow) {
  if (!row.previous) return 'No data'
  return `${shownValue(row.previous.value, row.indicator.unit)} (${row.previous.period})`
}

export function scorecardRows(numbered: NumberedRow[]) {
  return numbered.map(({ number, row }) => {
    const { unit } = row.indicator
    return [
      numeric(String(number)),
      { html: linkHtml(indicatorHref(row.indicator.id), row.indicator.name) },
      { text: row.period ?? 'No data' },
      numeric(row.period ? valueOrSuppressed(row.value, row.suppressed, unit) : 'No data'),
      { html: ragHtml(row.rag) },
      numeric(String(row.exceptions.length)),
      { html: travelHtml(row) },
      numeric(previousText(row)),
      numeric(shownValue(row.england, unit)),
      numeric(shownValue(row.region, unit)),
      numeric(neighboursText(row.neighbours, unit)),
      numeric(row.target === null ? 'None' : shownValue(row.target, unit)),
    ]
  })
}

export const scorecardCsvHead = [
  'No.',
  'Code',
  'Indicator',
  'Unit',
  'Period',
  'Value',
  'Suppressed',
  'Previous period',
  'Previous value',
  'Direction of travel',
  'England',
  'Region',
  'Statistical neighbours’ average',
  'Neighbours with a value',
  'Target',
  'RAG rating',
  'RAG judged',
  'Exceptions',
]

/** The download: the page's rows in the page's order, numbers as numbers. */
export function scorecardCsv(numbered: NumberedRow[]): unknown[][] {
  return [
    scorecardCsvHead,
    ...numbered.map(({ number, row }) => [
      number,
      row.indicator.code,
      row.indicator.name,
      row.indicator.unit,
      row.period ?? '',
      row.value,
      row.suppressed ?? '',
      row.previous?.period ?? '',
      row.previous?.value ?? null,
      travelText(row),
      row.england,
      row.region,
      oneDecimal(row.neighbours?.value ?? null),
      row.neighbours ? `${row.neighbours.count} of ${row.neighbours.of}` : '',
      row.target,
      ragText(row.rag),
      row.rag ? ragBasisLabels[row.rag.basis] : '',
      row.exceptions.length,
    ]),
  ]
}

// ---------------------------------------------------------------- exceptions

export interface ListedException extends PerformanceException {
  indicator: ScorecardRow['indicator']
}

export function exceptionsIn(rows: readonly ScorecardRow[]): ListedException[] {
  return rows.flatMap((row) => row.exceptions.map((e) => ({ ...e, indicator: row.indicator })))
}

/** The exceptions grouped by kind, in the order the kinds are listed; kinds without any left out. */
export function exceptionGroups(exceptions: readonly ListedException[]) {
  return exceptionKinds
    .map((kind) => ({
      kind,
      label: exceptionKindLabels[kind],
      items: exceptions
        .filter((e) => e.kind === kind)
        .map((e) => ({ href: indicatorHref(e.indicator.id), name: e.indicator.name, sentence: e.sentence })),
    }))
    .filter((group) => group.items.length)
}

export function exceptionCount(n: number, yearLabel: string) {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? 'exception' : 'exceptions'} in ${yearLabel}`
}

/** The download, in the page's order: by kind, then catalogue order. */
export function exceptionsCsv(exceptions: readonly ListedException[], yearLabel: string): unknown[][] {
  const rank = (e: ListedException) => exceptionKinds.indexOf(e.kind)
  return [
    ['Year', 'Code', 'Indicator', 'Kind', 'Why'],
    ...[...exceptions]
      .sort((a, b) => rank(a) - rank(b))
      .map((e) => [yearLabel, e.indicator.code, e.indicator.name, exceptionKindLabels[e.kind], e.sentence]),
  ]
}
