import { sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { learners, type LearnerSector } from '../schema.ts'

/**
 * Who a learner is: one row per normalised email within the partnership. Booking a place, joining
 * a waiting list and importing an e-learning completion all come through `learnerFor`, so the same
 * person is always the same learner and "distinct people trained" counts people.
 */

/** Trimmed and lower case: `Kate.Lyons@Oxfordshire.gov.uk ` and `kate.lyons@oxfordshire.gov.uk` are one person. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

export interface LearnerDetails {
  email: string
  name: string
  jobTitle?: string | null
  agencyId?: string | null
  agencyOther?: string | null
  sector?: LearnerSector | null
}

/**
 * The learner with this email, made if new; their name, job, agency and sector become the latest
 * given (a detail not given is left as it was). Safe against two requests for a new email at once:
 * the unique index decides and both get the one row. Run inside the caller's transaction.
 */
export async function learnerFor(tx: Database, partnershipId: string, details: LearnerDetails): Promise<string> {
  const email = normaliseEmail(details.email)
  const [row] = await tx
    .insert(learners)
    .values({
      partnershipId,
      email,
      name: details.name,
      jobTitle: details.jobTitle ?? null,
      agencyId: details.agencyId ?? null,
      agencyOther: details.agencyId ? null : (details.agencyOther ?? null),
      sector: details.sector ?? null,
    })
    .onConflictDoUpdate({
      target: [learners.partnershipId, learners.email],
      set: {
        name: sql`excluded.name`,
        jobTitle: sql`coalesce(excluded.job_title, ${learners.jobTitle})`,
        agencyId: details.agencyId || details.agencyOther ? sql`excluded.agency_id` : sql`${learners.agencyId}`,
        agencyOther:
          details.agencyId || details.agencyOther ? sql`excluded.agency_other` : sql`${learners.agencyOther}`,
        sector: sql`coalesce(excluded.sector, ${learners.sector})`,
        updatedAt: sql`now()`,
      },
    })
    .returning({ id: learners.id })
  return row!.id
}
