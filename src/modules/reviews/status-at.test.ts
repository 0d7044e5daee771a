import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { overdueAt, recommendationOverdueAt, statusAt, workedOnIn, type StatusFacts } from './status-at.ts'

/** A serious case review as the demo's Child K: signed off in 2015/16, published in 2016/17. */
const published: StatusFacts = {
  status: 'published',
  awareOn: '2015-03-09',
  decisionOutcome: 'criteria-met',
  decidedOn: '2015-04-14',
  commissionedOn: '2015-05-12',
  signedOffOn: '2016-02-23',
  publishedOn: '2016-05-18',
  parallelProcess: null,
  parallelStartedOn: null,
  parallelEndedOn: null,
}

/** As Child O: commissioned in May 2016, held for a police investigation that has not ended. */
const held: StatusFacts = {
  ...published,
  status: 'awaiting-parallel-process',
  awareOn: '2016-03-14',
  decidedOn: '2016-04-12',
  commissionedOn: '2016-05-10',
  signedOffOn: null,
  publishedOn: null,
  parallelProcess: 'police-investigation',
  parallelStartedOn: '2016-03-15',
}

const year2016 = { from: '2016-04-01', to: '2017-03-31' }
const year2015 = { from: '2015-04-01', to: '2016-03-31' }

describe('a case’s status on a past day', () => {
  const cases: [string, StatusFacts, string, string | null][] = [
    ['before the partnership knew of it', published, '2015-03-08', null],
    ['referred, before the decision', published, '2015-04-13', 'referred'],
    ['decided but not yet commissioned', published, '2015-05-11', 'referred'],
    ['active from the day it was commissioned', published, '2015-05-12', 'active'],
    ['completed on the day the board signed it off', published, '2016-02-23', 'completed'],
    ['completed at the end of 2015/16, awaiting publication', published, '2016-03-31', 'completed'],
    ['published from the day it was published', published, '2016-05-18', 'published'],
    ['held for the police investigation once commissioned', held, '2017-03-31', 'awaiting-parallel-process'],
    ['referred while the investigation ran before the decision', held, '2016-04-01', 'referred'],
  ]
  for (const [story, facts, day, expected] of cases) it(story, () => assert.equal(statusAt(facts, day), expected))

  it('ends the hold on the day the parallel process ended', () => {
    const ended = { ...held, status: 'completed' as const, parallelEndedOn: '2017-06-30', signedOffOn: '2017-09-12' }
    assert.equal(statusAt(ended, '2017-06-29'), 'awaiting-parallel-process')
    assert.equal(statusAt(ended, '2017-06-30'), 'active', 'no longer held; not signed off until September')
    assert.equal(statusAt(ended, '2017-09-12'), 'completed')
  })

  it('says a case decided as not meeting the criteria was not reviewed from the decision on', () => {
    const notReviewed: StatusFacts = {
      ...published,
      status: 'not-reviewed',
      decisionOutcome: 'criteria-not-met',
      commissionedOn: null,
      signedOffOn: null,
      publishedOn: null,
    }
    assert.equal(statusAt(notReviewed, '2015-04-13'), 'referred')
    assert.equal(statusAt(notReviewed, '2015-04-14'), 'not-reviewed')
  })

  it('never shows a case further on than it is today', () => {
    // The review runs alongside the investigation and is still being written: active, not held.
    assert.equal(statusAt({ ...held, status: 'active' }, '2017-03-31'), 'active')
    // Dates typed ahead of the move: the case is still referred.
    assert.equal(statusAt({ ...published, status: 'referred' }, '2017-03-31'), 'referred')
  })
})

describe('reviews worked on in a year', () => {
  it('counts a review published in the year though signed off the year before', () => {
    assert.equal(workedOnIn(published, year2016), true)
    assert.equal(workedOnIn(published, year2015), true, 'active, then signed off, in 2015/16')
    assert.equal(workedOnIn(published, { from: '2017-04-01', to: '2018-03-31' }), false, 'published before')
  })

  it('counts a review held for a parallel process all year, and one commissioned in it', () => {
    assert.equal(workedOnIn(held, year2016), true)
    assert.equal(workedOnIn(held, year2015), false, 'not commissioned until May 2016')
  })

  it('leaves out a review that sat completed all year waiting to be published', () => {
    const waiting = { ...published, status: 'completed' as const, publishedOn: null }
    assert.equal(workedOnIn(waiting, year2016), false)
    assert.equal(workedOnIn(waiting, year2015), true)
  })
})

describe('overdue on a day', () => {
  it('is past due and not done by the day before: at the end of 31 March, due that day is overdue', () => {
    assert.equal(overdueAt({ dueOn: '2017-03-31', completedOn: null }, '2017-04-01'), true)
    assert.equal(overdueAt({ dueOn: '2017-03-31', completedOn: '2017-03-31' }, '2017-04-01'), false)
    assert.equal(overdueAt({ dueOn: '2017-03-01', completedOn: '2017-06-30' }, '2017-04-01'), true, 'done later')
    assert.equal(overdueAt({ dueOn: '2017-04-01', completedOn: null }, '2017-04-01'), false)
    assert.equal(overdueAt({ dueOn: null, completedOn: null }, '2017-04-01'), false, 'no due day, never overdue')
  })

  it('makes a recommendation overdue when an action of its own is, unless it was completed', () => {
    const recommendation = { dueOn: '2017-09-30', completedOn: null }
    const late = [{ dueOn: '2017-02-28', completedOn: null }]
    assert.equal(recommendationOverdueAt(recommendation, [], '2017-04-01'), false)
    assert.equal(recommendationOverdueAt(recommendation, late, '2017-04-01'), true)
    assert.equal(recommendationOverdueAt({ ...recommendation, completedOn: '2017-03-20' }, late, '2017-04-01'), false)
  })
})
