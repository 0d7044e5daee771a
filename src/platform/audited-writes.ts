import { and, eq, sql } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import type { Database } from '../db/index.ts'
import { changedFields, recordAudit, type RecordRef } from './audit.ts'
import { StaleEditError, ValidationError, type FieldErrors } from './errors.ts'
import type { Actor } from './permissions.ts'

/**
 * The one way to write a partnership's record: insert, or update at the version the form was
 * opened at, with its audit row in the same transaction. Duplicates are caught from the
 * database's own constraint (two requests at once cannot both pass a SELECT-first check), and a
 * save that changes nothing writes nothing.
 */
type AuditedTable = PgTable & { id: PgColumn; partnershipId: PgColumn; version: PgColumn; updatedAt: PgColumn }
/** The partnership's own row has no partnership_id: it is the partnership. */
type UpdatableTable = PgTable & { id: PgColumn; partnershipId?: PgColumn; version: PgColumn; updatedAt: PgColumn }

export interface AuditDescription {
  recordType: string
  summary: string
  /** Defaults to created / updated. */
  action?: string
  /** Other records whose history shows this change (a membership shows on its person and group). */
  related?: RecordRef[]
  /** What to tell the user when a unique or exclusion constraint refuses the change. */
  conflict?: FieldErrors
}

/** A unique violation (23505) or exclusion violation (23P01), on either driver. */
export function isConflict(error: unknown) {
  const e = error as { code?: string; cause?: { code?: string } }
  const code = e?.code ?? e?.cause?.code
  return code === '23505' || code === '23P01'
}

async function mapConflict<T>(audit: AuditDescription, write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (error) {
    if (audit.conflict && isConflict(error)) throw new ValidationError(audit.conflict)
    throw error
  }
}

export async function insertAudited<T extends AuditedTable>(
  db: Database,
  actor: Actor,
  table: T,
  values: Omit<T['$inferInsert'], 'partnershipId'>,
  audit: AuditDescription & {
    /** The audit row's "after": the values with names beside ids; the values themselves by default. */
    after?: Record<string, unknown>
    /** More writes in the same transaction (an account's roles). */
    alsoWrite?: (tx: Database, id: string) => Promise<void>
  },
): Promise<string> {
  return mapConflict(audit, () =>
    db.transaction(async (tx) => {
      const [row] = (await tx
        .insert(table)
        .values({ ...values, partnershipId: actor.partnershipId } as never)
        .returning({ id: table.id })) as { id: string }[]
      await audit.alsoWrite?.(tx, row!.id)
      await recordAudit(tx, actor, {
        action: audit.action ?? 'created',
        recordType: audit.recordType,
        recordId: row!.id,
        summary: audit.summary,
        related: audit.related,
        after: audit.after ?? values,
      })
      return row!.id
    }),
  )
}

/**
 * Updates a record at `version`; StaleEditError when someone saved it since. Returns false, having
 * written nothing, when the new values equal the record as it is.
 */
export async function updateAudited<T extends UpdatableTable>(
  db: Database,
  actor: Actor,
  table: T,
  change: {
    id: string
    version: number
    /** The record as loaded, through the actor's scope. */
    before: Record<string, unknown>
    set: Partial<T['$inferInsert']>
    /** Values beside the columns for the audit row (names beside ids, roles), before and after. */
    described?: { before: Record<string, unknown>; after: Record<string, unknown> }
    alsoWrite?: (tx: Database) => Promise<void>
  },
  audit: AuditDescription & {
    /** Record that the change happened but not the values: for an erasure, whose old values are what must go. */
    withoutValues?: boolean
  },
): Promise<boolean> {
  const diff = changedFields(
    { ...change.before, ...change.described?.before },
    { ...(change.set as Record<string, unknown>), ...change.described?.after },
  )
  if (!diff.changed.length) return false
  return mapConflict(audit, () =>
    db.transaction(async (tx) => {
      const updated = await tx
        .update(table)
        .set({ ...change.set, version: sql`${table.version} + 1`, updatedAt: new Date() } as never)
        .where(
          and(
            eq(table.id, change.id),
            table.partnershipId ? eq(table.partnershipId, actor.partnershipId) : eq(table.id, actor.partnershipId),
            eq(table.version, change.version),
          ),
        )
        .returning({ id: table.id })
      if (!updated.length) throw new StaleEditError()
      await change.alsoWrite?.(tx)
      await recordAudit(tx, actor, {
        action: audit.action ?? 'updated',
        recordType: audit.recordType,
        recordId: change.id,
        summary: audit.summary,
        related: audit.related,
        before: audit.withoutValues ? undefined : diff.before,
        after: audit.withoutValues ? undefined : diff.after,
      })
      return true
    }),
  )
}
