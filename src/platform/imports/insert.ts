import { sql } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import type { Database } from '../../db/index.ts'

/**
 * Inserts many rows as a few multi-row INSERTs: one statement per chunk instead of one per row,
 * which is what makes 100,000 rows take seconds, not minutes. A chunk stays under PostgreSQL's
 * limit of 65,535 parameters in one statement. Returns how many rows were inserted; with
 * `skipConflicts`, rows a unique constraint already holds are left out of the count (unchanged).
 */
export async function insertInChunks<T extends PgTable>(
  tx: Database,
  table: T,
  rows: T['$inferInsert'][],
  options: { skipConflicts?: boolean } = {},
): Promise<number> {
  if (!rows.length) return 0
  const columns = Math.max(1, Object.keys(rows[0]!).length)
  const size = Math.max(1, Math.min(5_000, Math.floor(60_000 / columns)))
  let inserted = 0
  for (let start = 0; start < rows.length; start += size) {
    const chunk = rows.slice(start, start + size)
    const insert = tx.insert(table).values(chunk as never)
    if (options.skipConflicts) {
      const done = await insert.onConflictDoNothing().returning({ one: sql<number>`1` })
      inserted += done.length
    } else {
      await insert
      inserted += chunk.length
    }
  }
  return inserted
}
