import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { rankedThemeCsv, ranks } from './presenters.ts'
import type { RankedTheme } from './ranking.ts'

/** Places in the ranking: level themes share one ("2="), and the next place is skipped. */

const theme = (name: string, learningPoints: number, reviews: number, training: RankedTheme['training'] = []) => ({
  themeId: name,
  name,
  description: null,
  learningPoints,
  reviews,
  cases: [{ id: '5f2b9c1e-6d3a-4c8e-9b1f-2a7d4e6c8b01', reference: 'Child K' }],
  training,
})

describe('themes across reviews', () => {
  it('gives level themes one place and skips the next, as league tables do', () => {
    const places = ranks([theme('A', 5, 3), theme('B', 3, 2), theme('C', 3, 2), theme('D', 3, 1), theme('E', 1, 1)])
    assert.deepEqual(
      places.map((p) => `${p.place}${p.tied ? '=' : ''}`),
      ['1', '2=', '2=', '4', '5'],
    )
  })

  it('downloads each theme with its place, its reviews and whether training is linked', () => {
    const rows = rankedThemeCsv([
      theme('Neglect', 3, 2, [{ courseId: 'c', title: 'Neglect toolkit', events: 1 }]),
      theme('Safe sleeping', 3, 2),
    ])
    assert.deepEqual(rows.slice(1), [
      ['1=', 'Neglect', 3, 2, 'Child K', 'Yes', 'Neglect toolkit (1 event)'],
      ['1=', 'Safe sleeping', 3, 2, 'Child K', 'No', ''],
    ])
  })
})
