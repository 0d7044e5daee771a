import { and, eq } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { agencies } from '../../partnership/schema.ts'
import { nonAttendanceCharges } from '../schema.ts'

/** The agency type charged for learners with no directory agency ("other" on the booking form). */
export const noAgencyType = 'none'

/**
 * What a late cancellation or no-show costs the learner's agency, in pence: nothing for an agency
 * that funds the partnership, otherwise the rate set for its type (nothing when none is set).
 * Recorded on the booking when the non-attendance is, so a later change of rates rewrites no history.
 */
export async function nonAttendanceCharge(db: Database, partnershipId: string, agencyId: string | null) {
  let agencyType = noAgencyType
  if (agencyId) {
    const [agency] = await db
      .select({ type: agencies.type, funds: agencies.contributesFunding })
      .from(agencies)
      .where(and(eq(agencies.partnershipId, partnershipId), eq(agencies.id, agencyId)))
    if (agency?.funds) return 0
    if (agency) agencyType = agency.type
  }
  const [rate] = await db
    .select({ amountPence: nonAttendanceCharges.amountPence })
    .from(nonAttendanceCharges)
    .where(and(eq(nonAttendanceCharges.partnershipId, partnershipId), eq(nonAttendanceCharges.agencyType, agencyType)))
  return rate?.amountPence ?? 0
}
