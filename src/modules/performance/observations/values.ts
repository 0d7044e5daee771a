import type { IndicatorUnit } from '../schema.ts'

/**
 * A value as files and people write it: a number, or the department's symbol for a value it does
 * not publish, stored as suppressed (never as zero). The department's data screener accepts "c"
 * (confidential), "x" (not available), "z" (not applicable) and "low" (rounds to zero but is not
 * zero), and names "~" and ":" as the symbols older files used; its older tables also wrote "..".
 * The GSS shorthand "k" and "u" are not the department's, so they are refused like any other word.
 */
export const suppressionSymbols = ['c', 'x', 'z', 'low', '..', '~', ':'] as const

export type ParsedValue =
  { value: number; suppressed: null } | { value: null; suppressed: string } | { problem: string }

const thousands = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/

/** "47.9", "1,234", "23.4%", "c" → a value or a symbol; anything else → what is wrong, for the error report. */
export function parseValue(raw: string): ParsedValue {
  const text = raw.trim()
  const symbol = text.toLowerCase()
  if ((suppressionSymbols as readonly string[]).includes(symbol)) return { value: null, suppressed: symbol }
  const plain = (thousands.test(text) ? text.replace(/,/g, '') : text).replace(/%$/, '').trim()
  const value = /^[-+]?(\d+\.?\d*|\.\d+)$/.test(plain) ? Number(plain) : Number.NaN
  if (!Number.isFinite(value))
    return {
      problem: `“${text.slice(0, 40)}” is not a number or one of the department’s symbols (${suppressionSymbols.join(', ')})`,
    }
  return { value, suppressed: null }
}

/** A value the unit cannot hold: a percentage over 100, or anything below 0. */
export function rangeProblem(value: number, unit: IndicatorUnit): string | null {
  if (value < 0) return `${value} is below 0: a value must be 0 or more`
  if (unit === 'percentage' && value > 100) return `${value} is over 100: a percentage must be 100 or less`
  return null
}

/** How a stored value reads: "47.9", or "suppressed (c)". */
export function valueText(observation: { value: number | null; suppressed: string | null }) {
  return observation.suppressed !== null ? `suppressed (${observation.suppressed})` : String(observation.value)
}
