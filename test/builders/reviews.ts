import { eq } from 'drizzle-orm'
import type { Database } from '../../src/db/index.ts'
import { createCase, type ReferralInput } from '../../src/modules/reviews/cases/service.ts'
import { reviewCases, type ReviewCase } from '../../src/modules/reviews/schema.ts'
import { builderActor, nextNumber } from './names.ts'

/**
 * A case review, referred as the app refers one (its access row and audit row in one transaction),
 * then set to the state the test needs (its decision, review dates, status) as the demo's seed
 * would, without walking it through every form.
 */
export async function insertReviewCase(
  db: Database,
  partnershipId: string,
  overrides: Partial<ReferralInput> & Partial<Omit<ReviewCase, keyof ReferralInput | 'id' | 'partnershipId'>> = {},
) {
  const n = nextNumber()
  const {
    reference,
    circumstances,
    incidentOn,
    awareOn,
    referredByAgencyId,
    referrer,
    harm,
    ageBand,
    concerns,
    agencyIds,
    ...later
  } = overrides
  const referral: ReferralInput = {
    reference: reference ?? `Child Z${n}`,
    circumstances: circumstances ?? null,
    incidentOn: incidentOn ?? null,
    awareOn: awareOn ?? '2016-05-03',
    referredByAgencyId: referredByAgencyId ?? null,
    referrer: referrer ?? null,
    harm: harm ?? 'serious-harm',
    ageBand: ageBand ?? null,
    concerns: concerns ?? [],
    agencyIds: agencyIds ?? [],
  }
  const id = await createCase(db, builderActor(partnershipId), referral)
  if (Object.keys(later).length) await db.update(reviewCases).set(later).where(eq(reviewCases.id, id))
  return { id, ...referral, ...later }
}
