import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { and, asc, eq, gt } from 'drizzle-orm'
import { localAuthorities } from '../src/modules/performance/areas.ts'
import { getComparators, saveComparators } from '../src/modules/performance/neighbours/service.ts'
import { performanceSettings } from '../src/modules/performance/schema.ts'
import { demoNeighbours } from '../src/modules/performance/seed-data.ts'
import { StaleEditError, ValidationError } from '../src/platform/errors.ts'
import { systemActor } from '../src/platform/permissions.ts'
import { auditLog } from '../src/platform/schema.ts'
import { insertObservationList } from './builders/index.ts'
import { demoEmail } from './helpers/app.ts'
import { banner, errorSummary, hiddenValue, tableColumn } from './helpers/html.ts'
import { officerForSuite } from './helpers/records.ts'

/**
 * The partnership's own authority and statistical neighbours: chosen on one page, checked, audited,
 * and the neighbours' average of each standard measure computed from the observations, which
 * changes when a neighbour is swapped.
 *
 * The demo has values for Oxfordshire, England, the South East and Oxfordshire's ten neighbours.
 * The neighbours chosen here are authorities it has none for, so every average below is of the
 * values this test adds; Oxfordshire's own values are the demo's.
 */

const oxfordshire = 'E10000025'
const buckinghamshire = 'E10000002'
const gloucestershire = 'E10000013'
const kent = 'E10000016'
const essex = 'E10000012'
const hampshire = 'E10000014'
const surrey = 'E10000030'
const eastSussex = 'E10000011'
const westSussex = 'E10000032'

/** The neighbours' figures, worked by hand below. */
const observations = [
  // Child protection plans per 10,000, 2016/17: three values, one suppressed, East Sussex has none.
  { code: 'CPP-RATE', areaCode: kent, period: '2016/17', value: 40.0 },
  { code: 'CPP-RATE', areaCode: essex, period: '2016/17', value: 35.5 },
  { code: 'CPP-RATE', areaCode: hampshire, period: '2016/17', value: 30.2 },
  { code: 'CPP-RATE', areaCode: surrey, period: '2016/17', suppressed: 'c' },
  // A value since replaced: history, not in the average.
  { code: 'CPP-RATE', areaCode: kent, period: '2016/17', value: 99.9, supersededAt: new Date('2017-12-01') },
  // An earlier year: not the latest, so not in the average.
  { code: 'CPP-RATE', areaCode: kent, period: '2015/16', value: 38.0 },
  // Not a neighbour until it is swapped in.
  { code: 'CPP-RATE', areaCode: westSussex, period: '2016/17', value: 50.0 },
  // Re-referrals: one neighbour has 2017/18, the latest year with data (the demo's run to 2016/17).
  { code: 'REREF-PC', areaCode: kent, period: '2016/17', value: 20.0 },
  { code: 'REREF-PC', areaCode: essex, period: '2017/18', value: 22.0 },
]

const averagesOf = (body: string) => {
  const caption = 'The neighbours’ averages'
  const measures = tableColumn(body, caption, 'Measure')
  const year = tableColumn(body, caption, 'Year')
  const own = tableColumn(body, caption, 'Oxfordshire')
  const average = tableColumn(body, caption, 'Neighbours’ average')
  const coverage = tableColumn(body, caption, 'Neighbours with a value')
  return Object.fromEntries(
    measures.map((m, i) => [m, [year[i], own[i], average[i], coverage[i]].filter(Boolean).join(' | ')]),
  )
}

describe('own authority and statistical neighbours', () => {
  const shared = officerForSuite()

  it('an officer lists the neighbours and sees their averages, which change when a neighbour is swapped', async () => {
    const { testApp, officer } = shared
    const { db } = testApp.database
    await insertObservationList(db, testApp.partnershipId, observations)

    // The demo chose Oxfordshire and its ten neighbours, whose averages the page shows.
    let page = await officer.get('/performance/neighbours')
    assert.match(page.body, new RegExp(`<option value="${oxfordshire}" selected>Oxfordshire \\(931\\)</option>`))
    assert.equal(hiddenValue(page.body, 'version'), '1')
    assert.match(page.body, new RegExp(`<option value="${demoNeighbours.at(-1)!.code}" selected>`))
    assert.equal(
      averagesOf(page.body)['Child protection plans per 10,000 children'],
      '2016/17 | 47.1 | 38.4 | 10 of 10 neighbours have a value',
    )

    // A partnership that has not chosen yet: its own authority is the partnership's, with no neighbours.
    await db.delete(performanceSettings).where(eq(performanceSettings.partnershipId, testApp.partnershipId))
    const seeded = await db.select({ id: auditLog.id }).from(auditLog)
    const since = Math.max(...seeded.map((e) => e.id))
    page = await officer.get('/performance/neighbours')
    assert.match(page.body, new RegExp(`<option value="${oxfordshire}" selected>Oxfordshire \\(931\\)</option>`))
    assert.match(page.body, /No neighbours are listed yet/)
    assert.equal(hiddenValue(page.body, 'version'), '')

    const neighbours = [kent, essex, hampshire, surrey, eastSussex]
    let response = await officer.post('/performance/neighbours', {
      version: '',
      areaCode: oxfordshire,
      neighbourCodes: [...neighbours, '', '', '', '', ''],
    })
    assert.equal(response.headers.location, '/performance/neighbours?saved=1')
    page = await officer.get(response.headers.location as string)
    assert.equal(banner(page.body), 'Neighbours saved. The averages below use them.')
    let averages = averagesOf(page.body)
    // (40.0 + 35.5 + 30.2) / 3 = 35.23: Surrey's is suppressed and East Sussex has none. 47.1 is Oxfordshire's (the demo's).
    assert.equal(
      averages['Child protection plans per 10,000 children'],
      '2016/17 | 47.1 | 35.2 | 3 of 5 neighbours have a value',
    )
    assert.equal(
      averages['Re-referrals within 12 months'],
      '2017/18 | No value | 22.0% | 1 of 5 neighbours have a value',
    )
    assert.equal(averages['Looked-after children per 10,000 children'], 'No data | No neighbour has a value')

    // Hampshire out, West Sussex in: (40.0 + 35.5 + 50.0) / 3 = 41.83.
    response = await officer.post('/performance/neighbours', {
      version: hiddenValue(page.body, 'version') ?? '',
      areaCode: oxfordshire,
      neighbourCodes: [kent, essex, westSussex, surrey, eastSussex, '', '', ''],
    })
    assert.equal(response.headers.location, '/performance/neighbours?saved=1')
    page = await officer.get('/performance/neighbours')
    averages = averagesOf(page.body)
    assert.equal(
      averages['Child protection plans per 10,000 children'],
      '2016/17 | 47.1 | 41.8 | 3 of 5 neighbours have a value',
    )

    const saved = await getComparators(db, testApp.partnershipId)
    assert.deepEqual(saved, {
      areaCode: oxfordshire,
      neighbourCodes: [kent, essex, westSussex, surrey, eastSussex],
      version: 2,
    })
    const entries = await db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.recordType, 'performance-settings'),
          eq(auditLog.recordId, testApp.partnershipId),
          gt(auditLog.id, since),
        ),
      )
      .orderBy(asc(auditLog.id))
    assert.deepEqual(
      entries.map((e) => e.action),
      ['created', 'updated'],
    )
    assert.deepEqual(
      (entries[1]!.before as Record<string, string>).neighbours,
      'Kent, Essex, Hampshire, Surrey, East Sussex',
    )
    assert.deepEqual(
      (entries[1]!.after as Record<string, string>).neighbours,
      'Kent, Essex, West Sussex, Surrey, East Sussex',
    )

    // The same again changes nothing.
    response = await officer.post('/performance/neighbours', {
      version: '2',
      areaCode: oxfordshire,
      neighbourCodes: saved.neighbourCodes,
    })
    assert.equal(response.headers.location, '/performance/neighbours?unchanged=1')
  })

  it('refuses an unknown authority, the own authority, a repeat, more than 15 and a stale form, saving nothing', async () => {
    const { testApp, officer } = shared
    const { db } = testApp.database
    const before = await getComparators(db, testApp.partnershipId)
    let response = await officer.post('/performance/neighbours', {
      version: String(before.version),
      areaCode: 'W06000001',
      neighbourCodes: [buckinghamshire, '', 'E99999999', oxfordshire, '825'],
    })
    assert.equal(response.statusCode, 400)
    assert.deepEqual(errorSummary(response.body), [
      'areaCode: Select the partnership’s local authority from the list',
      'neighbourCodes-2: Neighbour 3: select an English local authority from the list',
      'neighbourCodes-4: Neighbour 5: Buckinghamshire is listed twice',
    ])
    assert.match(response.body, /id="neighbourCodes-2"/)

    response = await officer.post('/performance/neighbours', {
      version: String(before.version),
      areaCode: '931',
      neighbourCodes: [oxfordshire],
    })
    assert.deepEqual(errorSummary(response.body), [
      'neighbourCodes-0: Neighbour 1: Oxfordshire is the partnership’s own authority, so it cannot be its neighbour',
    ])

    const actor = systemActor(testApp.partnershipId, 'Test')
    // Sixteen London boroughs.
    const sixteen = localAuthorities()
      .filter((a) => a.regionCode === 'E12000007')
      .slice(0, 16)
      .map((a) => a.code)
    await assert.rejects(
      saveComparators(db, actor, testApp.partnershipId, {
        areaCode: oxfordshire,
        neighbourCodes: sixteen,
        version: before.version,
      }),
      (error) => error instanceof ValidationError && error.fieldErrors.neighbourCodes === 'List at most 15 neighbours',
    )
    await assert.rejects(
      saveComparators(db, actor, testApp.partnershipId, {
        areaCode: oxfordshire,
        neighbourCodes: [gloucestershire],
        version: before.version! - 1,
      }),
      StaleEditError,
    )
    response = await officer.post('/performance/neighbours', {
      version: String(before.version! - 1),
      areaCode: oxfordshire,
      neighbourCodes: [gloucestershire],
    })
    assert.equal(response.statusCode, 409)
    const [row] = await db
      .select()
      .from(performanceSettings)
      .where(eq(performanceSettings.partnershipId, testApp.partnershipId))
    assert.deepEqual(row!.neighbourCodes, before.neighbourCodes)
    assert.equal(row!.version, before.version)
  })

  it('is the business unit’s page', async () => {
    const { testApp } = shared
    for (const role of ['chair', 'subgroup-member', 'trainer'] as const) {
      const session = await testApp.signIn(demoEmail[role])
      assert.equal((await session.get('/performance/neighbours')).statusCode, 403, role)
    }
  })
})
