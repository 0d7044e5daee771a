import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  bankHolidayCalendar,
  bankHolidaysFrom,
  bankHolidaysThrough,
  englandAndWalesBankHolidays,
  isWeekend,
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
    assert.ok(days[0]!.startsWith(`${bankHolidaysFrom}-`))
    assert.ok(days.at(-1)!.startsWith(`${bankHolidaysThrough}-`))
  })

  it('never puts a bank holiday on a weekend: a holiday that falls on one has a substitute day instead', () => {
    for (const [day, name] of englandAndWalesBankHolidays) assert.equal(isWeekend(day), false, `${day} ${name}`)
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

  describe('across Christmas and New Year', () => {
    it('2016: Christmas on a Sunday, so Tuesday 27 December is its substitute; New Year on a Sunday, so Monday 2 January', () => {
      assert.equal(holiday('2016-12-27'), 'Christmas Day (substitute day)')
      assert.equal(holiday('2017-01-02'), "New Year's Day (substitute day)")
      assert.equal(isWorkingDay('2016-12-25'), false, 'a Sunday')
      // A case the partnership heard of on Wednesday 21 December 2016: notify the panel in 5 working days…
      assert.equal(addWorkingDays('2016-12-21', 5), '2016-12-30')
      // …and hold the rapid review within 15.
      assert.equal(addWorkingDays('2016-12-21', 15), '2017-01-16')
      assert.equal(workingDaysBetween('2016-12-21', '2017-01-16'), 15)
      assert.equal(workingDaysBetween('2016-12-23', '2017-01-03'), 4)
    })

    it('2020: Boxing Day on a Saturday, so Monday 28 December is its substitute', () => {
      assert.equal(holiday('2020-12-28'), 'Boxing Day (substitute day)')
      assert.equal(addWorkingDays('2020-12-24', 1), '2020-12-29')
      assert.equal(addWorkingDays('2020-12-31', 1), '2021-01-04')
      assert.equal(workingDaysBetween('2020-12-24', '2021-01-04'), 4)
      assert.equal(addWorkingDays('2021-01-04', -4), '2020-12-24')
    })

    it('2021: both on a weekend, so 27 and 28 December are substitutes, and New Year moves to Monday 3 January', () => {
      assert.equal(holiday('2021-12-27'), 'Christmas Day (substitute day)')
      assert.equal(holiday('2021-12-28'), 'Boxing Day (substitute day)')
      assert.equal(holiday('2022-01-03'), "New Year's Day (substitute day)")
      assert.equal(addWorkingDays('2021-12-23', 5), '2022-01-04')
      assert.equal(addWorkingDays('2021-12-20', 5), '2021-12-29')
      assert.equal(addWorkingDays('2021-12-20', 15), '2022-01-13')
      assert.equal(workingDaysBetween('2021-12-20', '2022-01-13'), 15)
      assert.equal(workingDaysBetween('2021-12-25', '2022-01-03'), 3)
    })

    it('2022: Christmas on a Sunday again, with Tuesday 27 December and Monday 2 January as substitutes', () => {
      assert.equal(addWorkingDays('2022-12-23', 1), '2022-12-28')
      assert.equal(addWorkingDays('2022-12-30', 1), '2023-01-03')
      assert.equal(addWorkingDays('2023-01-03', -1), '2022-12-30')
    })
  })

  describe('across Easter: Good Friday and Easter Monday', () => {
    it('in March (2016) and across the end of a month (2024)', () => {
      assert.equal(holiday('2016-03-25'), 'Good Friday')
      assert.equal(holiday('2016-03-28'), 'Easter Monday')
      assert.equal(addWorkingDays('2016-03-24', 1), '2016-03-29')
      assert.equal(addWorkingDays('2016-03-29', -1), '2016-03-24')
      assert.equal(workingDaysBetween('2016-03-24', '2016-03-29'), 1)
      assert.equal(addWorkingDays('2024-03-28', 1), '2024-04-02')
      assert.equal(workingDaysBetween('2024-03-27', '2024-04-03'), 3)
    })

    it('in April (2020): 5 working days from Wednesday 8 April land on Friday 17 April', () => {
      assert.equal(addWorkingDays('2020-04-08', 5), '2020-04-17')
      assert.equal(workingDaysBetween('2020-04-09', '2020-04-14'), 1)
    })
  })

  describe('the one-off days', () => {
    it('2020: the early May holiday moved to Friday 8 May for VE day, so Monday 4 May was a working day', () => {
      assert.equal(isWorkingDay('2020-05-04'), true)
      assert.equal(addWorkingDays('2020-05-01', 1), '2020-05-04')
      assert.equal(addWorkingDays('2020-05-07', 1), '2020-05-11')
    })

    it('2022: the spring holiday moved to Thursday 2 June beside the Platinum Jubilee on Friday 3 June; the State Funeral on Monday 19 September', () => {
      assert.equal(isWorkingDay('2022-05-30'), true)
      assert.equal(addWorkingDays('2022-06-01', 1), '2022-06-06')
      assert.equal(workingDaysBetween('2022-05-27', '2022-06-06'), 4)
      assert.equal(addWorkingDays('2022-09-16', 1), '2022-09-20')
    })

    it('2023: the coronation on Monday 8 May, a week after the early May holiday', () => {
      assert.equal(workingDaysBetween('2023-04-28', '2023-05-09'), 5)
      assert.equal(addWorkingDays('2023-04-28', 5), '2023-05-09')
    })
  })

  it('a partnership’s added and removed days count as it says, and only for that calendar', () => {
    const calendar = workingDayCalendar({
      // Its offices close between Christmas and New Year…
      add: [{ day: '2016-12-28', name: 'Office closure' }],
      // …and it works on the substitute Christmas Day.
      remove: ['2016-12-27'],
    })
    assert.equal(calendar.holiday('2016-12-28'), 'Office closure')
    assert.equal(calendar.holiday('2016-12-27'), null)
    assert.equal(calendar.addWorkingDays('2016-12-23', 1), '2016-12-27')
    assert.equal(calendar.addWorkingDays('2016-12-23', 2), '2016-12-29')
    assert.equal(calendar.workingDaysBetween('2016-12-23', '2016-12-30'), 3)
    assert.equal(calendar.addWorkingDays('2016-12-29', -2), '2016-12-23')
    // The built-in calendar is not changed by it.
    assert.equal(addWorkingDays('2016-12-23', 1), '2016-12-28')
    // A day added after the table ends counts too.
    const later = workingDayCalendar({ add: [{ day: '2031-01-01', name: "New Year's Day" }] })
    assert.equal(later.addWorkingDays('2030-12-31', 1), '2031-01-02')
    assert.equal(bankHolidayCalendar.addWorkingDays('2030-12-31', 1), '2031-01-01')
  })

  it('refuses what is not a day', () => {
    assert.throws(() => addWorkingDays('2016-02-30', 1))
    assert.throws(() => addWorkingDays('30/01/2016', 1))
    assert.throws(() => addWorkingDays('2016-01-04', 1.5))
  })
})
