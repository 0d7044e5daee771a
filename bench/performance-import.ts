import { randomUUID } from 'node:crypto'
import { loadavg } from 'node:os'
import { pathToFileURL } from 'node:url'
import { sql } from 'drizzle-orm'
import type { Database } from '../src/db/index.ts'
import { seedDemoData } from '../src/db/seed.ts'
import { areas, type Area } from '../src/modules/performance/areas.ts'
import { dfeImport } from '../src/modules/performance/imports/dfe.ts'
import { yearPeriod } from '../src/modules/performance/periods.ts'
import { applyImport, checkImport, uploadImport, type ImportDefinition } from '../src/platform/imports/index.ts'
import { systemActor } from '../src/platform/permissions.ts'
import { insertIndicator, insertStandardIndicators } from '../test/builders/performance.ts'
import { nationalDfeCsv } from '../src/modules/performance/imports/dfe-file.ts'
import { copyFile, median, ms, rate, runAlone, timed, withBenchDatabase } from './import-bench.ts'

/**
 * Importing a national file of the department's statistics on PostgreSQL (issue 14: "import
 * within 3 seconds"): England, every region and every authority in areas.ts, 20 measures (the
 * ten standard ones and ten of the partnership's own registered with department columns for the
 * bench), 10 years; through the whole pipeline (upload, check, confirm), beside PostgreSQL's own
 * COPY of the same observations into the observations table itself (so with the same indexes,
 * check and foreign keys), from nothing. Then a revised file where every value differs: each
 * current value superseded and its replacement inserted.
 *
 * `npx tsx bench/performance-import.ts` runs just this and rewrites its section of RESULTS.md.
 */
const heading = '## Importing a national performance file'
const startYears = Array.from({ length: 10 }, (_, i) => 2007 + i)
const ownMeasures = 10
const runs = 3

export interface PerformanceImportResults {
  load: number
  /** The load average when it ended (the bench's own work included). */
  loadAfter?: number
  areas: number
  authorities: number
  measures: number
  years: number
  values: number
  fileBytes: number
  copy: number
  upload: number
  check: number
  confirm: number
  revised: number
}

/** A value every unit can hold (0 to 99.9), different for each measure, area and year; `shift` revises it. */
const valueOf = (measures: string[], shift: number) => (measure: string, area: Area, startYear: number) =>
  ((measures.indexOf(measure) * 37 + areas.indexOf(area) * 13 + startYear * 7) % 999) / 10 + shift

async function reset(db: Database) {
  await db.execute(sql`delete from observations`)
  await db.execute(sql`delete from import_batches where kind = ${dfeImport.kind}`)
  await db.execute(sql`vacuum analyze observations`)
}

export async function benchPerformanceImport(serverUrl: string, log: (message: string) => void) {
  const load = loadavg()[0]!
  return withBenchDatabase(serverUrl, 'performance', async ({ db }, dir) => {
    const { partnershipId } = await seedDemoData(db)
    const actor = systemActor(partnershipId, 'Bench')
    const catalogue = [...(await insertStandardIndicators(db, partnershipId)).values()]
    for (let i = 1; i <= ownMeasures; i++)
      catalogue.push(
        await insertIndicator(db, partnershipId, {
          code: `BENCH-${i}`,
          dfeColumn: `bench_measure_${i}`,
          unit: 'rate-per-10000',
        }),
      )
    const measures = catalogue.map((c) => c.dfeColumn!)
    const file = Buffer.from(nationalDfeCsv(measures, startYears, valueOf(measures, 0)))
    const revisedFile = Buffer.from(nationalDfeCsv(measures, startYears, valueOf(measures, 0.1)))

    // COPY's rows: the same observations, as the import writes them.
    const value = valueOf(measures, 0)
    const lines: string[] = []
    for (const startYear of startYears) {
      const period = yearPeriod(startYear)
      for (const area of areas)
        for (const indicator of catalogue)
          lines.push(
            [
              randomUUID(),
              partnershipId,
              indicator.id,
              area.code,
              period.type,
              period.label,
              period.start,
              value(indicator.dfeColumn!, area, startYear),
              '\\N',
              'bench.csv',
              'Bench',
            ].join('\t'),
          )
    }
    const copyPath = copyFile(dir, 'observations.tsv', lines)
    const definition = dfeImport as unknown as ImportDefinition<unknown>

    const copy: number[] = []
    const upload: number[] = []
    const check: number[] = []
    const confirm: number[] = []
    let added = 0
    for (let run = 0; run < runs; run++) {
      log(`performance import: COPY, run ${run + 1}`)
      await reset(db)
      copy.push(
        await timed(() =>
          db.execute(
            sql.raw(
              `copy observations (id, partnership_id, indicator_id, area_code, period_type, period, period_start, value, suppressed, source_file, entered_by_name) from '${copyPath}'`,
            ),
          ),
        ),
      )
      log(`performance import: upload, check and confirm, run ${run + 1}`)
      await reset(db)
      let batchId = ''
      upload.push(
        await timed(async () => {
          batchId = (await uploadImport(db, actor, definition, { fileName: 'national.csv', content: file })).batchId
        }),
      )
      check.push(await timed(() => checkImport(db, actor, definition, batchId)))
      confirm.push(
        await timed(async () => {
          added = (await applyImport(db, actor, definition, batchId)).added
        }),
      )
    }
    if (added !== lines.length) throw new Error(`the import added ${added} of ${lines.length} values`)

    log('performance import: a revised file, every value replaced')
    let replaced = 0
    const revised = await timed(async () => {
      const { batchId } = await uploadImport(db, actor, definition, { fileName: 'revised.csv', content: revisedFile })
      await checkImport(db, actor, definition, batchId)
      replaced = (await applyImport(db, actor, definition, batchId)).replaced ?? 0
    })
    if (replaced !== lines.length) throw new Error(`the revised file replaced ${replaced} of ${lines.length} values`)

    return {
      load,
      loadAfter: loadavg()[0]!,
      areas: areas.length,
      authorities: areas.filter((a) => a.level === 'local-authority').length,
      measures: measures.length,
      years: startYears.length,
      values: lines.length,
      fileBytes: file.length,
      copy: median(copy),
      upload: median(upload),
      check: median(check),
      confirm: median(confirm),
      revised,
    } satisfies PerformanceImportResults
  })
}

const aim = 3000

/** The aim, said once for the Targets list and the section. */
export function performanceImportVerdict(r: PerformanceImportResults) {
  const total = r.upload + r.check + r.confirm
  return `upload, check and confirm of ${r.values.toLocaleString('en-GB')} values (${r.authorities} authorities, ${r.measures} measures, ${r.years} years) took ${ms(total)} against COPY's ${ms(r.copy)} for the same rows (${(total / r.copy).toFixed(1)}×): **${total <= aim ? 'met' : 'not met'}**.`
}

export function renderPerformanceImport(r: PerformanceImportResults) {
  const total = r.upload + r.check + r.confirm
  return `${heading}

A national file in the department's long format: England, ${r.areas - r.authorities - 1} regions and ${r.authorities} authorities (every area in
\`areas.ts\`), ${r.measures} measures (the ten standard ones and ten own measures registered with department columns for the bench),
${r.years} years: ${r.values.toLocaleString('en-GB')} values in a ${(r.fileBytes / 1024).toFixed(0)} KB CSV, on PostgreSQL, into an otherwise demo-sized
database, each case from no observations; medians of ${runs} runs (\`bench/performance-import.ts\`; \`npx tsx bench/performance-import.ts\`
runs just this and rewrites this section). Load average (1 min) when it began: ${r.load.toFixed(1)}${r.loadAfter === undefined ? '' : `, when it ended: ${r.loadAfter.toFixed(1)}`}${r.load > 1 ? " (on a shared machine the times, COPY's too, rise with the load: the ratio to COPY is the steadier figure)" : ''}.

| case | time | speed |
|---|--:|--:|
| baseline: \`COPY\` of the same observations from a file on the server into the observations table (its indexes, check and foreign keys) | ${ms(r.copy)} | ${rate(r.values, r.copy)} |
| upload (the file stored, its hash checked) | ${ms(r.upload)} | |
| check (every row read and parsed, measures matched to the catalogue, every value checked) | ${ms(r.check)} | ${rate(r.values, r.check)} |
| confirm (the file checked again, then the current values read, compared and the new inserted) | ${ms(r.confirm)} | ${rate(r.values, r.confirm)} |
| upload, check and confirm, in all | ${ms(total)} | ${rate(r.values, total)} |
| a revised file, every value replaced (upload, check, confirm: each superseded, each replacement inserted) | ${ms(r.revised)} | ${rate(r.values, r.revised)} |

Aim: import within 3 s. ${performanceImportVerdict(r)}

Where the time goes (profiled on 2026-11-26, load 5 to 13): the confirm's own work is under a second (the file checked again,
0.2–0.5 s; the current values read and compared and the rows built, 0.2–0.4 s); the rest is PostgreSQL writing the rows, the
same work COPY does.
Each row inserted fires a foreign-key check per reference (partnership, indicator, batch; \`EXPLAIN ANALYZE\` counts one call per
row each) and goes into four indexes (the key, the current-value index, the area index, the history index): COPY of the same
rows takes about a tenth of its time into a copy of the table without indexes or foreign keys, about half with the indexes but
no foreign keys. The insert's chunk size (5,000, 20,000 or 50,000 rows a statement) and inserting the rows in index order made
no difference beyond the noise, so the import keeps one \`INSERT … SELECT FROM unnest(…)\` per 20,000 rows. A revised file also
marks every current value superseded: the UPDATE finds them by key in one statement, but each superseded row is a new row
version in every index (\`superseded_at\` is in the partial indexes' condition, so no HOT update) plus the foreign-key check of
\`superseded_by_batch_id\`. Going faster would mean fewer indexes or foreign keys on \`observations\`, a schema change not made here.
`
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  await runAlone(benchPerformanceImport, renderPerformanceImport, heading)
