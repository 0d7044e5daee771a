import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { demoEmail } from '../test/helpers/app.ts'
import { signedInPerson, startHubAndBrowser } from './helpers/people.ts'
import { HubPage } from './pages/page.ts'

const running = startHubAndBrowser()

/**
 * WCAG 1.4.10 reflow: at 320 CSS pixels wide (a phone, or 1280 pixels zoomed to 400%) a page
 * never scrolls sideways; a wide table scrolls inside its own region instead.
 */
describe('on a 320-pixel-wide screen', () => {
  it('the widest lists fit the screen, each table scrolling inside its own labelled region', async (t) => {
    const { page } = await signedInPerson(t, running, demoEmail.administrator, {
      viewport: { width: 320, height: 640 },
    })
    // Something in the outbox: a forgotten-password email.
    await page.goto('/forgot-password')
    await page.getByLabel('Email address').fill(demoEmail.trainer)
    await page.getByRole('button', { name: /Send/ }).click()
    await new HubPage(page, 'Check your email').verifyOnPage()
    for (const [path, heading, table] of [
      ['/directory/people', 'People', 'People'],
      ['/audit-log', 'Audit log', 'Audit log entries'],
      ['/users', 'Accounts', 'People who can sign in'],
      ['/outbox', 'Email outbox', 'Emails, newest first'],
    ] as const) {
      await page.goto(path)
      await new HubPage(page, heading).verifyOnPage()
      const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth)
      assert.ok(pageWidth <= 320, `${path} is ${pageWidth} pixels wide`)
      const region = page.getByRole('region', { name: table })
      assert.ok(await region.isVisible(), `${path}: the table is in a region named “${table}”`)
      const overflows = await region.evaluate((element) => element.scrollWidth > element.clientWidth)
      assert.ok(overflows, `${path}: the table is wider than the screen and scrolls in its region`)
    }
  })
})
