import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { and, count, eq } from 'drizzle-orm'
import { standardIndicators } from '../src/modules/performance/catalogue.ts'
import { indicators, indicatorThemes, observations } from '../src/modules/performance/schema.ts'
import { demoOwnMeasures } from '../src/modules/performance/seed-data.ts'
import { demoThemeTags } from '../src/modules/performance/seed.ts'
import {
  ensureStandardIndicators,
  getIndicator,
  listIndicators,
  missingStandardIndicators,
  updateIndicator,
} from '../src/modules/performance/indicators/service.ts'
import { ValidationError } from '../src/platform/errors.ts'
import { systemActor } from '../src/platform/permissions.ts'
import { auditLog } from '../src/platform/schema.ts'
import { indicatorIdOf, themeIdsNamed } from './builders/index.ts'
import { demoEmail, type TestApp } from './helpers/app.ts'
import { parseCsv } from './helpers/csv.ts'
import { banner, errorSummary, formVersion, pageTitle, tableColumn } from './helpers/html.ts'
import { officerForSuite } from './helpers/records.ts'

/**
 * The indicator catalogue: every partnership starts with the department's standard measures, adds
 * its own, sets targets, and cannot redefine a standard measure; every change is in the audit log.
 */

async function auditCount(testApp: TestApp, recordId?: string) {
  const [row] = await testApp.database.db
    .select({ n: count() })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.partnershipId, testApp.partnershipId),
        eq(auditLog.recordType, 'indicator'),
        recordId ? eq(auditLog.recordId, recordId) : undefined,
      ),
    )
  return row!.n
}

const ownMeasure = {
  code: 'lado-rate',
  name: 'Allegations referred to the LADO per 10,000 children',
  subject: 'allegations referred to the LADO',
  definition: 'Allegations about people who work with children referred to the local authority designated officer.',
  unit: 'rate-per-10000',
  polarity: 'no-judgement',
  source: 'Local data: LADO service',
  frequency: 'quarterly',
  dfeColumn: '',
  target: '',
  position: '',
}

describe('the indicator catalogue', () => {
  const shared = officerForSuite()

  it('starts with the standard measures, added once however often it is asked', async () => {
    const { testApp, officer } = shared
    const { db } = testApp.database
    // The standard measures in the department's order, then the demo's own measures after them.
    const listed = await listIndicators(db, testApp.partnershipId)
    assert.deepEqual(
      listed.map((i) => [i.code, i.standard]),
      [...standardIndicators.map((s) => [s.code, true]), ...demoOwnMeasures.map((m) => [m.indicator.code, false])],
    )
    const before = await auditCount(testApp)
    assert.equal(
      before,
      listed.length + Object.keys(demoThemeTags).length,
      'one audit row for each measure the seed added (its values are not the measure’s), and one for each it tagged with themes',
    )

    const actor = systemActor(testApp.partnershipId, 'Test')
    assert.equal(await ensureStandardIndicators(db, actor, testApp.partnershipId), 0)
    assert.equal(await auditCount(testApp), before)

    // One goes with its values (as if it had never been added): the page offers to add it, and adding it adds only that one.
    const cla = await indicatorIdOf(db, testApp.partnershipId, 'CLA-RATE')
    await db.delete(observations).where(eq(observations.indicatorId, cla))
    await db.delete(indicators).where(eq(indicators.id, cla))
    assert.deepEqual(
      (await missingStandardIndicators(db, testApp.partnershipId)).map((s) => s.code),
      ['CLA-RATE'],
    )
    let page = await officer.get('/performance/indicators')
    assert.match(
      page.body,
      /1 of the standard measures is not in the catalogue: Looked-after children per 10,000 children\./,
    )
    assert.equal(await auditCount(testApp), before, 'opening the page writes nothing')
    let response = await officer.post('/performance/indicators/standard', {})
    assert.equal(response.headers.location, '/performance/indicators?added=1')
    page = await officer.get(response.headers.location as string)
    assert.equal(banner(page.body), 'Added 1 standard measure')
    assert.doesNotMatch(page.body, /Add the standard measures/)
    assert.equal(await auditCount(testApp), before + 1)
    response = await officer.post('/performance/indicators/standard', {})
    assert.equal(response.headers.location, '/performance/indicators?added=0')
    assert.equal((await listIndicators(db, testApp.partnershipId)).length, listed.length)
  })

  it('lists the measures with a count line, sorts on the server and downloads them as CSV', async () => {
    const { officer } = shared
    // The ten standard measures and the demo's two own ones.
    const measures = standardIndicators.length + demoOwnMeasures.length
    let page = await officer.get('/performance/indicators')
    assert.equal(pageTitle(page.body), 'Indicator catalogue – Oxfordshire Safeguarding Children Board')
    assert.match(page.body, new RegExp(`>${measures} measures\\. `))
    assert.match(
      page.body,
      /href="\/performance\/indicators\/[0-9a-f-]{36}">Child protection plans per 10,000 children</,
    )
    page = await officer.get('/performance/indicators?sort=code&direction=desc')
    const codes = tableColumn(page.body, 'Measures', 'Code')
    assert.deepEqual(codes, [...codes].sort().reverse())
    const csv = await officer.get('/performance/indicators.csv?sort=code')
    const rows = parseCsv(csv.body)
    assert.deepEqual(rows[0]!.slice(0, 3), ['Code', 'Name', 'Kind'])
    assert.equal(rows.length, measures + 1)
    assert.equal(rows[1]![0], 'ASSESS-45-PC')
    assert.equal(rows.find((r) => r[0] === 'CPP-RATE')![8], 'cpp_rate')
  })

  it('adds an own measure; refuses a code clash and bad input with messages, keeping what was typed', async () => {
    const { testApp, officer } = shared
    const { db } = testApp.database
    const [neglect] = await themeIdsNamed(db, testApp.partnershipId, ['Neglect'])
    const last = Math.max(...(await listIndicators(db, testApp.partnershipId)).map((i) => i.position))
    let response = await officer.post('/performance/indicators/new', { ...ownMeasure, themeIds: neglect! })
    assert.equal(response.statusCode, 302)
    assert.equal(response.headers.location, '/performance/indicators?saved=1&code=LADO-RATE')
    const id = await indicatorIdOf(db, testApp.partnershipId, 'LADO-RATE')
    const saved = await getIndicator(db, testApp.partnershipId, id)
    assert.equal(saved.standard, false)
    assert.equal(saved.position, last + 1, 'after the measures there are')
    assert.equal(await auditCount(testApp, id), 1)
    const tagged = await db.select().from(indicatorThemes).where(eq(indicatorThemes.indicatorId, id))
    assert.deepEqual(
      tagged.map((t) => t.themeId),
      [neglect],
    )

    const before = await auditCount(testApp)
    response = await officer.post('/performance/indicators/new', { ...ownMeasure, name: 'Another' })
    assert.equal(response.statusCode, 400)
    assert.deepEqual(errorSummary(response.body), ['code: There is already a measure with this code'])
    assert.match(response.body, /value="Another"/, 'what was typed is kept')

    response = await officer.post('/performance/indicators/new', {
      ...ownMeasure,
      code: 'cpp-rate',
      dfeColumn: 'cla_rate',
    })
    assert.deepEqual(errorSummary(response.body), [
      'code: CPP-RATE is the code of the standard measure “Child protection plans per 10,000 children”',
      'dfeColumn: The department’s column cla_rate is already read into “Looked-after children per 10,000 children”',
    ])

    response = await officer.post('/performance/indicators/new', {
      code: 'no spaces',
      name: '',
      subject: 'x',
      definition: 'x',
      unit: 'furlongs',
      source: 'x',
      frequency: 'annual',
      target: 'lots',
    })
    assert.equal(response.statusCode, 400)
    assert.match(pageTitle(response.body), /^Error: /)
    assert.deepEqual(errorSummary(response.body), [
      'code: The code must be letters, numbers and hyphens, like LADO-RATE',
      'name: Enter the name',
      'unit: Select the unit',
      'polarity: Select which way is better',
      'target: Enter the target as a number, like 45 or 12.5',
    ])
    response = await officer.post('/performance/indicators/new', {
      ...ownMeasure,
      code: 'PC-OVER',
      unit: 'percentage',
      target: '120',
    })
    assert.deepEqual(errorSummary(response.body), ['target: A percentage target must be between 0 and 100'])
    assert.equal(await auditCount(testApp), before, 'nothing refused was written')
  })

  it('sets a standard measure’s target, but not its definition, whatever is posted', async () => {
    const { testApp, officer } = shared
    const { db } = testApp.database
    const id = await indicatorIdOf(db, testApp.partnershipId, 'CPP-SECOND-PC')
    let page = await officer.get(`/performance/indicators/${id}/edit`)
    assert.doesNotMatch(page.body, /name="definition"/, 'a standard measure’s definition is not offered')
    assert.match(page.body, /Plans starting in the year for children who had been on a plan before/)
    let response = await officer.post(`/performance/indicators/${id}/edit`, {
      kind: 'standard',
      version: formVersion(page.body),
      target: '18.5',
      position: '9',
    })
    assert.equal(response.headers.location, '/performance/indicators?saved=1&code=CPP-SECOND-PC')
    let saved = await getIndicator(db, testApp.partnershipId, id)
    assert.equal(saved.target, 18.5)
    assert.equal(saved.position, 9)
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.recordId, id), eq(auditLog.action, 'updated')))
    assert.deepEqual(entry!.before, { target: null }, 'the position posted is the one it had')
    assert.deepEqual(entry!.after, { target: 18.5 })

    // A forged post of the own-measure form is refused by the service, not ignored.
    page = await officer.get(`/performance/indicators/${id}/edit`)
    response = await officer.post(`/performance/indicators/${id}/edit`, {
      ...ownMeasure,
      code: 'CPP-SECOND-PC',
      kind: 'own',
      version: formVersion(page.body),
      definition: 'Something else',
    })
    assert.equal(response.statusCode, 400)
    assert.ok(
      errorSummary(response.body).includes(
        'definition: A standard measure keeps the department’s definition: only its target, position and themes can change',
      ),
    )
    const actor = systemActor(testApp.partnershipId, 'Test')
    await assert.rejects(
      updateIndicator(db, actor, id, saved.version, { unit: 'count', target: 1, position: 1, themeIds: [] } as never),
      (error) => error instanceof ValidationError && 'unit' in error.fieldErrors,
    )
    saved = await getIndicator(db, testApp.partnershipId, id)
    assert.equal(saved.unit, 'percentage')
    assert.match(saved.definition, /^Plans starting in the year/)
  })

  it('retires a measure and restores it, each audited, at the version the form was opened at', async () => {
    const { testApp, officer } = shared
    const { db } = testApp.database
    const id = await indicatorIdOf(db, testApp.partnershipId, 'ICPC-RATE')
    const page = await officer.get(`/performance/indicators/${id}/edit`)
    const version = formVersion(page.body)
    let response = await officer.post(`/performance/indicators/${id}/retire`, { version })
    assert.equal(response.headers.location, '/performance/indicators?retired=1&code=ICPC-RATE')
    let list = await officer.get('/performance/indicators')
    assert.doesNotMatch(list.body, /Initial child protection conferences per 10,000 children/)
    list = await officer.get('/performance/indicators?status=retired')
    assert.match(list.body, /Initial child protection conferences per 10,000 children/)
    response = await officer.post(`/performance/indicators/${id}/restore`, { version })
    assert.equal(response.statusCode, 409, 'a stale form is refused')
    response = await officer.post(`/performance/indicators/${id}/restore`, { version: String(Number(version) + 1) })
    assert.equal(response.headers.location, '/performance/indicators?restored=1&code=ICPC-RATE')
    const actions = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.recordId, id))
    assert.deepEqual(actions.map((a) => a.action).sort(), ['created', 'restored', 'retired'])
  })

  it('lets people with performance:read see the catalogue but not change it', async () => {
    const { testApp } = shared
    const member = await testApp.signIn(demoEmail['board-member'])
    const page = await member.get('/performance/indicators')
    assert.equal(page.statusCode, 200)
    assert.doesNotMatch(page.body, /Add a measure|\/edit"/)
    assert.equal((await member.get('/performance/indicators/new')).statusCode, 403)
    const trainer = await testApp.signIn(demoEmail.trainer)
    assert.equal((await trainer.get('/performance/indicators')).statusCode, 403)
  })
})
