import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { dateProblems, nextStatuses, parallelProcessOpen, transitionProblem, type CaseFacts } from './lifecycle.ts'

const facts = (overrides: Partial<CaseFacts> = {}): CaseFacts => ({
  status: 'referred',
  awareOn: '2016-05-03',
  decisionOutcome: null,
  decidedOn: null,
  reviewType: null,
  signedOffOn: null,
  publishedOn: null,
  parallelProcess: null,
  parallelStartedOn: null,
  parallelEndedOn: null,
  ...overrides,
})

const reviewed = facts({
  decisionOutcome: 'criteria-met',
  decidedOn: '2016-05-20',
  reviewType: 'serious-case-review',
})

describe('the case lifecycle', () => {
  it('offers only the moves the lifecycle allows', () => {
    assert.deepEqual(nextStatuses('referred'), ['active', 'not-reviewed'])
    assert.deepEqual(nextStatuses('completed'), ['published', 'awaiting-parallel-process'])
    assert.deepEqual(nextStatuses('published'), [])
  })

  it('refuses a move it does not allow, saying which it does', () => {
    assert.equal(
      transitionProblem(facts(), 'published'),
      'A case that is referred: awaiting a decision cannot become published: it can become active or not reviewed',
    )
    assert.equal(
      transitionProblem(facts({ status: 'published' }), 'active'),
      'A case that is published cannot become active',
    )
    assert.equal(transitionProblem(facts({ status: 'active' }), 'active'), 'The case is already active')
  })

  it('starts a review only once it is decided to review it and its type is chosen', () => {
    assert.match(transitionProblem(facts(), 'active')!, /^Record a decision to review the case/)
    assert.match(transitionProblem(facts({ decisionOutcome: 'criteria-not-met' }), 'active')!, /^Record a decision/)
    assert.equal(
      transitionProblem({ ...reviewed, reviewType: null }, 'active'),
      'Choose the type of review before it starts',
    )
    assert.equal(transitionProblem(reviewed, 'active'), null)
    assert.equal(transitionProblem({ ...reviewed, decisionOutcome: 'learning-review' }, 'active'), null)
  })

  it('closes without a review only a case decided as not meeting the criteria', () => {
    assert.match(transitionProblem(reviewed, 'not-reviewed')!, /^Only a case decided as not meeting the criteria/)
    assert.equal(transitionProblem(facts({ decisionOutcome: 'criteria-not-met' }), 'not-reviewed'), null)
  })

  it('holds a review for a parallel process that has started and not ended, and publication until it ends', () => {
    const completed = { ...reviewed, status: 'completed' as const, signedOffOn: '2017-01-10' }
    assert.match(transitionProblem(completed, 'awaiting-parallel-process')!, /^Record the parallel process/)
    const police = { ...completed, parallelProcess: 'police-investigation' as const, parallelStartedOn: '2016-09-01' }
    assert.equal(transitionProblem(police, 'awaiting-parallel-process'), null)
    assert.equal(parallelProcessOpen(police), true)

    const awaiting = { ...police, status: 'awaiting-parallel-process' as const, publishedOn: '2017-03-01' }
    assert.equal(
      transitionProblem(awaiting, 'published'),
      'Publication is held until the police investigation ends: record the day it ended first',
    )
    assert.equal(
      transitionProblem(awaiting, 'completed'),
      'Record the day the police investigation ended before completing the review',
    )
    const ended = { ...awaiting, parallelEndedOn: '2017-02-20' }
    assert.equal(parallelProcessOpen(ended), false)
    assert.equal(transitionProblem(ended, 'published'), null)
    assert.match(
      transitionProblem({ ...completed, ...ended, status: 'completed' }, 'awaiting-parallel-process')!,
      /has ended/,
    )
  })

  it('publishes a review only once signed off, with its publication date on or after the sign-off', () => {
    const completed = { ...reviewed, status: 'completed' as const }
    assert.equal(
      transitionProblem(completed, 'published'),
      'Record the day the board signed the review off before publishing it',
    )
    const signedOff = { ...completed, signedOffOn: '2017-01-10' }
    assert.equal(transitionProblem(signedOff, 'published'), 'Record the day the review was published')
    assert.equal(
      transitionProblem({ ...signedOff, publishedOn: '2017-01-09' }, 'published'),
      'A review cannot be published before the board signed it off',
    )
    assert.equal(transitionProblem({ ...signedOff, publishedOn: '2017-01-10' }, 'published'), null)
  })

  it('checks the dates against each other whatever the status', () => {
    assert.deepEqual(dateProblems({ awareOn: '2016-05-03' }), {})
    assert.deepEqual(
      Object.keys(
        dateProblems({
          awareOn: '2016-05-03',
          incidentOn: '2016-05-04',
          decidedOn: '2016-05-02',
          commissionedOn: '2016-05-01',
          signedOffOn: '2017-01-10',
          publishedOn: '2017-01-09',
          takenDownOn: '2017-01-01',
          parallelStartedOn: '2016-09-01',
          parallelEndedOn: '2016-08-01',
        }),
      ),
      ['incidentOn', 'decidedOn', 'commissionedOn', 'publishedOn', 'takenDownOn', 'parallelEndedOn'],
    )
    assert.equal(
      dateProblems({ awareOn: '2016-05-03', decidedOn: '2016-05-02' }).decidedOn,
      'The decision must be on or after the day the partnership became aware',
    )
    assert.ok(dateProblems({ awareOn: '2016-05-03', takenDownOn: '2017-01-01' }).takenDownOn, 'taken down unpublished')
  })
})
