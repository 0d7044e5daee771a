import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { formatYear, parseYear, reportingYear, yearContaining, yearsBetween, yearSlug } from './reporting-years.ts'

/**
 * A partnership reports by its own year: April to March unless its settings say otherwise. Which
 * year a record falls in is decided by the date in the UK, and a year's name is what people write
 * ("2016/17").
 */

const days = (year: ReturnType<typeof reportingYear>) => [year.label, year.start, year.end, year.endExclusive]

describe('reportingYear', () => {
  it('runs from 1 April to 31 March by default', () => {
    assert.deepEqual(reportingYear(2016), {
      startYear: 2016,
      startMonth: 4,
      label: '2016/17',
      start: '2016-04-01',
      end: '2017-03-31',
      endExclusive: '2017-04-01',
    })
  })

  it('ends on the last day of February, 29th in a leap year', () => {
    assert.deepEqual(days(reportingYear(2015, 3)), ['2015/16', '2015-03-01', '2016-02-29', '2016-03-01'])
    assert.deepEqual(days(reportingYear(2016, 3)), ['2016/17', '2016-03-01', '2017-02-28', '2017-03-01'])
    assert.deepEqual(days(reportingYear(1999, 3)), ['1999/00', '1999-03-01', '2000-02-29', '2000-03-01'])
    assert.deepEqual(days(reportingYear(2099, 3)), ['2099/00', '2099-03-01', '2100-02-28', '2100-03-01'])
  })

  it('is a calendar year named by one year when it starts in January', () => {
    assert.deepEqual(days(reportingYear(2016, 1)), ['2016', '2016-01-01', '2016-12-31', '2017-01-01'])
  })

  it('starting in December, ends on 30 November', () => {
    assert.deepEqual(days(reportingYear(2016, 12)), ['2016/17', '2016-12-01', '2017-11-30', '2017-12-01'])
  })

  it('names a year across a century with two digits', () => {
    assert.equal(reportingYear(1999).label, '1999/00')
    assert.equal(formatYear(2009), '2009/10')
    assert.equal(formatYear(2016, 1), '2016')
  })

  it('refuses a month or a year that is not one', () => {
    for (const month of [0, 13, 4.5, Number.NaN]) assert.throws(() => reportingYear(2016, month), RangeError)
    for (const year of [Number.NaN, 2016.5, 99]) assert.throws(() => reportingYear(year), RangeError)
  })

  it('is written with a hyphen in an address', () => {
    assert.equal(yearSlug(reportingYear(2016)), '2016-17')
    assert.equal(yearSlug(reportingYear(2016, 1)), '2016')
  })
})

describe('parseYear', () => {
  const accepted: [text: string, label: string][] = [
    ['2016/17', '2016/17'],
    ['2016-17', '2016/17'],
    ['2016/2017', '2016/17'],
    ['2016-2017', '2016/17'],
    [' 2016 / 17 ', '2016/17'],
    ['1999/00', '1999/00'],
    ['1999-2000', '1999/00'],
  ]
  for (const [text, label] of accepted) {
    it(`reads “${text}” as ${label}`, () => assert.equal(parseYear(text)?.label, label))
  }

  const rejected: [text: string, why: string][] = [
    ['2016/18', 'the second year does not follow the first'],
    ['2016/2018', 'the second year does not follow the first'],
    ['2016/16', 'the same year twice'],
    ['1999/99', 'a century wrong'],
    ['2016', 'one year, when the year starts in April'],
    ['16/17', 'two-digit first year'],
    ['2016/7', 'one-digit second year'],
    ['2016/017', 'three-digit second year'],
    ['2016_17', 'another separator'],
    ['2016/17/18', 'three years'],
    ['1899/00', 'before 1900'],
    ['', 'nothing'],
    ['next year', 'words'],
    ['２０１６/17', 'full-width digits'],
  ]
  for (const [text, why] of rejected) {
    it(`refuses “${text}”: ${why}`, () => assert.equal(parseYear(text), null))
  }

  it('for a year starting in January, reads one year and nothing else', () => {
    assert.deepEqual(parseYear('2016', 1), reportingYear(2016, 1))
    assert.equal(parseYear('2016/17', 1), null)
  })

  it('keeps the partnership’s start month', () => {
    assert.equal(parseYear('2016-17', 9)?.start, '2016-09-01')
  })

  it('reads back what it names', () => {
    for (const year of [reportingYear(2016), reportingYear(1999), reportingYear(2016, 1), reportingYear(2016, 12)]) {
      assert.deepEqual(parseYear(year.label, year.startMonth), year)
      assert.deepEqual(parseYear(yearSlug(year), year.startMonth), year)
    }
  })
})

describe('yearContaining', () => {
  const cases: [date: Date | string, startMonth: number, label: string, why: string][] = [
    ['2017-03-31', 4, '2016/17', 'the last day of the year'],
    ['2017-04-01', 4, '2017/18', 'the first day of the next'],
    [new Date('2017-03-31T22:59:00Z'), 4, '2016/17', '23:59 on 31 March in summer time'],
    [new Date('2017-03-31T23:30:00Z'), 4, '2017/18', '23:30 UTC is 00:30 on 1 April in summer time'],
    ['2017-03-31T23:30:00Z', 4, '2017/18', 'the same moment as text'],
    ['2017-03-31T23:30:00.000+00:00', 4, '2017/18', 'the same moment with an offset'],
    ['2017-03-31T23:30:00', 4, '2016/17', 'a time without a zone is taken as the date written'],
    ['2017-04-01 00:10:00', 4, '2017/18', 'a time without a zone, with a space'],
    [new Date('2016-03-31T23:30:00Z'), 4, '2016/17', 'in 2016 summer time had begun by 31 March too'],
    [new Date('2016-12-31T23:30:00Z'), 1, '2016', '23:30 UTC on 31 December is still 31 December in winter'],
    [new Date('2017-01-01T00:00:00Z'), 1, '2017', 'midnight on New Year’s Day in winter'],
    [new Date('2017-02-28T23:59:00Z'), 3, '2016/17', 'the end of February in winter'],
    [new Date('2016-02-29T12:00:00Z'), 3, '2015/16', 'a leap day'],
    ['2017-11-30', 12, '2016/17', 'the last day of a year starting in December'],
    ['2017-12-01', 12, '2017/18', 'the first day of a year starting in December'],
  ]
  for (const [date, startMonth, label, why] of cases) {
    it(`${why}: ${date instanceof Date ? date.toISOString() : date} → ${label}`, () =>
      assert.equal(yearContaining(date, startMonth).label, label))
  }

  it('refuses text that is not a date', () => {
    assert.throws(() => yearContaining('not a date'), RangeError)
    assert.throws(() => yearContaining(new Date('nonsense')), RangeError)
  })
})

describe('yearsBetween', () => {
  const today = new Date('2017-06-15T12:00:00Z')

  it('lists every year from the earliest record to this year, newest first', () => {
    const years = yearsBetween(['2015-06-01', new Date('2014-04-01T09:00:00Z'), '2016-01-10'], 4, today)
    assert.deepEqual(
      years.map((y) => y.label),
      ['2017/18', '2016/17', '2015/16', '2014/15'],
    )
  })

  it('fills years with no records in them', () => {
    assert.deepEqual(
      yearsBetween(['2013-05-01'], 4, today).map((y) => y.label),
      ['2017/18', '2016/17', '2015/16', '2014/15', '2013/14'],
    )
  })

  it('always includes this year, even with no dates at all', () => {
    assert.deepEqual(
      yearsBetween([], 4, today).map((y) => y.label),
      ['2017/18'],
    )
    assert.deepEqual(
      yearsBetween([null, undefined, ''], 4, today).map((y) => y.label),
      ['2017/18'],
    )
  })

  it('reaches forward to a future date', () => {
    assert.deepEqual(
      yearsBetween(['2018-05-01'], 4, today).map((y) => y.label),
      ['2018/19', '2017/18'],
    )
  })

  it('decides this year by the UK date too: 23:30 UTC on 31 March in summer is already the new year', () => {
    assert.deepEqual(
      yearsBetween([], 4, new Date('2017-03-31T23:30:00Z')).map((y) => y.label),
      ['2017/18'],
    )
  })

  it('uses the partnership’s start month', () => {
    assert.deepEqual(
      yearsBetween(['2016-03-15'], 1, today).map((y) => y.label),
      ['2017', '2016'],
    )
  })
})
