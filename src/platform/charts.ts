import { createHash } from 'node:crypto'
import * as vega from 'vega'
import { compile, type TopLevelSpec } from 'vega-lite'
import { textWidth, useEstimatedTextWidths, wrapLabel } from './chart-text.ts'
import { escapeHtml } from './html.ts'
import { keptLately } from './kept-lately.ts'
import type { ChartInput } from './sections.ts'

/**
 * Charts for reports, drawn on the server as SVG: a Vega-Lite spec built from a section's
 * ChartInput, rendered headless (renderer 'none', then toSVG), so no browser, canvas or script is
 * needed to read it and a frozen document keeps the same picture. The chart is only a picture of
 * the numbers: the table beside it carries them, and `description` says what it shows
 * (docs/decisions/0013-charts-vega-lite-on-the-server.md).
 */
export interface DrawnChart {
  title: string
  description: string
  svg: string
  table: { head: string[]; rows: string[][]; numericColumns: number[] }
}

/** GOV.UK colours, in the order series take them; the legend and the table tell them apart too. */
export const chartColours = ['#1d70b8', '#f47738', '#00703c', '#5694ca', '#912b88', '#28a197', '#d4351c', '#6f72af']
// The service's own font stack (application.scss): not on GOV.UK, so never GDS Transport.
const font = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
const width = 560
const height = 300
const fontSize = 14
const maxLines = 3

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 })

/**
 * How the category labels fit under the axis: on one line; or broken into a few lines between
 * words (the label text carries the breaks, and the axis splits on them, so no user text is ever
 * part of a Vega expression); or, when there are too many to fit side by side, turned and cut at
 * 240 pixels. The table beside the chart always has the names in full.
 */
function categoryLabels(categories: string[]) {
  const room = width / Math.max(categories.length, 1) - 8
  const oneLine = new Map(categories.map((c) => [c, c]))
  if (categories.every((c) => textWidth(c, fontSize) <= room)) return { text: oneLine, axis: { labelAngle: 0 } }
  const wrapped = categories.map((c) => wrapLabel(c, room, fontSize))
  const text = new Map(categories.map((c, i) => [c, wrapped[i]?.join('\n') ?? c]))
  const fits = wrapped.every((lines) => lines !== null && lines.length <= maxLines)
  if (fits && new Set(text.values()).size === categories.length) {
    return { text, axis: { labelAngle: 0, labelExpr: "split(datum.label, '\\n')", labelLimit: 0 } }
  }
  return { text: oneLine, axis: { labelAngle: -45, labelLimit: 240 } }
}

function distinct(values: (string | undefined)[]) {
  return [...new Set(values.filter((v): v is string => v !== undefined))]
}

/** The numbers as a table: one row per category, one value column per series. */
export function chartTable(input: ChartInput): DrawnChart['table'] {
  const categories = distinct(input.data.map((d) => d.category))
  const series = distinct(input.data.map((d) => d.series))
  if (series.length === 0) {
    return {
      head: [input.categoryLabel, input.valueLabel],
      rows: input.data.map((d) => [d.category, numberFormat.format(d.value)]),
      numericColumns: [1],
    }
  }
  const value = (category: string, name: string) => {
    const point = input.data.find((d) => d.category === category && d.series === name)
    return point ? numberFormat.format(point.value) : 'No data'
  }
  return {
    head: [input.categoryLabel, ...series],
    rows: categories.map((category) => [category, ...series.map((name) => value(category, name))]),
    numericColumns: series.map((_, i) => i + 1),
  }
}

/** The Vega-Lite spec for a chart input; exported for tests and for trying a chart in the Vega editor. */
export function chartSpec(input: ChartInput): TopLevelSpec {
  const categories = distinct(input.data.map((d) => d.category))
  const series = distinct(input.data.map((d) => d.series))
  const labels = categoryLabels(categories)
  const integers = input.data.every((d) => Number.isInteger(d.value))
  const values = input.data.map((d) => ({
    label: labels.text.get(d.category)!,
    value: d.value,
    series: d.series ?? input.valueLabel,
  }))
  const colour = {
    field: 'series',
    type: 'nominal' as const,
    title: input.seriesLabel ?? null,
    scale: { domain: series, range: chartColours },
    sort: series,
  }
  const domain = categories.map((c) => labels.text.get(c)!)
  const x = {
    field: 'label',
    type: input.kind === 'line' ? ('ordinal' as const) : ('nominal' as const),
    title: input.categoryLabel,
    sort: domain,
    scale: { domain },
    axis: labels.axis,
  }
  const y = {
    field: 'value',
    type: 'quantitative' as const,
    title: input.valueLabel,
    axis: { format: ',~r', tickMinStep: integers ? 1 : undefined },
  }
  const encoding =
    input.kind === 'bar' || series.length === 0
      ? { x, y }
      : input.kind === 'grouped-bar'
        ? { x, y, xOffset: { field: 'series', type: 'nominal' as const, sort: series }, color: colour }
        : { x, y, color: colour }
  const mark =
    input.kind === 'line'
      ? { type: 'line' as const, point: { size: 60, filled: true }, strokeWidth: 3, color: chartColours[0] }
      : { type: 'bar' as const, color: chartColours[0] }
  return {
    width,
    height,
    background: 'white',
    padding: 8,
    data: { values },
    mark,
    encoding,
    config: {
      font,
      // The root svg is one image (role img) named by its title and description; the table is the data.
      aria: false,
      view: { stroke: null },
      axis: { labelFontSize: fontSize, titleFontSize: fontSize, labelColor: '#0b0c0c', titleColor: '#0b0c0c' },
      legend: {
        orient: 'bottom',
        direction: 'vertical',
        columns: 2,
        labelFontSize: fontSize,
        titleFontSize: fontSize,
        labelLimit: 260,
        labelColor: '#0b0c0c',
        titleColor: '#0b0c0c',
      },
    },
  } as TopLevelSpec
}

/** An id for the chart's title and description, the same for the same chart. */
function chartId(input: ChartInput) {
  return `chart-${createHash('sha256').update(JSON.stringify(input)).digest('hex').slice(0, 10)}`
}

/**
 * Charts drawn lately, by their whole input: drawing one takes tens of milliseconds and the same
 * input always draws the same chart, while a report draws the same charts every time it is read.
 */
const drawnLately = keptLately<DrawnChart>(100)

/** The chart as accessible SVG, with the same numbers as a table: the one drawn lately for the same input, if any. */
export function drawChart(input: ChartInput): Promise<DrawnChart> {
  return drawnLately(JSON.stringify(input), () => drawChartAfresh(input))
}

/** Draws the chart, whether or not it was drawn lately. */
export async function drawChartAfresh(input: ChartInput): Promise<DrawnChart> {
  useEstimatedTextWidths()
  const view = new vega.View(vega.parse(compile(chartSpec(input)).spec), { renderer: 'none' })
  let svg: string
  try {
    // Clip and gradient ids count up per process; reset them so the same chart is the same string.
    vega.resetSVGDefIds()
    svg = await view.toSVG()
  } finally {
    view.finalize()
  }
  const id = chartId(input)
  const named =
    `<title id="${id}-title">${escapeHtml(input.title)}</title>` +
    `<desc id="${id}-desc">${escapeHtml(input.description)}</desc>`
  svg = svg.replace(
    /^<svg([^>]*)>/,
    (_, attributes: string) =>
      `<svg${attributes} role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc" focusable="false">${named}`,
  )
  return { title: input.title, description: input.description, svg, table: chartTable(input) }
}
