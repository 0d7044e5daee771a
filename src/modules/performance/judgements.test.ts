import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { directionOf, exceptionsOf, growth, ragOf, travelOf, type ExceptionInput, type Point } from './judgements.ts'

/** Hand-worked figures: every expected number below is worked out in the comment beside it. */
const years = ['2013/14', '2014/15', '2015/16', '2016/17']
const series = (...values: (number | null)[]): Point[] => values.map((value, i) => ({ period: years[i]!, value }))

const cpp: ExceptionInput = {
  indicator: {
    name: 'Child protection plans per 10,000 children',
    subject: 'children subject to child protection plans',
    unit: 'rate-per-10000',
    polarity: 'no-judgement',
    target: null,
  },
  period: '2016/17',
  own: series(36, 40, 42, 45), // 45 / 36 − 1 = 25%
  england: series(42.1, 42.9, 43.1, 43.3), // 43.3 / 42.1 − 1 = 2.850…% → 2.9%
  neighbours: series(35, 35.9, 36.4, 37.1), // 37.1 / 35 − 1 = 6%
  wrongWayPeriods: 3,
  growthYears: 3,
}

describe('growing faster than England and the neighbours (the seed paper’s finding)', () => {
  it('is found when the rate grows faster than both, and says so with the numbers', () => {
    assert.equal(growth(cpp.own, '2013/14', '2016/17'), 0.25)
    assert.deepEqual(exceptionsOf(cpp), [
      {
        kind: 'growing-faster',
        sentence:
          'Children subject to child protection plans rose by 25% from 2013/14 to 2016/17, faster than England (2.9%) and statistical neighbours (6%).',
        narrative:
          'The rate of growth of children subject to child protection plans is higher than both the national average and the average of similar authorities.',
      },
    ])
  })

  it('is not found when either comparator grew as fast, or the rate fell, or a start is missing', () => {
    // Neighbours 30 → 37.5: 25%, the same as ours, so not faster.
    assert.deepEqual(exceptionsOf({ ...cpp, neighbours: series(30, 32, 35, 37.5) }), [])
    // England 34.4 → 43.3: 25.87% > 25%.
    assert.deepEqual(exceptionsOf({ ...cpp, england: series(34.4, 40, 42, 43.3) }), [])
    // Ours 48 → 45: −6.25%, a fall, however the others moved.
    assert.deepEqual(exceptionsOf({ ...cpp, own: series(48, 47, 46, 45) }), [])
    assert.deepEqual(exceptionsOf({ ...cpp, neighbours: series(null, 35.9, 36.4, 37.1) }), [])
    // Over two years: 40 → 45 is 12.5%; England 42.9 → 43.3 is 0.9%; neighbours 35.9 → 37.1 is 3.3%.
    assert.match(exceptionsOf({ ...cpp, growthYears: 2 })[0]!.sentence, /rose by 12\.5% from 2014\/15 to 2016\/17/)
  })

  it('is not an exception where growth is good', () => {
    const better = { ...cpp.indicator, polarity: 'higher-is-better' as const }
    assert.deepEqual(exceptionsOf({ ...cpp, indicator: better, wrongWayPeriods: 0 }), [])
  })
})

describe('worse than both England and the neighbours', () => {
  const second: ExceptionInput = {
    ...cpp,
    indicator: {
      name: 'Second or subsequent child protection plans',
      subject: 'second or subsequent child protection plans',
      unit: 'percentage',
      polarity: 'lower-is-better',
      target: null,
    },
    own: series(21, 20, 22, 23.4),
    england: series(16.6, 17.0, 17.9, 18.7),
    neighbours: series(16, 16.5, 17.5, 17.2),
    growthYears: 0,
  }

  it('is found when worse than both, and says which way is better', () => {
    assert.deepEqual(exceptionsOf(second), [
      {
        kind: 'worse-than-comparators',
        sentence:
          'Second or subsequent child protection plans stood at 23.4% in 2016/17, higher than England (18.7%) and statistical neighbours (17.2%); lower is better.',
        narrative:
          'Second or subsequent child protection plans compare poorly with both the national average and the average of similar authorities.',
      },
    ])
  })

  it('is not found when level with one of them, or when the measure makes no judgement', () => {
    assert.deepEqual(exceptionsOf({ ...second, england: series(16.6, 17.0, 17.9, 23.4) }), [])
    assert.deepEqual(exceptionsOf({ ...second, indicator: { ...second.indicator, polarity: 'no-judgement' } }), [])
  })
})

describe('moving the wrong way for several periods', () => {
  const assessments: ExceptionInput = {
    ...cpp,
    indicator: {
      name: 'Assessments completed within 45 working days',
      subject: 'assessments completed within 45 working days',
      unit: 'percentage',
      polarity: 'higher-is-better',
      target: null,
    },
    own: series(85, 83, 80.5, 79.1), // three falls in a row
    england: series(80, 81, 83.4, 82.9), // 79.1 is below England …
    neighbours: series(78, 78.5, 79, 78.8), // … but above the neighbours, so not worse than both
  }

  it('is found after three changes in a row the wrong way', () => {
    assert.deepEqual(exceptionsOf(assessments), [
      {
        kind: 'wrong-way',
        sentence:
          'Assessments completed within 45 working days fell in each of the last 3 years, from 85% in 2013/14 to 79.1% in 2016/17.',
        narrative: 'Assessments completed within 45 working days moved the wrong way in each of the last three years.',
      },
    ])
  })

  it('is not found after a flat year, a missing year, or fewer changes than the setting asks', () => {
    assert.deepEqual(exceptionsOf({ ...assessments, own: series(85, 83, 83, 79.1) }), [])
    assert.deepEqual(exceptionsOf({ ...assessments, own: series(null, 83, 80.5, 79.1) }), [])
    assert.equal(exceptionsOf({ ...assessments, own: series(70, 83, 80.5, 79.1), wrongWayPeriods: 2 }).length, 1)
    assert.deepEqual(exceptionsOf({ ...assessments, own: series(70, 83, 80.5, 79.1) }), [])
  })
})

describe('RAG and direction of travel', () => {
  it('judges against the target first, amber within 5% of it', () => {
    const lower = { polarity: 'lower-is-better' as const, target: 20 }
    const none = { england: null, neighbours: null }
    assert.equal(ragOf(lower, 20, none)?.rag, 'green')
    assert.equal(ragOf(lower, 21, none)?.rag, 'amber') // 1 over; 5% of 20 is 1
    assert.equal(ragOf(lower, 21.5, none)?.rag, 'red')
    const higher = { polarity: 'higher-is-better' as const, target: 90 }
    assert.equal(ragOf(higher, 86, none)?.rag, 'amber') // 4 short; 5% of 90 is 4.5
    assert.equal(ragOf(higher, 85, none)?.rag, 'red') // 5 short
    assert.deepEqual(ragOf(higher, 95, none), { rag: 'green', basis: 'target' })
  })

  it('judges against England and the neighbours without a target', () => {
    const lower = { polarity: 'lower-is-better' as const, target: null }
    const comparators = { england: 18.7, neighbours: 17.2 }
    assert.deepEqual(ragOf(lower, 17, comparators), { rag: 'green', basis: 'comparators' })
    assert.equal(ragOf(lower, 18, comparators)?.rag, 'amber') // worse than the neighbours only
    assert.equal(ragOf(lower, 23.4, comparators)?.rag, 'red')
    assert.equal(ragOf(lower, 23.4, { england: 18.7, neighbours: null })?.rag, 'amber')
    assert.equal(ragOf(lower, 23.4, { england: null, neighbours: null }), null)
    assert.equal(ragOf({ polarity: 'no-judgement', target: 40 }, 45, comparators), null)
    assert.equal(ragOf(lower, null, comparators), null)
  })

  it('says the direction and whether it is better', () => {
    assert.equal(directionOf(45, 42), 'up')
    assert.equal(directionOf(42, 42), 'same')
    assert.equal(directionOf(null, 42), null)
    assert.equal(travelOf('up', 'no-judgement'), 'up')
    assert.equal(travelOf('up', 'lower-is-better'), 'worsening')
    assert.equal(travelOf('down', 'lower-is-better'), 'improving')
    assert.equal(travelOf('same', 'higher-is-better'), 'no-change')
  })
})
