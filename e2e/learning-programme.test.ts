import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { demoEmail } from '../test/helpers/app.ts'
import { person, signedInPerson, startHubAndBrowser } from './helpers/people.ts'
import { HubPage } from './pages/page.ts'

/** A trainer keeps the programme in the browser: every page checked with axe, as it is served. */
const running = startHubAndBrowser()

describe('the training programme in the browser', () => {
  it('a trainer adds a course, schedules an event, and reads both back; bad input is explained', async (t) => {
    const { page } = await signedInPerson(t, running, demoEmail.trainer)
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Learning' }).click()
    await new HubPage(page, 'Events').verifyOnPage()
    await page.getByRole('link', { name: 'Courses' }).click()
    await new HubPage(page, 'Courses').verifyOnPage()
    await page.getByRole('button', { name: 'Add a course' }).click()
    const form = await new HubPage(page, 'Add a course').verifyOnPage()

    await page.getByRole('button', { name: 'Save' }).click()
    await form.verifyOnPage()
    assert.ok(await page.getByRole('alert').getByText('Enter the course title').isVisible())

    await page.getByLabel('Title').fill('Working with fathers and male carers')
    await page.getByLabel('Summary').fill('Seeing and including the men in a child’s life.')
    await page.getByLabel('Who it is for').fill('Practitioners who work with families')
    await page.getByRole('radio', { name: 'Intermediate' }).check()
    await page.getByRole('radio', { name: 'Face to face' }).check()
    await page.getByLabel('Duration in hours').fill('3')
    await page.getByRole('button', { name: 'Save' }).click()
    await new HubPage(page, 'Working with fathers and male carers').verifyOnPage()
    assert.ok(await page.getByText('Course saved').isVisible())

    await page.getByRole('button', { name: 'Schedule an event' }).click()
    await new HubPage(page, 'Schedule an event').verifyOnPage()
    await page.getByLabel('Day').first().fill('12')
    await page.getByLabel('Month').first().fill('3')
    await page.getByLabel('Year').first().fill('2030')
    await page.getByLabel('Start time').fill('9:30')
    await page.getByLabel('End time').fill('12:30')
    await page.getByLabel('Venue').fill('County Hall, Oxford')
    await page.getByLabel('Places').fill('25')
    await page.getByRole('button', { name: 'Save' }).click()
    await new HubPage(page, 'Working with fathers and male carers').verifyOnPage()
    assert.ok(await page.getByText('12 March 2030, 9:30am to 12:30pm').isVisible())

    await page.getByRole('button', { name: 'Cancel this event' }).click()
    await new HubPage(page, 'Cancel this event').verifyOnPage()
    await page.getByLabel('Cancel this event').fill('The venue is closed')
    await page.getByRole('button', { name: 'Cancel the event' }).click()
    await new HubPage(page, 'Working with fathers and male carers').verifyOnPage()
    assert.ok(await page.getByText('The venue is closed').first().isVisible())
  })
  it('a practitioner finds training on the public site, filters it, and opens a course and an event', async (t) => {
    const page = await person(t, running)
    await page.goto('/training')
    await new HubPage(page, 'Training and learning events').verifyOnPage()
    await page.getByLabel('Format').selectOption({ label: 'Virtual (online, live)' })
    await page.getByRole('button', { name: 'Apply filters' }).click()
    await new HubPage(page, 'Training and learning events').verifyOnPage()
    await page.getByRole('link', { name: 'Neglect: using the neglect toolkit' }).first().click()
    await new HubPage(page, 'Neglect: using the neglect toolkit').verifyOnPage()
    assert.ok(await page.getByRole('link', { name: 'Add this event to your calendar' }).isVisible())
    await page
      .getByRole('navigation', { name: 'Breadcrumb' })
      .getByRole('link', { name: 'Neglect: using the neglect toolkit' })
      .click()
    await new HubPage(page, 'Neglect: using the neglect toolkit').verifyOnPage()
    assert.ok(await page.getByRole('heading', { name: 'Dates' }).isVisible())
  })
  it('the business unit keeps the themes courses are tagged with: adds one, retires it', async (t) => {
    const { page } = await signedInPerson(t, running, demoEmail['business-unit'])
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Themes' }).click()
    await new HubPage(page, 'Themes').verifyOnPage()
    await page.getByRole('button', { name: 'Add a theme' }).click()
    const form = await new HubPage(page, 'Add a theme').verifyOnPage()
    await page.getByRole('button', { name: 'Save' }).click()
    await form.verifyOnPage()
    await page.getByLabel('Name').fill('Young carers')
    await page.getByRole('button', { name: 'Save' }).click()
    await new HubPage(page, 'Young carers').verifyOnPage()
    await page.getByRole('button', { name: 'Retire theme' }).click()
    await new HubPage(page, 'Young carers').verifyOnPage()
    assert.ok(await page.getByRole('button', { name: 'Reinstate theme' }).isVisible())
  })
})
