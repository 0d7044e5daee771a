import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { insertAudited, updateAudited } from '../../../platform/audited-writes.ts'
import { NotFoundError } from '../../../platform/errors.ts'
import type { Actor } from '../../../platform/permissions.ts'
import type { ReportingYear } from '../../../platform/reporting-years.ts'
import { seatInYear } from '../memberships/in-year.ts'
import { groupMemberships, groups, people, type GroupKind } from '../schema.ts'
import { groupScope, personScope } from '../scopes.ts'

/** The board and its subgroups. */

export interface GroupInput {
  name: string
  kind: GroupKind
  purpose: string | null
  active: boolean
}

export interface GroupFilter {
  status?: 'active' | 'inactive'
  kind?: GroupKind
  /** Only groups someone sat on at some time in the year (a member the actor may see). */
  activeIn?: ReportingYear
  sort: 'name' | 'kind' | 'members'
  direction: 'asc' | 'desc'
}

export async function listGroups(db: Database, actor: Actor, filter: GroupFilter) {
  // Current members counted through the people scope, as the group's page lists them.
  const counts = db
    .select({ groupId: groupMemberships.groupId, count: sql<number>`count(*)::int`.as('count') })
    .from(groupMemberships)
    .innerJoin(people, eq(people.id, groupMemberships.personId))
    .where(
      and(
        eq(groupMemberships.partnershipId, actor.partnershipId),
        sql`(${groupMemberships.endsOn} is null or ${groupMemberships.endsOn} >= current_date)`,
        personScope(actor),
      ),
    )
    .groupBy(groupMemberships.groupId)
    .as('counts')
  const memberCount = sql<number>`coalesce(${counts.count}, 0)`
  const order = { name: groups.name, kind: groups.kind, members: memberCount }[filter.sort]
  const conditions: (SQL | undefined)[] = [eq(groups.partnershipId, actor.partnershipId), groupScope(actor)]
  if (filter.status) conditions.push(eq(groups.active, filter.status === 'active'))
  if (filter.kind) conditions.push(eq(groups.kind, filter.kind))
  if (filter.activeIn) conditions.push(inArray(groups.id, groupsWithMembersIn(actor, filter.activeIn)))
  return db
    .select({
      id: groups.id,
      name: groups.name,
      kind: groups.kind,
      purpose: groups.purpose,
      active: groups.active,
      memberCount,
    })
    .from(groups)
    .leftJoin(counts, eq(counts.groupId, groups.id))
    .where(and(...conditions))
    .orderBy(filter.direction === 'desc' ? desc(order) : asc(order), asc(groups.name))
}

/** The groups someone sat on in the year, through the people scope, as the group's page lists its members. */
function groupsWithMembersIn(actor: Actor, year: ReportingYear) {
  return sql`(select ${groupMemberships.groupId} from ${groupMemberships} inner join ${people} on ${people.id} = ${groupMemberships.personId} where ${and(
    eq(groupMemberships.partnershipId, actor.partnershipId),
    seatInYear(year),
    personScope(actor),
  )})`
}

export async function getGroup(db: Database, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(groups)
    .where(and(eq(groups.partnershipId, actor.partnershipId), eq(groups.id, id), groupScope(actor)))
  if (!row) throw new NotFoundError()
  return row
}

const duplicate = { name: 'There is already a group with this name' }

export function createGroup(db: Database, actor: Actor, input: GroupInput) {
  return insertAudited(db, actor, groups, input, {
    recordType: 'group',
    summary: `Added group ${input.name}`,
    conflict: duplicate,
  })
}

export async function updateGroup(db: Database, actor: Actor, id: string, version: number, input: GroupInput) {
  const before = await getGroup(db, actor, id)
  return updateAudited(
    db,
    actor,
    groups,
    { id, version, before, set: input },
    { recordType: 'group', summary: `Changed group ${input.name}`, conflict: duplicate },
  )
}
