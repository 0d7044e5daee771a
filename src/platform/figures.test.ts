import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Database } from '../db/index.ts'
import {
  computeFigure,
  displayValue,
  proseValue,
  type FigureDefinition,
  type FigureUnit,
  type Rounding,
} from './figures.ts'
import { reportingYear } from './reporting-years.ts'

/**
 * A figure is said two ways: exactly, with its unit, in tables and on the figures page; and as a
 * sentence says it ("over 150"), in narrative, by the rounding its module chose.
 */

describe('displayValue', () => {
  const cases: [value: number | null, unit: FigureUnit, shown: string][] = [
    [9342, 'count', '9,342'],
    [0, 'count', '0'],
    [1234567, 'count', '1,234,567'],
    [12.5, 'percentage', '12.5%'],
    [12.46, 'percentage', '12.5%'],
    [100, 'percentage', '100%'],
    [42000, 'pounds', '£42,000'],
    [42000.6, 'pounds', '£42,001'],
    [1, 'days', '1 day'],
    [0, 'days', '0 days'],
    [3.5, 'days', '3.5 days'],
    [35.56, 'rate-per-10000', '35.6 per 10,000 children'],
    [null, 'count', 'not available'],
    [null, 'pounds', 'not available'],
  ]
  for (const [value, unit, shown] of cases) {
    it(`${value} as ${unit} → “${shown}”`, () => assert.equal(displayValue(value, unit), shown))
  }
})

describe('proseValue', () => {
  const cases: [value: number | null, rounding: Rounding, said: string, why: string][] = [
    [153, { kind: 'over', to: 50 }, 'over 150', 'rounded down to a multiple'],
    [150, { kind: 'over', to: 50 }, '150', 'exact when already a multiple'],
    [199, { kind: 'over', to: 50 }, 'over 150', 'rounded down, never up'],
    [49, { kind: 'over', to: 50 }, '49', 'exact below the step'],
    [0, { kind: 'over', to: 50 }, '0', 'nothing is nothing'],
    [9342, { kind: 'more-than', to: 1000 }, 'more than 9,000', 'in thousands'],
    [9000, { kind: 'more-than', to: 1000 }, '9,000', 'exact on the thousand'],
    [999, { kind: 'more-than', to: 1000 }, '999', 'exact below a thousand'],
    [148, { kind: 'about', to: 50 }, 'about 150', 'to the nearest, up'],
    [162, { kind: 'about', to: 50 }, 'about 150', 'to the nearest, down'],
    [150, { kind: 'about', to: 50 }, '150', 'exact when it is the nearest'],
    [9342, { kind: 'about', to: 100 }, 'about 9,300', 'to the nearest hundred'],
    [153, { kind: 'exact' }, '153', 'exact'],
    [9342, { kind: 'exact' }, '9,342', 'exact, with a thousands comma'],
    [null, { kind: 'over', to: 50 }, 'not available', 'no value'],
    [null, { kind: 'exact' }, 'not available', 'no value'],
    [153, { kind: 'over', to: 0 }, '153', 'a step of nothing says it exactly'],
  ]
  for (const [value, rounding, said, why] of cases) {
    it(`${why}: ${value} ${JSON.stringify(rounding)} → “${said}”`, () =>
      assert.equal(proseValue(value, 'count', rounding), said))
  }

  it('keeps the unit', () => {
    assert.equal(proseValue(42750, 'pounds', { kind: 'more-than', to: 1000 }), 'more than £42,000')
    assert.equal(proseValue(12.4, 'percentage', { kind: 'about', to: 5 }), 'about 10%')
    assert.equal(proseValue(16, 'days', { kind: 'over', to: 5 }), 'over 15 days')
  })
})

describe('computeFigure', () => {
  const db = {} as Database
  const context = { partnershipId: 'p', year: reportingYear(2016) }
  const definition = (compute: FigureDefinition['compute']): FigureDefinition => ({
    key: 'received',
    label: 'Referrals received',
    definition: 'Referrals received in the year.',
    unit: 'count',
    rounding: { kind: 'more-than', to: 1000 },
    compute,
  })

  it('names the figure by its module and says it both ways', async () => {
    const figure = await computeFigure(
      db,
      'referrals',
      definition(async () => ({ value: 9342, link: '/referrals?year=2016-17' })),
      context,
    )
    assert.equal(figure.name, 'referrals.received')
    assert.equal(figure.display, '9,342')
    assert.equal(figure.prose, 'more than 9,000')
    assert.equal(figure.link, '/referrals?year=2016-17')
    assert.equal(figure.problem, null)
  })

  it('reports a source that fails, or gives no value, instead of showing nothing or zero', async () => {
    const failed = await computeFigure(
      db,
      'referrals',
      definition(async () => {
        throw new Error('relation "referrals" does not exist')
      }),
      context,
    )
    assert.equal(failed.value, null)
    assert.equal(failed.display, 'not available')
    assert.match(failed.problem!, /could not be worked out/)
    const empty = await computeFigure(
      db,
      'referrals',
      definition(async () => ({ value: null, link: null })),
      context,
    )
    assert.equal(empty.problem, 'The source gave no value.')
  })
})
