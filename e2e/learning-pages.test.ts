import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { demoEmail } from '../test/helpers/app.ts'
import { person, signedInPerson, startHubAndBrowser } from './helpers/people.ts'
import { HubPage } from './pages/page.ts'

/**
 * The learning pages the other stories do not pass through, each checked with axe: the business
 * unit reads the year's reach and the people behind a figure, the e-learning completions and the
 * agency names still to match, the learners, the charges and the settings, and the newsletters;
 * a practitioner finds the newsletter sign-up and the archive on the public site.
 */
const running = startHubAndBrowser()

describe('the learning pages in the browser', () => {
  it('the business unit reads the reach, e-learning, learners, charges, settings and newsletters', async (t) => {
    const { page } = await signedInPerson(t, running, demoEmail['business-unit'])
    const tab = (name: string) =>
      page.getByRole('navigation', { name: 'Learning and development' }).getByRole('link', { name, exact: true })
    await page.goto('/learning/events')
    await tab('Reach').click()
    await new HubPage(page, /^Reach /).verifyOnPage()
    await page.getByLabel('Reporting year').selectOption('2016-17')
    await page.getByRole('button', { name: 'Show' }).first().click()
    await new HubPage(page, 'Reach 2016/17').verifyOnPage()
    await page.getByRole('link', { name: /9,436/ }).first().click()
    await new HubPage(page, /^People trained, 2016\/17/).verifyOnPage()
    assert.match(await page.locator('main').innerText(), /of 9,436 /)

    await tab('E-learning').click()
    await new HubPage(page, 'E-learning completions').verifyOnPage()
    await page.goto('/learning/e-learning/agencies')
    await new HubPage(page, 'Agency names not in the directory').verifyOnPage()

    await tab('Learners').click()
    await new HubPage(page, 'Learners').verifyOnPage()
    await page.locator('table tbody a').first().click()
    await new HubPage(page, /./).verifyOnPage()

    await page.goBack()
    await tab('Charges').click()
    await new HubPage(page, 'Non-attendance charges').verifyOnPage()
    await tab('Settings').click()
    await new HubPage(page, 'Settings').verifyOnPage()
    await page.goto('/learning/settings/charges')
    await new HubPage(page, 'Non-attendance charges').verifyOnPage()

    await page
      .getByRole('navigation', { name: /menu|navigation/i })
      .getByRole('link', { name: 'Newsletters' })
      .click()
    await new HubPage(page, 'Newsletters and bulletins').verifyOnPage()
    await page.locator('table tbody a').first().click()
    const list = await new HubPage(page, /./).verifyOnPage()
    assert.ok(list)
    await page
      .getByRole('link', { name: /subscribers/i })
      .first()
      .click()
    await new HubPage(page, 'Confirmed subscribers').verifyOnPage()
  })

  it('a practitioner finds the newsletters and their archive on the public site', async (t) => {
    const visitor = await person(t, running)
    await visitor.goto('/newsletters')
    await new HubPage(visitor, 'Newsletters').verifyOnPage()
    await visitor.goto('/newsletters/archive')
    await new HubPage(visitor, 'Past newsletters').verifyOnPage()
    await visitor.locator('main a[href^="/newsletters/issues/"]').first().click()
    await new HubPage(visitor, /./).verifyOnPage()
  })
})
