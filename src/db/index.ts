import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { PGlite } from '@electric-sql/pglite'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { lockDataDirectory } from './lock.ts'
import * as schema from './schema.ts'

/** A Drizzle handle on either driver; a transaction is one too, so services take either. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>

export type DatabaseTarget = { kind: 'pg'; url: string; poolSize?: number } | { kind: 'pglite'; dataDir: string }

export interface DatabaseConnection {
  db: Database
  /** PGlite has no autovacuum: the job scheduler runs ANALYZE on it (src/platform/jobs/maintenance.ts). */
  kind: DatabaseTarget['kind']
  migrate(): Promise<void>
  /** A cheap round trip for /health. */
  ping(): Promise<void>
  close(): Promise<void>
}

export const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url))

/**
 * Applies the migrations: through the tables' owner when one is named (`MIGRATION_DATABASE_URL`),
 * so the app's own role needs no right to change the schema or the audit log's trigger.
 */
export async function migrateDatabase(database: DatabaseConnection, target: { kind: string; migrationUrl?: string }) {
  if (target.kind !== 'pg' || !target.migrationUrl) return database.migrate()
  const owner = await openDatabase({ kind: 'pg', url: target.migrationUrl, poolSize: 1 })
  try {
    await owner.migrate()
  } finally {
    await owner.close()
  }
}

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseConnection> {
  // Each driver is loaded only when used: it keeps start-up quick (see bench/RESULTS.md).
  if (target.kind === 'pg') {
    const { default: pg } = await import('pg')
    const { drizzle: drizzlePg } = await import('drizzle-orm/node-postgres')
    const { migrate: migratePg } = await import('drizzle-orm/node-postgres/migrator')
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 })
    // An idle connection can be cut by the server (restart, failover, a dropped test database). The pool
    // has already discarded it and the next query opens another; unheard, the error would crash the process.
    pool.on('error', () => {})
    const db = drizzlePg(pool, { schema }) as unknown as Database
    return {
      db,
      kind: 'pg',
      migrate: () => migratePg(drizzlePg(pool, { schema }), { migrationsFolder }),
      ping: async () => {
        await pool.query('select 1')
      },
      close: () => pool.end(),
    }
  }
  let unlock = () => {}
  if (!target.dataDir.startsWith('memory://')) {
    mkdirSync(target.dataDir, { recursive: true })
    // One process per directory: a second would lose acknowledged writes (src/db/lock.ts).
    unlock = lockDataDirectory(target.dataDir)
  }
  try {
    const { PGlite } = await import('@electric-sql/pglite')
    const client = await PGlite.create(target.dataDir)
    const connection = fromPglite(client)
    return {
      ...connection,
      async close() {
        try {
          await connection.close()
        } finally {
          unlock()
        }
      },
    }
  } catch (error) {
    unlock()
    throw error
  }
}

/** Wraps an open PGlite client; tests use it with a client loaded from the migrated template. */
export function fromPglite(client: PGlite): DatabaseConnection {
  const db = drizzlePglite(client, { schema })
  return {
    db: db as unknown as Database,
    kind: 'pglite',
    migrate: () => migratePglite(db, { migrationsFolder }),
    ping: async () => {
      await client.query('select 1')
    },
    close: () => client.close(),
  }
}
