import type { ChartInput, ReportTable } from '../../../platform/sections.ts'
import type { ReportingYear } from '../../../platform/reporting-years.ts'
import { formatDate } from '../../../platform/views.ts'
import { agencyTypeLabels, groupKindLabel, membershipRoleLabels } from '../labels.ts'
import type { AgencyType } from '../schema.ts'
import type { Seat } from './seats.ts'

/**
 * The section's tables and chart from a year's seats. Pure, so tested without a database. Names
 * of people are shown (board and subgroup members hold public office); emails never are.
 */

const chairRoles = new Set(['independent-chair', 'chair'])
const noAgency = 'No agency recorded'

/** Each seat's holder once: the groups' member counts are of people, not seats. */
const distinctPeople = (seats: Seat[]) => new Set(seats.map((s) => s.personId)).size

/** The seats grouped by group, in the order the seats came (board first). */
function byGroup(seats: Seat[]) {
  const groups = new Map<string, Seat[]>()
  for (const seat of seats) groups.set(seat.groupId, [...(groups.get(seat.groupId) ?? []), seat])
  return [...groups.values()]
}

/** "Helen Ashworth (independent chair)", and when a chair held it for part of the year, from or until when. */
export function chairText(seats: Seat[], year: ReportingYear) {
  const chairs = seats.filter((s) => chairRoles.has(s.role))
  if (!chairs.length) return 'None recorded'
  return chairs
    .map((s) => {
      const parts = [s.role === 'independent-chair' ? 'independent chair' : null]
      if (s.startsOn > year.start) parts.push(`from ${formatDate(s.startsOn)}`)
      if (s.endsOn && s.endsOn < year.end) parts.push(`until ${formatDate(s.endsOn)}`)
      const note = parts.filter(Boolean).join(', ')
      return note ? `${s.personName} (${note})` : s.personName
    })
    .join('; ')
}

export function hasChair(seats: Seat[]) {
  return seats.some((s) => chairRoles.has(s.role))
}

export function groupsTable(seats: Seat[], year: ReportingYear): ReportTable {
  return {
    caption: 'The board and its subgroups',
    head: ['Group', 'Kind', 'Chair during the year', 'Members in the year'],
    rows: byGroup(seats).map((group) => [
      group[0]!.groupName,
      groupKindLabel(group[0]!.groupKind),
      chairText(group, year),
      distinctPeople(group),
    ]),
    numericColumns: [3],
  }
}

/** People on the board and on any subgroup in the year, by their agency, each counted once per column. */
export function membersByAgency(seats: Seat[]) {
  const agencies = new Map<string, { board: Set<string>; subgroups: Set<string> }>()
  for (const seat of seats) {
    const name = seat.agencyName ?? noAgency
    const entry = agencies.get(name) ?? { board: new Set(), subgroups: new Set() }
    entry[seat.groupKind === 'board' ? 'board' : 'subgroups'].add(seat.personId)
    agencies.set(name, entry)
  }
  return [...agencies.entries()]
    .sort(([a], [b]) => (a === noAgency ? 1 : b === noAgency ? -1 : a.localeCompare(b, 'en-GB')))
    .map(([agency, { board, subgroups }]) => ({ agency, board: board.size, subgroups: subgroups.size }))
}

export function membersByAgencyTable(seats: Seat[]): ReportTable {
  return {
    caption: 'Members by agency',
    head: ['Agency', 'Board members', 'Subgroup members'],
    rows: membersByAgency(seats).map((row) => [row.agency, row.board, row.subgroups]),
    numericColumns: [1, 2],
  }
}

/**
 * The chart counts people by kind of agency (police, health, local authority…): a handful of bars
 * whatever the partnership's size, where one bar per agency would be unreadable in a large one.
 * The table "Members by agency" beside it gives every agency.
 */
export function membersByAgencyTypeChart(seats: Seat[], year: ReportingYear): ChartInput {
  const types = new Map<string, { board: Set<string>; subgroups: Set<string> }>()
  for (const seat of seats) {
    const type = seat.agencyType ? agencyTypeLabels[seat.agencyType] : noAgency
    const entry = types.get(type) ?? { board: new Set(), subgroups: new Set() }
    entry[seat.groupKind === 'board' ? 'board' : 'subgroups'].add(seat.personId)
    types.set(type, entry)
  }
  const rows = [...types.entries()].sort(([a], [b]) =>
    a === noAgency ? 1 : b === noAgency ? -1 : a.localeCompare(b, 'en-GB'),
  )
  return {
    title: `Members of the board and its subgroups by kind of agency, ${year.label}`,
    description: `The number of people from each kind of agency who sat on the board and on its subgroups in ${year.label}, across ${rows.length} kinds of agency. The table “Members by agency” gives the numbers for each agency.`,
    kind: 'grouped-bar',
    categoryLabel: 'Kind of agency',
    valueLabel: 'People',
    seriesLabel: 'Group',
    data: rows.flatMap(([type, { board, subgroups }]) => [
      { category: type, value: board.size, series: 'Board' },
      { category: type, value: subgroups.size, series: 'Subgroups' },
    ]),
  }
}

export function fundingTable(rows: { name: string; type: AgencyType }[]): ReportTable {
  return {
    caption: 'Agencies that contribute funding',
    head: ['Agency', 'Type'],
    rows: rows.map((a) => [a.name, agencyTypeLabels[a.type]]),
  }
}

/** Seats that began or ended in the year, in date order: the same records as the joined and left figures. */
export function changes(seats: Seat[], year: ReportingYear) {
  const inYear = (date: string | null): date is string => !!date && date >= year.start && date <= year.end
  return [
    ...seats.filter((s) => inYear(s.startsOn)).map((s) => ({ change: 'Joined', date: s.startsOn, seat: s })),
    ...seats.filter((s) => inYear(s.endsOn)).map((s) => ({ change: 'Left', date: s.endsOn!, seat: s })),
  ].sort((a, b) => a.date.localeCompare(b.date) || a.change.localeCompare(b.change))
}

export function changesTable(seats: Seat[], year: ReportingYear, caption = 'Changes during the year'): ReportTable {
  return {
    caption,
    head: ['Change', 'Name', 'Group', 'Role', 'Date'],
    rows: changes(seats, year).map(({ change, date, seat }) => [
      change,
      seat.personName,
      seat.groupName,
      membershipRoleLabels[seat.role],
      formatDate(date),
    ]),
  }
}

/** A subgroup report's members: everyone who sat on the group in the year, with their role and agency. */
export function groupMembersTable(seats: Seat[], groupName: string, year: ReportingYear): ReportTable {
  return {
    caption: `Members of ${groupName} in ${year.label}`,
    head: ['Name', 'Role', 'Agency', 'From', 'Until'],
    rows: seats.map((s) => [
      s.personName,
      membershipRoleLabels[s.role],
      s.agencyName ?? '',
      formatDate(s.startsOn),
      s.endsOn ? formatDate(s.endsOn) : '',
    ]),
  }
}
