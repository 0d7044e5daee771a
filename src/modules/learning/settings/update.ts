import { and, eq } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { changedFields, recordAudit } from '../../../platform/audit.ts'
import { StaleEditError } from '../../../platform/errors.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { agencyTypes } from '../../partnership/schema.ts'
import { noAgencyType } from '../bookings/charges.ts'
import { learningSettings, nonAttendanceCharges } from '../schema.ts'
import { getLearningSettings } from './service.ts'

/**
 * Changing the learning settings and the non-attendance charges, each audited in the same
 * transaction. A new charge applies to non-attendance recorded from then on: charges already
 * recorded on bookings keep their amount (bookings/charges.ts).
 */

export interface SettingsInput {
  cancellationCutOffWorkingDays: number
  offerHours: number
  followUpWeeks: number
  bookingTerms: string
}

/** The singleton settings row has no id, so recordAudit names the partnership as the record. */
export async function updateLearningSettings(db: Database, actor: Actor, version: number, input: SettingsInput) {
  return db.transaction(async (tx) => {
    const before = await getLearningSettings(tx, actor.partnershipId)
    const diff = changedFields(
      before as unknown as Record<string, unknown>,
      input as unknown as Record<string, unknown>,
    )
    if (!diff.changed.length) return false
    const updated = await tx
      .update(learningSettings)
      .set({ ...input, version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(learningSettings.partnershipId, actor.partnershipId), eq(learningSettings.version, version)))
      .returning({ id: learningSettings.partnershipId })
    if (!updated.length) throw new StaleEditError()
    await recordAudit(tx, actor, {
      action: 'updated',
      recordType: 'learning-settings',
      recordId: actor.partnershipId,
      summary: 'Changed the learning settings',
      before: diff.before,
      after: diff.after,
    })
    return true
  })
}

/**
 * Every type of partner agency in the directory, and `none` for learners with no agency in it.
 * Schools are not offered on booking forms (their staff book as another organisation), so they
 * have no rate of their own.
 */
export const chargeTypes = [...agencyTypes.filter((type) => type !== 'school'), noAgencyType] as const

/** The charge per agency type, in pence (0 where none is set). */
export async function chargeRates(db: Database, partnershipId: string) {
  const rows = await db
    .select({ agencyType: nonAttendanceCharges.agencyType, amountPence: nonAttendanceCharges.amountPence })
    .from(nonAttendanceCharges)
    .where(eq(nonAttendanceCharges.partnershipId, partnershipId))
  const set = new Map(rows.map((r) => [r.agencyType, r.amountPence]))
  return Object.fromEntries(chargeTypes.map((type) => [type, set.get(type) ?? 0])) as Record<string, number>
}

/** Sets the charge for each agency type; writes (and audits) only those that changed. */
export async function updateChargeRates(db: Database, actor: Actor, rates: Record<string, number>) {
  return db.transaction(async (tx) => {
    const before = await chargeRates(tx, actor.partnershipId)
    const diff = changedFields(before, rates)
    if (!diff.changed.length) return false
    for (const agencyType of diff.changed)
      await tx
        .insert(nonAttendanceCharges)
        .values({ partnershipId: actor.partnershipId, agencyType, amountPence: rates[agencyType]! })
        .onConflictDoUpdate({
          target: [nonAttendanceCharges.partnershipId, nonAttendanceCharges.agencyType],
          set: { amountPence: rates[agencyType]!, updatedAt: new Date() },
        })
    await recordAudit(tx, actor, {
      action: 'updated',
      recordType: 'non-attendance-charges',
      recordId: actor.partnershipId,
      summary: 'Changed the non-attendance charges',
      before: diff.before,
      after: diff.after,
    })
    return true
  })
}
