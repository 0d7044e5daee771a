import { displayValue } from '../../platform/figures.ts'
import { capitalise } from '../../platform/forms.ts'
import { parsePeriod, previousPeriod, type Period } from './periods.ts'
import type { IndicatorUnit, PeriodType, Polarity } from './schema.ts'

/**
 * Where an indicator stands, judged from its series alone (no database): the direction of travel,
 * a RAG rating that respects its polarity and target, and the three exceptions the issue names —
 * worse than both England and the statistical neighbours, moving the wrong way for several periods
 * in a row, and growing faster than both (the seed paper's child protection finding). Each
 * exception says why in one sentence with its numbers, and has a sentence without numbers for the
 * annual report's narrative, whose numbers are figures.
 */

/** One period's value; null when it is suppressed or missing. */
export interface Point {
  period: string
  value: number | null
}

export interface JudgedIndicator {
  name: string
  /** How prose names it: "children subject to child protection plans". */
  subject: string
  unit: IndicatorUnit
  polarity: Polarity
  target: number | null
}

export type Direction = 'up' | 'down' | 'same'
export type Travel = 'improving' | 'worsening' | 'no-change' | 'up' | 'down'
export type Rag = 'green' | 'amber' | 'red'

/** How far short of its target a value may be and still be amber: 5% of the target. */
export const amberTolerance = 0.05

export const valueIn = (points: readonly Point[], period: string) =>
  points.find((p) => p.period === period)?.value ?? null

/** The period `n` before (n = 0: itself). */
export function periodsBack(period: Period, n: number): Period {
  let result = period
  for (let i = 0; i < n; i++) result = previousPeriod(result)
  return result
}

/** Periods per year of a period type: growth over "three years" is 3, 12 or 36 periods back. */
export const periodsPerYear: Record<PeriodType, number> = { year: 1, quarter: 4, month: 12 }

export function directionOf(value: number | null, previous: number | null): Direction | null {
  if (value === null || previous === null) return null
  return value > previous ? 'up' : value < previous ? 'down' : 'same'
}

/** "Improving" or "worsening" where the polarity says which way is better; "up" or "down" where it does not. */
export function travelOf(direction: Direction | null, polarity: Polarity): Travel | null {
  if (direction === null) return null
  if (direction === 'same') return 'no-change'
  if (polarity === 'no-judgement') return direction
  return (direction === 'up') === (polarity === 'higher-is-better') ? 'improving' : 'worsening'
}

/** Whether `a` is worse than `b` for this polarity (never, when the polarity makes no judgement). */
export function isWorse(a: number, b: number, polarity: Polarity) {
  if (polarity === 'higher-is-better') return a < b
  if (polarity === 'lower-is-better') return a > b
  return false
}

/**
 * RAG against the target when there is one: met or beaten is green, short by no more than 5% of
 * the target amber, further red. Without a target, against the comparators: no worse than England
 * and the neighbours green, worse than one amber, worse than both red. None for a measure of
 * activity (no judgement), for a missing value, or when there is nothing to judge against.
 */
export function ragOf(
  indicator: Pick<JudgedIndicator, 'polarity' | 'target'>,
  value: number | null,
  comparators: { england: number | null; neighbours: number | null },
): { rag: Rag; basis: 'target' | 'comparators' } | null {
  const { polarity, target } = indicator
  if (value === null || polarity === 'no-judgement') return null
  if (target !== null) {
    if (!isWorse(value, target, polarity)) return { rag: 'green', basis: 'target' }
    const shortBy = Math.abs(value - target)
    return { rag: shortBy <= Math.abs(target) * amberTolerance ? 'amber' : 'red', basis: 'target' }
  }
  const against = [comparators.england, comparators.neighbours].filter((c): c is number => c !== null)
  if (!against.length) return null
  const worseThan = against.filter((c) => isWorse(value, c, polarity)).length
  const rag: Rag = worseThan === 0 ? 'green' : worseThan === against.length && against.length === 2 ? 'red' : 'amber'
  return { rag, basis: 'comparators' }
}

export type ExceptionKind = 'worse-than-comparators' | 'wrong-way' | 'growing-faster'

export interface PerformanceException {
  kind: ExceptionKind
  /** Why, in one sentence with the numbers: for the scorecard and the exceptions page. */
  sentence: string
  /** The same finding without numbers, for a report's narrative (its numbers are figures). */
  narrative: string
}

export interface ExceptionInput {
  indicator: JudgedIndicator
  /** The period judged: "2016/17". */
  period: string
  own: readonly Point[]
  england: readonly Point[]
  /** The statistical neighbours' average per period. */
  neighbours: readonly Point[]
  /** Changes in a row in the wrong direction that make an exception. */
  wrongWayPeriods: number
  /** Years over which growth is compared. */
  growthYears: number
}

const percent = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 })
const numberWords = [
  'no',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
]
const unitWords: Record<PeriodType, [string, string]> = {
  year: ['year', 'years'],
  quarter: ['quarter', 'quarters'],
  month: ['month', 'months'],
}

/** Growth from `from` to `to` as a fraction, or null when it cannot be worked out (no value, or a start of 0). */
export function growth(points: readonly Point[], from: string, to: string): number | null {
  const start = valueIn(points, from)
  const end = valueIn(points, to)
  return start === null || end === null || start <= 0 ? null : end / start - 1
}

export function exceptionsOf(input: ExceptionInput): PerformanceException[] {
  const { indicator, own, england, neighbours } = input
  const period = parsePeriod(input.period)
  const value = valueIn(own, input.period)
  if (!period || value === null) return []
  const show = (v: number) => displayValue(v, indicator.unit)
  const subject = capitalise(indicator.subject)
  const found: PerformanceException[] = []

  const e = valueIn(england, input.period)
  const n = valueIn(neighbours, input.period)
  if (e !== null && n !== null && isWorse(value, e, indicator.polarity) && isWorse(value, n, indicator.polarity)) {
    const side = indicator.polarity === 'lower-is-better' ? ['higher', 'lower'] : ['lower', 'higher']
    found.push({
      kind: 'worse-than-comparators',
      sentence: `${subject} stood at ${show(value)} in ${input.period}, ${side[0]} than England (${show(e)}) and statistical neighbours (${show(n)}); ${side[1]} is better.`,
      narrative: `${subject} compare poorly with both the national average and the average of similar authorities.`,
    })
  }

  const steps = input.wrongWayPeriods
  if (indicator.polarity !== 'no-judgement' && steps > 0) {
    const chain = Array.from({ length: steps + 1 }, (_, i) => periodsBack(period, steps - i).label)
    const values = chain.map((label) => valueIn(own, label))
    const wrongWay = values.every((v, i) => v !== null && (i === 0 || isWorse(v, values[i - 1]!, indicator.polarity)))
    if (wrongWay) {
      const verb = values[steps]! > values[0]! ? 'rose' : 'fell'
      const [one, many] = unitWords[period.type]
      found.push({
        kind: 'wrong-way',
        sentence: `${subject} ${verb} in each of the last ${steps} ${steps === 1 ? one : many}, from ${show(values[0]!)} in ${chain[0]} to ${show(value)} in ${input.period}.`,
        narrative: `${subject} moved the wrong way in each of the last ${numberWords[steps] ?? steps} ${steps === 1 ? one : many}.`,
      })
    }
  }

  if (indicator.polarity !== 'higher-is-better' && input.growthYears > 0) {
    const from = periodsBack(period, input.growthYears * periodsPerYear[period.type]).label
    const ownGrowth = growth(own, from, input.period)
    const englandGrowth = growth(england, from, input.period)
    const neighbourGrowth = growth(neighbours, from, input.period)
    if (
      ownGrowth !== null &&
      englandGrowth !== null &&
      neighbourGrowth !== null &&
      ownGrowth > 0 &&
      ownGrowth > englandGrowth &&
      ownGrowth > neighbourGrowth
    ) {
      const pc = (g: number) => `${percent.format(g * 100)}%`
      found.push({
        kind: 'growing-faster',
        sentence: `${subject} rose by ${pc(ownGrowth)} from ${from} to ${input.period}, faster than England (${pc(englandGrowth)}) and statistical neighbours (${pc(neighbourGrowth)}).`,
        narrative: `The rate of growth of ${indicator.subject} is higher than both the national average and the average of similar authorities.`,
      })
    }
  }
  return found
}
