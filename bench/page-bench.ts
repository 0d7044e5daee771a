import { writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import * as prettier from 'prettier'
import type { Database, DatabaseConnection } from '../src/db/index.ts'
import { demoAccounts, demoPassword } from '../src/db/seed.ts'
import { rowsOf } from '../src/modules/learning/reach/sources.ts'
import { Session } from '../test/helpers/app.ts'
import { startThrowAwayCluster } from '../test/helpers/postgres-cluster.ts'
import type { Phases } from './breakdown.ts'
import { withBenchDatabase } from './import-bench.ts'

/**
 * What the page benches (`bench/scorecard.ts`, `bench/assurance.ts`) share: a database server
 * (TEST_DATABASE_URL, or a throw-away cluster), a fresh database on it, the business unit's
 * session, and the lines that say when, where and on what the results were measured.
 */

const root = join(import.meta.dirname, '..')

/** Milliseconds for the results tables: three decimals under 1 ms, one above. */
export const ms = (value: number) => (value < 1 ? value.toFixed(3) : value.toFixed(1))

export interface PageBenchRun {
  began: number
  loadAtStart: number
}

/** Runs `work` on a fresh database named for the bench, on TEST_DATABASE_URL or a throw-away cluster. */
export async function runPageBench(
  name: string,
  work: (run: PageBenchRun, connection: DatabaseConnection, dir: string, url: string) => Promise<void>,
) {
  const run = { began: performance.now(), loadAtStart: loadavg()[0]! }
  const cluster = process.env.TEST_DATABASE_URL ? null : await startThrowAwayCluster(join(root, '.test-tmp'))
  const serverUrl = process.env.TEST_DATABASE_URL ?? cluster!.url
  try {
    await withBenchDatabase(serverUrl, name, (connection, dir, url) => work(run, connection, dir, url))
  } finally {
    cluster?.stop()
  }
}

/** The business unit officer signed in through the app's own form: the session and its cookie header. */
export async function businessUnitSession(app: FastifyInstance) {
  const businessUnit = demoAccounts.find((a) => a.role === 'business-unit')!
  const session = new Session(app)
  await session.get('/sign-in')
  await session.post('/sign-in', { email: businessUnit.email, password: demoPassword })
  return { session, cookie: [...session.cookies].map(([n, v]) => `${n}=${v}`).join('; ') }
}

/** "Written by … on …; the run took …", then the machine, its load and the PostgreSQL version. */
export async function provenance(db: Database, script: string, run: PageBenchRun) {
  const postgres = rowsOf<{ version: string }>(await db.execute(sql`select version()`))[0]!.version.split(' on ')[0]
  return [
    `Written by \`npm run bench:${script}\` (\`bench/${script}.ts\`) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; the run took ${((performance.now() - run.began) / 1000).toFixed(0)} s.`,
    '',
    `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}); load average (1 min) at start ${run.loadAtStart.toFixed(1)}, at the end ${loadavg()[0]!.toFixed(1)}. PostgreSQL: ${postgres}, ${process.env.TEST_DATABASE_URL ? 'TEST_DATABASE_URL' : 'a throw-away cluster (fsync off)'}; the app as in production, request logging off.`,
  ]
}

/** The table of routes measured one request at a time: server time, database, the rest and the page's size. */
export const aloneTable = (alone: readonly Phases[]) => [
  '| route | server | database | the rest | HTML |',
  '|---|--:|--:|--:|--:|',
  ...alone.map(
    (p) =>
      `| ${p.name} | ${ms(p.total)} ms | ${ms(p.database)} ms | ${ms(p.rest)} ms | ${(p.bytes / 1024).toFixed(0)} KB |`,
  ),
]

/** Writes `bench/RESULTS-<name>.md`, formatted as the repository's check expects, so a re-run leaves `npm run lint` passing. */
export async function writeResults(name: string, lines: readonly string[]) {
  const path = join(root, 'bench', `RESULTS-${name}.md`)
  writeFileSync(
    path,
    await prettier.format(lines.join('\n'), { ...(await prettier.resolveConfig(path)), filepath: path }),
  )
}
