import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { keptLately } from './kept-lately.ts'

describe('answers kept lately', () => {
  it('gives the answer kept for a key, works out a new key, and forgets the least lately used past its limit', async () => {
    let worked = 0
    const keep = keptLately<string>(2)
    const work = (answer: string) => () => Promise.resolve(`${answer} ${++worked}`)
    assert.equal(await keep('a', work('a')), 'a 1')
    assert.equal(await keep('a', work('a')), 'a 1', 'kept')
    assert.equal(await keep('b', work('b')), 'b 2')
    assert.equal(await keep('a', work('a')), 'a 1', 'a is now the most lately used')
    assert.equal(await keep('c', work('c')), 'c 3', 'b goes')
    assert.equal(await keep('a', work('a')), 'a 1')
    assert.equal(await keep('b', work('b')), 'b 4', 'worked out again')
  })

  it('keeps no failure: the next ask works again', async () => {
    const keep = keptLately<string>(5)
    await assert.rejects(
      keep('a', () => Promise.reject(new Error('no browser'))),
      /no browser/,
    )
    assert.equal(await keep('a', () => Promise.resolve('drawn')), 'drawn')
  })
})
