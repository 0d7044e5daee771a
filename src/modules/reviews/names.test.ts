import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { likelyRealNames, namesInFields } from './names.ts'

describe('the name check', () => {
  it('finds a first name followed by a surname, however the surname is written', () => {
    assert.deepEqual(likelyRealNames('Jane Smith'), ['Jane Smith'])
    assert.deepEqual(likelyRealNames("Referred by Tyler O'Brien's school"), ["Tyler O'Brien"])
    assert.deepEqual(likelyRealNames('Mohammed Al-Hassan, aged 4'), ['Mohammed Al-Hassan'])
    assert.deepEqual(likelyRealNames('Tyler O’Brien'), ['Tyler O’Brien'])
    assert.deepEqual(likelyRealNames('seen by Grace McDonald'), ['Grace McDonald'])
  })

  it('finds middle names with the name, a possessive without its ’s, and each name once', () => {
    assert.deepEqual(likelyRealNames('Jane Anne Smith was at home'), ['Jane Anne Smith'])
    assert.deepEqual(likelyRealNames('Jane Smith’s mother and Jane Smith'), ['Jane Smith'])
    assert.deepEqual(likelyRealNames('Chloe Brown and Liam Walsh'), ['Chloe Brown', 'Liam Walsh'])
  })

  it('does not flag pseudonyms, agencies, documents or dates', () => {
    for (const text of [
      'Child K',
      'Family M',
      'Child K’s mother',
      'Thames Valley Police',
      'Children’s Social Care',
      "Children's Social Care",
      'Working Together',
      'Monday 3 April',
      'Serious Case Review',
      'Oxford Health NHS Foundation Trust',
      'Grace Hospital',
      'a note from May 2017',
      'Jane reported it',
    ])
      assert.deepEqual(likelyRealNames(text), [], text)
  })

  it('does not join words across punctuation, and takes no name from an initial or an acronym', () => {
    assert.deepEqual(likelyRealNames('Jane. Smith arrived'), [])
    assert.deepEqual(likelyRealNames('Jane, Smith'), [])
    assert.deepEqual(likelyRealNames('Jane S'), [])
    assert.deepEqual(likelyRealNames('Mark NHS'), [])
  })

  it('reads empty text as having none', () => {
    assert.deepEqual(likelyRealNames(''), [])
    assert.deepEqual(likelyRealNames(null), [])
  })

  it('says which fields hold which names', () => {
    assert.deepEqual(
      namesInFields({ reference: 'Child K', circumstances: 'Emma Jones told her teacher', referrer: null }),
      {
        circumstances: ['Emma Jones'],
      },
    )
  })
})
