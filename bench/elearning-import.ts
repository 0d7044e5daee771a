import { randomUUID } from 'node:crypto'
import { loadavg } from 'node:os'
import { pathToFileURL } from 'node:url'
import { and, eq, like, sql } from 'drizzle-orm'
import type { Database } from '../src/db/index.ts'
import { seedDemoData } from '../src/db/seed.ts'
import { agencies } from '../src/modules/partnership/schema.ts'
import { completionsImport, parseCompletion, type CompletionRow } from '../src/modules/learning/elearning/import.ts'
import { learners } from '../src/modules/learning/schema.ts'
import { applyImport, checkImport, uploadImport, type ImportDefinition } from '../src/platform/imports/index.ts'
import { importBatches } from '../src/platform/imports/schema.ts'
import { systemActor, type Actor } from '../src/platform/permissions.ts'
import { copyFile, median, ms, rate, runAlone, timed, withBenchDatabase } from './import-bench.ts'

/**
 * Importing 100,000 e-learning completions on PostgreSQL (issue 12: "at least half the speed of
 * COPY"), beside PostgreSQL's own COPY of the same rows into the same tables. Each case starts
 * from the same state (the demo partnership, none of the bench's learners or completions):
 *
 * - COPY: the learners and the completions, each COPY'd from a file on the server (ids made
 *   beforehand), in one transaction: the floor for writing these rows.
 * - apply: the definition's apply() on the parsed rows, in one transaction: what the import adds
 *   to writing them (the learners upserted, the completions joined to them and de-duplicated).
 * - the whole pipeline: upload (the file stored), check (every row parsed and checked, the
 *   agencies looked up) and confirm (the file checked again, then applied), as an officer does it.
 * - again: the same rows in another order, confirmed: all already held, nothing added.
 *
 * `npx tsx bench/elearning-import.ts` runs it alone and writes its section of RESULTS.md;
 * `npm run bench` runs it with the rest.
 */
export const completionRowCount = 100_000
const learnerCount = 25_000
const modules = ['Safeguarding children: e-learning', 'Neglect awareness', 'Safeguarding risks online', 'Prevent']
const runs = 3

export interface ElearningImportResults {
  rows: number
  learners: number
  fileBytes: number
  /** The machine's load average (1 min) when the item began. */
  load: number
  /** Medians of `runs`, in ms. */
  copy: number
  apply: number
  upload: number
  check: number
  confirm: number
  again: number
  added: number
}

/** The e-learning platform's export: 25,000 people, each completing four modules through 2016/17. */
function benchFile(agencyNames: string[]) {
  const lines = ['Name,Email,Agency,Module,Completion date']
  for (let i = 0; i < completionRowCount; i++) {
    const person = i % learnerCount
    const day = new Date(Date.UTC(2016, 3, 1) + ((i * 7 + person) % 365) * 86_400_000)
    const date = `${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCMonth() + 1).padStart(2, '0')}/${day.getUTCFullYear()}`
    // One name in fifty is not in the directory.
    const agency = person % 50 === 0 ? `Unlisted agency ${person % 7}` : agencyNames[person % agencyNames.length]!
    lines.push(
      `Learner ${person},learner.${person}@bench.example,${agency},${modules[Math.floor(i / learnerCount)]},${date}`,
    )
  }
  return lines
}

function parsed(lines: string[]): CompletionRow[] {
  return lines.slice(1).map((line) => {
    const [name, email, agency, module, completedOn] = line.split(',') as [string, string, string, string, string]
    const result = parseCompletion({ name, email, agency, module, completedOn })
    if ('errors' in result) throw new Error(`bench row does not parse: ${line}`)
    return result.row
  })
}

/** Back to the start: no completions or imports (the bench's database is its own), none of the bench's learners. */
async function reset(db: Database, partnershipId: string) {
  await db.execute(sql`truncate elearning_completions, import_batches`)
  await db
    .delete(learners)
    .where(and(eq(learners.partnershipId, partnershipId), like(learners.email, '%@bench.example')))
  await db.execute(sql`vacuum analyze learners, elearning_completions`)
}

/** COPY's files: written where the server (running as postgres) can read them. */
function copyFiles(dir: string, partnershipId: string, rows: CompletionRow[], lookup: Map<string, string>) {
  const ids = new Map<string, string>()
  const learnerLines: string[] = []
  const completionLines: string[] = []
  for (const row of rows) {
    const agencyId = lookup.get(row.agency.toLowerCase()) ?? '\\N'
    let id = ids.get(row.email)
    if (!id) {
      id = randomUUID()
      ids.set(row.email, id)
      learnerLines.push([id, partnershipId, row.email, row.name, agencyId].join('\t'))
    }
    completionLines.push([partnershipId, id, row.module, row.completedOn, row.agency, agencyId].join('\t'))
  }
  return {
    learnersFile: copyFile(dir, 'learners.tsv', learnerLines),
    completionsFile: copyFile(dir, 'completions.tsv', completionLines),
  }
}

export async function benchElearningImport(serverUrl: string, log: (message: string) => void) {
  const load = loadavg()[0]!
  return withBenchDatabase(serverUrl, 'elearning', async (connection, dir) => {
    const { db } = connection
    const { partnershipId } = await seedDemoData(db)
    const actor: Actor = systemActor(partnershipId, 'Bench')
    const directory = await db
      .select({ id: agencies.id, name: agencies.name })
      .from(agencies)
      .where(eq(agencies.partnershipId, partnershipId))
    const lookup = new Map(directory.map((a) => [a.name.toLowerCase(), a.id]))
    const lines = benchFile(directory.map((a) => a.name))
    const rows = parsed(lines)
    const file = Buffer.from(`${lines.join('\r\n')}\r\n`)
    const { learnersFile, completionsFile } = copyFiles(dir, partnershipId, rows, lookup)
    const definition = completionsImport as unknown as ImportDefinition<unknown>

    const copy: number[] = []
    const apply: number[] = []
    for (let run = 0; run < runs; run++) {
      log(`e-learning import: COPY, run ${run + 1}`)
      await reset(db, partnershipId)
      copy.push(
        await timed(() =>
          db.transaction(async (tx) => {
            await tx.execute(
              sql.raw(`copy learners (id, partnership_id, email, name, agency_id) from '${learnersFile}'`),
            )
            await tx.execute(
              sql.raw(
                `copy elearning_completions (partnership_id, learner_id, module_name, completed_on, agency_name, agency_id) from '${completionsFile}'`,
              ),
            )
          }),
        ),
      )
      log(`e-learning import: apply, run ${run + 1}`)
      await reset(db, partnershipId)
      const [batch] = await db
        .insert(importBatches)
        .values({
          partnershipId,
          kind: completionsImport.kind,
          fileName: 'bench.csv',
          fileHash: `bench-${run}`,
          content: Buffer.from('bench'),
          format: 'csv',
          status: 'checked',
        })
        .returning({ id: importBatches.id })
      const ref = { id: batch!.id, fileName: 'bench.csv', options: {} }
      apply.push(await timed(() => db.transaction((tx) => completionsImport.apply(tx, actor, rows, ref))))
    }

    const upload: number[] = []
    const check: number[] = []
    const confirm: number[] = []
    let added = 0
    for (let run = 0; run < runs; run++) {
      log(`e-learning import: the whole pipeline, run ${run + 1}`)
      await reset(db, partnershipId)
      let batchId = ''
      upload.push(
        await timed(async () => {
          batchId = (await uploadImport(db, actor, definition, { fileName: 'bench.csv', content: file })).batchId
        }),
      )
      check.push(await timed(() => checkImport(db, actor, definition, batchId)))
      confirm.push(
        await timed(async () => {
          added = (await applyImport(db, actor, definition, batchId)).added
        }),
      )
    }
    if (added !== completionRowCount) throw new Error(`the import added ${added} completions`)

    log('e-learning import: the same rows again, in another order')
    const reordered = Buffer.from(`${[lines[0], ...lines.slice(1).reverse()].join('\r\n')}\r\n`)
    let againAdded = -1
    const { batchId } = await uploadImport(db, actor, definition, { fileName: 'again.csv', content: reordered })
    await checkImport(db, actor, definition, batchId)
    const again = await timed(async () => {
      againAdded = (await applyImport(db, actor, definition, batchId)).added
    })
    if (againAdded !== 0) throw new Error(`the same rows again added ${againAdded}`)

    return {
      load,
      rows: completionRowCount,
      learners: learnerCount,
      fileBytes: file.length,
      copy: median(copy),
      apply: median(apply),
      upload: median(upload),
      check: median(check),
      confirm: median(confirm),
      again,
      added,
    } satisfies ElearningImportResults
  })
}

/** The aim, said once for the Targets list and the section. */
export function elearningImportVerdict(r: ElearningImportResults) {
  const speed = r.copy / r.apply
  const whole = r.copy / (r.upload + r.check + r.confirm)
  return `apply() wrote ${r.rows.toLocaleString('en-GB')} completions in ${ms(r.apply)} against COPY's ${ms(r.copy)}: ${(speed * 100).toFixed(0)}% of COPY's speed, **${speed >= 0.5 ? 'met' : 'not met'}**. The whole pipeline (upload, check every row, confirm: check again and apply) took ${ms(r.upload + r.check + r.confirm)}, ${(whole * 100).toFixed(0)}% of COPY's speed.`
}

export function renderElearningImport(r: ElearningImportResults) {
  return `## Importing e-learning completions

${r.rows.toLocaleString('en-GB')} completions (${r.learners.toLocaleString('en-GB')} learners, four modules each, one agency name in fifty not in the
directory; a ${(r.fileBytes / 1024 / 1024).toFixed(1)} MB CSV) on PostgreSQL, into an otherwise demo-sized database, each case from
the same start; medians of ${runs} runs (\`bench/elearning-import.ts\`; \`npx tsx bench/elearning-import.ts\` runs just this and
rewrites this section). Load average (1 min) when it began: ${r.load.toFixed(1)} on this machine's cores; other work slows COPY and
\`apply()\` alike, so the ratio is the steadier figure.

| case | time | speed |
|---|--:|--:|
| baseline: \`COPY\` of the learners and the completions from files on the server, one transaction | ${ms(r.copy)} | ${rate(r.rows, r.copy)} |
| \`apply()\`: learners upserted, completions inserted joined to them, one transaction | ${ms(r.apply)} | ${rate(r.rows, r.apply)} |
| the pipeline: upload (the file stored, its hash checked) | ${ms(r.upload)} | |
| the pipeline: check (every row read and parsed, agencies looked up) | ${ms(r.check)} | ${rate(r.rows, r.check)} |
| the pipeline: confirm (the file checked again, then \`apply()\`) | ${ms(r.confirm)} | ${rate(r.rows, r.confirm)} |
| the pipeline, in all | ${ms(r.upload + r.check + r.confirm)} | ${rate(r.rows, r.upload + r.check + r.confirm)} |
| the same rows again in another order, confirmed (nothing added) | ${ms(r.again)} | ${rate(r.rows, r.again)} |

${elearningImportVerdict(r)} Reading and checking the file is most of the pipeline's time (it is done twice: once for the preview,
once more when confirming, since the directory may have changed in between); writing is \`apply()\`'s share of the confirm.
`
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  await runAlone(benchElearningImport, renderElearningImport, '## Importing e-learning completions')
