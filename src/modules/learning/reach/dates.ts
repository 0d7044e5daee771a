import { sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { rowsOf } from './sources.ts'

/** The first and last days the programme has records for (events, e-learning), so year pickers offer those years. */
export async function reachDates(db: Database, partnershipId: string): Promise<(string | null)[]> {
  const [row] = rowsOf<{
    first: string | null
    last: string | null
    firstDone: string | null
    lastDone: string | null
  }>(
    await db.execute(sql`select
      (select to_char(min(starts_at) at time zone 'Europe/London', 'YYYY-MM-DD') from training_events where partnership_id = ${partnershipId}) as first,
      (select to_char(max(starts_at) at time zone 'Europe/London', 'YYYY-MM-DD') from training_events where partnership_id = ${partnershipId}) as last,
      (select to_char(min(completed_on), 'YYYY-MM-DD') from elearning_completions where partnership_id = ${partnershipId}) as "firstDone",
      (select to_char(max(completed_on), 'YYYY-MM-DD') from elearning_completions where partnership_id = ${partnershipId}) as "lastDone"`),
  )
  return [row?.first ?? null, row?.last ?? null, row?.firstDone ?? null, row?.lastDone ?? null]
}
