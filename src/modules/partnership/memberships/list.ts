import { and, asc, eq, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import type { Actor } from '../../../platform/permissions.ts'
import type { ReportingYear } from '../../../platform/reporting-years.ts'
import { agencies, groupMemberships, groups, people, type GroupKind } from '../schema.ts'
import { groupScope, personScope } from '../scopes.ts'
import { seatStartedIn, seatEndedIn } from './in-year.ts'

/**
 * Every seat on the board and its subgroups, as one list: the records behind the year's "joined"
 * and "left" figures. Through the same scopes as a group's own page.
 */
export interface MembershipListFilter {
  kind?: GroupKind
  /** Seats that began in the year. */
  startedIn?: ReportingYear
  /** Seats whose last day fell in the year. */
  endedIn?: ReportingYear
  sort: 'person' | 'group' | 'role' | 'startsOn' | 'endsOn'
  direction: 'asc' | 'desc'
  limit?: number
  offset?: number
}

function membershipConditions(actor: Actor, filter: Omit<MembershipListFilter, 'sort' | 'direction'>) {
  const conditions: (SQL | undefined)[] = [
    eq(groupMemberships.partnershipId, actor.partnershipId),
    groupScope(actor),
    personScope(actor),
  ]
  if (filter.kind) conditions.push(eq(groups.kind, filter.kind))
  if (filter.startedIn) conditions.push(seatStartedIn(filter.startedIn))
  if (filter.endedIn) conditions.push(seatEndedIn(filter.endedIn))
  return and(...conditions)
}

/** Chair first, adviser last, as a group's page lists them. */
const roleOrder = sql`case ${groupMemberships.role} when 'independent-chair' then 0 when 'chair' then 1 when 'vice-chair' then 2 when 'member' then 3 else 4 end`
const bySortName = sql`lower(${people.sortName})`

export async function listMembershipRecords(db: Database, actor: Actor, filter: MembershipListFilter) {
  const order = {
    person: bySortName,
    group: sql`lower(${groups.name})`,
    role: roleOrder,
    startsOn: sql`${groupMemberships.startsOn}`,
    endsOn: sql`${groupMemberships.endsOn}`,
  }[filter.sort]
  return db
    .select({
      id: groupMemberships.id,
      groupId: groupMemberships.groupId,
      groupName: groups.name,
      groupKind: groups.kind,
      personId: groupMemberships.personId,
      personName: people.name,
      agencyName: agencies.name,
      role: groupMemberships.role,
      startsOn: groupMemberships.startsOn,
      endsOn: groupMemberships.endsOn,
    })
    .from(groupMemberships)
    .innerJoin(people, eq(people.id, groupMemberships.personId))
    .innerJoin(groups, eq(groups.id, groupMemberships.groupId))
    .leftJoin(agencies, eq(agencies.id, people.agencyId))
    .where(membershipConditions(actor, filter))
    .orderBy(
      filter.direction === 'desc' ? sql`${order} desc nulls last` : sql`${order} asc nulls last`,
      bySortName,
      asc(groups.name),
      asc(groupMemberships.id),
    )
    .limit(filter.limit ?? 100)
    .offset(filter.offset ?? 0)
}

export type MembershipRecord = Awaited<ReturnType<typeof listMembershipRecords>>[number]

export async function countMembershipRecords(
  db: Database,
  actor: Actor,
  filter: Omit<MembershipListFilter, 'sort' | 'direction'>,
) {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(groupMemberships)
    .innerJoin(people, eq(people.id, groupMemberships.personId))
    .innerJoin(groups, eq(groups.id, groupMemberships.groupId))
    .where(membershipConditions(actor, filter))
  return row!.count
}
