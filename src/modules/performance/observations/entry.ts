import { and, eq } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import type { Query } from '../../../platform/lists.ts'
import { isUuid } from '../../../platform/tokens.ts'
import { areaByCode, englandCode } from '../areas.ts'
import { observations } from '../schema.ts'
import { comparatorsFor } from '../series.ts'
import { valueText } from './values.ts'

/** The partnership's own authority, else England: the area a value is most often entered for. */
export async function ownAreaCode(db: Database, partnershipId: string) {
  return (await comparatorsFor(db, partnershipId))?.own ?? englandCode
}

/** "Saved 47.9 for Oxfordshire, 2016/17", or that it was already so, from the observation the save redirected with. */
export async function enteredValueBanner(db: Database, partnershipId: string, indicator: { id: string }, query: Query) {
  const id = String(query.saved ?? query.unchanged ?? '')
  if (!isUuid(id)) return null
  const [saved] = await db
    .select()
    .from(observations)
    .where(
      and(
        eq(observations.id, id),
        eq(observations.partnershipId, partnershipId),
        eq(observations.indicatorId, indicator.id),
      ),
    )
  if (!saved) return null
  const where = `${areaByCode(saved.areaCode)?.name ?? saved.areaCode}, ${saved.period}`
  return query.saved
    ? `Saved ${valueText(saved)} for ${where}`
    : `No change: the value for ${where} was already ${valueText(saved)}`
}
