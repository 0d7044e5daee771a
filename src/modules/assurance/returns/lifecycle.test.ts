import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { returnStatuses } from '../audit-schema.ts'
import { mayChallenge, mayFillIn, mayModerate, nextStatus, transitionProblem } from './lifecycle.ts'

describe('a return’s lifecycle', () => {
  it('moves draft → submitted → moderated → closed and no other way', () => {
    const allowed = returnStatuses.flatMap((from) =>
      returnStatuses.filter((to) => transitionProblem(from, to) === null).map((to) => `${from}→${to}`),
    )
    assert.deepEqual(allowed, ['draft→submitted', 'submitted→moderated', 'moderated→closed'])
    assert.equal(nextStatus.closed, null)
  })

  it('says why a transition is refused', () => {
    assert.equal(
      transitionProblem('draft', 'moderated'),
      'This return is still a draft: it has not been submitted, so it cannot be marked as moderated',
    )
    assert.equal(
      transitionProblem('submitted', 'submitted'),
      'This return has been submitted and is waiting for moderation, so it cannot be submitted',
    )
    assert.equal(transitionProblem('closed', 'draft'), 'This return is closed, so it cannot go back to draft')
    assert.equal(
      transitionProblem('moderated', 'submitted'),
      'This return has been moderated, so it cannot be submitted',
    )
  })

  it('is filled in while a draft, moderated while submitted, challenged until closed', () => {
    assert.deepEqual(returnStatuses.filter(mayFillIn), ['draft'])
    assert.deepEqual(returnStatuses.filter(mayModerate), ['submitted'])
    assert.deepEqual(returnStatuses.filter(mayChallenge), ['submitted', 'moderated'])
  })
})
