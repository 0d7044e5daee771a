import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { dfePeriod } from '../imports/dfe.ts'
import { parseValue, rangeProblem, valueText } from './values.ts'

describe('values as files write them', () => {
  it('reads numbers, thousands and percentages, and the department’s symbols as suppressed', () => {
    assert.deepEqual(parseValue('47.9'), { value: 47.9, suppressed: null })
    assert.deepEqual(parseValue(' 1,234.5 '), { value: 1234.5, suppressed: null })
    assert.deepEqual(parseValue('23.4%'), { value: 23.4, suppressed: null })
    assert.deepEqual(parseValue('0'), { value: 0, suppressed: null })
    for (const symbol of ['c', 'x', 'z', 'low', '..', '~', ':'])
      assert.deepEqual(parseValue(symbol), { value: null, suppressed: symbol })
    assert.deepEqual(parseValue('C'), { value: null, suppressed: 'c' })
    for (const text of ['k', 'u', '', '1,23', '12e3', 'forty', '1.2.3']) assert.ok('problem' in parseValue(text), text)
  })

  it('refuses a percentage over 100 and anything below 0', () => {
    assert.equal(rangeProblem(100, 'percentage'), null)
    assert.match(rangeProblem(100.1, 'percentage')!, /a percentage must be 100 or less/)
    assert.equal(rangeProblem(548.2, 'rate-per-10000'), null)
    assert.match(rangeProblem(-0.5, 'count')!, /must be 0 or more/)
    assert.equal(valueText({ value: null, suppressed: 'c' }), 'suppressed (c)')
  })

  it('reads the department’s time periods with their identifiers', () => {
    assert.equal(dfePeriod('201617', 'Reporting year')?.label, '2016/17')
    assert.equal(dfePeriod('2017', 'Reporting year')?.label, '2016/17')
    assert.equal(dfePeriod('201617', 'Financial year Q2')?.label, '2016/17 Q2')
    assert.equal(dfePeriod('2016', 'April')?.label, '2016-04')
    assert.equal(dfePeriod('2016-2018', ''), null)
  })
})
