import type { Frequency, IndicatorUnit, Polarity } from './schema.ts'

/** How pages and downloads name the catalogue's codes. */

export const unitLabels: Record<IndicatorUnit, string> = {
  'rate-per-10000': 'Rate per 10,000 children',
  percentage: 'Percentage',
  count: 'Count',
  days: 'Days',
}

export const polarityLabels: Record<Polarity, string> = {
  'higher-is-better': 'Higher is better',
  'lower-is-better': 'Lower is better',
  'no-judgement': 'No judgement',
}

export const frequencyLabels: Record<Frequency, string> = {
  annual: 'Annual',
  quarterly: 'Quarterly',
  monthly: 'Monthly',
}

/** A value in its unit, as the department publishes it: one decimal place; "47.9%", "47.9", "120". */
export function formatValue(value: number | null | undefined, unit: IndicatorUnit) {
  if (value === null || value === undefined) return ''
  if (unit === 'count' || unit === 'days')
    return value.toLocaleString('en-GB', { maximumFractionDigits: Number.isInteger(value) ? 0 : 1 })
  const text = value.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })
  return unit === 'percentage' ? `${text}%` : text
}
