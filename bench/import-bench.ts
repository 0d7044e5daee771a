import { randomBytes } from 'node:crypto'
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { openDatabase, type DatabaseConnection } from '../src/db/index.ts'
import { startThrowAwayCluster } from '../test/helpers/postgres-cluster.ts'

/**
 * What the import benches share (e-learning completions, performance files): a database of their
 * own on the PostgreSQL server and a directory the server can COPY from, timing, and writing
 * their section of RESULTS.md when run alone.
 */
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

export async function timed(work: () => Promise<unknown>) {
  const started = performance.now()
  await work()
  return performance.now() - started
}

export const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(0)} ms`)
export const rate = (rows: number, value: number) =>
  `${Math.round(rows / (value / 1000)).toLocaleString('en-GB')} rows/s`

/** A fresh migrated database named `sph_bench_<prefix>_…` (and its URL) and a directory for COPY's files, both gone afterwards. */
export async function withBenchDatabase<T>(
  serverUrl: string,
  prefix: string,
  work: (connection: DatabaseConnection, dir: string, url: string) => Promise<T>,
): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  const name = `sph_bench_${prefix}_${randomBytes(4).toString('hex')}`
  await admin.query(`create database ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const connection = await openDatabase({ kind: 'pg', url: url.toString() })
  const dir = mkdtempSync(join(tmpdir(), `sph-${prefix}-`))
  chmodSync(dir, 0o755)
  try {
    await connection.migrate()
    return await work(connection, dir, url.toString())
  } finally {
    await connection.close()
    await admin.query(`drop database if exists ${name} with (force)`)
    await admin.end()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A file COPY reads on the server (running as postgres): readable by all. */
export function copyFile(dir: string, name: string, lines: string[]) {
  const path = join(dir, name)
  writeFileSync(path, `${lines.join('\n')}\n`)
  chmodSync(path, 0o644)
  return path
}

/** Puts the section starting with `heading` into RESULTS.md in place of the one there (or before the query plans). */
export function spliceResults(section: string, heading: string) {
  const path = join(import.meta.dirname, 'RESULTS.md')
  const text = readFileSync(path, 'utf8')
  const start = text.indexOf(heading)
  if (start >= 0) {
    const next = text.indexOf('\n## ', start + 3)
    writeFileSync(path, text.slice(0, start) + section + (next >= 0 ? text.slice(next) : ''))
  } else {
    const plans = text.indexOf('## Query plans')
    writeFileSync(path, plans >= 0 ? `${text.slice(0, plans)}${section}\n${text.slice(plans)}` : `${text}\n${section}`)
  }
}

/** `npx tsx bench/<item>.ts`: runs one item on TEST_DATABASE_URL or a throw-away cluster and rewrites its section. */
export async function runAlone<R>(
  bench: (serverUrl: string, log: (message: string) => void) => Promise<R>,
  render: (results: R) => string,
  heading: string,
) {
  const began = performance.now()
  const log = (message: string) =>
    console.log(`[${((performance.now() - began) / 1000).toFixed(0).padStart(3)} s] ${message}`)
  const cluster = process.env.TEST_DATABASE_URL
    ? null
    : await startThrowAwayCluster(join(import.meta.dirname, '..', '.test-tmp'))
  try {
    const section = render(await bench(process.env.TEST_DATABASE_URL ?? cluster!.url, log))
    console.log(section)
    spliceResults(section, heading)
    log('wrote the section to bench/RESULTS.md')
  } finally {
    cluster?.stop()
  }
}
