import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseCompletionDate } from './dates.ts'

describe('completion dates as e-learning exports and spreadsheets write them', () => {
  const cases: [string, string | null][] = [
    ['31/03/2017', '2017-03-31'],
    ['1/4/2017', '2017-04-01'],
    ['31-03-2017', '2017-03-31'],
    ['31.03.2017', '2017-03-31'],
    ['31/03/2017 14:05', '2017-03-31'],
    ['2017-03-31', '2017-03-31'],
    ['2017-03-31T14:05:00.000Z', '2017-03-31'],
    ['2017-03-31 14:05:00', '2017-03-31'],
    ['31 March 2017', '2017-03-31'],
    ['31 Mar 2017', '2017-03-31'],
    ['1st Sept 2017', '2017-09-01'],
    ['42825', '2017-03-31'],
    ['42825.5', '2017-03-31'],
    ['29/02/2016', '2016-02-29'],
    ['29/02/2017', null],
    ['31/02/2017', null],
    ['03/31/2017', null],
    ['31/03/17', null],
    ['31 Marc 2017', null],
    ['12345', null],
    ['2017', null],
    ['yesterday', null],
    ['', null],
  ]
  for (const [text, expected] of cases)
    it(`${JSON.stringify(text)} is ${expected ?? 'not a date'}`, () => {
      assert.equal(parseCompletionDate(text), expected)
    })
})
