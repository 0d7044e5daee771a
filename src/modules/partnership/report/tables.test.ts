import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { reportingYear } from '../../../platform/reporting-years.ts'
import type { Seat } from './seats.ts'
import { chairText, changes, membersByAgency, membersByAgencyTypeChart } from './tables.ts'

const year = reportingYear(2016)

function seat(overrides: Partial<Seat>): Seat {
  return {
    id: 'm1',
    groupId: 'g1',
    groupName: 'Neglect',
    groupKind: 'subgroup',
    personId: 'p1',
    personName: 'Jo Kerr',
    agencyName: 'Thames Valley Police',
    agencyType: 'police',
    role: 'member',
    startsOn: '2015-04-01',
    endsOn: null,
    ...overrides,
  }
}

describe('chairText', () => {
  it('names the chair, says an independent chair is one, and when a chair changed in the year', () => {
    assert.equal(chairText([seat({ role: 'member' })], year), 'None recorded')
    assert.equal(
      chairText([seat({ role: 'independent-chair', personName: 'Helen Ashworth' })], year),
      'Helen Ashworth (independent chair)',
    )
    assert.equal(
      chairText(
        [
          seat({ role: 'chair', personName: 'Ann Old', endsOn: '2016-09-30' }),
          seat({ role: 'chair', personName: 'Ben New', startsOn: '2016-10-01' }),
        ],
        year,
      ),
      'Ann Old (until 30 September 2016); Ben New (from 1 October 2016)',
    )
  })
})

describe('changes', () => {
  it('lists seats begun and ended within the year, by date, and none at its edges from outside', () => {
    const rows = changes(
      [
        seat({ personName: 'Ended 31 March', startsOn: '2015-04-01', endsOn: '2016-03-31' }),
        seat({ personName: 'Started 1 April', startsOn: '2016-04-01' }),
        seat({ personName: 'Last day', startsOn: '2017-03-31', endsOn: '2017-03-31' }),
      ],
      year,
    )
    assert.deepEqual(
      rows.map((r) => `${r.change} ${r.seat.personName} ${r.date}`),
      ['Joined Started 1 April 2016-04-01', 'Joined Last day 2017-03-31', 'Left Last day 2017-03-31'],
    )
  })
})

describe('membersByAgency', () => {
  it('counts each person once per column, and puts people of no agency last', () => {
    assert.deepEqual(
      membersByAgency([
        seat({ personId: 'a', groupKind: 'board' }),
        seat({ personId: 'a', groupId: 'g2' }),
        seat({ personId: 'a', groupId: 'g3' }),
        seat({ personId: 'b', agencyName: null }),
        seat({ personId: 'c', agencyName: 'Oxford Health' }),
      ]),
      [
        { agency: 'Oxford Health', board: 0, subgroups: 1 },
        { agency: 'Thames Valley Police', board: 1, subgroups: 1 },
        { agency: 'No agency recorded', board: 0, subgroups: 1 },
      ],
    )
  })
})

describe('membersByAgencyTypeChart', () => {
  it('counts each person once per kind of agency, board and subgroups apart', () => {
    const chart = membersByAgencyTypeChart(
      [
        seat({ groupKind: 'board', personId: 'p1' }),
        seat({ groupKind: 'subgroup', personId: 'p1' }),
        seat({ groupKind: 'board', personId: 'p2', agencyName: 'Oxford Health', agencyType: 'health' }),
        seat({ groupKind: 'board', personId: 'p3', agencyName: null, agencyType: null }),
      ],
      year,
    )
    assert.deepEqual(chart.data, [
      { category: 'Health', value: 1, series: 'Board' },
      { category: 'Health', value: 0, series: 'Subgroups' },
      { category: 'Police', value: 1, series: 'Board' },
      { category: 'Police', value: 1, series: 'Subgroups' },
      { category: 'No agency recorded', value: 1, series: 'Board' },
      { category: 'No agency recorded', value: 0, series: 'Subgroups' },
    ])
  })
})
