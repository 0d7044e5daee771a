import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { learnerSectors } from '../schema.ts'
import { tallyPeople } from './people.ts'
import { sectorsOfBits } from './sources.ts'

const bit = (sector: (typeof learnerSectors)[number]) => 1 << (learnerSectors.indexOf(sector) + 1)

describe('the people trained, tallied', () => {
  it('reads back the sectors the query set as bits, in the order of learnerSectors', () => {
    assert.deepEqual(sectorsOfBits(bit('police') | bit('early-years')), ['early-years', 'police'])
    assert.deepEqual(sectorsOfBits(bit('other')), ['other'])
    assert.deepEqual(sectorsOfBits(1 | bit('health')), ['health', null], 'bit 0: a sector outside the list')
    assert.deepEqual(sectorsOfBits(0), [])
  })

  it('counts each person once in all and once in each sector they attended with, or their own if only e-learning', () => {
    const people = tallyPeople(
      [
        { sectors: bit('health'), sector: null, people: 5 },
        { sectors: bit('health') | bit('police'), sector: null, people: 2 },
        { sectors: 0, sector: 'police', people: 3 },
        { sectors: 0, sector: null, people: 1 },
      ],
      [
        { agencyId: 'a', people: 4 },
        { agencyId: null, people: 8 },
      ],
    )
    assert.equal(people.total, 11)
    assert.deepEqual(Object.fromEntries(people.bySector.map((s) => [s.sector ?? 'not known', s.people])), {
      health: 7,
      police: 5,
      'not known': 1,
    })
    assert.deepEqual(people.byAgency, [
      { agencyId: 'a', people: 4 },
      { agencyId: null, people: 8 },
    ])
  })

  it('has room for every sector in a 32-bit integer', () => assert.ok(learnerSectors.length < 31))
})
