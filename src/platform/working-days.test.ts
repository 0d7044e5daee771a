import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  bankHolidayCalendar,
  bankHolidaysThrough,
  englandAndWalesBankHolidays,
  workingDayCalendar,
} from './working-days.ts'

const { addWorkingDays, workingDaysBetween, isWorkingDay, holiday } = bankHolidayCalendar

describe('working days in England and Wales', () => {
  it('has eight or more bank holidays in every year through 2030, in order', () => {
    for (let year = 2015; year <= bankHolidaysThrough; year += 1) {
      const days = englandAndWalesBankHolidays.filter(([day]) => day.startsWith(`${year}-`))
      assert.ok(days.length >= 8, `${year} has ${days.length}`)
      for (const [day] of days) assert.ok(isWorkingDay(day) === false)
    }
    const days = englandAndWalesBankHolidays.map(([day]) => day)
    assert.deepEqual(days, [...days].sort())
  })

  it('matches the published 2026 list, with Boxing Day moved to Monday 28 December', () => {
    assert.deepEqual(
      englandAndWalesBankHolidays.filter(([day]) => day.startsWith('2026-')).map(([day]) => day),
      ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
    )
  })

  it('knows the one-off days', () => {
    assert.equal(holiday('2020-05-08'), 'Early May bank holiday (VE day)')
    assert.equal(holiday('2020-05-04'), null)
    assert.equal(holiday('2022-06-03'), 'Platinum Jubilee bank holiday')
    assert.equal(holiday('2022-05-30'), null)
    assert.match(holiday('2022-09-19')!, /State Funeral/)
    assert.match(holiday('2023-05-08')!, /coronation/)
  })

  it('skips Christmas with its substitute days', () => {
    // Christmas 2016 fell on a Sunday: Monday 26 (Boxing Day) and Tuesday 27 (substitute) are off.
    assert.equal(addWorkingDays('2016-12-22', 1), '2016-12-23')
    assert.equal(addWorkingDays('2016-12-23', 1), '2016-12-28')
    // New Year's Day 2017 was a Sunday: Monday 2 January is its substitute.
    assert.equal(addWorkingDays('2016-12-22', 5), '2017-01-03')
    // Christmas 2021 on a Saturday: 27 and 28 December are the substitutes, then New Year on Monday 3 January.
    assert.equal(addWorkingDays('2021-12-24', 1), '2021-12-29')
    assert.equal(addWorkingDays('2021-12-31', 1), '2022-01-04')
    assert.equal(workingDaysBetween('2021-12-24', '2022-01-04'), 4)
  })

  it('skips Easter', () => {
    // Good Friday 14 April and Easter Monday 17 April 2017.
    assert.equal(addWorkingDays('2017-04-13', 1), '2017-04-18')
    // A rapid review's 15 working days from Monday 10 April 2017 cross Easter and the early May holiday.
    assert.equal(addWorkingDays('2017-04-10', 15), '2017-05-04')
    assert.equal(workingDaysBetween('2017-04-13', '2017-04-18'), 1)
  })

  it('counts backwards for a cut-off before an event', () => {
    // Two working days before Tuesday 18 April 2017 (after Easter) is Wednesday 12 April.
    assert.equal(addWorkingDays('2017-04-18', -2), '2017-04-12')
    assert.equal(addWorkingDays('2017-04-18', 0), '2017-04-18')
    assert.equal(workingDaysBetween('2017-04-18', '2017-04-12'), -2)
  })

  it('does not count the start day, and a weekend start moves to Monday', () => {
    assert.equal(addWorkingDays('2016-07-02', 1), '2016-07-04')
    assert.equal(workingDaysBetween('2016-07-01', '2016-07-01'), 0)
    assert.equal(workingDaysBetween('2016-07-01', '2016-07-04'), 1)
  })

  it('takes a partnership’s own additions and removals', () => {
    const calendar = workingDayCalendar({
      add: [{ day: '2031-01-01', name: "New Year's Day" }],
      remove: ['2016-12-27'],
    })
    assert.equal(calendar.isWorkingDay('2031-01-01'), false)
    assert.equal(calendar.isWorkingDay('2016-12-27'), true)
    assert.equal(calendar.addWorkingDays('2016-12-23', 1), '2016-12-27')
  })

  it('refuses what is not a day', () => {
    assert.throws(() => addWorkingDays('2016-02-30', 1))
    assert.throws(() => addWorkingDays('30/01/2016', 1))
    assert.throws(() => addWorkingDays('2016-01-04', 1.5))
  })
})
