import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import type { Actor } from '../../../platform/permissions.ts'
import type { ObservationInput } from '../observations/service.ts'
import { indicators, type IndicatorUnit } from '../schema.ts'

/** The catalogue as an import reads it: each indicator's code, unit and department column. */
export interface CatalogueEntry {
  id: string
  code: string
  name: string
  unit: IndicatorUnit
  dfeColumn: string | null
  retired: boolean
}

export async function importCatalogue(db: Database, partnershipId: string): Promise<CatalogueEntry[]> {
  const rows = await db
    .select({
      id: indicators.id,
      code: indicators.code,
      name: indicators.name,
      unit: indicators.unit,
      dfeColumn: indicators.dfeColumn,
      retiredAt: indicators.retiredAt,
    })
    .from(indicators)
    .where(eq(indicators.partnershipId, partnershipId))
    .orderBy(asc(indicators.position), asc(indicators.name))
  return rows.map(({ retiredAt, ...row }) => ({ ...row, retired: retiredAt !== null }))
}

/** The measures the department's files can give: the catalogue's indicators with a column, not retired. */
export async function measureItems(db: Database, actor: Actor) {
  const rows = await db
    .select({ code: indicators.code, name: indicators.name, dfeColumn: indicators.dfeColumn })
    .from(indicators)
    .where(
      and(
        eq(indicators.partnershipId, actor.partnershipId),
        isNotNull(indicators.dfeColumn),
        isNull(indicators.retiredAt),
      ),
    )
    .orderBy(asc(indicators.position), asc(indicators.name))
  return rows.map((r) => ({ value: r.code, text: `${r.name} (${r.dfeColumn})` }))
}

/** What a file comes to: the values to record, the problems that stop it, and notes. */
export interface ObservationPlan {
  observations: ObservationInput[]
  errors: { line: number | null; column: string | null; problem: string }[]
  notes: string[]
}

/** A row whose key (area and period, or indicator, area and period) an earlier line holds: an error on this line. */
export function duplicateFinder(what: string) {
  const seen = new Map<string, number>()
  return (key: string, line: number) => {
    const first = seen.get(key)
    if (first === undefined) {
      seen.set(key, line)
      return null
    }
    return { line, column: null, problem: `The same ${what} is on line ${first}` }
  }
}

/** The plan's observations for apply(): refuses a plan with errors (the pipeline checked it just before). */
export function plannedObservations(plan: ObservationPlan) {
  if (plan.errors.length) throw new Error(`The file has ${plan.errors.length} errors now`)
  return plan.observations
}

export const listed = (items: string[], max = 20) =>
  items.length > max ? `${items.slice(0, max).join(', ')} and ${items.length - max} more` : items.join(', ')
