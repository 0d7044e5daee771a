import { and, eq, gte, lte, sql, type SQL } from 'drizzle-orm'
import type { Actor } from '../../../platform/permissions.ts'
import type { ReportingYear } from '../../../platform/reporting-years.ts'
import { groupMemberships, groups, type GroupKind } from '../schema.ts'
import { groupScope } from '../scopes.ts'

/**
 * Seats in a reporting year, defined once for the lists and the figures that link to them. A seat
 * counts in a year when it began on or before the year's last day and had not ended before its
 * first (an open seat has no end).
 */
export function seatInYear(year: ReportingYear): SQL {
  return sql`(${groupMemberships.startsOn} <= ${year.end}::date and (${groupMemberships.endsOn} is null or ${groupMemberships.endsOn} >= ${year.start}::date))`
}

/** A seat that began during the year: someone joined. */
export function seatStartedIn(year: ReportingYear) {
  return and(gte(groupMemberships.startsOn, year.start), lte(groupMemberships.startsOn, year.end))!
}

/** A seat whose last day fell in the year: someone left. */
export function seatEndedIn(year: ReportingYear) {
  return and(gte(groupMemberships.endsOn, year.start), lte(groupMemberships.endsOn, year.end))!
}

/**
 * The people who sat on a group of this kind (the board, or any subgroup) in the year, as a
 * subquery of person ids; only groups the actor may see count.
 */
export function peopleWhoSatOn(actor: Actor, kind: GroupKind, year: ReportingYear) {
  return sql`(select ${groupMemberships.personId} from ${groupMemberships} inner join ${groups} on ${groups.id} = ${groupMemberships.groupId} where ${and(
    eq(groupMemberships.partnershipId, actor.partnershipId),
    eq(groups.kind, kind),
    seatInYear(year),
    groupScope(actor),
  )})`
}
