import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { intervalMs, nextDailyRun, nextRun } from './schedule.ts'

const at = (iso: string) => new Date(iso)
const next = (now: string, time: string, timeZone?: string) => nextDailyRun(at(now), time, timeZone).toISOString()

describe('the next run of a daily job, in UK time', () => {
  it('is later the same day when the time has not come yet, in winter (GMT) and in summer (BST)', () => {
    assert.equal(next('2026-01-10T01:00:00Z', '03:00'), '2026-01-10T03:00:00.000Z')
    assert.equal(next('2026-07-01T01:00:00Z', '03:00'), '2026-07-01T02:00:00.000Z')
  })

  it('is the next day once the time has passed, or at the very moment it runs', () => {
    assert.equal(next('2026-01-10T12:00:00Z', '03:00'), '2026-01-11T03:00:00.000Z')
    assert.equal(next('2026-01-11T03:00:00Z', '03:00'), '2026-01-12T03:00:00.000Z')
    assert.equal(next('2026-07-01T02:00:00Z', '03:00'), '2026-07-02T02:00:00.000Z')
  })

  it('uses the UK date, not the UTC one, just before midnight in summer', () => {
    // 23:30 UTC on 30 June is 00:30 BST on 1 July: 00:45 that day is 15 minutes away.
    assert.equal(next('2026-06-30T23:30:00Z', '00:45'), '2026-06-30T23:45:00.000Z')
    assert.equal(next('2026-06-30T23:30:00Z', '23:45'), '2026-07-01T22:45:00.000Z')
  })

  it('keeps 03:00 on the wall clock across the spring change (last Sunday of March: a 23-hour day)', () => {
    assert.equal(next('2026-03-28T03:00:00Z', '03:00'), '2026-03-29T02:00:00.000Z')
    assert.equal(next('2026-03-29T02:00:00Z', '03:00'), '2026-03-30T02:00:00.000Z')
  })

  it('runs a time the spring change skips (01:30) an hour later that night, once', () => {
    assert.equal(next('2026-03-28T12:00:00Z', '01:30'), '2026-03-29T01:30:00.000Z') // 02:30 BST
    assert.equal(next('2026-03-29T01:30:00Z', '01:30'), '2026-03-30T00:30:00.000Z')
  })

  it('keeps 03:00 on the wall clock across the autumn change (last Sunday of October: a 25-hour day)', () => {
    assert.equal(next('2026-10-24T02:00:00Z', '03:00'), '2026-10-25T03:00:00.000Z')
    assert.equal(next('2026-10-25T03:00:00Z', '03:00'), '2026-10-26T03:00:00.000Z')
  })

  it('runs a time the autumn change repeats (01:30) at its first reading only', () => {
    assert.equal(next('2026-10-24T12:00:00Z', '01:30'), '2026-10-25T00:30:00.000Z') // 01:30 BST
    // Just after that run, and during the repeated hour, the next run is the following night.
    assert.equal(next('2026-10-25T00:30:00Z', '01:30'), '2026-10-26T01:30:00.000Z')
    assert.equal(next('2026-10-25T01:15:00Z', '01:30'), '2026-10-26T01:30:00.000Z')
  })

  it('follows the changes in other years too (2027: 28 March and 31 October)', () => {
    assert.equal(next('2027-03-27T12:00:00Z', '03:00'), '2027-03-28T02:00:00.000Z')
    assert.equal(next('2027-10-30T12:00:00Z', '03:00'), '2027-10-31T03:00:00.000Z')
  })

  it('takes another time zone when asked', () => {
    assert.equal(next('2026-07-01T01:00:00Z', '03:00', 'UTC'), '2026-07-01T03:00:00.000Z')
    assert.equal(next('2026-07-01T01:00:00Z', '03:00', 'America/New_York'), '2026-07-01T07:00:00.000Z')
  })

  it('refuses a time that is not HH:MM on a 24-hour clock', () => {
    for (const bad of ['3:00', '24:00', '12:60', '03:00:00', 'noon', ''])
      assert.throws(() => nextDailyRun(at('2026-01-10T12:00:00Z'), bad), /HH:MM/, bad)
  })
})

describe('the next run of a job repeated at an interval', () => {
  it('is one interval after now', () => {
    const now = at('2026-03-29T00:30:00Z')
    assert.equal(nextRun({ name: 'x', every: { hours: 1 } }, now).toISOString(), '2026-03-29T01:30:00.000Z')
    assert.equal(
      nextRun({ name: 'x', every: { hours: 6, minutes: 30 } }, now).toISOString(),
      '2026-03-29T07:00:00.000Z',
    )
    assert.equal(nextRun({ name: 'x', dailyAt: '03:00' }, now).toISOString(), '2026-03-29T02:00:00.000Z')
  })

  it('refuses an interval that is not positive', () => {
    assert.throws(() => intervalMs({}), /positive interval/)
    assert.throws(() => intervalMs({ minutes: -5 }), /positive interval/)
    assert.throws(() => intervalMs({ hours: Number.NaN }), /positive interval/)
  })
})
