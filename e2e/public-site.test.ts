import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { demoEmail } from '../test/helpers/app.ts'
import { person, signedInPerson, startHubAndBrowser } from './helpers/people.ts'
import { SignInPage } from './pages/accounts.ts'
import { HubPage } from './pages/page.ts'
import { PublishedReportsPage } from './pages/reports.ts'

const running = startHubAndBrowser()
const partnership = 'Oxfordshire Safeguarding Children Board'

describe('the public site', () => {
  it('a practitioner finds the annual reports from the public home, and staff find the way to sign in', async (t) => {
    const visitor = await person(t, running)
    await visitor.goto('/public')
    const home = await new HubPage(visitor, partnership).verifyOnPage()
    assert.equal(await home.header.getByRole('link').first().innerText(), partnership)
    const menu = visitor.getByRole('navigation', { name: 'Site menu' })
    assert.deepEqual(await menu.getByRole('link').allInnerTexts(), [
      'Home',
      'Training',
      'Newsletters',
      'Learning from reviews',
      'Annual reports',
      'Staff sign in',
    ])

    await menu.getByRole('link', { name: 'Annual reports' }).click()
    await new PublishedReportsPage(visitor).verifyOnPage()
    assert.equal(await menu.getByRole('link', { name: 'Annual reports' }).getAttribute('aria-current'), 'page')

    await menu.getByRole('link', { name: 'Staff sign in' }).click()
    await new SignInPage(visitor).verifyOnPage()
  })

  it('someone signed in sees the public pages as the public does: no staff menu, no account bar', async (t) => {
    const { page } = await signedInPerson(t, running, demoEmail.chair)
    await page.goto('/published-reports')
    const reports = await new PublishedReportsPage(page).verifyOnPage()
    assert.equal(await reports.mainMenu.count(), 0)
    assert.equal(await reports.signedInAs.count(), 0)
    assert.equal(await reports.signOutButton.count(), 0)
  })
})
