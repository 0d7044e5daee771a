import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { reportingYear } from '../../../platform/reporting-years.ts'
import { yearEndState } from './figures.ts'

/** Where an action under a plan stood at its year's end, by the tracker's own rule on that day. */
describe('actions at the year’s end', () => {
  const year = reportingYear(2016)
  const after = '2025-06-01'
  const state = (status: 'complete' | 'on-track', dueOn: string, completedOn: string | null = null, today = after) =>
    yearEndState({ status, dueOn, completedOn }, year, today)

  it('is complete only when completed by the year’s last day', () => {
    assert.equal(state('complete', '2017-01-31', '2017-03-31'), 'complete')
    assert.equal(state('complete', '2017-01-31', '2017-04-01'), 'overdue', 'completed later: overdue on 31 March')
    assert.equal(state('complete', '2017-06-30', '2017-05-01'), 'open', 'completed later, not yet due then')
  })

  it('is overdue when past its due day on the year’s last day, as the tracker says on that day', () => {
    assert.equal(state('on-track', '2017-03-30'), 'overdue')
    assert.equal(state('on-track', '2017-03-31'), 'open', 'due on the last day: not yet overdue')
  })

  it('is read as of today while the year is not over', () => {
    assert.equal(state('on-track', '2016-10-01', null, '2016-09-30'), 'open')
    assert.equal(state('on-track', '2016-10-01', null, '2016-10-02'), 'overdue')
    assert.equal(state('complete', '2016-10-01', '2016-09-15', '2016-09-30'), 'complete')
  })
})
