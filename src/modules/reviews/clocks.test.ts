import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { bankHolidayCalendar, workingDayCalendar } from '../../platform/working-days.ts'
import { caseClocks, clocksApply, dueSoonOrOverdue, type ClockFacts } from './clocks.ts'

/**
 * The statutory clocks on known dates (gov.uk/bank-holidays): the day of awareness is not counted,
 * weekends and England and Wales bank holidays (with their substitute days) are skipped.
 */
const facts = (overrides: Partial<ClockFacts> = {}): ClockFacts => ({
  awareOn: '2016-12-22',
  harm: 'death',
  framework: 'working-together-2018',
  notifiedOn: null,
  rapidReviewOn: null,
  ...overrides,
})

const dueDates = (clockFacts: ClockFacts, calendar = bankHolidayCalendar) =>
  caseClocks(clockFacts, '2016-12-22', calendar).map((clock) => `${clock.key} ${clock.dueOn}`)

describe('the statutory clocks', () => {
  it('counts over Christmas 2016: Boxing Day, the substitute Christmas Day (27 December) and New Year (2 January)', () => {
    // Aware on Thursday 22 December 2016: Friday 23 is day 1, then 28, 29, 30 December and Tuesday 3 January.
    assert.deepEqual(dueDates(facts()), ['notification 2017-01-03', 'rapid-review 2017-01-17'])
  })

  it('counts over Easter 2017 (Good Friday 14 April, Easter Monday 17 April) and the early May bank holiday', () => {
    // Aware on Wednesday 12 April 2017: Thursday 13 is day 1, then 18, 19, 20 and Friday 21 April.
    assert.deepEqual(dueDates(facts({ awareOn: '2017-04-12' })), ['notification 2017-04-21', 'rapid-review 2017-05-08'])
  })

  it('counts 15 working days over Christmas 2020 (Christmas Day, the substitute Boxing Day on Monday 28 December, New Year)', () => {
    // Aware on Friday 18 December 2020: 21–24 December, 29–31 December, 4–8 and 11–13 January.
    assert.deepEqual(dueDates(facts({ awareOn: '2020-12-18' })), ['notification 2020-12-29', 'rapid-review 2021-01-13'])
  })

  it('moves with the partnership’s own changes to the calendar', () => {
    const closedOnChristmasEve = workingDayCalendar({ add: [{ day: '2020-12-24', name: 'Council closure' }] })
    assert.deepEqual(dueDates(facts({ awareOn: '2020-12-18' }), closedOnChristmasEve), [
      'notification 2020-12-30',
      'rapid-review 2021-01-14',
    ])
    const openOnTheSubstituteDay = workingDayCalendar({ remove: ['2020-12-28'] })
    assert.deepEqual(dueDates(facts({ awareOn: '2020-12-18' }), openOnTheSubstituteDay), [
      'notification 2020-12-28',
      'rapid-review 2021-01-12',
    ])
  })

  it('is due with the working days left, then overdue; met on time or late with the working days taken', () => {
    const calendar = bankHolidayCalendar
    const [notification, rapidReview] = caseClocks(facts(), '2016-12-29', calendar)
    assert.equal(notification!.state, 'due')
    // Thursday 29 December to Tuesday 3 January: 30 December and 3 January.
    assert.equal(notification!.workingDaysLeft, 2)
    assert.equal(rapidReview!.state, 'due')

    const [late] = caseClocks(facts(), '2017-01-04', calendar)
    assert.equal(late!.state, 'overdue')
    assert.equal(late!.workingDaysLeft, -1)
    assert.equal(late!.workingDaysTaken, 6)

    const met = caseClocks(facts({ notifiedOn: '2017-01-03', rapidReviewOn: '2017-01-18' }), '2017-02-01', calendar)
    assert.deepEqual(
      met.map((clock) => [clock.state, clock.workingDaysTaken, clock.workingDaysLeft]),
      [
        ['met', 5, null],
        ['met-late', 16, null],
      ],
    )
  })

  it('applies only to a death or serious harm under Working Together 2018 onwards (or not yet decided)', () => {
    assert.equal(clocksApply({ harm: 'death', framework: null }), true)
    assert.equal(clocksApply({ harm: 'serious-harm', framework: 'working-together-2018' }), true)
    assert.equal(clocksApply({ harm: 'other', framework: 'working-together-2018' }), false)
    assert.equal(clocksApply({ harm: 'death', framework: 'working-together-2015' }), false)
    assert.deepEqual(caseClocks(facts({ harm: 'other' }), '2017-01-04', bankHolidayCalendar), [])
  })

  it('is due soon within the given working days, and always when overdue; never once met', () => {
    const calendar = bankHolidayCalendar
    const [notification, rapidReview] = caseClocks(facts(), '2016-12-29', calendar)
    assert.equal(dueSoonOrOverdue(notification!, 5), true)
    assert.equal(dueSoonOrOverdue(rapidReview!, 5), false)
    const [overdue] = caseClocks(facts(), '2017-03-01', calendar)
    assert.equal(dueSoonOrOverdue(overdue!, 5), true)
    const [met] = caseClocks(facts({ notifiedOn: '2017-01-10' }), '2017-03-01', calendar)
    assert.equal(dueSoonOrOverdue(met!, 5), false)
  })
})
