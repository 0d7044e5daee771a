import { and, asc, desc, eq, isNull, ne, sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { recordAudit } from '../../../platform/audit.ts'
import { insertAudited, updateAudited } from '../../../platform/audited-writes.ts'
import { NotFoundError, ValidationError } from '../../../platform/errors.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { isUuid } from '../../../platform/tokens.ts'
import { replaceThemeTags, themeNames, validateThemeIds } from '../../themes/index.ts'
import { standardIndicators, type StandardIndicator } from '../catalogue.ts'
import { indicators, indicatorThemes, type Indicator, type IndicatorUnit } from '../schema.ts'

/**
 * The partnership's indicator catalogue: the standard measures (catalogue.ts), added once, and its
 * own. A standard measure means what the department says it means, so a partnership may set only
 * its target, its place on the scorecard and its themes, or retire it. Every change is audited in
 * its transaction, at the version the form was opened at.
 */

/** What an own measure's form gives; a standard measure takes only `target`, `position` and `themeIds`. */
export interface IndicatorInput extends Omit<StandardIndicator, 'dfeColumn'> {
  dfeColumn: string | null
  target: number | null
  position: number | null
  themeIds: string[]
}
export type StandardIndicatorInput = Pick<IndicatorInput, 'target' | 'position' | 'themeIds'>

/** The fields a standard measure keeps as shipped. */
const definedByTheDepartment = [
  'code',
  'name',
  'subject',
  'definition',
  'unit',
  'polarity',
  'source',
  'frequency',
  'dfeColumn',
] as const

export type IndicatorSort =
  'position' | 'code' | 'name' | 'unit' | 'polarity' | 'source' | 'frequency' | 'target' | 'status'

export interface IndicatorListOptions {
  includeRetired?: boolean
  sort?: IndicatorSort
  direction?: 'asc' | 'desc'
}

export function listIndicators(db: Database, partnershipId: string, options: IndicatorListOptions = {}) {
  const column = {
    position: indicators.position,
    code: indicators.code,
    name: indicators.name,
    unit: indicators.unit,
    polarity: indicators.polarity,
    source: indicators.source,
    frequency: indicators.frequency,
    target: indicators.target,
    status: sql`${indicators.retiredAt} is not null`,
  }[options.sort ?? 'position']
  return db
    .select()
    .from(indicators)
    .where(
      and(
        eq(indicators.partnershipId, partnershipId),
        options.includeRetired ? undefined : isNull(indicators.retiredAt),
      ),
    )
    .orderBy(options.direction === 'desc' ? desc(column) : asc(column), asc(indicators.position), asc(indicators.code))
}

/** One of the partnership's indicators; 404 for another partnership's, or an id that is not one. */
export async function getIndicator(db: Database, partnershipId: string, id: string): Promise<Indicator> {
  if (!isUuid(id)) throw new NotFoundError()
  const [row] = await db
    .select()
    .from(indicators)
    .where(and(eq(indicators.partnershipId, partnershipId), eq(indicators.id, id)))
  if (!row) throw new NotFoundError()
  return row
}

/** The standard measures the partnership's catalogue does not have yet, in the catalogue's order. */
export async function missingStandardIndicators(db: Database, partnershipId: string): Promise<StandardIndicator[]> {
  const have = await db
    .select({ code: indicators.code })
    .from(indicators)
    .where(eq(indicators.partnershipId, partnershipId))
  const codes = new Set(have.map((r) => r.code))
  return standardIndicators.filter((s) => !codes.has(s.code))
}

/**
 * Adds the standard measures the partnership does not have, each audited; the ones it has are left
 * as they are (with their targets), so running it again changes nothing. Returns how many it added.
 */
export async function ensureStandardIndicators(db: Database, actor: Actor, partnershipId: string) {
  const who = { ...actor, partnershipId }
  return db.transaction(async (tx) => {
    const missing = await missingStandardIndicators(tx, partnershipId)
    let added = 0
    for (const standard of missing) {
      const position = standardIndicators.indexOf(standard) + 1
      const values = { ...standard, partnershipId, standard: true, position }
      // Two officers pressing the button at once: the second finds the measure there and adds nothing.
      const [row] = await tx.insert(indicators).values(values).onConflictDoNothing().returning({ id: indicators.id })
      if (!row) continue
      added++
      await recordAudit(tx, who, {
        action: 'created',
        recordType: 'indicator',
        recordId: row.id,
        summary: `Added the standard measure ${standard.code}: ${standard.name}`,
        after: { ...standard, position },
      })
    }
    return added
  })
}

/** The ids of the themes a measure is tagged with. */
export async function indicatorThemeIds(db: Database, indicatorId: string) {
  const rows = await db
    .select({ id: indicatorThemes.themeId })
    .from(indicatorThemes)
    .where(eq(indicatorThemes.indicatorId, indicatorId))
  return rows.map((r) => r.id)
}

/**
 * indicator_themes reaches its partnership through the indicator (it has no partnership_id of its
 * own), so the themes module's replaceThemeTags, which filters by it, cannot write it.
 */
const indicatorTags = { table: indicatorThemes, record: indicatorThemes.indicatorId }

const codeTaken = { code: 'There is already a measure with this code' }

/** Clashes the database would refuse, said field by field (the unique indexes stay the guard against a race). */
async function checkClashes(db: Database, partnershipId: string, input: IndicatorInput, exceptId?: string) {
  const errors: Record<string, string> = {}
  const standard = standardIndicators.find((s) => s.code === input.code)
  if (standard) errors.code = `${input.code} is the code of the standard measure “${standard.name}”`
  const others = await db
    .select({ code: indicators.code, dfeColumn: indicators.dfeColumn, name: indicators.name })
    .from(indicators)
    .where(and(eq(indicators.partnershipId, partnershipId), exceptId ? ne(indicators.id, exceptId) : undefined))
  if (!errors.code && others.some((o) => o.code === input.code)) Object.assign(errors, codeTaken)
  const column = input.dfeColumn
  const byColumn =
    column && (standardIndicators.find((s) => s.dfeColumn === column) ?? others.find((o) => o.dfeColumn === column))
  if (byColumn) errors.dfeColumn = `The department’s column ${column} is already read into “${byColumn.name}”`
  if (Object.keys(errors).length) throw new ValidationError(errors)
}

function checkTarget(unit: IndicatorUnit, target: number | null) {
  if (unit === 'percentage' && target !== null && target > 100)
    throw new ValidationError({ target: 'A percentage target must be between 0 and 100' })
}

async function nextPosition(db: Database, partnershipId: string) {
  const [row] = await db
    .select({ last: sql<number>`coalesce(max(${indicators.position}), 0)::int` })
    .from(indicators)
    .where(eq(indicators.partnershipId, partnershipId))
  return row!.last + 1
}

/** A partnership's own measure. */
export async function createIndicator(db: Database, actor: Actor, input: IndicatorInput) {
  await checkClashes(db, actor.partnershipId, input)
  checkTarget(input.unit, input.target)
  const chosen = await validateThemeIds(db, actor.partnershipId, input.themeIds)
  const { themeIds, ...rest } = input
  const values = { ...rest, standard: false, position: rest.position ?? (await nextPosition(db, actor.partnershipId)) }
  return insertAudited(db, actor, indicators, values, {
    recordType: 'indicator',
    summary: `Added the measure ${input.code}: ${input.name}`,
    conflict: codeTaken,
    after: { ...values, themes: chosen.map((t) => t.name).join(', ') },
    alsoWrite: (tx, id) => replaceThemeTags(tx, indicatorTags, actor.partnershipId, id, themeIds),
  })
}

/**
 * Changes a measure at `version`. For a standard measure, any of the department's fields that
 * differs from what is saved is refused, not ignored: the form does not offer them, so one posted
 * is a mistake to report.
 */
export async function updateIndicator(
  db: Database,
  actor: Actor,
  id: string,
  version: number,
  input: IndicatorInput | StandardIndicatorInput,
) {
  const before = await getIndicator(db, actor.partnershipId, id)
  const { themeIds, ...rest } = input
  if (before.standard) refuseStandardChanges(before, rest)
  else await checkClashes(db, actor.partnershipId, input as IndicatorInput, id)
  const set = before.standard
    ? { target: rest.target, position: rest.position ?? before.position }
    : { ...rest, position: rest.position ?? before.position }
  checkTarget((set as Partial<IndicatorInput>).unit ?? before.unit, set.target)
  const kept = await indicatorThemeIds(db, id)
  const chosen = await validateThemeIds(db, actor.partnershipId, themeIds, { kept })
  return updateAudited(
    db,
    actor,
    indicators,
    {
      id,
      version,
      before,
      set,
      described: {
        before: { themes: (await themeNames(db, kept)).join(', ') },
        after: { themes: chosen.map((t) => t.name).join(', ') },
      },
      alsoWrite: (tx) => replaceThemeTags(tx, indicatorTags, actor.partnershipId, id, themeIds),
    },
    { recordType: 'indicator', summary: `Changed the measure ${before.code}`, conflict: codeTaken },
  )
}

function refuseStandardChanges(before: Indicator, posted: Record<string, unknown>) {
  const errors: Record<string, string> = {}
  for (const field of definedByTheDepartment)
    if (field in posted && posted[field] !== before[field])
      errors[field] =
        'A standard measure keeps the department’s definition: only its target, position and themes can change'
  if (Object.keys(errors).length) throw new ValidationError(errors)
}

/** Retires a measure (it leaves the scorecard and keeps its observations) or restores it. */
export async function setIndicatorRetired(db: Database, actor: Actor, id: string, version: number, retired: boolean) {
  const before = await getIndicator(db, actor.partnershipId, id)
  if (Boolean(before.retiredAt) === retired) return false
  return updateAudited(
    db,
    actor,
    indicators,
    { id, version, before, set: { retiredAt: retired ? new Date() : null } },
    {
      recordType: 'indicator',
      action: retired ? 'retired' : 'restored',
      summary: `${retired ? 'Retired' : 'Restored'} the measure ${before.code}`,
    },
  )
}
