import { asc, eq } from 'drizzle-orm'
import type { Database } from '../src/db/index.ts'
import { seedDemoData } from '../src/db/seed.ts'
import { agencies, groupMemberships, groups, people } from '../src/modules/partnership/schema.ts'
import { firstNames, jobTitles, surnames } from './directory-data.ts'

/**
 * The reports bench's second partnership: the demo partnership loaded again under another name
 * (its own accounts, its 2015/16 report approved and its 2016/17 report drafted with the same
 * narrative), then its directory grown to `factor` times the demo's. Each copy repeats the demo's
 * agencies, people and seats with invented names, the same roles, dates and leavers: its board
 * seats join the one board (a copy's chairs sit as members: a board has one chair), and its two
 * subgroups become two more subgroups. So the board, the subgroups, the agencies, the people, the
 * seats and the joiners and leavers of 2016/17 are all `factor` times the demo's, and the report
 * drafted from them has `factor` times the rows in every table and agencies in the chart.
 * Inserted in bulk (bench data, so no audit rows).
 */
export const scaledPartnership = {
  name: 'Tenfold Safeguarding Children Partnership',
  shortName: 'TSCP',
  area: 'Tenfold',
  localAuthorityCode: 'E99999910',
  emailDomain: 'tenfold.example',
}

// prettier-ignore
const areas = [
  'Northmoor', 'Eastbrook', 'Southwell', 'Westcote', 'Highfield', 'Lowmead', 'Ashby', 'Fernhill', 'Kingsley',
  'Marston', 'Oakridge', 'Redbrook', 'Stanton', 'Thornbury', 'Whitley', 'Yarnton',
]

export async function addScaledPartnership(db: Database, factor: number) {
  const { partnershipId } = await seedDemoData(db, scaledPartnership)
  await growDirectory(db, partnershipId, factor)
  return partnershipId
}

/** Repeats the partnership's directory until it is `factor` times what it was. */
export async function growDirectory(db: Database, partnershipId: string, factor: number) {
  const inPartnership = <T extends { partnershipId: unknown }>(table: T) =>
    eq(table.partnershipId as never, partnershipId)
  const agencyRows = await db.select().from(agencies).where(inPartnership(agencies)).orderBy(asc(agencies.name))
  const personRows = await db.select().from(people).where(inPartnership(people)).orderBy(asc(people.sortName))
  const groupRows = await db.select().from(groups).where(inPartnership(groups)).orderBy(asc(groups.name))
  const seatRows = await db.select().from(groupMemberships).where(inPartnership(groupMemberships))
  const board = groupRows.find((g) => g.kind === 'board')
  if (!board) throw new Error('The partnership to grow has no board')

  let named = 0
  for (let copy = 1; copy < factor; copy++) {
    const area = areas[(copy - 1) % areas.length]! + (copy > areas.length ? ` ${copy}` : '')
    const agencyIds = new Map<string, string>()
    const newAgencies = await db
      .insert(agencies)
      .values(
        agencyRows.map((a) => ({
          partnershipId,
          name: `${a.name} (${area})`,
          type: a.type,
          contributesFunding: a.contributesFunding,
          active: a.active,
        })),
      )
      .returning({ id: agencies.id })
    agencyRows.forEach((a, i) => agencyIds.set(a.id, newAgencies[i]!.id))

    const personIds = new Map<string, string>()
    const newPeople = await db
      .insert(people)
      .values(
        personRows.map((p) => {
          const first = firstNames[named % firstNames.length]!
          const last = surnames[(named * 7 + Math.floor(named / firstNames.length)) % surnames.length]!
          named++
          return {
            partnershipId,
            name: `${first} ${last}`,
            sortName: `${last}, ${first}`,
            jobTitle: p.jobTitle ?? jobTitles[named % jobTitles.length]!,
            agencyId: p.agencyId ? agencyIds.get(p.agencyId)! : null,
            email: `${first}.${last}.${named}@${scaledPartnership.emailDomain}`
              .toLowerCase()
              .replace(/[^a-z0-9.@]/g, ''),
            leftOn: p.leftOn,
          }
        }),
      )
      .returning({ id: people.id })
    personRows.forEach((p, i) => personIds.set(p.id, newPeople[i]!.id))

    const groupIds = new Map<string, string>([[board.id, board.id]])
    const subgroups = groupRows.filter((g) => g.kind === 'subgroup')
    const newGroups = await db
      .insert(groups)
      .values(
        subgroups.map((g) => ({
          partnershipId,
          name: `${g.name} (${area})`,
          kind: g.kind,
          purpose: g.purpose,
          active: g.active,
        })),
      )
      .returning({ id: groups.id })
    subgroups.forEach((g, i) => groupIds.set(g.id, newGroups[i]!.id))

    await db.insert(groupMemberships).values(
      seatRows.map((s) => ({
        partnershipId,
        groupId: groupIds.get(s.groupId)!,
        personId: personIds.get(s.personId)!,
        role: s.groupId === board.id && (s.role === 'independent-chair' || s.role === 'chair') ? 'member' : s.role,
        startsOn: s.startsOn,
        endsOn: s.endsOn,
      })),
    )
  }
}
