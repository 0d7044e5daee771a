import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { changedFields, recordAudit } from '../../../platform/audit.ts'
import { isConflict } from '../../../platform/audited-writes.ts'
import { StaleEditError, ValidationError, type FieldErrors } from '../../../platform/errors.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { partnerships } from '../../../platform/schema.ts'
import { areaByCode, findArea, type Area } from '../areas.ts'
import { observations, performanceSettings } from '../schema.ts'

/**
 * The partnership's own local authority and its statistical neighbours (usually the department's
 * ten most similar authorities), which the scorecard compares it with. One row per partnership;
 * until it is saved, the own authority is the partnership's local authority code and there are no
 * neighbours.
 */

export const maxNeighbours = 15

export interface Comparators {
  areaCode: string | null
  neighbourCodes: string[]
  /** null until the settings are first saved. */
  version: number | null
}

export async function getComparators(db: Database, partnershipId: string): Promise<Comparators> {
  const [settings] = await db
    .select()
    .from(performanceSettings)
    .where(eq(performanceSettings.partnershipId, partnershipId))
  if (settings)
    return { areaCode: settings.areaCode, neighbourCodes: settings.neighbourCodes, version: settings.version }
  const [partnership] = await db
    .select({ code: partnerships.localAuthorityCode })
    .from(partnerships)
    .where(eq(partnerships.id, partnershipId))
  const own = partnership?.code ? findArea(partnership.code) : undefined
  return { areaCode: own?.level === 'local-authority' ? own.code : null, neighbourCodes: [], version: null }
}

export interface ComparatorsInput {
  areaCode: string
  /** In the order the partnership lists them; blank entries (an unused row of the form) are skipped. */
  neighbourCodes: readonly string[]
  /** The version the form was opened at; null or absent for the first save. */
  version?: number | null
}

const authority = (code: string): Area | undefined => {
  const area = code ? findArea(code) : undefined
  return area?.level === 'local-authority' ? area : undefined
}

/**
 * Checks the choice: known English local authorities, not the own one, none twice, at most 15.
 * Errors are keyed `areaCode` and `neighbourCodes-<n>` (n: the entry's place in the list given,
 * blanks included, so a form's rows line up with their messages).
 */
export function checkComparators(input: ComparatorsInput) {
  const errors: FieldErrors = {}
  const own = authority(input.areaCode.trim())
  if (!own) errors.areaCode = 'Select the partnership’s local authority from the list'
  const chosen: Area[] = []
  input.neighbourCodes.forEach((raw, index) => {
    const code = raw.trim()
    if (!code) return
    const field = `neighbourCodes-${index}`
    const area = authority(code)
    if (!area) errors[field] = `Neighbour ${index + 1}: select an English local authority from the list`
    else if (own && area.code === own.code)
      errors[field] =
        `Neighbour ${index + 1}: ${area.name} is the partnership’s own authority, so it cannot be its neighbour`
    else if (chosen.some((c) => c.code === area.code))
      errors[field] = `Neighbour ${index + 1}: ${area.name} is listed twice`
    else chosen.push(area)
  })
  if (chosen.length > maxNeighbours) errors.neighbourCodes = `List at most ${maxNeighbours} neighbours`
  if (Object.keys(errors).length) throw new ValidationError(errors)
  return { areaCode: own!.code, neighbourCodes: chosen.map((a) => a.code) }
}

const names = (codes: readonly string[]) => codes.map((code) => areaByCode(code)?.name ?? code).join(', ')

/** Saves the own authority and neighbours, audited, at the version the form was opened at. Returns false when nothing changed. */
export async function saveComparators(db: Database, actor: Actor, partnershipId: string, input: ComparatorsInput) {
  const chosen = checkComparators(input)
  const who = { ...actor, partnershipId }
  const described = (c: { areaCode: string | null; neighbourCodes: readonly string[] }) => ({
    areaCode: c.areaCode,
    authority: c.areaCode ? (areaByCode(c.areaCode)?.name ?? c.areaCode) : null,
    neighbourCodes: c.neighbourCodes.join(', '),
    neighbours: names(c.neighbourCodes),
  })
  const audit = { recordType: 'performance-settings', recordId: partnershipId }
  try {
    return await db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(performanceSettings)
        .where(eq(performanceSettings.partnershipId, partnershipId))
      if (!current) {
        if (input.version) throw new StaleEditError()
        await tx.insert(performanceSettings).values({ partnershipId, ...chosen })
        await recordAudit(tx, who, {
          ...audit,
          action: 'created',
          summary: `Set the partnership’s authority and ${chosen.neighbourCodes.length} statistical neighbours`,
          after: described(chosen),
        })
        return true
      }
      if (input.version !== current.version) throw new StaleEditError()
      const diff = changedFields(described(current), described(chosen))
      if (!diff.changed.length) return false
      const updated = await tx
        .update(performanceSettings)
        .set({ ...chosen, version: sql`${performanceSettings.version} + 1`, updatedAt: new Date() })
        .where(
          and(eq(performanceSettings.partnershipId, partnershipId), eq(performanceSettings.version, current.version)),
        )
        .returning({ version: performanceSettings.version })
      if (!updated.length) throw new StaleEditError()
      await recordAudit(tx, who, {
        ...audit,
        action: 'updated',
        summary: 'Changed the partnership’s authority or statistical neighbours',
        before: diff.before,
        after: diff.after,
      })
      return true
    })
  } catch (error) {
    // Two first saves at once: the second finds the row the first made.
    if (isConflict(error)) throw new StaleEditError()
    throw error
  }
}

/** The area's current values of the measures, by "<indicator id> <period>", for years. */
export async function ownValues(
  db: Database,
  partnershipId: string,
  indicatorIds: readonly string[],
  areaCode: string,
) {
  const values = new Map<string, number | null>()
  if (!indicatorIds.length) return values
  const rows = await db
    .select({ indicatorId: observations.indicatorId, period: observations.period, value: observations.value })
    .from(observations)
    .where(
      and(
        eq(observations.partnershipId, partnershipId),
        inArray(observations.indicatorId, [...indicatorIds]),
        eq(observations.areaCode, areaCode),
        eq(observations.periodType, 'year'),
        isNull(observations.supersededAt),
      ),
    )
  for (const row of rows) values.set(`${row.indicatorId} ${row.period}`, row.value)
  return values
}
