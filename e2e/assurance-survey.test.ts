import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { surveys } from '../src/modules/assurance/voice-schema.ts'
import { partnerships } from '../src/platform/schema.ts'
import { demoEmail } from '../test/helpers/app.ts'
import { person, signedInPerson, startHubAndBrowser } from './helpers/people.ts'
import { HubPage } from './pages/page.ts'

/**
 * A practitioner answers the demo's open survey from its public link without signing in (the
 * error summary first, then the thank-you page), and the business unit reads the counts. Every
 * page checked with axe.
 */
const running = startHubAndBrowser()

describe('a practitioner survey in the browser', () => {
  it('an anonymous practitioner answers, and the business unit sees the counts', async (t) => {
    const { db } = running.hub.database
    const [partnership] = await db.select({ id: partnerships.id }).from(partnerships).limit(1)
    const [survey] = await db
      .select({ id: surveys.id, slug: surveys.slug })
      .from(surveys)
      .where(and(eq(surveys.partnershipId, partnership!.id), eq(surveys.status, 'open')))
    assert.ok(survey, 'the demo has an open survey')

    const page = await person(t, running)
    await page.goto(`/survey/${survey.slug}`)
    const form = await new HubPage(page, 'Escalation: practitioners’ experience').verifyOnPage()
    await page.getByRole('radio', { name: 'Agree', exact: true }).check()
    await page.getByRole('button', { name: 'Send your answers' }).click()
    await form.verifyOnPage()
    assert.match(await form.title(), /^Error: /)
    await page.getByRole('link', { name: 'Select an answer to question 2' }).click()
    await page.getByRole('radio', { name: 'Not sure' }).check()
    await page.getByLabel(/What happened when you escalated/).fill('Nobody told me how it ended.')
    await page.getByRole('button', { name: 'Send your answers' }).click()
    await new HubPage(page, 'Thank you for your answers').verifyOnPage()

    const officer = await signedInPerson(t, running, demoEmail['business-unit'])
    await officer.page.goto(`/assurance/surveys/${survey.id}`)
    await new HubPage(officer.page, 'Escalation: practitioners’ experience').verifyOnPage()
    const answers = officer.page.getByRole('table', { name: 'Question 2: answers' })
    const row = answers.getByRole('row', { name: /Not sure/ })
    assert.match(await row.innerText(), /Not sure\s+1\s+100%/)
    assert.ok(await officer.page.getByText('Nobody told me how it ended.').isVisible())
    await officer.page.goto('/assurance/surveys')
    await new HubPage(officer.page, 'Practitioner surveys').verifyOnPage()
    await officer.page.goto('/assurance/voice')
    await new HubPage(officer.page, 'Voice of practitioners, children and families').verifyOnPage()
  })
})
