import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { agencies } from '../src/modules/partnership/schema.ts'
import { partnerships } from '../src/platform/schema.ts'
import { insertCycle, insertFramework } from '../test/builders/index.ts'
import { demoEmail } from '../test/helpers/app.ts'
import { signedInPerson, startHubAndBrowser } from './helpers/people.ts'
import { HubPage } from './pages/page.ts'

/**
 * The "done means": an agency's safeguarding lead fills in and submits the return with an
 * evidence file; the business unit moderates it, changing a grade with a reason, and both grades show.
 * The cycle is the cycles part's to open: here the builders make it. Every page is checked with axe.
 */
const running = startHubAndBrowser()

describe('a section 11 return in the browser', () => {
  let returnId: string

  before(async () => {
    const db = running.hub.db
    const [partnership] = await db.select({ id: partnerships.id }).from(partnerships).limit(1)
    const [health] = await db
      .select({ id: agencies.id })
      .from(agencies)
      .where(eq(agencies.name, 'Oxford Health NHS Foundation Trust'))
    const framework = await insertFramework(db, partnership!.id, {
      name: 'Section 11 standards',
      standards: [
        {
          title: 'Senior management commitment',
          criteria: ['Leaders champion safeguarding', 'Safeguarding is in the plan'],
        },
      ],
    })
    const { returns } = await insertCycle(db, partnership!.id, {
      versionId: framework.version.id,
      agencyIds: [health!.id],
      name: 'Section 11 2016/17',
    })
    returnId = returns[0]!.id
  })

  it('an agency lead fills in and submits with an attachment; a moderator changes a grade with a reason', async (t) => {
    const title = 'Section 11 2016/17 – Oxford Health NHS Foundation Trust'
    const { page } = await signedInPerson(t, running, demoEmail['agency-lead'])
    await page.goto(`/assurance/returns/${returnId}`)
    await new HubPage(page, title).verifyOnPage()
    await page.getByRole('link', { name: '1. Senior management commitment' }).click()
    const standard = await new HubPage(page, 'Standard 1: Senior management commitment').verifyOnPage()
    await page.getByRole('group', { name: 'Grade for 1.1' }).getByLabel('Green').check()
    await page.getByLabel('Evidence for 1.1').fill('The chief executive chairs the safeguarding committee.')
    await page.getByRole('button', { name: 'Save and go back to the return' }).click()
    await new HubPage(page, title).verifyOnPage()
    assert.ok(await page.getByText('1 of 2 graded').isVisible(), 'saved as it goes')

    await page.getByRole('link', { name: '1. Senior management commitment' }).click()
    await standard.verifyOnPage()
    await page.getByRole('link', { name: 'Attach a file for 1.1' }).click()
    await new HubPage(page, 'Evidence files for 1.1').verifyOnPage()
    await page.getByLabel('Attach a file').setInputFiles({
      name: 'Safeguarding committee minutes.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
    })
    await page.getByRole('button', { name: 'Attach file' }).click()
    await new HubPage(page, 'Evidence files for 1.1').verifyOnPage()
    assert.ok(await page.getByRole('link', { name: /Safeguarding committee minutes\.pdf/ }).isVisible())
    await page.getByRole('link', { name: 'Back to standard 1' }).click()
    await standard.verifyOnPage()
    await page.getByRole('group', { name: 'Grade for 1.2' }).getByLabel('Green').check()
    await page.getByLabel('Evidence for 1.2').fill('Safeguarding is the first priority of the 2016 plan.')
    await page.getByRole('button', { name: 'Save and check your answers' }).click()
    await new HubPage(page, 'Check your answers before submitting the return').verifyOnPage()
    await page.getByRole('button', { name: 'Submit the return' }).click()
    await new HubPage(page, title).verifyOnPage()
    assert.ok(await page.getByText('The return has been submitted').isVisible())

    const officer = (await signedInPerson(t, running, demoEmail['business-unit'])).page
    await officer.goto(`/assurance/returns/${returnId}`)
    await new HubPage(officer, title).verifyOnPage()
    await officer.getByRole('link', { name: '1. Senior management commitment' }).click()
    const moderate = await new HubPage(officer, 'Moderate standard 1: Senior management commitment').verifyOnPage()
    await officer.getByRole('group', { name: 'Moderated grade for 1.1' }).getByLabel('Agree: Green').check()
    await officer.getByRole('group', { name: 'Moderated grade for 1.2' }).getByLabel('Amber').check()
    await officer.getByRole('button', { name: 'Save and go back to the return' }).click()
    await moderate.verifyOnPage()
    assert.ok(
      await officer
        .getByRole('alert')
        .getByText(/Enter the reason for the moderated grade of 1\.2/)
        .isVisible(),
    )
    await officer.getByLabel('Reason for 1.2').fill('The plan names safeguarding but sets no measures.')
    await officer.getByRole('button', { name: 'Save and go back to the return' }).click()
    await new HubPage(officer, title).verifyOnPage()
    await officer.getByRole('button', { name: 'Mark as moderated' }).click()
    await new HubPage(officer, title).verifyOnPage()
    const row = officer.getByRole('row', { name: /1\.2 Safeguarding is in the plan/ })
    assert.match(
      (await row.innerText()).replace(/\s+/g, ' '),
      /Green Amber The plan names safeguarding but sets no measures\./,
      'the self-grade and the moderated grade, in words, with the reason',
    )
  })
})
