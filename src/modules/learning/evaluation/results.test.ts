import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { changeText, meanText, responseText } from './presenters.ts'
import { summarise } from './results.ts'

const answer = (overallRating: number, confidenceBefore: number, confidenceAfter: number) => ({
  overallRating,
  confidenceBefore,
  confidenceAfter,
})

describe('evaluation results', () => {
  it('averages the returned evaluations and says how many of those who attended returned one', () => {
    const summary = summarise(8, [answer(5, 2, 4), answer(4, 1, 4), answer(3, 3, 3), answer(4, 2, 5)])
    assert.equal(summary.returned, 4)
    assert.equal(summary.responseRate, 0.5)
    assert.equal(summary.meanOverall, 4)
    assert.equal(summary.meanBefore, 2)
    assert.equal(summary.meanAfter, 4)
    assert.equal(summary.change, 2)
    assert.deepEqual(
      summary.distribution.map((d) => [d.rating, d.overall, d.before, d.after]),
      [
        [1, 0, 1, 0],
        [2, 0, 2, 0],
        [3, 1, 1, 1],
        [4, 2, 0, 2],
        [5, 1, 0, 1],
      ],
    )
    assert.equal(responseText(summary), '4 of 8 (50%)')
  })

  it('has no means when nothing was returned, and no rate when nobody attended', () => {
    const none = summarise(3, [])
    assert.deepEqual([none.meanOverall, none.meanBefore, none.meanAfter, none.change], [null, null, null, null])
    assert.equal(none.responseRate, 0)
    assert.equal(summarise(0, []).responseRate, null)
    assert.equal(responseText(summarise(0, [])), '0 of 0')
    assert.equal(meanText(null), '–')
  })

  it('says a change in confidence with its sign, to one decimal place', () => {
    assert.equal(changeText(5 / 3), '+1.7')
    assert.equal(changeText(-0.5), '−0.5')
    assert.equal(changeText(0.04), '0.0')
    assert.equal(changeText(null), '–')
    assert.equal(meanText(11 / 3), '3.7')
  })
})
