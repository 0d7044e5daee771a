import { and, asc, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Database } from '../../../db/index.ts'
import { insertAudited, updateAudited } from '../../../platform/audited-writes.ts'
import { importBatches } from '../../../platform/imports/schema.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { englandCode } from '../areas.ts'
import { indicatorCommentary, observations, type Indicator } from '../schema.ts'
import type { Comparators } from '../series.ts'

/**
 * One indicator's page: the indicator (only the partnership's own), the business unit's
 * commentary per period, its observations for the comparator areas as the data download holds
 * them, and the values later ones replaced.
 */
export type Commentary = typeof indicatorCommentary.$inferSelect

export function commentaryOf(db: Database, partnershipId: string, indicatorId: string) {
  return db
    .select()
    .from(indicatorCommentary)
    .where(and(eq(indicatorCommentary.partnershipId, partnershipId), eq(indicatorCommentary.indicatorId, indicatorId)))
}

export async function commentaryFor(db: Database, partnershipId: string, indicatorId: string, period: string) {
  const [row] = await db
    .select()
    .from(indicatorCommentary)
    .where(
      and(
        eq(indicatorCommentary.partnershipId, partnershipId),
        eq(indicatorCommentary.indicatorId, indicatorId),
        eq(indicatorCommentary.period, period),
      ),
    )
  return row ?? null
}

export const commentaryRecordType = 'indicator-commentary'

/**
 * Writes the commentary for a period: a new one, or the one there at the version the form opened
 * at (StaleEditError when someone saved it since). Returns false when nothing changed.
 */
export async function saveCommentary(
  db: Database,
  actor: Actor,
  indicator: Indicator,
  period: string,
  input: { markdown: string; version: number | null },
) {
  const existing = await commentaryFor(db, actor.partnershipId, indicator.id, period)
  const audit = {
    recordType: commentaryRecordType,
    summary: `Commentary on ${indicator.name} for ${period}`,
    related: [{ recordType: 'indicator', recordId: indicator.id }],
    conflict: { markdown: 'Someone else has just written commentary for this period. Open the form again to see it.' },
  }
  const writer = { writtenBy: actor.kind === 'user' ? actor.id : null, writtenByName: actor.name }
  if (!existing || input.version === null) {
    await insertAudited(
      db,
      actor,
      indicatorCommentary,
      { indicatorId: indicator.id, period, markdown: input.markdown, ...writer },
      { ...audit, summary: `Added commentary on ${indicator.name} for ${period}` },
    )
    return true
  }
  return updateAudited(
    db,
    actor,
    indicatorCommentary,
    { id: existing.id, version: input.version, before: existing, set: { markdown: input.markdown, ...writer } },
    { ...audit, summary: `Changed commentary on ${indicator.name} for ${period}` },
  )
}

/** The areas an indicator's page and its data download are about: own, England, region, each neighbour. */
export function comparatorAreas(comparators: Comparators | null) {
  if (!comparators) return [englandCode]
  return [
    comparators.own,
    comparators.england,
    ...(comparators.region ? [comparators.region] : []),
    ...comparators.neighbours,
  ]
}

const replacedBy = alias(importBatches, 'replaced_by')
const broughtBy = alias(importBatches, 'brought_by')

const observationColumns = {
  areaCode: observations.areaCode,
  period: observations.period,
  periodStart: observations.periodStart,
  value: observations.value,
  suppressed: observations.suppressed,
  sourceFile: observations.sourceFile,
  batchFile: broughtBy.fileName,
  enteredByName: observations.enteredByName,
  enteredAt: observations.enteredAt,
}

/** The indicator's current values for the comparator areas, by period then area. */
export function currentObservations(db: Database, partnershipId: string, indicatorId: string, areaCodes: string[]) {
  return db
    .select(observationColumns)
    .from(observations)
    .leftJoin(broughtBy, eq(broughtBy.id, observations.batchId))
    .where(
      and(
        eq(observations.partnershipId, partnershipId),
        eq(observations.indicatorId, indicatorId),
        inArray(observations.areaCode, areaCodes),
        isNull(observations.supersededAt),
      ),
    )
    .orderBy(asc(observations.periodStart), asc(observations.areaCode))
}

export type ObservationRow = Awaited<ReturnType<typeof currentObservations>>[number]

/** Values a later one replaced, for any area, newest replacement first, with the file that replaced each. */
export function replacedObservations(db: Database, partnershipId: string, indicatorId: string) {
  return db
    .select({ ...observationColumns, supersededAt: observations.supersededAt, replacedByFile: replacedBy.fileName })
    .from(observations)
    .leftJoin(broughtBy, eq(broughtBy.id, observations.batchId))
    .leftJoin(replacedBy, eq(replacedBy.id, observations.supersededByBatchId))
    .where(
      and(
        eq(observations.partnershipId, partnershipId),
        eq(observations.indicatorId, indicatorId),
        isNotNull(observations.supersededAt),
      ),
    )
    .orderBy(desc(observations.supersededAt), asc(observations.periodStart), asc(observations.areaCode))
}

export type ReplacedRow = Awaited<ReturnType<typeof replacedObservations>>[number]
