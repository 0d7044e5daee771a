import { sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import type { LearnerSector } from '../schema.ts'
import type { ReachRange } from './range.ts'
import { rowsOf, sectorsOfBits, trainedRows } from './sources.ts'

/**
 * The people trained in a range, each counted once: in all, in each agency they gave and in each
 * sector (sources.ts says which). Hundreds of thousands of people a year at national scale, so this
 * is most of the reach figures' work (bench/RESULTS-reach.md): two queries side by side, each
 * de-duplicating the trained rows once —
 *
 * - per learner, with the set of sectors their attended bookings gave as bits (`bit_or`), which
 *   gives the total and the sectors at once; only those who just completed e-learning are looked
 *   up for their own sector;
 * - per agency and learner.
 */
export interface PeopleTrained {
  total: number
  byAgency: { agencyId: string | null; people: number }[]
  /** Only sectors with people, in no particular order. */
  bySector: { sector: LearnerSector | null; people: number }[]
}

/** Learners by the set of sectors they attended with; `sectors` 0 is by e-learning only, by `sector`. */
export type LearnerRow = { sectors: number; sector: string | null; people: number }
export type AgencyRow = { agencyId: string | null; people: number }

export async function peopleTrained(db: Database, partnershipId: string, range: ReachRange) {
  const [learners, agencies] = await Promise.all([
    counted<LearnerRow>(
      db,
      sql`with p as (select learner_id, bit_or(sectors) as sectors from ${trainedRows(partnershipId, range)} group by learner_id)
      select sectors, null::text as sector, count(*)::int as people from p where sectors <> 0 group by sectors
      union all
      select 0, l.sector::text, count(*)::int from p
      join learners l on l.id = p.learner_id and l.partnership_id = ${partnershipId}
      where p.sectors = 0 group by l.sector`,
    ),
    counted<AgencyRow>(
      db,
      sql`select agency_id as "agencyId", count(*)::int as people
      from (select distinct agency_id, learner_id from ${trainedRows(partnershipId, range)}) d group by agency_id`,
    ),
  ])
  return tallyPeople(learners, agencies)
}

/**
 * A query that de-duplicates a few hundred thousand people: enough memory for its hash table not to
 * spill to disk, and no parallel plan, which on two cores (the figures' other queries run beside it)
 * gathered and re-sorted for longer than it saved (set local: this transaction only).
 */
function counted<T>(db: Database, query: SQL) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '64MB'`)
    await tx.execute(sql`set local max_parallel_workers_per_gather = 0`)
    return rowsOf<T>(await tx.execute(query))
  })
}

/** The rows as counts: pure, so the arithmetic is tested without a database. */
export function tallyPeople(learners: LearnerRow[], agencies: AgencyRow[]): PeopleTrained {
  const sectors = new Map<LearnerSector | null, number>()
  const add = (sector: LearnerSector | null, people: number) => sectors.set(sector, (sectors.get(sector) ?? 0) + people)
  for (const row of learners)
    if (row.sectors) for (const sector of sectorsOfBits(row.sectors)) add(sector, row.people)
    else add(row.sector as LearnerSector | null, row.people)
  return {
    total: learners.reduce((total, row) => total + row.people, 0),
    byAgency: agencies,
    bySector: [...sectors].map(([sector, people]) => ({ sector, people })),
  }
}
