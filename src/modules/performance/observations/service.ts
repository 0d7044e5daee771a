import { randomUUID } from 'node:crypto'
import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { recordAudit } from '../../../platform/audit.ts'
import { NotFoundError } from '../../../platform/errors.ts'
import { insertInChunks } from '../../../platform/imports/index.ts'
import type { Actor } from '../../../platform/permissions.ts'
import type { Period } from '../periods.ts'
import { indicators, observations } from '../schema.ts'
import { valueText } from './values.ts'

/**
 * Writing observations, from an import or by hand, the one way: a value the same as the current
 * one is left alone ("unchanged"); a different one supersedes it (the old row keeps its value and
 * gets `superseded_at` and the batch that replaced it, so the history stays) and is inserted as
 * the current one. A national file is some 30,000 values, so the current values of the rows'
 * indicators are read in one query and compared here, the superseded marked in one UPDATE and
 * the new inserted with insertInChunks.
 */
export interface ObservationInput {
  indicatorId: string
  areaCode: string
  period: Period
  value: number | null
  /** The department's symbol when the value is not published; then `value` is null. */
  suppressed: string | null
}

export interface Provenance {
  /** The import that brings the values; its own audit row (the pipeline's "applied") records them. */
  batchId?: string | null
  sourceFile?: string | null
  /** The person who entered or imported them (null for the system). */
  enteredBy: string | null
  enteredByName: string
}

export interface RecordedCounts {
  added: number
  unchanged: number
  replaced: number
}

export const observationRecordType = 'observation'

const keyOf = (indicatorId: string, areaCode: string, period: string) =>
  `${indicatorId}\u0000${areaCode}\u0000${period}`

/**
 * Records the rows inside the caller's transaction (`tx`). Without a batch (a value entered by
 * hand) it writes one audit row for what changed; with one, the import's audit row does.
 */
export async function recordObservations(
  tx: Database,
  actor: Actor,
  rows: ObservationInput[],
  provenance: Provenance,
): Promise<RecordedCounts> {
  // The same indicator, area and period twice: the later one stands (imports refuse such files).
  const wanted = new Map<string, ObservationInput>()
  for (const row of rows) wanted.set(keyOf(row.indicatorId, row.areaCode, row.period.label), row)
  if (!wanted.size) return { added: 0, unchanged: 0, replaced: 0 }
  const indicatorIds = [...new Set(rows.map((r) => r.indicatorId))]
  const areaCodes = [...new Set(rows.map((r) => r.areaCode))]
  const known = await tx
    .select({ id: indicators.id, code: indicators.code })
    .from(indicators)
    .where(and(eq(indicators.partnershipId, actor.partnershipId), inArray(indicators.id, indicatorIds)))
  if (known.length !== indicatorIds.length) throw new NotFoundError()

  const current = await tx
    .select({
      id: observations.id,
      indicatorId: observations.indicatorId,
      areaCode: observations.areaCode,
      period: observations.period,
      value: observations.value,
      suppressed: observations.suppressed,
    })
    .from(observations)
    .where(
      and(
        eq(observations.partnershipId, actor.partnershipId),
        isNull(observations.supersededAt),
        inArray(observations.indicatorId, indicatorIds),
        areaCodes.length <= 50 ? inArray(observations.areaCode, areaCodes) : undefined,
      ),
    )
  const held = new Map(current.map((o) => [keyOf(o.indicatorId, o.areaCode, o.period), o]))

  const superseded: string[] = []
  const inserts: (typeof observations.$inferInsert)[] = []
  const changes: { row: ObservationInput; was: (typeof current)[number] | undefined; id: string }[] = []
  let unchanged = 0
  for (const [key, row] of wanted) {
    const was = held.get(key)
    if (was && was.value === row.value && was.suppressed === row.suppressed) {
      unchanged++
      continue
    }
    if (was) superseded.push(was.id)
    const id = randomUUID()
    changes.push({ row, was, id })
    inserts.push({
      id,
      partnershipId: actor.partnershipId,
      indicatorId: row.indicatorId,
      areaCode: row.areaCode,
      periodType: row.period.type,
      period: row.period.label,
      periodStart: row.period.start,
      value: row.suppressed === null ? row.value : null,
      suppressed: row.suppressed,
      batchId: provenance.batchId ?? null,
      sourceFile: provenance.sourceFile ?? null,
      enteredBy: provenance.enteredBy,
      enteredByName: provenance.enteredByName,
    })
  }
  // Superseded first: the unique index allows one current row per indicator, area and period.
  if (superseded.length)
    await tx.execute(sql`
      update observations set superseded_at = now(), superseded_by_batch_id = ${provenance.batchId ?? null}::uuid
      where id = any(${sql.param(superseded)}::uuid[])`)
  await insertInChunks(tx, observations, inserts)

  const counts = { added: inserts.length - superseded.length, unchanged, replaced: superseded.length }
  if (!provenance.batchId && changes.length) await auditEntered(tx, actor, changes, known, counts)
  return counts
}

async function auditEntered(
  tx: Database,
  actor: Actor,
  changes: {
    row: ObservationInput
    was: { value: number | null; suppressed: string | null } | undefined
    id: string
  }[],
  known: { id: string; code: string }[],
  counts: RecordedCounts,
) {
  const codes = new Map(known.map((k) => [k.id, k.code]))
  const only = changes.length === 1 ? changes[0]! : null
  await recordAudit(tx, actor, {
    action: only?.was ? 'corrected' : 'recorded',
    recordType: observationRecordType,
    recordId: only?.id ?? null,
    summary: only
      ? `${only.was ? 'Corrected' : 'Entered'} ${codes.get(only.row.indicatorId)} for ${only.row.areaCode}, ${only.row.period.label}: ${valueText(only.row)}`
      : `Entered ${counts.added + counts.replaced} values (${counts.replaced} replacing earlier ones)`,
    related: known.map((k) => ({ recordType: 'indicator', recordId: k.id })),
    before: only?.was ? { value: valueText(only.was) } : undefined,
    after: only
      ? {
          indicator: codes.get(only.row.indicatorId),
          area: only.row.areaCode,
          period: only.row.period.label,
          value: valueText(only.row),
        }
      : counts,
  })
}

/** The current value of one indicator for an area and period, or null. */
export async function currentObservation(
  db: Database,
  partnershipId: string,
  indicatorId: string,
  areaCode: string,
  period: string,
) {
  const [row] = await db
    .select()
    .from(observations)
    .where(
      and(
        eq(observations.partnershipId, partnershipId),
        eq(observations.indicatorId, indicatorId),
        eq(observations.areaCode, areaCode),
        eq(observations.period, period),
        isNull(observations.supersededAt),
      ),
    )
  return row ?? null
}
