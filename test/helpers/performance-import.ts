import type { DfeFileRow } from '../../src/modules/performance/imports/dfe-file.ts'

/** What the performance import tests share: the areas, measures and a small department file. */
export const oxfordshire = 'E10000025'
export const buckinghamshire = 'E10000002'
export const southEast = 'E12000008'
export const england = 'E92000001'
export const measures = ['cpp_rate', 'rereferrals_percent'] as const

let fileNumber = 0
export const file = (text: string) => ({ fileName: `dfe-${++fileNumber}.csv`, content: Buffer.from(text) })

/**
 * Four areas for one year: England, the South East, Oxfordshire, and Buckinghamshire by its old code only.
 * Every partnership holds the demo's values for 2010/11 to 2016/17 (seed-data.ts), so the tests that
 * count what an import adds use earlier years; one takes a file over the demo's years on purpose.
 */
export const fourAreas = (startYear: number, cpp = 47.9): DfeFileRow[] => [
  { area: england, startYear, values: { cpp_rate: 43.3, rereferrals_percent: 21.9 } },
  { area: southEast, startYear, values: { cpp_rate: 40.1, rereferrals_percent: 'c' } },
  { area: oxfordshire, startYear, values: { cpp_rate: cpp, rereferrals_percent: 23.4 } },
  { area: buckinghamshire, startYear, oldCodeOnly: true, values: { cpp_rate: 'x', rereferrals_percent: 19 } },
]
