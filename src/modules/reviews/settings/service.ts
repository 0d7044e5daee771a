import { and, asc, eq, inArray, or, sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { recordAudit } from '../../../platform/audit.ts'
import { StaleEditError } from '../../../platform/errors.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { groups } from '../../partnership/schema.ts'
import { reapplyAllAccess } from '../access.ts'
import { chosenNames } from '../chosen-names.ts'
import { reviewSettings } from '../schema.ts'

/**
 * Who can see case reviews: the members of the groups chosen here (the case review subgroup),
 * besides the business unit and the chair, who always do (access.ts). A change is written to
 * every case and recommendation's access in the same transaction as the setting and its audit row.
 */
export const reviewSettingsRecordType = 'review-settings'

/** The partnership's settings, made (naming no group) the first time they are read. */
export async function getReviewSettings(db: Database, partnershipId: string) {
  const read = () => db.select().from(reviewSettings).where(eq(reviewSettings.partnershipId, partnershipId))
  const [existing] = await read()
  if (existing) return existing
  await db.insert(reviewSettings).values({ partnershipId }).onConflictDoNothing()
  const [made] = await read()
  return made!
}

/** The groups offered: active ones, and any already chosen. */
export function groupOptions(db: Database, partnershipId: string, chosen: string[]) {
  return db
    .select({ id: groups.id, name: groups.name, kind: groups.kind })
    .from(groups)
    .where(
      and(
        eq(groups.partnershipId, partnershipId),
        chosen.length ? or(eq(groups.active, true), inArray(groups.id, chosen)) : eq(groups.active, true),
      ),
    )
    .orderBy(asc(sql`lower(${groups.name})`))
}

const groupNames = (db: Database, partnershipId: string, ids: string[]) =>
  chosenNames(db, groups, partnershipId, ids, { field: 'groupIds', message: 'Select groups from the list' })

/** Names the groups whose members see case reviews; false, having written nothing, when unchanged. */
export async function updateReviewSettings(db: Database, actor: Actor, version: number, groupIds: string[]) {
  const chosen = [...new Set(groupIds)]
  const before = await getReviewSettings(db, actor.partnershipId)
  const after = await groupNames(db, actor.partnershipId, chosen)
  if ([...before.groupIds].sort().join() === [...chosen].sort().join()) return false
  const was = await groupNames(db, actor.partnershipId, before.groupIds)
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(reviewSettings)
      .set({ groupIds: chosen, version: sql`${reviewSettings.version} + 1`, updatedAt: new Date() })
      .where(and(eq(reviewSettings.partnershipId, actor.partnershipId), eq(reviewSettings.version, version)))
      .returning({ version: reviewSettings.version })
    if (!updated.length) throw new StaleEditError()
    await reapplyAllAccess(tx, actor)
    await recordAudit(tx, actor, {
      action: 'updated',
      recordType: reviewSettingsRecordType,
      recordId: actor.partnershipId,
      summary: 'Changed who can see case reviews',
      before: { groups: was.join(', ') },
      after: { groups: after.join(', ') },
    })
  })
  return true
}
