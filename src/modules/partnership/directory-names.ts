import { and, eq, inArray } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import { agencies, groups, people } from './schema.ts'

/**
 * The names of agencies, people and groups by id, whichever each id is: for the audit log, whose
 * entries about who can see a confidential record hold ids (platform/audit-log).
 */
export async function directoryNames(db: Database, partnershipId: string, ids: readonly string[]) {
  const names = new Map<string, string>()
  if (!ids.length) return names
  for (const table of [agencies, people, groups]) {
    const rows = await db
      .select({ id: table.id, name: table.name })
      .from(table)
      .where(and(eq(table.partnershipId, partnershipId), inArray(table.id, [...ids])))
    for (const row of rows) names.set(row.id, row.name)
  }
  return names
}
