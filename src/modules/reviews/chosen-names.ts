import { and, eq, inArray } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import { agencies, groups, people } from '../partnership/schema.ts'
import { ValidationError } from '../../platform/errors.ts'

/**
 * The names of the directory records chosen with checkboxes (agencies involved, panel members,
 * groups), in name order, for the audit log; a ValidationError on the field when any is not the
 * partnership's (a crafted form).
 */
export async function chosenNames(
  db: Database,
  table: typeof agencies | typeof people | typeof groups,
  partnershipId: string,
  ids: readonly string[],
  error: { field: string; message: string },
) {
  const unique = [...new Set(ids)]
  if (!unique.length) return []
  const rows = await db
    .select({ name: table.name })
    .from(table)
    .where(and(eq(table.partnershipId, partnershipId), inArray(table.id, unique)))
  if (rows.length !== unique.length) throw new ValidationError({ [error.field]: error.message })
  return rows.map((r) => r.name).sort((a, b) => a.localeCompare(b))
}
