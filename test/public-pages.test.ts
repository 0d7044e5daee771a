import assert from 'node:assert/strict'
import { and, eq, isNotNull } from 'drizzle-orm'
import { before, describe, it } from 'node:test'
import { reports, reportVersions } from '../src/db/schema.ts'
import { insertPartnership } from './builders/index.ts'
import { appForSuite, demoEmail, type TestApp } from './helpers/app.ts'
import { heading, pageTitle, textOf } from './helpers/html.ts'
import { demoReports } from './helpers/reports.ts'

/**
 * The public site: pages for people without an account, on the public layout, for one
 * partnership (PUBLIC_PARTNERSHIP, or the deployment's only one).
 */

const demoName = 'Oxfordshire Safeguarding Children Board'

const header = (body: string) => body.match(/<header[\s\S]*?<\/header>/)?.[0] ?? ''
const footer = (body: string) => body.match(/<footer[\s\S]*<\/footer>/)?.[0] ?? ''
const siteMenu = (body: string) => {
  const nav = body.match(/<nav[^>]*aria-label="Site menu"[\s\S]*?<\/nav>/)?.[0] ?? ''
  return [...nav.matchAll(/<a class="govuk-service-navigation__link" href="([^"]+)"([^>]*)>([\s\S]*?)<\/a>/g)].map(
    (m) => {
      const current = m[2]!.match(/aria-current="(\w+)"/)?.[1]
      return `${textOf(m[3]!)} ${m[1]}${current ? ` (${current})` : ''}`
    },
  )
}

/** Which layout a page is on: the public one has the site menu; the staff one, for the signed in, the main menu. */
function assertPublicLayout(body: string, name: string) {
  assert.match(
    header(body),
    new RegExp(`href="/public" class="govuk-generic-header__homepage-link">\\s*${name}\\s*</a>`),
  )
  assert.ok(siteMenu(body).length > 0, 'the site menu')
  assert.doesNotMatch(body, /aria-label="Main menu"/, 'no staff menu')
  assert.doesNotMatch(body, /Signed in as/, 'no account bar')
  assert.doesNotMatch(body, /action="\/sign-out"/, 'no sign-out form')
  assert.match(footer(body), /href="\/accessibility"/)
  assert.match(footer(body), /href="\/privacy"/)
  assert.match(footer(body), new RegExp(`${name}, using Safeguarding Partnership Hub\\.`))
}

async function publishedReportOf(testApp: TestApp, partnershipId: string) {
  const [row] = await testApp.database.db
    .selectDistinct({ id: reports.id })
    .from(reports)
    .innerJoin(reportVersions, eq(reportVersions.reportId, reports.id))
    .where(and(eq(reports.partnershipId, partnershipId), isNotNull(reportVersions.publishedAt)))
  assert.ok(row, 'the demo data publishes a report')
  return row.id
}

describe('the public site of a deployment with one partnership', () => {
  const hub = appForSuite()
  let published2015: string

  before(async () => {
    published2015 = (await demoReports(hub())).published2015
  })

  it('has a home page with the partnership’s name and its public sections', async () => {
    const page = await (await hub().visitor()).get('/public')
    assert.equal(page.statusCode, 200)
    assertPublicLayout(page.body, demoName)
    assert.equal(heading(page.body), demoName)
    assert.equal(pageTitle(page.body), `Home – ${demoName}`)
    assert.deepEqual(siteMenu(page.body), [
      'Home /public (page)',
      'Training /training',
      'Newsletters /newsletters',
      'Learning from reviews /learning-from-reviews',
      'Annual reports /published-reports',
      'Staff sign in /sign-in',
    ])
    assert.match(page.body, /<a class="govuk-link" href="\/published-reports">Annual reports<\/a>/)
  })

  it('shows the published reports on the public layout, with Annual reports marked in the menu', async () => {
    const visitor = await hub().visitor()
    const list = await visitor.get('/published-reports')
    assert.equal(list.statusCode, 200)
    assertPublicLayout(list.body, demoName)
    assert.equal(heading(list.body), 'Annual reports')
    assert.ok(siteMenu(list.body).includes('Annual reports /published-reports (page)'))
    assert.match(list.body, new RegExp(`href="/published-reports/${published2015}"`))

    const report = await visitor.get(`/published-reports/${published2015}`)
    assert.equal(report.statusCode, 200)
    assertPublicLayout(report.body, demoName)
    assert.equal(heading(report.body), `${demoName} annual report 2015/16`)
    assert.equal(pageTitle(report.body), `${demoName} annual report 2015/16 – ${demoName}`)
    assert.ok(siteMenu(report.body).includes('Annual reports /published-reports (true)'), 'a page within the section')
  })

  it('shows no staff menu or account bar to someone signed in, who keeps them on staff pages', async () => {
    const chair = await hub().signIn(demoEmail.chair)
    for (const path of ['/public', '/published-reports', `/published-reports/${published2015}`]) {
      const page = await chair.get(path)
      assert.equal(page.statusCode, 200, path)
      assertPublicLayout(page.body, demoName)
    }
    const staff = await chair.get('/reports')
    assert.match(staff.body, /aria-label="Main menu"/)
    assert.match(staff.body, /Signed in as/)
    assert.doesNotMatch(staff.body, /aria-label="Site menu"/)
  })

  it('keeps / as the staff home: signed out, it asks for sign-in', async () => {
    const home = await (await hub().visitor()).get('/')
    assert.equal(home.statusCode, 302)
    assert.equal(home.headers.location, '/sign-in')
  })
})

describe('the public site of a deployment with several partnerships', () => {
  const code = 'T77777777'

  describe('PUBLIC_PARTNERSHIP names one of them', () => {
    const hub = appForSuite({ env: { PUBLIC_PARTNERSHIP: code.toLowerCase() } })
    let theirs: Awaited<ReturnType<typeof insertPartnership>>

    before(async () => {
      theirs = await insertPartnership(hub().database.db, { localAuthorityCode: code })
    })

    it('carries that partnership’s name, and lists its reports only', async () => {
      const visitor = await hub().visitor()
      const home = await visitor.get('/public')
      assert.equal(home.statusCode, 200)
      assertPublicLayout(home.body, theirs.name)
      assert.doesNotMatch(home.body, /Oxfordshire/)

      const theirReport = await publishedReportOf(hub(), theirs.partnershipId)
      const demoReport = await publishedReportOf(hub(), hub().partnershipId)
      const list = await visitor.get('/published-reports')
      assert.match(list.body, new RegExp(`href="/published-reports/${theirReport}"`))
      assert.doesNotMatch(list.body, new RegExp(demoReport), 'not another partnership’s report')
      assert.doesNotMatch(list.body, /Oxfordshire/)
      assert.equal((await visitor.get(`/published-reports/${theirReport}`)).statusCode, 200)
      for (const path of [`/published-reports/${demoReport}`, `/published-reports/${demoReport}/download/html`])
        assert.equal((await visitor.get(path)).statusCode, 404, `${path}: another partnership’s report`)
    })
  })

  describe('PUBLIC_PARTNERSHIP is not set', () => {
    const hub = appForSuite()

    before(async () => {
      await insertPartnership(hub().database.db)
    })

    it('shows no public page, since it cannot tell whose site it is', async () => {
      const visitor = await hub().visitor()
      for (const path of ['/public', '/published-reports']) {
        const page = await visitor.get(path)
        assert.equal(page.statusCode, 404, path)
        assert.equal(heading(page.body), 'Page not found')
      }
      assert.equal((await visitor.get('/sign-in')).statusCode, 200, 'staff still sign in')
    })
  })
})

describe('PUBLIC_PARTNERSHIP names no partnership', () => {
  const hub = appForSuite({ env: { PUBLIC_PARTNERSHIP: 'E99999999' } })

  it('gives a 404 page on every public page, and staff pages still work', async () => {
    const { published2015 } = await demoReports(hub())
    const visitor = await hub().visitor()
    for (const path of ['/public', '/published-reports', `/published-reports/${published2015}`]) {
      const page = await visitor.get(path)
      assert.equal(page.statusCode, 404, path)
      assert.equal(heading(page.body), 'Page not found')
      assert.doesNotMatch(page.body, /Oxfordshire/, 'no partnership’s name is guessed')
    }
    const officer = await hub().signIn(demoEmail['business-unit'])
    assert.equal((await officer.get('/reports')).statusCode, 200)
  })
})
