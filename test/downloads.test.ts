import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { and, desc, eq } from 'drizzle-orm'
import { registry } from '../src/app.ts'
import { agencies } from '../src/modules/partnership/schema.ts'
import { auditLog } from '../src/platform/schema.ts'
import { insertPerson } from './builders/index.ts'
import { appForSuite, demoEmail, type TestApp } from './helpers/app.ts'
import { parseCsv } from './helpers/csv.ts'
import { textOf } from './helpers/html.ts'
import { routeIds, routeTable } from './helpers/routes.ts'

/**
 * A CSV download takes personal data out of the service, so the audit log records each one: who,
 * which list, how many rows and which filters, but never what the filters held.
 */

async function downloadEntries(testApp: TestApp) {
  return testApp.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.partnershipId, testApp.partnershipId), eq(auditLog.action, 'downloaded')))
    .orderBy(desc(auditLog.id))
}

describe('downloads in the audit log', () => {
  const hub = appForSuite()

  it('an officer downloads a filtered list of people; the administrator sees the download, without what was searched for', async () => {
    const testApp = hub()
    const [oxfordHealth] = await testApp.database.db
      .select({ id: agencies.id })
      .from(agencies)
      .where(eq(agencies.name, 'Oxford Health NHS Foundation Trust'))
    const officer = await testApp.signIn(demoEmail['business-unit'])
    const before = (await downloadEntries(testApp)).length

    const download = await officer.get(`/directory/people.csv?agencyId=${oxfordHealth!.id}&search=Lindqvist`)
    assert.equal(download.statusCode, 200)
    assert.equal(parseCsv(download.body).length, 2, 'a header and Grace Lindqvist')

    const entries = await downloadEntries(testApp)
    assert.equal(entries.length, before + 1, 'one entry for one download')
    const [entry] = entries
    assert.equal(entry!.actorName, 'Tom Whitfield')
    assert.equal(entry!.recordType, 'download')
    assert.equal(entry!.summary, 'Downloaded people.csv (1 row)')
    assert.deepEqual(entry!.after, {
      file: 'people.csv',
      path: '/directory/people.csv',
      rows: 1,
      filters: ['agencyId', 'search'],
    })
    assert.ok(!JSON.stringify(entry).includes('Lindqvist'), 'the search typed is not kept')

    const administrator = await testApp.signIn(demoEmail.administrator)
    const log = await administrator.get('/audit-log?recordType=download')
    assert.equal(log.statusCode, 200)
    const text = textOf(log.body)
    assert.match(text, /Tom Whitfield Downloaded people\.csv \(1 row\) Download/)
    assert.match(text, /Address: \(blank\) → \/directory\/people\.csv/)
    assert.match(text, /Filtered by: \(blank\) → agencyId, search/)
    assert.match(log.body, /<option value="download" selected>Download<\/option>/)
  })

  it('every CSV download writes exactly one entry, naming its file', async () => {
    const testApp = hub()
    await insertPerson(testApp.database.db, testApp.partnershipId)
    const concreteUrl = await routeIds(testApp)
    const csvRoutes = routeTable(testApp.app).filter((route) => route.method === 'GET' && route.url.endsWith('.csv'))
    assert.ok(csvRoutes.length >= 7, `only ${csvRoutes.length} downloads found`)

    const administrator = await testApp.signIn(demoEmail.administrator)
    // Confidential records (case reviews) are not the administrator's to read: the business unit's.
    const officer = await testApp.signIn(demoEmail['business-unit'])
    for (const route of csvRoutes) {
      const before = (await downloadEntries(testApp)).length
      const administrators = !route.permission || registry.permissions.get(route.permission)?.administrator
      const response = await (administrators ? administrator : officer).get(concreteUrl(route.url))
      assert.equal(response.statusCode, 200, route.url)
      const filename = String(response.headers['content-disposition']).match(/filename="([^"]+)"/)?.[1]
      const entries = await downloadEntries(testApp)
      assert.equal(entries.length, before + 1, route.url)
      // The audit log's own download counts the entries as they were before it was written.
      const rows = parseCsv(response.body).length - 1
      assert.equal(entries[0]!.summary, `Downloaded ${filename} (${rows} ${rows === 1 ? 'row' : 'rows'})`)
    }
  })

  it('a refused or invalid download is not recorded, since nothing left the service', async () => {
    const testApp = hub()
    const before = (await downloadEntries(testApp)).length
    const reader = await testApp.signIn(demoEmail['read-only'])
    assert.equal((await reader.get('/audit-log/download.csv')).statusCode, 403)
    const administrator = await testApp.signIn(demoEmail.administrator)
    const invalid = await administrator.get('/audit-log/download.csv?from-day=31&from-month=2&from-year=2017')
    assert.equal(invalid.statusCode, 400)
    assert.equal((await downloadEntries(testApp)).length, before)
  })
})
