import type { Frequency, IndicatorUnit, Polarity } from './schema.ts'

/**
 * How pages, forms, downloads, charts, the report and the audit log name the catalogue's codes:
 * the one place, so the catalogue, the indicator page and the report's figures say the same.
 */

export const unitLabels: Record<IndicatorUnit, string> = {
  'rate-per-10000': 'Rate per 10,000 children',
  percentage: 'Percentage',
  count: 'Number',
  days: 'Days',
}

export const polarityLabels: Record<Polarity, string> = {
  'higher-is-better': 'Higher is better',
  'lower-is-better': 'Lower is better',
  'no-judgement': 'Neither: a measure of activity, not judged',
}

export const frequencyLabels: Record<Frequency, string> = {
  annual: 'Every year',
  quarterly: 'Every quarter',
  monthly: 'Every month',
}

/** A value in its unit, as the department publishes it: one decimal place; "47.9%", "47.9", "120". */
export function formatValue(value: number | null | undefined, unit: IndicatorUnit) {
  if (value === null || value === undefined) return ''
  if (unit === 'count' || unit === 'days')
    return value.toLocaleString('en-GB', { maximumFractionDigits: Number.isInteger(value) ? 0 : 1 })
  const text = value.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })
  return unit === 'percentage' ? `${text}%` : text
}
