import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createHash, randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { fromPglite, migrationsFolder, openDatabase, type DatabaseConnection } from '../../src/db/index.ts'
import { seedDemoData } from '../../src/db/seed.ts'

/**
 * Fresh, migrated databases holding the demo partnership, for tests, one per test file (or per test), fast:
 * - PGlite: migrations run once into a template that is dumped to .test-tmp/ and loaded per test;
 * - PostgreSQL: migrations run once into the database `sph_template`; each test gets a
 *   `CREATE DATABASE … TEMPLATE sph_template` copy, dropped at the end.
 * The PostgreSQL server is TEST_DATABASE_URL (test/run.ts starts a throw-away one when unset).
 */
export type Driver = 'pglite' | 'pg'

const tmp = join(import.meta.dirname, '../../.test-tmp')
const templateDump = join(tmp, 'pglite-template.tar.gz')
const templateDatabase = 'sph_template'

/**
 * The template holds the migrated schema and the demo partnership; it is rebuilt when either
 * changes, or this file. Demo data is loaded by every module's seed through its services, so any source file
 * may change it: all of src/ (but its tests) goes into the stamp.
 */
function migrationsStamp() {
  const hash = createHash('sha256')
  // This file too: how the template is made changes what it holds.
  hash.update(readFileSync(import.meta.filename))
  hash.update(readFileSync(join(migrationsFolder, 'meta/_journal.json')))
  for (const file of readdirSync(migrationsFolder)
    .filter((f) => f.endsWith('.sql'))
    .sort())
    hash.update(readFileSync(join(migrationsFolder, file)))
  const src = join(import.meta.dirname, '../../src')
  for (const file of readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort())
    hash.update(readFileSync(join(src, file)))
  return hash.digest('hex')
}

/**
 * Every test file loads the template's dump. Without a checkpoint each load would replay the demo's
 * bulk load from the WAL; and with its WAL segments switched out and removed (not recycled), the
 * dump holds the data once, not twice (docs/decisions/0024-demo-data-at-scale.md).
 */
export async function settleForDump(client: PGlite) {
  await client.exec(
    'set wal_recycle = off; checkpoint; select pg_switch_wal(); checkpoint; select pg_switch_wal(); checkpoint;',
  )
}

async function pgliteTemplate(): Promise<Blob> {
  const stampFile = `${templateDump}.stamp`
  const stamp = migrationsStamp()
  if (existsSync(templateDump) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
    return new Blob([readFileSync(templateDump)])
  }
  mkdirSync(tmp, { recursive: true })
  const client = await PGlite.create()
  const connection = fromPglite(client)
  await connection.migrate()
  await seedDemoData(connection.db)
  await settleForDump(client)
  const dump = await client.dumpDataDir('gzip')
  await client.close()
  // Write then rename, so a parallel test file never reads half a template.
  const partial = `${templateDump}.${process.pid}.tmp`
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()))
  renameSync(partial, templateDump)
  writeFileSync(stampFile, stamp)
  return dump
}

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests with `npm test`, which starts PostgreSQL')
  return url
}

function withDatabase(url: string, database: string) {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

async function ensurePgTemplate(admin: pg.Client) {
  // One process builds the template; the others wait on the lock, then find it there.
  await admin.query('select pg_advisory_lock(727274)')
  try {
    const stamp = migrationsStamp()
    const existing = await admin.query(
      `select shobj_description(oid, 'pg_database') as stamp from pg_database where datname = $1`,
      [templateDatabase],
    )
    if (existing.rows[0]?.stamp === stamp) return
    if (existing.rows.length) await admin.query(`drop database ${templateDatabase} with (force)`)
    await admin.query(`create database ${templateDatabase}`)
    const connection = await openDatabase({
      kind: 'pg',
      url: withDatabase(testDatabaseUrl(), templateDatabase),
      poolSize: 1,
    })
    await connection.migrate()
    await seedDemoData(connection.db)
    await connection.close()
    await admin.query(`comment on database ${templateDatabase} is '${stamp.replace(/'/g, "''")}'`)
  } finally {
    await admin.query('select pg_advisory_unlock(727274)')
  }
}

export interface TestDatabase extends DatabaseConnection {
  driver: Driver
  /** For PostgreSQL: the URL of this test's own database (the bench and concurrency tests open more connections). */
  url?: string
}

export async function createTestDatabase(driver: Driver): Promise<TestDatabase> {
  if (driver === 'pglite') {
    const client = await PGlite.create({ loadDataDir: await pgliteTemplate() })
    return { ...fromPglite(client), driver }
  }
  const admin = new pg.Client({ connectionString: testDatabaseUrl() })
  await admin.connect()
  const name = `sph_test_${randomBytes(6).toString('hex')}`
  try {
    await ensurePgTemplate(admin)
    await admin.query(`create database ${name} template ${templateDatabase}`)
  } finally {
    await admin.end()
  }
  const url = withDatabase(testDatabaseUrl(), name)
  const connection = await openDatabase({ kind: 'pg', url, poolSize: 5 })
  return {
    ...connection,
    driver,
    url,
    async close() {
      await connection.close()
      const dropper = new pg.Client({ connectionString: testDatabaseUrl() })
      await dropper.connect()
      await dropper.query(`drop database if exists ${name} with (force)`)
      await dropper.end()
    },
  }
}

/** Both drivers, for tests that must hold on each. */
export const drivers: Driver[] = ['pglite', 'pg']
