import type { SectionDefinition } from '../../../platform/sections.ts'
import { systemActor } from '../../../platform/permissions.ts'
import { listAgencies } from '../agencies/service.ts'
import { hasBoard, seatsInYear } from './seats.ts'
import {
  changesTable,
  chairText,
  fundingTable,
  groupMembersTable,
  groupsTable,
  hasChair,
  membersByAgencyTypeChart,
  membersByAgencyTable,
} from './tables.ts'

/**
 * The partnership's section of the annual report: the board and its subgroups, who chaired them,
 * members by agency, the agencies that fund the partnership, and who joined and left. In a
 * subgroup's report: that group's members, chair and changes.
 */
export const structureSection: SectionDefinition = {
  key: 'structure',
  title: 'The board and its subgroups',
  order: 10,
  figures: [
    'board-members',
    'agencies-on-board',
    'subgroups',
    'subgroup-members',
    'funding-agencies',
    'members-joined',
    'members-left',
  ],
  narrative: [
    {
      key: 'introduction',
      label: 'How the partnership is organised and led',
      hint: 'Who chairs the board, how often it meets, what each subgroup is for and how the subgroups report to the board.',
      required: true,
    },
    {
      key: 'changes',
      label: 'Changes during the year',
      hint: 'New members, members who left, a new chair, subgroups set up or closed, and why.',
      required: false,
    },
  ],
  build: async (db, { partnershipId, year, group }) => {
    if (group) {
      const seats = await seatsInYear(db, partnershipId, year, group.id)
      return {
        tables: [
          groupMembersTable(seats, group.name, year),
          {
            caption: `Chair of ${group.name} during the year`,
            head: ['Chair'],
            rows: [[chairText(seats, year)]],
          },
          changesTable(seats, year),
        ],
        charts: [],
        problems: hasChair(seats) ? [] : [`No chair of ${group.name} is recorded for ${year.label}.`],
      }
    }
    const [seats, boardExists, funders] = await Promise.all([
      seatsInYear(db, partnershipId, year),
      hasBoard(db, partnershipId),
      listAgencies(db, systemActor(partnershipId, 'Report'), {
        status: 'active',
        funding: true,
        sort: 'name',
        direction: 'asc',
      }),
    ])
    const boardSeats = seats.filter((s) => s.groupKind === 'board')
    const problems: string[] = []
    if (!boardExists) problems.push('No board is recorded in the directory: add it under Directory, Groups.')
    else if (!boardSeats.length) problems.push(`No members of the board are recorded for ${year.label}.`)
    else if (!hasChair(boardSeats)) problems.push(`No chair of the board is recorded for ${year.label}.`)
    return {
      tables: [groupsTable(seats, year), membersByAgencyTable(seats), fundingTable(funders), changesTable(seats, year)],
      charts: seats.length ? [membersByAgencyTypeChart(seats, year)] : [],
      problems,
    }
  },
}
