import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseReminderDays, reminderDays, reminderDue } from './reminders.ts'

// A cycle due on Wednesday 30 November 2016, opened on 1 September, reminding 14 and 7 days before and 1 and 7 after.
const cycle = { dueOn: '2016-11-30', openedOn: '2016-09-01', remindDaysBefore: [14, 7], remindDaysAfter: [1, 7] }
const due = (today: string, c = cycle) => reminderDue(today, c)?.reminder ?? null

describe('reminder days', () => {
  it('falls on the days before and after the due date, across month ends', () => {
    assert.deepEqual(reminderDays(cycle.dueOn, cycle.remindDaysBefore, cycle.remindDaysAfter), [
      { reminder: 'before-14', day: '2016-11-16' },
      { reminder: 'before-7', day: '2016-11-23' },
      { reminder: 'after-1', day: '2016-12-01' },
      { reminder: 'after-7', day: '2016-12-07' },
    ])
    // 28 February 2017 plus 1 is 1 March; a due date in the clocks-change week is just a date.
    assert.deepEqual(reminderDays('2017-02-28', [], [1]), [{ reminder: 'after-1', day: '2017-03-01' }])
    assert.deepEqual(reminderDays('2017-03-26', [1], []), [{ reminder: 'before-1', day: '2017-03-25' }])
  })

  it('calls for each reminder on its day, and for none on the days between', () => {
    assert.equal(due('2016-11-15'), null)
    assert.equal(due('2016-11-16'), 'before-14')
    assert.equal(due('2016-11-23'), 'before-7')
    assert.equal(due('2016-11-30'), null)
    assert.equal(due('2016-12-01'), 'after-1')
    assert.equal(due('2016-12-07'), 'after-7')
    assert.equal(due('2016-12-20'), null)
  })

  it('catches up a missed day or two with the latest reminder only, and never one from before opening', () => {
    assert.equal(due('2016-11-18'), 'before-14')
    assert.equal(due('2016-11-19'), null)
    assert.equal(due('2016-12-09'), 'after-7')
    // Opened on 20 November: the 14-day reminder (16 November) was before anyone was asked.
    assert.equal(due('2016-11-17', { ...cycle, openedOn: '2016-11-20' }), null)
    assert.equal(due('2016-11-23', { ...cycle, openedOn: '2016-11-20' }), 'before-7')
    // The day it opened is the invitation's day, not a reminder's.
    assert.equal(due('2016-11-23', { ...cycle, openedOn: '2016-11-23' }), null)
  })

  it('reads reminder days as people type them', () => {
    assert.deepEqual(parseReminderDays('14, 7'), [14, 7])
    assert.deepEqual(parseReminderDays('7,14 14'), [14, 7])
    assert.deepEqual(parseReminderDays(''), [])
    assert.equal(parseReminderDays('a week'), null)
    assert.equal(parseReminderDays('0'), null)
    assert.equal(parseReminderDays('1.5'), null)
  })
})
