import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { demoEmail } from '../test/helpers/app.ts'
import { signedInPerson, startHubAndBrowser } from './helpers/people.ts'
import { HubPage } from './pages/page.ts'

/** The business unit keeps the business plan in the browser: every page checked with axe, as it is served. */
const running = startHubAndBrowser()

describe('the business plan in the browser', () => {
  it('an officer reads the 2016/17 plan, evaluates a priority (not without evidence) and records what the year taught', async (t) => {
    const { page } = await signedInPerson(t, running, demoEmail['business-unit'])
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Business plan' }).click()
    await new HubPage(page, 'Business plan').verifyOnPage()
    await page.getByRole('link', { name: 'Business plan 2016/17' }).click()
    await new HubPage(page, 'Business plan 2016/17').verifyOnPage()
    // Indicators carry RAG tags too now: each check is scoped to its own priority's list or table.
    const overdue = page
      .getByRole('table', { name: 'Actions for priority 3' })
      .getByRole('row', { name: /Embed the neglect toolkit in health visiting/ })
    assert.ok(await overdue.getByText('Red', { exact: true }).isVisible(), 'the overdue action says Red')
    const assessments = page
      .getByRole('region', { name: /^Priority 1: / })
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: 'Assessments completed within 45 working days' }) })
    assert.match(
      (await assessments.innerText()).replace(/\s+/g, ' '),
      /2016\/17: 74\.5%\. Direction of travel: ↓ Worsening\. RAG rating: Red Against England and neighbours/,
      'the demo’s measure with its value, direction and RAG rating from the scorecard',
    )
    assert.ok(await assessments.getByText('Red', { exact: true }).isVisible(), 'the RAG tag says its word')

    await page.getByRole('link', { name: 'Priority 3: Tackling neglect' }).click()
    await new HubPage(page, 'Tackling neglect').verifyOnPage()
    await page.getByRole('button', { name: 'Change the evaluation' }).click()
    const form = await new HubPage(page, 'Evaluate priority 3').verifyOnPage()
    await page.getByLabel('Evidence').fill('')
    await page.getByRole('button', { name: 'Save the evaluation' }).click()
    await form.verifyOnPage()
    assert.ok(await page.getByRole('alert').getByText('Enter the evidence behind the evaluation').isVisible())
    await page.getByRole('radio', { name: 'Partly achieved' }).check()
    await page.getByLabel('Evidence').fill('Toolkit relaunched; not yet part of health visiting.')
    await page.getByRole('button', { name: 'Save the evaluation' }).click()
    await new HubPage(page, 'Tackling neglect').verifyOnPage()
    assert.ok(await page.getByText('Evaluation saved').isVisible())

    await page.getByRole('button', { name: 'Add an action' }).click()
    await new HubPage(page, 'Add an action to priority 3').verifyOnPage()
    await page.getByRole('link', { name: 'Back' }).click()
    await new HubPage(page, 'Tackling neglect').verifyOnPage()

    await page.goto('/business-plan/2016-17/review')
    await new HubPage(page, 'What 2016/17 taught').verifyOnPage()
    await page.getByRole('button', { name: 'Save' }).click()
    await new HubPage(page, 'Business plan 2016/17').verifyOnPage()

    await page.goto('/business-plan/actions?year=2016-17&status=overdue')
    await new HubPage(page, 'Actions under the business plan 2016/17').verifyOnPage()
    await page.goto('/business-plan/new?year=2018-19')
    await new HubPage(page, 'Create a business plan').verifyOnPage()
  })
})
