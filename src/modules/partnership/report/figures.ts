import type { FigureDefinition } from '../../../platform/figures.ts'
import { systemActor } from '../../../platform/permissions.ts'
import { yearSlug, type ReportingYear } from '../../../platform/reporting-years.ts'
import { listAgencies } from '../agencies/service.ts'
import { listGroups } from '../groups/service.ts'
import { countMembershipRecords } from '../memberships/list.ts'
import { countPeople } from '../people/service.ts'

/**
 * The directory's figures for a reporting year. Each is counted by the same service, with the
 * same filter, as the list page its link opens, so the figure and the list cannot disagree. They
 * are worked out for the whole partnership (as the business unit sees it), whoever asks.
 */

const everyone = (partnershipId: string) => systemActor(partnershipId, 'Figures')
const sorted = { sort: 'name', direction: 'asc' } as const
const exact = { kind: 'exact' } as const
const slug = (year: ReportingYear) => yearSlug(year)

export const partnershipFigures: FigureDefinition[] = [
  {
    key: 'board-members',
    label: 'People who sat on the board',
    definition:
      'People with a seat on the board (in any role, advisers included) at any time in the year, counted once each, including people who have left since.',
    unit: 'count',
    rounding: exact,
    compute: async (db, { partnershipId, year }) => ({
      value: await countPeople(db, everyone(partnershipId), { satOn: { kind: 'board', year } }),
      link: `/directory/people?onBoardIn=${slug(year)}`,
    }),
  },
  {
    key: 'agencies-on-board',
    label: 'Agencies represented on the board',
    definition:
      'Agencies with at least one person on the board at any time in the year, by the agency each person is recorded with now; people of no agency are not counted.',
    unit: 'count',
    rounding: exact,
    compute: async (db, { partnershipId, year }) => ({
      value: (await listAgencies(db, everyone(partnershipId), { ...sorted, onBoardIn: year })).length,
      link: `/directory/agencies?onBoardIn=${slug(year)}`,
    }),
  },
  {
    key: 'subgroups',
    label: 'Subgroups',
    definition: 'Subgroups of the board that had at least one member at some time in the year.',
    unit: 'count',
    rounding: exact,
    compute: async (db, { partnershipId, year }) => ({
      value: (await listGroups(db, everyone(partnershipId), { ...sorted, kind: 'subgroup', activeIn: year })).length,
      link: `/directory/groups?kind=subgroup&activeIn=${slug(year)}`,
    }),
  },
  {
    key: 'subgroup-members',
    label: 'People who sat on a subgroup',
    definition:
      'People with a seat on at least one subgroup (in any role) at any time in the year, counted once each however many subgroups they sat on, including people who have left since.',
    unit: 'count',
    rounding: exact,
    compute: async (db, { partnershipId, year }) => ({
      value: await countPeople(db, everyone(partnershipId), { satOn: { kind: 'subgroup', year } }),
      link: `/directory/people?onSubgroupIn=${slug(year)}`,
    }),
  },
  {
    key: 'funding-agencies',
    label: 'Agencies that contribute funding',
    definition:
      'Active agencies recorded as contributing to the partnership’s funding, as the directory records it now; frozen when the report is approved. (The directory keeps no history of this.)',
    unit: 'count',
    rounding: exact,
    compute: async (db, { partnershipId }) => ({
      value: (await listAgencies(db, everyone(partnershipId), { ...sorted, status: 'active', funding: true })).length,
      link: '/directory/agencies?status=active&funding=yes',
    }),
  },
  {
    key: 'members-joined',
    label: 'Seats taken up on the board and subgroups',
    definition:
      'Memberships of the board or a subgroup that began during the year (one person joining two groups counts twice).',
    unit: 'count',
    rounding: exact,
    compute: async (db, { partnershipId, year }) => ({
      value: await countMembershipRecords(db, everyone(partnershipId), { startedIn: year }),
      link: `/directory/memberships?startedIn=${slug(year)}`,
    }),
  },
  {
    key: 'members-left',
    label: 'Seats given up on the board and subgroups',
    definition:
      'Memberships of the board or a subgroup whose last day fell in the year, including those that ended because the person left.',
    unit: 'count',
    rounding: exact,
    compute: async (db, { partnershipId, year }) => ({
      value: await countMembershipRecords(db, everyone(partnershipId), { endedIn: year }),
      link: `/directory/memberships?endedIn=${slug(year)}`,
    }),
  },
]
