import { and, eq, sql, type SQL } from 'drizzle-orm'
import { alias, type PgColumn } from 'drizzle-orm/pg-core'
import type { Database } from '../../db/index.ts'
import { recordAudit } from '../audit.ts'
import type { Actor, Role } from '../permissions.ts'
import { confidentialAccess } from './schema.ts'

/**
 * Confidential records: a record type whose rows each name who may see them (the members of named
 * groups today, named roles, named people, the leads of named agencies), applied to every route,
 * list, count and download of them, with every view and download in the audit log. README.md says
 * how a module uses it; docs/decisions/0027-confidential-records.md why it is built this way.
 */

export interface ConfidentialAccess {
  groupIds?: readonly string[]
  roles?: readonly Role[]
  personIds?: readonly string[]
  agencyIds?: readonly string[]
}

/** The access rows under their own name in the condition, so it reads the outer query's id whatever that query selects from. */
const accessName = 'confidential_access_rule'
const access = alias(confidentialAccess, accessName)

/** A Postgres array literal for ids and role names (neither holds a comma, quote or brace). */
const arrayLiteral = (values: readonly string[]) => `{${values.join(',')}}`

/**
 * The condition a confidential record's rows must meet for this actor: add it to every query that
 * lists, counts, opens or downloads them, with the column holding the record's id. The system
 * (jobs, the seed, the report's figures) sees everything; anyone else, only what the record names.
 */
export function confidentialCondition(actor: Actor, recordType: string, recordId: PgColumn | SQL): SQL {
  if (actor.kind === 'system') return sql`true`
  if (actor.kind !== 'user') return sql`false`
  const leadOf = actor.roles.includes('agency-lead') && actor.agencyId ? actor.agencyId : null
  return sql`exists (select 1 from ${confidentialAccess} as ${sql.identifier(accessName)} where ${access.recordType} = ${recordType}
    and ${access.recordId} = ${recordId} and ${access.partnershipId} = ${actor.partnershipId}
    and (${access.roles} && ${arrayLiteral(actor.roles)}::text[]
      or ${access.groupIds} && ${arrayLiteral(actor.groupIds ?? [])}::uuid[]
      or ${access.personIds} && ${arrayLiteral(actor.personId ? [actor.personId] : [])}::uuid[]
      or ${access.agencyIds} && ${arrayLiteral(leadOf ? [leadOf] : [])}::uuid[]))`
}

/** True when the actor may see the record (false for a record that is not confidential-scoped at all). */
export async function canSeeConfidential(db: Database, actor: Actor, recordType: string, recordId: string) {
  const [row] = await db
    .select({ seen: sql<boolean>`true` })
    .from(confidentialAccess)
    .where(
      and(
        eq(confidentialAccess.recordType, recordType),
        eq(confidentialAccess.recordId, recordId),
        confidentialCondition(actor, recordType, sql`${recordId}::uuid`),
      ),
    )
  return !!row
}

/**
 * Names who may see a record, replacing what it named before: call it in the transaction that
 * creates the record (and again when the module's rule changes), so a record is never readable
 * without its scope. Audited with the record.
 */
export async function setConfidentialAccess(
  tx: Database,
  actor: Actor,
  recordType: string,
  recordId: string,
  access: ConfidentialAccess,
) {
  const values = {
    groupIds: [...(access.groupIds ?? [])],
    roles: [...(access.roles ?? [])],
    personIds: [...(access.personIds ?? [])],
    agencyIds: [...(access.agencyIds ?? [])],
  }
  const [before] = await tx
    .select()
    .from(confidentialAccess)
    .where(and(eq(confidentialAccess.recordType, recordType), eq(confidentialAccess.recordId, recordId)))
  const same = (a: readonly string[], b: readonly string[]) => [...a].sort().join() === [...b].sort().join()
  if (
    before &&
    same(before.groupIds, values.groupIds) &&
    same(before.roles, values.roles) &&
    same(before.personIds, values.personIds) &&
    same(before.agencyIds, values.agencyIds)
  )
    return
  await tx
    .insert(confidentialAccess)
    .values({ partnershipId: actor.partnershipId, recordType, recordId, ...values })
    .onConflictDoUpdate({
      target: [confidentialAccess.recordType, confidentialAccess.recordId],
      set: { ...values, updatedAt: new Date() },
    })
  await recordAudit(tx, actor, {
    action: 'access',
    recordType,
    recordId,
    summary: 'Set who can see this confidential record',
    before: before
      ? { groupIds: before.groupIds, roles: before.roles, personIds: before.personIds, agencyIds: before.agencyIds }
      : undefined,
    after: values,
  })
}

/** Writes a view (or download) of a confidential record to the audit log: who, when, what. */
export async function recordConfidentialView(
  db: Database,
  actor: Actor,
  view: { recordType: string; recordId: string; summary: string; download?: boolean },
) {
  await recordAudit(db, actor, {
    action: view.download ? 'download' : 'view',
    recordType: view.recordType,
    recordId: view.recordId,
    summary: view.summary,
  })
}
