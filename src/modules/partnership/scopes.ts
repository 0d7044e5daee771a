import { eq, inArray, or, sql, type SQL } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import type { FastifyInstance } from 'fastify'
import { historyOf } from '../../platform/audit-log/history.ts'
import { isUnscoped, scopeCondition, type Actor } from '../../platform/permissions.ts'
import { groupMemberships, groups, people } from './schema.ts'

/**
 * What a scoped role sees of the directory, one rule per record type, applied by every list,
 * count, page and download (docs/decisions/0005-directory-scoping.md).
 */
export const directoryScopes = {
  'own-agency': 'Only the people of their own agency, and the members of groups from it',
  'own-groups': 'Only the board and the subgroups they sit on (now or in the past)',
}

/** An agency lead sees only the people of their own agency. */
export function personScope(actor: Actor) {
  return scopeCondition(actor, 'directory:read', {
    'own-agency': (a) => (a.agencyId ? eq(people.agencyId, a.agencyId) : sql`false`),
    'own-groups': () => undefined,
  })
}

/** The groups a person sits on or has sat on, as a subquery: for other modules’ group-scoped records. */
export const groupsSatOnBy = (personId: string) =>
  sql`(select ${groupMemberships.groupId} from ${groupMemberships} where ${groupMemberships.personId} = ${personId})`

/**
 * The groups a person sits on today (London's date), as an array subquery on the column holding
 * their id: the groups whose confidential records they may see (platform/confidential).
 */
export const groupsSittingOnToday = (personId: PgColumn | SQL) =>
  sql<string[]>`(select coalesce(array_agg(${groupMemberships.groupId}), '{}') from ${groupMemberships}
    where ${groupMemberships.personId} = ${personId}
      and ${groupMemberships.startsOn} <= (now() at time zone 'Europe/London')::date
      and (${groupMemberships.endsOn} is null or ${groupMemberships.endsOn} >= (now() at time zone 'Europe/London')::date))`

/** A subgroup member sees the board and the groups they sit on (now or in the past). */
export function groupScope(actor: Actor) {
  return scopeCondition(actor, 'directory:read', {
    'own-agency': () => undefined,
    'own-groups': (a) =>
      a.personId
        ? or(eq(groups.kind, 'board'), inArray(groups.id, groupsSatOnBy(a.personId)))
        : eq(groups.kind, 'board'),
  })
}

/**
 * True when no scope limits what this actor reads in the directory. A record's history names the
 * groups and agencies it touched, so only they see it.
 */
export function seesWholeDirectory(actor: Actor) {
  return isUnscoped(actor, 'directory:read')
}

/** A directory record's history, for those who see the whole directory; null for the rest. */
export function directoryHistory(app: FastifyInstance, actor: Actor, recordType: string, recordId: string) {
  return seesWholeDirectory(actor) ? historyOf(app, actor, recordType, recordId) : null
}
