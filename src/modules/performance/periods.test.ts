import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parsePeriod, previousPeriod, quarterPeriod, yearPeriod } from './periods.ts'

describe('periods', () => {
  it('reads a year however the department or a person writes it', () => {
    for (const text of ['2016/17', '2016-17', '201617', '2016/2017', ' 2016 / 17 ', '2017'])
      assert.deepEqual(
        parsePeriod(text),
        { type: 'year', label: '2016/17', start: '2016-04-01', startYear: 2016 },
        text,
      )
    assert.equal(parsePeriod('1999/00')?.label, '1999/00')
  })

  it('reads quarters and months', () => {
    assert.deepEqual(parsePeriod('2016/17 Q4'), {
      type: 'quarter',
      label: '2016/17 Q4',
      start: '2017-01-01',
      startYear: 2016,
    })
    assert.equal(parsePeriod('Q2 2016-17')?.start, '2016-07-01')
    assert.deepEqual(parsePeriod('2017-02'), { type: 'month', label: '2017-02', start: '2017-02-01', startYear: 2016 })
    assert.equal(parsePeriod('04/2016')?.label, '2016-04')
    assert.equal(parsePeriod('March 2017')?.label, '2017-03')
    assert.equal(parsePeriod('Sep 2016')?.startYear, 2016)
  })

  it('refuses what does not parse', () => {
    for (const text of [
      '',
      '2016/18',
      '201618',
      'last year',
      '2016-13',
      'Q5 2016/17',
      '2016/17 Q0',
      'Smarch 2017',
      '12345',
    ])
      assert.equal(parsePeriod(text), null, text)
  })

  it('knows the period before', () => {
    assert.equal(previousPeriod(yearPeriod(2016)).label, '2015/16')
    assert.equal(previousPeriod(quarterPeriod(2016, 1)).label, '2015/16 Q4')
    assert.equal(previousPeriod(parsePeriod('2017-01')!).label, '2016-12')
  })
})
