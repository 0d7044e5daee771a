import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { thisYearsDay } from './seed-current.ts'

describe('the demo’s dates for this year', () => {
  it('stay as written in 2026/27 and move on a whole year each year after', () => {
    assert.equal(thisYearsDay('2027-01-19', new Date('2026-11-26T12:00:00Z')), '2027-01-19')
    assert.equal(thisYearsDay('2027-01-19', new Date('2027-03-31T12:00:00Z')), '2027-01-19')
    assert.equal(thisYearsDay('2027-01-19', new Date('2027-04-01T12:00:00Z')), '2028-01-19')
    assert.equal(thisYearsDay('2026-09-22', new Date('2029-06-01T12:00:00Z')), '2029-09-22')
  })

  it('never move 2016/17', () => {
    assert.equal(thisYearsDay('2017-02-15', new Date('2030-06-01T12:00:00Z')), '2017-02-15')
  })
})
