import type { Database } from '../db/index.ts'
import type { ReportingYear } from './reporting-years.ts'

/**
 * A figure is a number computed from records by a named function, for a partnership and a
 * reporting year, that knows how to say itself in prose and links to the records it counts. Figures
 * live in the module that owns the records (`figures` in its definition); the reports and every
 * dashboard only ask for them. No figure is ever typed.
 */
export const figureUnits = ['count', 'percentage', 'rate-per-10000', 'days', 'pounds'] as const
export type FigureUnit = (typeof figureUnits)[number]

/**
 * How the figure reads in prose. `exact`: "153". `over`/`more-than`: rounded down to a multiple
 * of `to` and said as "over 150" / "more than 9,000" (exact when the value is a multiple, or
 * below `to`). `about`: rounded to the nearest multiple of `to`, "about 150".
 */
export type Rounding =
  { kind: 'exact' } | { kind: 'over'; to: number } | { kind: 'more-than'; to: number } | { kind: 'about'; to: number }

export interface FigureContext {
  partnershipId: string
  year: ReportingYear
}

export interface FigureResult {
  /** null when the source could not give a value; `problem` says why. */
  value: number | null
  /** The list of exactly the records counted: a filtered list page of the owning module. */
  link: string | null
  /** What is wrong with the source, in plain English; a report cannot be approved while one is set. */
  problem?: string
}

export interface FigureDefinition {
  /** kebab-case, unique within its module; the figure's name is `module.key`. */
  key: string
  /** "People who sat on the board". */
  label: string
  /** What it counts and how, in plain English, shown on the figures page. */
  definition: string
  unit: FigureUnit
  rounding: Rounding
  compute: (db: Database, context: FigureContext) => Promise<FigureResult>
}

/** A computed figure, as the reports, the figures pages and the CLI show it. */
export interface Figure {
  module: string
  key: string
  /** `module.key`: what a narrative placeholder names. */
  name: string
  label: string
  definition: string
  unit: FigureUnit
  value: number | null
  /** The value with its unit: "9,342", "12.5%", "£42,000". */
  display: string
  /** The value as prose says it: "over 9,000". */
  prose: string
  link: string | null
  problem: string | null
}

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 })

/** The value with its unit, exactly. */
export function displayValue(value: number | null, unit: FigureUnit): string {
  if (value === null) return 'not available'
  switch (unit) {
    case 'percentage':
      return `${numberFormat.format(value)}%`
    case 'pounds':
      return `£${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(value)}`
    case 'days':
      return `${numberFormat.format(value)} ${value === 1 ? 'day' : 'days'}`
    case 'rate-per-10000':
      return `${numberFormat.format(value)} per 10,000 children`
    default:
      return numberFormat.format(value)
  }
}

/** The value as a sentence says it, by the figure's rounding rule. */
export function proseValue(value: number | null, unit: FigureUnit, rounding: Rounding): string {
  if (value === null || rounding.kind === 'exact' || !(rounding.to > 0)) return displayValue(value, unit)
  const { to } = rounding
  if (rounding.kind === 'about') {
    const rounded = Math.round(value / to) * to
    // "about 0" says nothing true: a value that small is said exactly.
    return rounded === value || rounded <= 0 ? displayValue(value, unit) : `about ${displayValue(rounded, unit)}`
  }
  const floor = Math.floor(value / to) * to
  if (floor === value || floor <= 0) return displayValue(value, unit)
  return `${rounding.kind === 'over' ? 'over' : 'more than'} ${displayValue(floor, unit)}`
}

export async function computeFigure(
  db: Database,
  module: string,
  definition: FigureDefinition,
  context: FigureContext,
): Promise<Figure> {
  let result: FigureResult
  try {
    result = await definition.compute(db, context)
  } catch (error) {
    // A figure whose source fails is reported, never silently dropped or shown as zero.
    result = { value: null, link: null, problem: `The figure could not be worked out: ${(error as Error).message}` }
  }
  const value = result.value
  return {
    module,
    key: definition.key,
    name: `${module}.${definition.key}`,
    label: definition.label,
    definition: definition.definition,
    unit: definition.unit,
    value,
    display: displayValue(value, definition.unit),
    prose: proseValue(value, definition.unit, definition.rounding),
    link: result.link,
    problem: result.problem ?? (value === null ? 'The source gave no value.' : null),
  }
}
