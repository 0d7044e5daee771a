import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { bankHolidayCalendar } from '../../../platform/working-days.ts'
import { caseClocks, type ClockFacts } from '../clocks.ts'
import { parseDay, readDates, readPanelMeetings } from './forms.ts'
import { dayWithWeekday } from '../../../platform/views.ts'
import { caseCsv, clockDueItems, clockRows, clockText, clocksDueCount } from './presenters.ts'

const facts: ClockFacts = {
  awareOn: '2016-12-22',
  harm: 'death',
  framework: 'working-together-2018',
  notifiedOn: null,
  rapidReviewOn: null,
}
const clocksOn = (today: string, overrides: Partial<ClockFacts> = {}) =>
  caseClocks({ ...facts, ...overrides }, today, bankHolidayCalendar)

describe('case presenters', () => {
  it('says a due day with its weekday', () => {
    assert.equal(dayWithWeekday('2017-01-03'), 'Tuesday 3 January 2017')
  })

  it('words each state of a clock', () => {
    assert.equal(clockText(clocksOn('2016-12-29')[0]!), 'Due by Tuesday 3 January 2017: 2 working days left')
    assert.equal(clockText(clocksOn('2017-01-03')[0]!), 'Due today, Tuesday 3 January 2017')
    assert.equal(
      clockText(clocksOn('2017-01-04')[0]!),
      'Overdue: it was due by Tuesday 3 January 2017, 1 working day ago',
    )
    assert.equal(
      clockText(clocksOn('2017-02-01', { notifiedOn: '2016-12-28' })[0]!),
      'Met on 28 December 2016, in 2 working days (due by Tuesday 3 January 2017)',
    )
    assert.equal(
      clockText(clocksOn('2017-02-01', { notifiedOn: '2017-01-04' })[0]!),
      'Met late on 4 January 2017, in 6 working days (due by Tuesday 3 January 2017)',
    )
  })

  it('says why the clocks do not apply', () => {
    assert.deepEqual(clockRows({ harm: 'other', framework: null }, []), [
      {
        key: { text: 'Statutory clocks' },
        value: {
          text: 'Not applicable: the clocks run for a child’s death or serious harm, and this case’s harm is recorded as other',
        },
      },
    ])
    assert.match(
      (clockRows({ harm: 'death', framework: 'working-together-2015' }, [])[0]!.value as { text: string }).text,
      /Working Together 2015/,
    )
  })

  it('lists a clock due on the home page with the case and what is due', () => {
    const [clock] = clocksOn('2016-12-29')
    assert.deepEqual(clockDueItems([{ caseId: 'c1', reference: 'Child K', clock: clock! }]), [
      {
        text: 'Child K: notification to the national panel',
        href: '/case-reviews/c1',
        hint: 'Due by Tuesday 3 January 2017: 2 working days left',
      },
    ])
  })

  it('counts the clocks due, saying how many are overdue', () => {
    const [notification, rapidReview] = clocksOn('2017-01-04')
    const row = (clock: typeof notification) => ({ caseId: 'c1', reference: 'Child K', clock: clock! })
    assert.equal(clocksDueCount([], 5), 'No clocks are overdue or due in the next 5 working days.')
    assert.equal(clocksDueCount([row(notification)], 5), '1 clock: 1 overdue.')
    assert.equal(clocksDueCount([row(notification), row(rapidReview)], 5), '2 clocks: 1 overdue and 1 due soon.')
  })

  it('downloads a case with its codes as words and its dates as ISO days', () => {
    assert.deepEqual(
      caseCsv([
        {
          id: 'c1',
          reference: 'Family M',
          reviewType: 'practice-review',
          status: 'awaiting-parallel-process',
          awareOn: '2019-01-02',
          signedOffOn: null,
          publishedOn: null,
        },
      ])[1],
      [
        'Family M',
        'Local child safeguarding practice review',
        'Completed as far as possible: awaiting a parallel process',
        '2019-01-02',
        '',
        '',
      ],
    )
  })
})

describe('case form dates', () => {
  it('reads a day as people write it', () => {
    for (const text of [
      '12 October 2016',
      '12 Oct 2016',
      '12/10/2016',
      '12.10.2016',
      '2016-10-12',
      'Wednesday 12 October 2016',
    ])
      assert.equal(parseDay(text), '2016-10-12', text)
    for (const text of ['31 September 2016', '12 Octember 2016', '12/13/2016', '12 Ma 2016', 'soon', '12 October 1850'])
      assert.equal(parseDay(text), null, text)
  })

  it('reads panel meetings one a line, in order, each once; names the first line that is not a date', () => {
    assert.deepEqual(readPanelMeetings('1 March 2017\n\n12/10/2016\n2017-03-01'), {
      days: ['2016-10-12', '2017-03-01'],
    })
    assert.deepEqual(readPanelMeetings(undefined), { days: [] })
    assert.match(readPanelMeetings('1 March 2017\nnext Tuesday').error!, /“next Tuesday” is not one$/)
  })

  it('refuses a required date left out and a day that has not happened yet', () => {
    const { errors, values } = readDates(
      { 'awareOn-day': '3', 'awareOn-month': '4', 'awareOn-year': '2030', 'incidentOn-day': '' },
      [
        { name: 'awareOn', label: 'the date the partnership became aware', required: true, notFuture: true },
        { name: 'decidedOn', label: 'the date of the decision', required: true },
        { name: 'incidentOn', label: 'the date of the incident' },
      ],
      '2026-01-10',
    )
    assert.deepEqual(errors, {
      'awareOn-day': 'Date the partnership became aware must be today or in the past',
      'decidedOn-day': 'Enter the date of the decision',
    })
    assert.deepEqual(values, { incidentOn: null })
  })
})
