import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import type { ReportingYear } from '../../platform/reporting-years.ts'
import { groupMemberships, groups, people } from './schema.ts'

/**
 * Who chaired the board during a reporting year: the independent chair if there was one, else the
 * chair; the latest to start if it changed hands. For papers the board's chair signs.
 */
export async function boardChairIn(db: Database, partnershipId: string, year: ReportingYear) {
  const rows = await db
    .select({ name: people.name, role: groupMemberships.role, startsOn: groupMemberships.startsOn })
    .from(groupMemberships)
    .innerJoin(groups, eq(groups.id, groupMemberships.groupId))
    .innerJoin(people, eq(people.id, groupMemberships.personId))
    .where(
      and(
        eq(groupMemberships.partnershipId, partnershipId),
        eq(groups.kind, 'board'),
        inArray(groupMemberships.role, ['independent-chair', 'chair']),
        sql`${groupMemberships.startsOn} <= ${year.end}`,
        sql`(${groupMemberships.endsOn} is null or ${groupMemberships.endsOn} >= ${year.start})`,
        sql`${people.erasedAt} is null`,
      ),
    )
    .orderBy(desc(groupMemberships.role), sql`${groupMemberships.startsOn} desc`)
  const chair = rows[0]
  return chair ? { name: chair.name, independent: chair.role === 'independent-chair' } : null
}
