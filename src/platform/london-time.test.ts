import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { londonInstant, londonParts, parseTime } from './london-time.ts'

describe('London time', () => {
  it('reads a winter time as GMT and a summer time as BST', () => {
    assert.equal(londonInstant('2017-01-10', '09:30').toISOString(), '2017-01-10T09:30:00.000Z')
    assert.equal(londonInstant('2016-06-01', '09:30').toISOString(), '2016-06-01T08:30:00.000Z')
  })

  it('handles the days the clocks change', () => {
    // 26 March 2017: 01:00 GMT becomes 02:00 BST; 01:30 does not exist and reads as 02:30 BST.
    assert.equal(londonInstant('2017-03-26', '00:30').toISOString(), '2017-03-26T00:30:00.000Z')
    assert.equal(londonInstant('2017-03-26', '03:00').toISOString(), '2017-03-26T02:00:00.000Z')
    assert.equal(londonInstant('2017-03-26', '01:30').toISOString(), '2017-03-26T01:30:00.000Z')
    // 29 October 2017: 01:30 happens twice; the first (BST) is taken.
    assert.equal(londonInstant('2017-10-29', '01:30').toISOString(), '2017-10-29T00:30:00.000Z')
  })

  it('gives the London date and time of an instant, and round-trips', () => {
    assert.deepEqual(londonParts(new Date('2017-03-31T23:30:00Z')), { date: '2017-04-01', time: '00:30' })
    const instant = londonInstant('2016-11-15', '13:45')
    assert.deepEqual(londonParts(instant), { date: '2016-11-15', time: '13:45' })
  })

  it('reads times as people type them', () => {
    assert.equal(parseTime('9:30'), '09:30')
    assert.equal(parseTime('14.00'), '14:00')
    assert.equal(parseTime(' 23:59 '), '23:59')
    for (const bad of ['24:00', '9', '9:5', 'noon', '12:60']) assert.equal(parseTime(bad), null, bad)
  })
})
