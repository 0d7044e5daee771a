import { and, asc, eq, max, min, sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import type { ReportingYear } from '../../../platform/reporting-years.ts'
import { seatInYear } from '../memberships/in-year.ts'
import { agencies, groupMemberships, groups, people } from '../schema.ts'

/** The records behind the partnership's report section: every seat held in a year, partnership-wide. */

export async function seatsInYear(db: Database, partnershipId: string, year: ReportingYear, groupId?: string) {
  return db
    .select({
      id: groupMemberships.id,
      groupId: groups.id,
      groupName: groups.name,
      groupKind: groups.kind,
      personId: people.id,
      personName: people.name,
      agencyName: agencies.name,
      agencyType: agencies.type,
      role: groupMemberships.role,
      startsOn: groupMemberships.startsOn,
      endsOn: groupMemberships.endsOn,
    })
    .from(groupMemberships)
    .innerJoin(groups, eq(groups.id, groupMemberships.groupId))
    .innerJoin(people, eq(people.id, groupMemberships.personId))
    .leftJoin(agencies, eq(agencies.id, people.agencyId))
    .where(
      and(
        eq(groupMemberships.partnershipId, partnershipId),
        seatInYear(year),
        groupId ? eq(groups.id, groupId) : undefined,
      ),
    )
    .orderBy(
      sql`case ${groups.kind} when 'board' then 0 else 1 end`,
      sql`lower(${groups.name})`,
      sql`case ${groupMemberships.role} when 'independent-chair' then 0 when 'chair' then 1 when 'vice-chair' then 2 when 'member' then 3 else 4 end`,
      sql`lower(${people.sortName})`,
      asc(groupMemberships.startsOn),
    )
}

export type Seat = Awaited<ReturnType<typeof seatsInYear>>[number]

/** Whether the partnership has a board at all, active or not. */
export async function hasBoard(db: Database, partnershipId: string) {
  const [row] = await db
    .select({ id: groups.id })
    .from(groups)
    .where(and(eq(groups.partnershipId, partnershipId), eq(groups.kind, 'board')))
    .limit(1)
  return !!row
}

/** The first and last dates of the directory's memberships, for the years a report can be drafted for. */
export async function membershipDates(db: Database, partnershipId: string) {
  const [row] = await db
    .select({
      firstStart: min(groupMemberships.startsOn),
      lastStart: max(groupMemberships.startsOn),
      lastEnd: max(groupMemberships.endsOn),
    })
    .from(groupMemberships)
    .where(eq(groupMemberships.partnershipId, partnershipId))
  return [row?.firstStart ?? null, row?.lastStart ?? null, row?.lastEnd ?? null]
}
