import assert from 'node:assert/strict'
import { test } from 'node:test'
import { meanOf } from './average.ts'

test('the mean leaves out neighbours without a value', () => {
  assert.equal(meanOf([40, 35.5, null, 30.2, undefined]), (40 + 35.5 + 30.2) / 3)
  assert.equal(meanOf([]), null)
  assert.equal(meanOf([null]), null)
})
