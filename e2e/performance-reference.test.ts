import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { demoLocalAuthorityCode } from '../src/db/seed.ts'
import { partnerships } from '../src/platform/schema.ts'
import { insertObservationList } from '../test/builders/index.ts'
import { demoEmail } from '../test/helpers/app.ts'
import { signedInPerson, startHubAndBrowser } from './helpers/people.ts'
import { HubPage } from './pages/page.ts'

/**
 * The business unit keeps the catalogue and the neighbours in the browser: every page checked with
 * axe. The demo has values for Oxfordshire's ten neighbours; the neighbours chosen here are
 * authorities it has none for, so the averages are of the values this test adds.
 */
const running = startHubAndBrowser()

describe('the indicator catalogue and statistical neighbours in the browser', () => {
  it('an officer adds a measure, sets a target, edits the neighbours and sees the averages change', async (t) => {
    const [partnership] = await running.hub.db
      .select({ id: partnerships.id })
      .from(partnerships)
      .where(eq(partnerships.localAuthorityCode, demoLocalAuthorityCode))
    await insertObservationList(running.hub.db, partnership!.id, [
      { code: 'CPP-RATE', areaCode: 'E10000016', period: '2016/17', value: 40 }, // Kent
      { code: 'CPP-RATE', areaCode: 'E10000012', period: '2016/17', value: 36 }, // Essex
      { code: 'CPP-RATE', areaCode: 'E10000014', period: '2016/17', value: 30 }, // Hampshire
      { code: 'CPP-RATE', areaCode: 'E10000032', period: '2016/17', value: 50 }, // West Sussex
    ])
    const { page } = await signedInPerson(t, running, demoEmail['business-unit'])
    await page.goto('/performance/indicators')
    await new HubPage(page, 'Indicator catalogue').verifyOnPage()
    await page.getByRole('button', { name: 'Add a measure' }).click()
    const form = await new HubPage(page, 'Add a measure').verifyOnPage()
    await page.getByRole('button', { name: 'Save' }).click()
    await form.verifyOnPage()
    assert.ok(await page.getByRole('alert').getByText('Enter a code').isVisible())
    await page.getByLabel('Code').fill('LADO-RATE')
    await page.getByLabel('Name', { exact: true }).fill('Allegations referred to the LADO per 10,000 children')
    await page.getByLabel('What is measured, as a sentence names it').fill('allegations referred to the LADO')
    await page.getByLabel('Definition').fill('Allegations referred to the local authority designated officer.')
    await page.getByRole('radio', { name: 'Rate per 10,000 children' }).check()
    await page.getByRole('radio', { name: 'Neither: a measure of activity, not judged' }).check()
    await page.getByLabel('Source').fill('Local data: LADO service')
    await page.getByRole('button', { name: 'Save' }).click()
    await new HubPage(page, 'Indicator catalogue').verifyOnPage()
    assert.ok(await page.getByText('Measure LADO-RATE saved').isVisible())

    await page.getByRole('link', { name: 'Change Child protection plans per 10,000 children' }).click()
    await new HubPage(page, 'Child protection plans per 10,000 children').verifyOnPage()
    await page.getByLabel('Target (optional)').fill('45')
    await page.getByRole('button', { name: 'Save' }).click()
    await new HubPage(page, 'Indicator catalogue').verifyOnPage()
    assert.ok(await page.getByText('Measure CPP-RATE saved').isVisible())

    await page.getByRole('link', { name: 'Own authority and statistical neighbours' }).click()
    const neighbours = await new HubPage(page, 'Own authority and statistical neighbours').verifyOnPage()
    const cppRow = page.getByRole('row', { name: /Child protection plans per 10,000 children/ })
    // The demo's ten neighbours: Oxfordshire 47.1 against their 38.4.
    assert.match(await cppRow.innerText(), /47\.1\s+38\.4\s+10 of 10 neighbours have a value/)
    await page.getByLabel('Neighbour 1', { exact: true }).selectOption({ label: 'Kent (886)' })
    await page.getByLabel('Neighbour 2', { exact: true }).selectOption({ label: 'Essex (881)' })
    await page.getByLabel('Neighbour 3', { exact: true }).selectOption({ label: 'Hampshire (850)' })
    for (let row = 4; row <= 10; row++)
      await page.getByLabel(`Neighbour ${row}`, { exact: true }).selectOption({ label: 'Not used' })
    await page.getByRole('button', { name: 'Save neighbours' }).click()
    await neighbours.verifyOnPage()
    // (40 + 36 + 30) / 3 = 35.3
    assert.match(await cppRow.innerText(), /35\.3\s+3 of 3 neighbours have a value/)

    await page.getByLabel('Neighbour 3', { exact: true }).selectOption({ label: 'West Sussex (938)' })
    await page.getByRole('button', { name: 'Save neighbours' }).click()
    await neighbours.verifyOnPage()
    // (40 + 36 + 50) / 3 = 42.0
    assert.match(await cppRow.innerText(), /42\.0\s+3 of 3 neighbours have a value/)
  })
})
