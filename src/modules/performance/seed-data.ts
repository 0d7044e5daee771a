import { englandCode } from './areas.ts'

/**
 * The demo's performance data: Oxfordshire (E10000025), England, the South East and Oxfordshire's
 * ten statistical neighbours, for every standard measure from 2010/11 to 2016/17 (the demo's years
 * run to 2016/17, so 2017/18 is left out). England's 2015/16 and 2016/17 values are the
 * department's published ones (../shared/DOMAIN.md); the rest are plausible, not real.
 *
 * Shaped to say what the seed paper says (¶15) and to show each kind of exception once:
 * - the child protection plan rate grows faster than both England and the neighbours' average
 *   over the last three years (2013/14 to 2016/17), as Oxfordshire's did: about 50% from 2010/11 to
 *   2013/14 against 21% for its neighbours and 9% nationally;
 * - second or subsequent plans rise (the wrong way) in each of the last three years, while still
 *   below both comparators;
 * - assessments within 45 working days are worse than both England and the neighbours;
 * - two neighbour values are suppressed ("c"), so the neighbours' average is of 9 of 10 there.
 *
 * Everything else is built from a few series by simple formulae (no randomness, so every seed of
 * the demo is the same): each neighbour is the neighbours' series times a fixed offset whose mean
 * is zero, and the region sits halfway between England and the neighbours.
 */
export const demoOwnArea = 'E10000025'
export const southEast = 'E12000008'

/** Oxfordshire's statistical neighbours, with how far each sits from the group's series (the offsets sum to 0). */
export const demoNeighbours: readonly { code: string; offset: number }[] = [
  { code: 'E10000002', offset: -0.12 }, // Buckinghamshire
  { code: 'E10000003', offset: -0.08 }, // Cambridgeshire
  { code: 'E10000013', offset: -0.05 }, // Gloucestershire
  { code: 'E10000015', offset: -0.02 }, // Hertfordshire
  { code: 'E10000031', offset: 0 }, // Warwickshire
  { code: 'E06000037', offset: 0.02 }, // West Berkshire
  { code: 'E06000054', offset: 0.04 }, // Wiltshire
  { code: 'E06000022', offset: 0.06 }, // Bath and North East Somerset
  { code: 'E06000025', offset: 0.07 }, // South Gloucestershire
  { code: 'E06000056', offset: 0.08 }, // Central Bedfordshire
]

/** The years the demo holds, by their first calendar year: 2010/11 to 2016/17. */
export const demoYears = [2010, 2011, 2012, 2013, 2014, 2015, 2016] as const

/** Per standard measure (by code), one value per demo year for England, the neighbours' series and Oxfordshire. */
export interface DemoSeries {
  england: readonly number[]
  neighbours: readonly number[]
  own: readonly number[]
}

export const demoSeries: Record<string, DemoSeries> = {
  // Activity; Oxfordshire's falls a little over the last three years.
  'REF-RATE': {
    england: [557.1, 533.5, 520.7, 573.0, 548.3, 532.2, 548.2],
    neighbours: [470.2, 455.0, 440.8, 480.3, 468.9, 455.1, 470.6],
    own: [402.5, 395.1, 398.0, 420.2, 415.6, 409.8, 418.3],
  },
  // Lower is better; Oxfordshire stays below both.
  'REREF-PC': {
    england: [25.6, 26.4, 24.9, 23.4, 24.0, 22.5, 21.9],
    neighbours: [23.1, 22.8, 22.0, 21.5, 21.9, 20.8, 20.1],
    own: [19.8, 20.5, 18.9, 17.6, 18.4, 17.2, 16.5],
  },
  // Higher is better; Oxfordshire falls below both in 2015/16 and 2016/17: worse than both.
  'ASSESS-45-PC': {
    england: [75.2, 76.8, 77.5, 79.0, 81.5, 83.4, 82.9],
    neighbours: [76.0, 77.9, 79.2, 80.4, 82.6, 84.1, 84.0],
    own: [70.1, 72.5, 74.0, 77.8, 80.2, 76.3, 74.5],
  },
  'CIN-RATE': {
    england: [346.1, 325.7, 332.2, 346.4, 337.7, 337.3, 330.1],
    neighbours: [290.4, 281.2, 285.0, 294.6, 290.1, 288.7, 284.0],
    own: [262.0, 258.3, 265.1, 272.9, 270.4, 268.8, 266.2],
  },
  // Rising everywhere; Oxfordshire's more slowly than England's.
  'S47-RATE': {
    england: [101.1, 111.5, 111.4, 124.1, 138.2, 147.7, 157.6],
    neighbours: [95.3, 104.2, 106.8, 118.0, 130.9, 141.5, 152.3],
    own: [88.4, 97.0, 104.3, 119.5, 129.8, 138.2, 146.7],
  },
  'ICPC-RATE': {
    england: [55.2, 56.6, 56.1, 59.5, 62.6, 62.8, 65.0],
    neighbours: [50.1, 52.3, 53.0, 55.4, 58.7, 60.2, 61.9],
    own: [46.0, 50.5, 55.0, 58.1, 61.0, 62.3, 63.0],
  },
  // The seed's finding: 24.2 to 36.0 from 2010/11 to 2013/14 (49%) against the neighbours' 21% and
  // England's 10%; then 36.0 to 47.1 by 2016/17 (31%) against 6% and 3%.
  'CPP-RATE': {
    england: [38.3, 37.8, 37.9, 42.1, 42.9, 43.1, 43.3],
    neighbours: [30.0, 31.2, 32.6, 36.3, 36.9, 37.8, 38.4],
    own: [24.2, 26.8, 30.7, 36.0, 40.8, 44.6, 47.1],
  },
  'CPP-2YRS-PC': {
    england: [5.6, 5.2, 4.8, 4.5, 3.7, 3.8, 3.4],
    neighbours: [5.0, 4.7, 4.4, 4.1, 3.6, 3.5, 3.2],
    own: [4.1, 3.9, 3.5, 3.0, 2.8, 2.5, 2.2],
  },
  // Lower is better; Oxfordshire's rises in each of the last three years (the wrong way), yet stays
  // below both comparators and grows more slowly than the neighbours.
  'CPP-SECOND-PC': {
    england: [13.3, 14.9, 14.9, 15.8, 16.6, 17.9, 18.7],
    neighbours: [12.8, 13.5, 13.9, 14.0, 15.6, 16.9, 18.2],
    own: [14.1, 14.8, 15.4, 15.0, 15.9, 16.9, 17.9],
  },
  'CLA-RATE': {
    england: [58, 59, 60, 60, 60, 60, 62],
    neighbours: [42.0, 43.1, 44.5, 45.0, 46.2, 47.5, 48.9],
    own: [36.2, 37.0, 37.5, 38.8, 39.1, 39.6, 39.8],
  },
}

/** Small numbers the department did not publish: measure, neighbour, year. */
export const demoSuppressed: readonly { code: string; areaCode: string; startYear: number }[] = [
  { code: 'CPP-2YRS-PC', areaCode: 'E06000037', startYear: 2015 }, // West Berkshire 2015/16
  { code: 'CPP-2YRS-PC', areaCode: 'E06000022', startYear: 2016 }, // Bath and North East Somerset 2016/17
]

const oneDecimal = (value: number) => Math.round(value * 10) / 10

/** Every value of a standard measure by area code, then year: a string is a suppression symbol. */
export function demoValues(code: string): Map<string, Map<number, number | string>> {
  const series = demoSeries[code]
  if (!series) throw new Error(`The demo has no series for ${code}`)
  const byArea = new Map<string, Map<number, number | string>>()
  const put = (areaCode: string, at: (index: number) => number) =>
    byArea.set(areaCode, new Map(demoYears.map((year, index) => [year, oneDecimal(at(index))])))
  put(demoOwnArea, (i) => series.own[i]!)
  put(englandCode, (i) => series.england[i]!)
  put(southEast, (i) => (series.england[i]! + series.neighbours[i]!) / 2)
  for (const { code: areaCode, offset } of demoNeighbours) put(areaCode, (i) => series.neighbours[i]! * (1 + offset))
  for (const s of demoSuppressed.filter((s) => s.code === code)) byArea.get(s.areaCode)!.set(s.startYear, 'c')
  return byArea
}

/** The partnership's own measures, with their values for Oxfordshire alone (no one publishes them for others). */
export const demoOwnMeasures = [
  {
    indicator: {
      code: 'EH-STARTED',
      name: 'Early help assessments started',
      subject: 'early help assessments started',
      definition:
        'Early help assessments started in the quarter by any agency in the partnership, as recorded by the early help hub.',
      unit: 'count' as const,
      polarity: 'no-judgement' as const,
      source: 'Local data: Oxfordshire early help hub',
      frequency: 'quarterly' as const,
      target: null,
    },
    values: {
      '2015/16 Q1': 212,
      '2015/16 Q2': 198,
      '2015/16 Q3': 231,
      '2015/16 Q4': 240,
      '2016/17 Q1': 256,
      '2016/17 Q2': 249,
      '2016/17 Q3': 271,
      '2016/17 Q4': 288,
    },
  },
  {
    indicator: {
      code: 'MISSING-RHI-72H',
      name: 'Children missing from home or care: return interviews within 72 hours',
      subject: 'return interviews held within 72 hours',
      definition:
        'Children who went missing from home or care and were offered a return interview within 72 hours of coming back, as a percentage of all children who came back in the year.',
      unit: 'percentage' as const,
      polarity: 'higher-is-better' as const,
      source: 'Local data: Oxfordshire children’s social care',
      frequency: 'annual' as const,
      // 77% in 2016/17 is short of the target by 3 points, within 5% of it: amber.
      target: 80,
    },
    values: { '2014/15': 58, '2015/16': 68.5, '2016/17': 77 },
  },
]

/** Where the values came from, as each observation records it. */
export const demoSourceFiles = {
  local: 'oxfordshire-local-performance-2016-17-demo.csv',
}
