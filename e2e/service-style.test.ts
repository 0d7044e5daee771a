import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { demoPassword } from '../src/db/seed.ts'
import { demoEmail } from '../test/helpers/app.ts'
import { person, signedInPerson, startHubAndBrowser } from './helpers/people.ts'
import { SignInPage } from './pages/accounts.ts'
import { ForbiddenPage, HubPage, NotFoundPage } from './pages/page.ts'

/** The service's own stylesheet is applied: it sets the system font stack on its headings and text. */
async function headingFont(page: Page) {
  return page.getByRole('heading', { level: 1 }).evaluate((heading) => getComputedStyle(heading).fontFamily)
}

const running = startHubAndBrowser()

describe('the service’s own style: error pages and branding', () => {
  it('a missing page gets the 404 page in the service’s style, signed out or signed in', async (t) => {
    const visitor = await person(t, running)
    const response = await visitor.goto('/this-page-does-not-exist')
    assert.equal(response?.status(), 404)
    const notFound = await new NotFoundPage(visitor).verifyOnPage()
    assert.equal(await notFound.header.getByRole('link').innerText(), 'Safeguarding Partnership Hub')
    assert.match(await headingFont(visitor), /^system-ui/)
    assert.ok(await visitor.getByRole('contentinfo').getByRole('link', { name: 'Accessibility statement' }).isVisible())

    const { page: mark } = await signedInPerson(t, running, demoEmail['read-only'])
    const missingAgency = await mark.goto('/directory/agencies/3f0c2b4e-0000-4000-8000-000000000000')
    assert.equal(missingAgency?.status(), 404)
    const signedInNotFound = await new NotFoundPage(mark).verifyOnPage()
    assert.equal(
      await signedInNotFound.header.getByRole('link').first().innerText(),
      'Oxfordshire Safeguarding Children Board',
    )
    assert.equal(await signedInNotFound.signedInAs.innerText(), 'Signed in as Mark Bennett')
    assert.match(await headingFont(mark), /^system-ui/)
  })

  it('a page someone may not open gets the 403 page in the service’s style, and they stay signed in', async (t) => {
    const { page: mark } = await signedInPerson(t, running, demoEmail['read-only'])
    const response = await mark.goto('/audit-log')
    assert.equal(response?.status(), 403)
    const forbidden = await new ForbiddenPage(mark).verifyOnPage()
    assert.equal(await forbidden.signedInAs.innerText(), 'Signed in as Mark Bennett')
    assert.ok(!(await forbidden.menuItems()).includes('Audit log'), 'the menu offers only what they may open')
    assert.match(await headingFont(mark), /^system-ui/)
  })

  it('the hub carries the partnership’s name and none of the GOV.UK brand: no crown, no logotype, no GDS Transport', async (t) => {
    const requested: string[] = []
    const visitor = await person(t, running)
    visitor.on('request', (request) => requested.push(request.url()))
    const signIn = await SignInPage.open(visitor)
    await assertNoGovukBrand(signIn)

    await signIn.signIn(demoEmail.administrator, demoPassword)
    const home = await new HubPage(visitor, 'Oxfordshire Safeguarding Children Board').verifyOnPage()
    await assertNoGovukBrand(home)

    const brandAssets = requested.filter((url) =>
      /crown|logotype|govuk-icon|govuk-opengraph|favicon\.ico|\.woff2?(\?|$)/i.test(url),
    )
    assert.deepEqual(brandAssets, [], 'no crown, logotype, GOV.UK icon or web font is loaded')
    const stylesheet = await (await visitor.request.get('/assets/application.css')).text()
    assert.doesNotMatch(stylesheet, /GDS Transport|@font-face/, 'the stylesheet declares no GDS Transport font')
  })
})

describe('the pages no story above opens, checked with axe all the same', () => {
  it('an administrator’s remaining pages: settings, an account form, their own account, the outbox, and the footer pages', async (t) => {
    const { page } = await signedInPerson(t, running, demoEmail.administrator)
    const visit = async (path: string, heading: string | RegExp) => {
      const response = await page.goto(path)
      assert.ok(response && response.status() < 400, `${path} answered ${response?.status()}`)
      return new HubPage(page, heading).verifyOnPage()
    }
    await visit('/directory/partnership', 'The partnership')
    const settings = await visit('/directory/partnership/edit', 'Change the partnership’s details')
    await settings.page.getByLabel('Area').fill('')
    await settings.page.getByRole('button', { name: 'Save changes' }).click()
    await new HubPage(page, 'Change the partnership’s details').verifyOnPage()
    assert.deepEqual(await settings.errorSummaryItems(), ['Enter the area it covers'])
    assert.match(await page.title(), /^Error: /)

    await visit('/directory/groups', 'Board and subgroups')
    await visit('/account', 'Your account')
    await page.goto('/users')
    await page.getByRole('link', { name: 'Ruth Evans' }).click()
    await page.getByRole('button', { name: 'Change' }).click()
    await new HubPage(page, 'Change Ruth Evans’s account').verifyOnPage()

    // These browser tests send email over SMTP, so the outbox lists messages without opening them.
    await visit('/outbox', 'Email outbox')
    await visit('/accessibility', 'Accessibility statement')
    await visit('/privacy', 'Privacy')
  })
})

async function assertNoGovukBrand(hubPage: HubPage) {
  const { page, header } = hubPage
  assert.doesNotMatch(await header.innerText(), /GOV\.UK/)
  assert.equal(await header.locator('svg, img').count(), 0, 'no crown or logo image in the header')
  assert.equal(
    await page.locator('.govuk-header, [class*="logotype"], [class*="crown"]').count(),
    0,
    'no GOV.UK header, logotype or crown',
  )
  assert.equal(
    await page.locator('link[href*="govuk"], meta[content*="govuk"]').count(),
    0,
    'no GOV.UK icons or images in the head',
  )
  assert.doesNotMatch(await hubPage.title(), /GOV\.UK/)
  assert.doesNotMatch(await page.evaluate(() => getComputedStyle(document.body).fontFamily), /GDS Transport/)
  assert.match(await headingFont(page), /^system-ui/)
  const fontsInUse = await page.evaluate(() => [
    ...new Set([...document.querySelectorAll('*')].map((e) => getComputedStyle(e).fontFamily)),
  ])
  assert.deepEqual(
    fontsInUse.filter((font) => /GDS Transport/.test(font)),
    [],
    'no element is set in GDS Transport',
  )
  const fontFaces = await page.evaluate(() => [...document.fonts].map((face) => face.family))
  assert.deepEqual(fontFaces, [], 'no web font is declared')
}
