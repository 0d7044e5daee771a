import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { raiseAction } from '../src/modules/actions/service.ts'
import { agencies, people } from '../src/modules/partnership/schema.ts'
import { systemActor } from '../src/platform/permissions.ts'
import { demoEmail } from '../test/helpers/app.ts'
import { signedInPerson, startHubAndBrowser } from './helpers/people.ts'
import { HubPage } from './pages/page.ts'

/**
 * The action tracker in the browser: an owner finds their actions from the home page, reports
 * progress and completes one with evidence; the business unit finds the overdue ones. Every page
 * checked with axe, as it is served.
 */
const running = startHubAndBrowser()

const overdue = 'Audit the use of the neglect toolkit in health visiting'
const onTrack = 'Brief school nurses on the role of fathers and male carers'

describe('the action tracker in the browser', () => {
  before(async () => {
    // As a case review's recommendation would raise them: owned by Grace Lindqvist of Oxford Health.
    const { db } = running.hub
    const [grace] = await db
      .select({ id: people.id, partnershipId: people.partnershipId })
      .from(people)
      .where(eq(people.name, 'Grace Lindqvist'))
    const [oxfordHealth] = await db
      .select({ id: agencies.id })
      .from(agencies)
      .where(
        and(eq(agencies.partnershipId, grace!.partnershipId), eq(agencies.name, 'Oxford Health NHS Foundation Trust')),
      )
    const source = {
      type: 'review-recommendation',
      id: randomUUID(),
      label: 'Child T: recommendation 2',
      href: '/case-reviews',
    }
    const actor = systemActor(grace!.partnershipId, 'Test data')
    for (const [description, dueOn] of [
      [overdue, '2020-03-31'],
      [onTrack, '2099-03-31'],
    ] as const)
      await raiseAction(db, actor, {
        source,
        description,
        ownerPersonId: grace!.id,
        ownerAgencyId: oxfordHealth!.id,
        dueOn,
        status: 'on-track',
      })
  })

  it('an owner opens My actions from the home page, reports progress (after a mistake) and completes an action with evidence', async (t) => {
    const { page } = await signedInPerson(t, running, demoEmail['subgroup-member'])
    const panel = page.getByRole('region', { name: 'Your actions' })
    assert.ok(await panel.getByRole('link', { name: overdue }).isVisible())
    assert.ok(await panel.getByText('Overdue: was due 31 March 2020').isVisible(), 'overdue is said in words')
    await panel.getByRole('link', { name: 'See all your actions' }).click()

    const mine = await new HubPage(page, 'My actions').verifyOnPage()
    const table = page.getByRole('table', { name: 'My actions' })
    assert.ok(
      await table
        .getByRole('row', { name: new RegExp(overdue) })
        .getByText('Overdue')
        .isVisible(),
    )
    await table.getByRole('link', { name: onTrack }).click()

    const action = await new HubPage(page, onTrack).verifyOnPage()
    assert.equal((await action.summary()).Status, 'On track')
    await page.getByRole('button', { name: 'Add a progress update' }).click()

    const progress = await new HubPage(page, 'Add a progress update').verifyOnPage()
    await page.getByRole('radio', { name: 'At risk' }).check()
    await page.getByRole('button', { name: 'Add the update' }).click()
    await progress.verifyOnPage()
    assert.match(await progress.title(), /^Error: Add a progress update/)
    assert.deepEqual(await progress.errorSummaryItems(), ['Enter a progress update'])
    assert.ok(await page.getByRole('radio', { name: 'At risk' }).isChecked(), 'what was chosen is kept')

    await page
      .getByLabel('Progress update')
      .fill('The school nurses’ team meeting was cancelled. Rebooked for next month.')
    await page.getByRole('button', { name: 'Add the update' }).click()
    await action.verifyOnPage()
    assert.ok(await action.successBanner.getByText('Progress update added').isVisible())
    assert.equal((await action.summary()).Status, 'At risk')
    assert.ok(await page.getByText('Rebooked for next month.').first().isVisible(), 'in the progress updates')

    await page.getByRole('button', { name: 'Complete this action' }).click()
    const complete = await new HubPage(page, 'Complete this action').verifyOnPage()
    await page.getByRole('button', { name: 'Complete the action' }).click()
    await complete.verifyOnPage()
    assert.deepEqual(await complete.errorSummaryItems(), ['Enter the evidence that the action is complete'])
    await page
      .getByLabel('Evidence that the action is complete')
      .fill('All 40 school nurses were briefed at their team meeting on 12 April; the slides are on the intranet.')
    await page.getByRole('button', { name: 'Complete the action' }).click()
    await action.verifyOnPage()
    assert.ok(await action.successBanner.getByText('Action completed').isVisible())
    const summary = await action.summary()
    assert.equal(summary.Status, 'Complete')
    assert.match(summary['Evidence of completion']!, /All 40 school nurses were briefed/)
    assert.equal(await page.getByRole('button', { name: 'Add a progress update' }).count(), 0)

    await action.openMenuItem('My actions')
    await mine.verifyOnPage()
  })

  it('the business unit lists the overdue actions, opens one and its change form', async (t) => {
    const { page } = await signedInPerson(t, running, demoEmail['business-unit'])
    await page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Actions', exact: true })
      .click()
    const list = await new HubPage(page, 'Actions').verifyOnPage()
    await page.getByLabel('Status').selectOption({ label: 'Overdue' })
    await page.getByRole('button', { name: 'Apply filters' }).click()
    await list.verifyOnPage()
    const table = page.getByRole('table', { name: 'Actions' })
    await table.getByRole('link', { name: overdue }).click()
    await new HubPage(page, overdue).verifyOnPage()
    await page.getByRole('button', { name: 'Change this action' }).click()
    await new HubPage(page, 'Change this action').verifyOnPage()
    assert.equal(await page.getByLabel('What is to be done').inputValue(), overdue)
  })
})
