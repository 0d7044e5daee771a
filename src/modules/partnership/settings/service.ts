import { eq } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { updateAudited } from '../../../platform/audited-writes.ts'
import { NotFoundError } from '../../../platform/errors.ts'
import { forgetPublicPartnership } from '../../../platform/public-site.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { partnerships } from '../../../platform/schema.ts'

/** The partnership's own details: its name, area, reporting year and what it is called. */

export interface PartnershipInput {
  name: string
  shortName: string
  area: string
  localAuthorityCode: string
  yearStartMonth: number
  terminology: 'board' | 'partnership'
}

export async function getPartnership(db: Database, partnershipId: string) {
  const [row] = await db.select().from(partnerships).where(eq(partnerships.id, partnershipId))
  if (!row) throw new NotFoundError()
  return row
}

export async function updatePartnership(db: Database, actor: Actor, version: number, input: PartnershipInput) {
  const before = await getPartnership(db, actor.partnershipId)
  const changed = await updateAudited(
    db,
    actor,
    partnerships,
    { id: actor.partnershipId, version, before, set: input },
    { recordType: 'partnership', summary: 'Changed the partnership’s details' },
  )
  // The public pages show the new name at once, not after their cache expires.
  if (changed) forgetPublicPartnership(db)
  return changed
}
