import { sequentialRuns } from './breakdown.ts'
import type { RunResults } from './report.ts'
import { outputs, scale, type Output, type OutputTiming, type ReportsResults } from './reports.ts'

/**
 * The annual report's part of bench/RESULTS.md (its aims, and the section on each output at the
 * demo's size and ten times it), apart from report.ts so that each file stays short.
 */

/** Milliseconds as the results write them: more decimals the smaller the time. */
export const ms = (value: number) => (value < 1 ? value.toFixed(3) : value < 10 ? value.toFixed(2) : value.toFixed(1))
export const times = (value: number) => `${value < 10 ? value.toFixed(1) : value.toFixed(0)}×`

/** The annual report's aims: milliseconds at the demo's size, and the most the ten-times size may take in proportion. */
export const reportAims: Record<Output, number> = { page: 1000, html: 1000, docx: 3000, pdf: 10000 }
export const scaleAim = 3

const percent = (share: number) => `${Math.round(share * 100)}%`
const outputName = (format: Output) => outputs.find((o) => o.format === format)!.name
export const duration = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${ms(value)} ms`)
const growth = (t: [OutputTiming, OutputTiming]) => t[1].median / t[0].median
const metAt = (t: [OutputTiming, OutputTiming], format: Output) => t[0].median < reportAims[format]
const scales = (t: [OutputTiming, OutputTiming]) => growth(t) <= scaleAim
const verdict = (met: boolean) => (met ? '**met**' : '**not met**')

export function reportTargets(run: RunResults) {
  const lines = run.reports.map((r) => {
    const at = outputs
      .map((o) => `${o.name.replace(' download', '')} ${duration(r.timings[o.format][0].median)}`)
      .join(', ')
    const grown = outputs.map((o) => `${times(growth(r.timings[o.format]))}`).join(', ')
    const missed = (test: (o: (typeof outputs)[number]) => boolean) => {
      const names = outputs.filter((o) => !test(o)).map((o) => o.name)
      return names.length ? `${verdict(false)} (${names.join(', ')})` : verdict(true)
    }
    const sizeMet = missed((o) => metAt(r.timings[o.format], o.format))
    const scaleMet = missed((o) => scales(r.timings[o.format]))
    return `  - ${r.label}: at the demo's size (medians) ${at}: ${sizeMet}. At ${scale}× the size the same outputs take ${grown} as long: ${scaleMet}.`
  })
  return `- **The annual report drafted as HTML in under 1 s, DOCX under 3 s and PDF under 10 s at the demo's size, and no more
  than ${scaleAim}× as long at ${scale}× the size** (the report page is held to the HTML aim too; details under
  [The annual report's outputs](#the-annual-reports-outputs)).
${lines.join('\n')}`
}

function sizesTable(run: RunResults) {
  const [demo, scaled] = run.reports[0]!.sizes
  return `| | agencies | people | subgroups | seats held in 2016/17 (board and subgroups) |
|---|--:|--:|--:|--:|
| the demo partnership | ${demo.agencies} | ${demo.people} | ${demo.subgroups} | ${demo.seats} |
| ${scale}× (a second partnership) | ${scaled.agencies} | ${scaled.people} | ${scaled.subgroups} | ${scaled.seats} |`
}

function outputsTable(r: ReportsResults) {
  const lines = [
    `| output | aim at the demo's size | demo: first request | demo: median | demo: ratio to bare | ${scale}×: first request | ${scale}×: median | ${scale}× / demo | waiting for the database, demo / ${scale}× | file, demo / ${scale}× |`,
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    `| Bare Fastify route (baseline) | | | ${ms(r.bare)} ms | 1 | | | | | |`,
  ]
  for (const o of outputs) {
    const [demo, scaled] = r.timings[o.format]
    const path = `\`/reports/:id${o.suffix}\``
    const flag = (met: boolean, text: string) => (met ? text : `**${text}**`)
    lines.push(
      `| ${o.name} ${path} | under ${reportAims[o.format] / 1000} s | ${duration(demo.cold)} | ${flag(metAt(r.timings[o.format], o.format), duration(demo.median))} | ${Math.round(demo.median / r.bare).toLocaleString('en-GB')}× | ${duration(scaled.cold)} | ${duration(scaled.median)} | ${flag(scales(r.timings[o.format]), times(growth(r.timings[o.format])))} | ${ms(demo.database)} / ${ms(scaled.database)} ms | ${(demo.bytes / 1024).toFixed(0)} / ${(scaled.bytes / 1024).toFixed(0)} KB |`,
    )
  }
  return lines.join('\n')
}

function stepsTable(r: ReportsResults) {
  const [demo, scaled] = r.steps
  const rows: [string, number, number][] = [
    [
      'Drafting from the records (`draftSnapshot`: figures, the section’s records, tables and chart, narrative)',
      demo.snapshot,
      scaled.snapshot,
    ],
    ['— of which waiting for the database', demo.snapshotDatabase, scaled.snapshotDatabase],
    ['The printable HTML (`renderPrintHtml`)', demo.printHtml, scaled.printHtml],
    ['The DOCX (`renderDocx`)', demo.docx, scaled.docx],
    [
      '— of which the chart’s PNG, drawn by Chromium',
      demo.docx - demo.docxWithoutPng,
      scaled.docx - scaled.docxWithoutPng,
    ],
    ['The PDF, printed from the HTML by Chromium (`renderPdf`)', demo.pdf, scaled.pdf],
  ]
  return [
    `| step | the demo | ${scale}× | ${scale}× / demo |`,
    '|---|--:|--:|--:|',
    ...rows.map(([name, a, b]) => `| ${name} | ${duration(a)} | ${duration(b)} | ${times(b / a)} |`),
  ].join('\n')
}

/** Why an aim was missed and what would bring it within, from the steps' figures. */
function misses(r: ReportsResults) {
  const notes: string[] = []
  const [demo, scaled] = r.steps
  for (const o of outputs) {
    const t = r.timings[o.format]
    const missedSize = !metAt(t, o.format)
    const missedScale = !scales(t)
    if (!missedSize && !missedScale) continue
    const what = [
      missedSize ? `${duration(t[0].median)} at the demo's size against ${duration(reportAims[o.format])}` : null,
      missedScale ? `${times(growth(t))} as long at ${scale}× the size against ${scaleAim}×` : null,
    ]
      .filter(Boolean)
      .join(', and ')
    let why: string
    if (o.format === 'docx') {
      const png = [demo.docx - demo.docxWithoutPng, scaled.docx - scaled.docxWithoutPng]
      why = `Of the DOCX's own ${duration(demo.docx)} / ${duration(scaled.docx)} (demo / ${scale}×), the chart's PNG drawn by Chromium takes ${duration(png[0]!)} / ${duration(png[1]!)} and the rest of Word's document ${duration(demo.docxWithoutPng)} / ${duration(scaled.docxWithoutPng)}; drafting adds ${duration(demo.snapshot)} / ${duration(scaled.snapshot)}. What would fix it: keep the PNG of a chart by a hash of its SVG (a draft's chart changes only when its records do), or draw it at 1× rather than 2× for the ${scale}× chart's ${r.sizes[1].agencies} agencies.`
    } else if (o.format === 'pdf') {
      why = `Chromium's printing takes ${duration(demo.pdf)} / ${duration(scaled.pdf)} (demo / ${scale}×) of it, drafting ${duration(demo.snapshot)} / ${duration(scaled.snapshot)}. What would fix it: keep a warm browser context and page for printing instead of a new context per document, and keep a draft's PDF until its records or narrative change.`
    } else {
      why = `Drafting takes ${duration(demo.snapshot)} / ${duration(scaled.snapshot)} (demo / ${scale}×), ${duration(demo.snapshotDatabase)} / ${duration(scaled.snapshotDatabase)} of it waiting for the database; the printable HTML ${duration(demo.printHtml)} / ${duration(scaled.printHtml)}. The tables grow with the directory (${r.sizes[0].seats} / ${r.sizes[1].seats} seats, ${r.sizes[0].agencies} / ${r.sizes[1].agencies} agencies), so ${scale}× rows cost about ${scale}× the rendering. What would fix it: draw the chart once per draft and keep it until the records change, and page the long tables (changes, members by agency) in the page, keeping them whole in the files.`
    }
    notes.push(`- **${r.label}, ${outputName(o.format)}: not met** — ${what}. ${why}`)
  }
  return notes
}

export function reportSection(run: RunResults) {
  const first = run.reports[0]!
  const missed = run.reports.flatMap(misses)
  const steps = (r: ReportsResults) => {
    const [demo, scaled] = r.steps
    const png = (s: typeof demo) => s.docx - s.docxWithoutPng
    return `- ${r.label}: drafting the report from the records takes ${duration(demo.snapshot)} at the demo's size (${duration(demo.snapshotDatabase)} waiting for the database) and ${duration(scaled.snapshot)} at ${scale}× (${duration(scaled.snapshotDatabase)}); every output pays it. The printable HTML adds ${duration(demo.printHtml)} / ${duration(scaled.printHtml)}. The DOCX takes ${duration(demo.docx)} / ${duration(scaled.docx)}, of which Chromium drawing the chart's PNG for Word is ${duration(png(demo))} / ${duration(png(scaled))} (${percent(png(demo) / demo.docx)} / ${percent(png(scaled) / scaled.docx)}); the PDF is Chromium laying out and printing the HTML (${duration(demo.pdf)} / ${duration(scaled.pdf)}).`
  }
  return `## The annual report's outputs

The demo's 2016/17 annual report, a draft, so each request drafts it from the records (every figure computed, the section's
records read, its tables built and its chart drawn, the narrative's placeholders resolved) and then renders it: the report
page \`GET /reports/:id\` and the downloads \`GET /reports/:id/download/html|docx|pdf\`, as the business unit demo account.
At the demo's size, and at ${scale}× it: a second partnership loaded as the demo is (its own accounts, its 2015/16 report approved,
its 2016/17 report drafted with the same narrative), whose directory is then grown to ${scale}× the demo's
(\`bench/report-data.ts\`: each copy repeats the demo's agencies, people and seats with invented names, its board seats on
the one board and its subgroups as new subgroups), so every table of the report has ${scale}× the rows (the chart counts people by kind of agency, so it keeps its nine bars):

${sizesTable(run)}

One request at a time through \`app.inject\` on an app built as in production, timed by the server (\`reply.elapsedTime\`).
For each output the first request at each size is reported apart ("first request"): the first at the demo's size also
compiles the output's templates, and before the first DOCX and the first PDF at each size the bench closes the shared
Chromium, so that request pays the browser's launch, as the first download after a start does. Then ${first.runs} requests at each
size, the sizes taking turns; their median is what the aims are held to. The bare Fastify route is measured the same way
(sequential \`app.inject\`, median of ${sequentialRuns}) in the same run. ${first.chromium}.

${run.reports
  .map(
    (r) => `### ${r.label}

${outputsTable(r)}

Where the time goes: each step on its own, called directly, one step's runs after another (medians of ${r.stepRuns}, each after one unrecorded run):

${stepsTable(r)}`,
  )
  .join('\n\n')}

**What the figures say.**
${run.reports.map(steps).join('\n')}

${missed.length ? `**Aims not met, why, and what would fix it.**\n${missed.join('\n')}` : `**Every aim is met on ${run.reports.map((r) => r.label).join(' and ')}**, the medians and the first requests alike${run.reports.every((r) => outputs.every((o) => r.timings[o.format][0].cold < reportAims[o.format])) ? '' : ' at the median (a first request, with the browser’s launch, can take longer: see the tables)'}.`}`
}
