import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { observations, type Indicator } from '../src/modules/performance/schema.ts'
import { insertStandardIndicators } from './builders/index.ts'
import { appForSuite, demoEmail, type Session, type TestApp } from './helpers/app.ts'
import { dfeCsv } from '../src/modules/performance/imports/dfe-file.ts'
import { multipart } from './helpers/multipart.ts'
import { fourAreas, measures, oxfordshire } from './helpers/performance-import.ts'

/** The import pages and the hand-entry form, as the business unit uses them. */
describe('the performance import and value pages', () => {
  const app = appForSuite()
  let testApp: TestApp
  let officer: Session
  let catalogue: Map<string, Indicator>

  before(async () => {
    testApp = app()
    catalogue = await insertStandardIndicators(testApp.database.db, testApp.partnershipId)
    officer = await testApp.signIn(demoEmail['business-unit'])
  })

  it('uploads a department file with measures ticked, shows the choice, and imports only those', async () => {
    const form = await officer.get('/performance/import/dfe')
    assert.equal(form.statusCode, 200)
    assert.match(form.body, /Which measures to take/)
    assert.match(form.body, /name="measures" type="checkbox" value="CPP-RATE"/)
    assert.match(form.body, /One column per measure/)
    const content = Buffer.from(dfeCsv(measures, fourAreas(2007)))
    const posted = await officer.request({
      method: 'POST',
      url: '/performance/import/dfe',
      ...multipart({ _csrf: officer.csrfToken, measures: ['CPP-RATE', 'REREF-PC'] }, { name: 'dfe.csv', content }),
    })
    assert.equal(posted.statusCode, 302, posted.body)
    const page = await officer.get(posted.headers.location as string)
    assert.match(page.body, /Child protection plans per 10,000 children \(cpp_rate\)/)
    assert.match(page.body, /Import 4 rows/)
    const applied = await officer.post(`${posted.headers.location}/apply`)
    assert.equal(applied.statusCode, 302)
    assert.match((await officer.get(applied.headers.location as string)).body, /8 rows added, 0 unchanged/)

    const refused = await officer.request({
      method: 'POST',
      url: '/performance/import/dfe',
      ...multipart({ _csrf: officer.csrfToken, measures: 'NOPE' }, { name: 'dfe.csv', content: Buffer.from('x') }),
    })
    assert.equal(refused.statusCode, 400)
    assert.match(refused.body, /Which measures to take: select from the list/)
  })

  it('offers the template as a CSV to download', async () => {
    const form = await officer.get('/performance/import/template')
    assert.match(form.body, /href="\/performance\/import\/template.csv"/)
    const csv = await officer.get('/performance/import/template.csv')
    assert.equal(csv.statusCode, 200)
    assert.equal(csv.body.replace(/^\ufeff/, '').trim(), 'Indicator code,Area code,Period,Value')
  })

  it('an officer enters and corrects one value by hand; a reader cannot', async () => {
    const id = catalogue.get('CPP-RATE')!.id
    const path = `/performance/indicators/${id}/values/new`
    const form = await officer.get(path)
    assert.equal(form.statusCode, 200)
    assert.match(form.body, /Enter or correct a value/)

    const bad = await officer.post(path, { area: oxfordshire, period: 'last year', value: 'lots' })
    assert.equal(bad.statusCode, 400)
    assert.match(bad.body, /Enter a period like 2016\/17/)
    assert.match(bad.body, /Enter a number, or one of the department’s symbols/)
    assert.match(bad.body, /value="lots"/)

    const saved = await officer.post(path, { area: oxfordshire, period: '2003/04', value: '41.2' })
    assert.equal(saved.statusCode, 302, saved.body)
    assert.match((await officer.get(saved.headers.location as string)).body, /Saved 41.2 for Oxfordshire, 2003\/04/)
    const suppressed = await officer.post(path, { area: oxfordshire, period: '2003/04', value: 'c' })
    assert.match(
      (await officer.get(suppressed.headers.location as string)).body,
      /Saved suppressed \(c\) for Oxfordshire, 2003\/04/,
    )
    const rows = await testApp.database.db
      .select()
      .from(observations)
      .where(and(eq(observations.indicatorId, id), eq(observations.period, '2003/04')))
      .orderBy(observations.enteredAt)
    assert.deepEqual(
      rows.map((r) => [r.value, r.suppressed, r.enteredByName, r.supersededAt === null]),
      [
        [41.2, null, 'Tom Whitfield', false],
        [null, 'c', 'Tom Whitfield', true],
      ],
    )
    const reader = await testApp.signIn(demoEmail['board-member'])
    assert.equal((await reader.get(path)).statusCode, 403)
  })
})
