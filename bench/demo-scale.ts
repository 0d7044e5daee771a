import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { fromPglite, openDatabase } from '../src/db/index.ts'
import { seedDemoData } from '../src/db/seed.ts'
import { settleForDump } from '../test/helpers/database.ts'

/**
 * Issue 12's demo data side by side with the small demo, in the same run, taking turns, so the
 * machine's load weighs on both alike: what the bulk load adds to the first start (seeding a fresh
 * PGlite directory, the step of the cold start it changes), and to each test file's database (loading
 * the PGlite template's dump; copying the PostgreSQL template database).
 */
export interface ScaleTimings {
  step: string
  small: number
  full: number
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

async function turns(runs: number, time: (full: boolean) => Promise<number>) {
  const small: number[] = []
  const full: number[] = []
  for (let i = 0; i < runs; i++) {
    small.push(await time(false))
    full.push(await time(true))
  }
  return { small: median(small), full: median(full) }
}

async function timed(fn: () => Promise<unknown>) {
  const started = performance.now()
  await fn()
  return performance.now() - started
}

export async function measureDemoScale(serverUrl: string, runs = 5): Promise<ScaleTimings[]> {
  const results: ScaleTimings[] = []

  const seeding = await turns(3, async (bulk) => {
    const dir = mkdtempSync(join(tmpdir(), 'sph-scale-'))
    const connection = await openDatabase({ kind: 'pglite', dataDir: dir })
    await connection.migrate()
    const took = await timed(() => seedDemoData(connection.db, { bulk }))
    await connection.close()
    rmSync(dir, { recursive: true, force: true })
    return took
  })
  results.push({ step: 'seed the demo into a new PGlite directory (cold start)', ...seeding })

  const dumps = new Map<boolean, Blob>()
  for (const bulk of [false, true]) {
    const client = await PGlite.create()
    const connection = fromPglite(client)
    await connection.migrate()
    await seedDemoData(connection.db, { bulk })
    await settleForDump(client)
    dumps.set(bulk, await client.dumpDataDir('gzip'))
    await client.close()
  }
  const loading = await turns(runs, (bulk) =>
    timed(async () => (await PGlite.create({ loadDataDir: dumps.get(bulk) })).close()),
  )
  results.push({ step: 'load the PGlite template’s dump (each test file)', ...loading })

  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  const url = (name: string) => Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString()
  try {
    for (const bulk of [false, true]) {
      const name = `sph_scale_${bulk ? 'full' : 'small'}`
      await admin.query(`drop database if exists ${name}`)
      await admin.query(`create database ${name}`)
      const connection = await openDatabase({ kind: 'pg', url: url(name), poolSize: 1 })
      await connection.migrate()
      await seedDemoData(connection.db, { bulk })
      await connection.close()
    }
    let n = 0
    const copying = await turns(runs, async (bulk) => {
      const copy = `sph_scale_copy_${n++}`
      const took = await timed(() =>
        admin.query(`create database ${copy} template sph_scale_${bulk ? 'full' : 'small'}`),
      )
      await admin.query(`drop database ${copy}`)
      return took
    })
    results.push({ step: 'copy the PostgreSQL template database (each test file)', ...copying })
  } finally {
    for (const name of ['sph_scale_small', 'sph_scale_full']) await admin.query(`drop database if exists ${name}`)
    await admin.end()
  }
  return results
}
