import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { scorecard } from '../src/modules/performance/scorecard.ts'
import { loadSeries } from '../src/modules/performance/series.ts'
import { insertIndicator, insertObservations, insertPartnership, setComparators } from './builders/index.ts'
import { appForSuite } from './helpers/app.ts'

/**
 * The series every performance page reads, from the database: the partnership's own authority,
 * England, its region and the neighbours' average (over the neighbours with a value), and the
 * scorecard built on them. Hand-worked figures in the comments; the rules themselves are
 * src/modules/performance/judgements.test.ts.
 */
const own = 'E10000025' // Oxfordshire, in the South East
const england = 'E92000001'
const southEast = 'E12000008'
const [bucks, cambs, glos] = ['E10000002', 'E10000003', 'E10000013']

describe('performance series and the scorecard', () => {
  const testApp = appForSuite()

  it('reads each comparator and averages the neighbours that have a value', async () => {
    const { db } = testApp().database
    const { partnershipId } = await insertPartnership(db)
    await setComparators(db, partnershipId, own, [bucks, cambs, glos])
    // A measure of its own, shaped like the child protection plan rate (the demo's catalogue has the real one).
    const cpp = await insertIndicator(db, partnershipId, {
      subject: 'children subject to child protection plans',
      unit: 'rate-per-10000',
      polarity: 'no-judgement',
    })
    await insertObservations(db, partnershipId, cpp.id, {
      [own]: { '2013/14': 36, '2014/15': 40, '2015/16': 42, '2016/17': 45 },
      [england]: { '2013/14': 42.1, '2014/15': 42.9, '2015/16': 43.1, '2016/17': 43.3 },
      [southEast]: { '2016/17': 41.5 },
      // 2013/14: (34 + 36) / 2 = 35 (Gloucestershire suppressed); 2016/17: (36 + 38.3 + 37) / 3 = 37.1
      [bucks]: { '2013/14': 34, '2016/17': 36 },
      [cambs]: { '2013/14': 36, '2016/17': 38.3 },
      [glos]: { '2013/14': 'c', '2016/17': 37 },
      E10000015: { '2016/17': 99 }, // Hertfordshire is not a neighbour here
    })
    await insertObservations(db, partnershipId, cpp.id, { [own]: { '2016/17 Q1': 44 } }) // quarters are not the annual series

    const [series] = await loadSeries(db, partnershipId, { indicatorIds: [cpp.id] })
    assert.deepEqual(
      series!.own.map((p) => [p.period, p.value]),
      [
        ['2013/14', 36],
        ['2014/15', 40],
        ['2015/16', 42],
        ['2016/17', 45],
      ],
    )
    assert.deepEqual(
      series!.neighbourAverage.map((p) => [p.period, Math.round(p.value! * 100) / 100, p.count, p.of]),
      [
        ['2013/14', 35, 2, 3],
        ['2016/17', 37.1, 3, 3],
      ],
    )

    const card = await scorecard(db, partnershipId)
    assert.equal(card.startYear, 2016)
    const row = card.rows.find((r) => r.indicator.id === cpp.id)
    assert.equal(row!.period, '2016/17')
    assert.equal(row!.value, 45)
    assert.deepEqual(row!.previous, { period: '2015/16', value: 42 })
    assert.equal(row!.travel, 'up') // no judgement: up, not "worsening"
    assert.equal(row!.england, 43.3)
    assert.equal(row!.region, 41.5)
    assert.equal(row!.neighbours!.count, 3)
    assert.equal(row!.rag, null)
    // 45 / 36 − 1 = 25%; England 43.3 / 42.1 − 1 = 2.9%; neighbours 37.1 / 35 − 1 = 6%
    assert.deepEqual(
      row!.exceptions.map((e) => e.sentence),
      [
        'Children subject to child protection plans rose by 25% from 2013/14 to 2016/17, faster than England (2.9%) and statistical neighbours (6%).',
      ],
    )

    const earlier = await scorecard(db, partnershipId, { startYear: 2014 })
    const earlierRow = earlier.rows.find((r) => r.indicator.id === cpp.id)!
    assert.equal(earlierRow.value, 40)
    assert.deepEqual(earlierRow.exceptions, [])
  })

  it('shows a suppressed value as suppressed, judges against the target, and leaves out retired indicators', async () => {
    const { db } = testApp().database
    const { partnershipId } = await insertPartnership(db)
    await setComparators(db, partnershipId, own, [bucks])
    const second = await insertIndicator(db, partnershipId, {
      unit: 'percentage',
      polarity: 'lower-is-better',
      target: 20,
    })
    const retired = await insertIndicator(db, partnershipId, { retiredAt: new Date() })
    await insertObservations(db, partnershipId, second.id, { [own]: { '2015/16': 'x', '2016/17': 21 } })
    await insertObservations(db, partnershipId, retired.id, { [own]: { '2016/17': 5 } })

    const card = await scorecard(db, partnershipId)
    assert.ok(!card.rows.some((r) => r.indicator.id === retired.id))
    const row = card.rows.find((r) => r.indicator.id === second.id)
    assert.deepEqual(row!.rag, { rag: 'amber', basis: 'target' }) // 1 over a target of 20: within 5%
    assert.equal(row!.direction, null) // the year before is suppressed
    const before = await scorecard(db, partnershipId, { startYear: 2015 })
    const beforeRow = before.rows.find((r) => r.indicator.id === second.id)!
    assert.equal(beforeRow.value, null)
    assert.equal(beforeRow.suppressed, 'x')
  })

  it('has nothing to show for a measure with no data', async () => {
    const { db } = testApp().database
    const { partnershipId } = await insertPartnership(db)
    const fresh = await insertIndicator(db, partnershipId)
    const card = await scorecard(db, partnershipId, { indicatorIds: [fresh.id] })
    assert.deepEqual([card.startYear, card.rows], [null, []])
  })
})
