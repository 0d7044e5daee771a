import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { before, describe, it } from 'node:test'
import { partnerships } from '../src/platform/schema.ts'
import { insertReviewCase } from '../test/builders/index.ts'
import { demoEmail } from '../test/helpers/app.ts'
import { person, signedInPerson, startHubAndBrowser } from './helpers/people.ts'
import { HubPage } from './pages/page.ts'
import { PersonPicker } from './pages/person-picker.ts'

/**
 * What a review leaves behind, in the browser: a subgroup member records a recommendation and its
 * action, a learning point with themes and the learning summary, and downloads it; the owning
 * agency's lead finds the recommendation on their home page and responds; the public reads the
 * published summary. Every page is checked with axe.
 */
const running = startHubAndBrowser()

/** A tab of the case's frame: its heading is the pseudonym, with the tab's name for screen readers. */
const caseTab = (tab: string) => new RegExp(`^Child V\\s*: ${tab}$`)

describe('case review learning in the browser', () => {
  let reviewCase: Awaited<ReturnType<typeof insertReviewCase>>

  before(async () => {
    // The case itself is the cases part's to record: here it is a published review already (the demo's have their own).
    const [partnership] = await running.hub.db.select({ id: partnerships.id }).from(partnerships).limit(1)
    reviewCase = await insertReviewCase(running.hub.db, partnership!.id, {
      reference: 'Child V',
      status: 'published',
      signedOffOn: '2016-03-10',
      publishedOn: '2016-05-12',
    })
  })

  it('a subgroup member records a recommendation with an action, a learning point and the summary, and downloads it', async (t) => {
    const { page } = await signedInPerson(t, running, demoEmail['subgroup-member'])
    await page.goto(`/case-reviews/${reviewCase.id}/recommendations`)
    await new HubPage(page, caseTab('Recommendations')).verifyOnPage()
    await page.getByRole('button', { name: 'Add a recommendation' }).click()
    const form = await new HubPage(page, 'Add a recommendation').verifyOnPage()
    await page.getByRole('button', { name: 'Save' }).click()
    await form.verifyOnPage()
    assert.deepEqual(await form.errorSummaryItems(), [
      'Enter the recommendation',
      'Select the agency that owns the recommendation',
    ])
    await page.getByLabel('Recommendation').fill('Health visitors should ask about every adult in the household')
    await page.getByLabel('Agency that owns it').selectOption({ label: 'Oxford Health NHS Foundation Trust' })
    await page.getByLabel('Day').fill('31')
    await page.getByLabel('Month').fill('3')
    await page.getByLabel('Year').fill('2030')
    await page.getByRole('button', { name: 'Save' }).click()
    const recommendation = await new HubPage(page, 'Child V: recommendation 1').verifyOnPage()
    assert.equal((await recommendation.summary())['Owned by'], 'Oxford Health NHS Foundation Trust')

    await page.getByRole('button', { name: 'Add an action' }).click()
    await new HubPage(page, 'Add an action to recommendation 1').verifyOnPage()
    await page.getByLabel('What needs to be done').fill('List every adult in the health visiting record')
    const owner = new PersonPicker(page, 'Who owns it')
    await owner.ready()
    await owner.choose('Lindq', { name: 'Grace Lindqvist' })
    await page.getByLabel('Day').fill('30')
    await page.getByLabel('Month').fill('9')
    await page.getByLabel('Year').fill('2030')
    await page.getByRole('button', { name: 'Add the action' }).click()
    await recommendation.verifyOnPage()
    assert.ok(await page.getByText('Action added').isVisible())
    assert.ok(await page.getByRole('cell', { name: 'List every adult in the health visiting record' }).isVisible())
    await page.getByRole('button', { name: 'Close as complete' }).click()
    await new HubPage(page, 'Close recommendation 1 as complete').verifyOnPage()
    assert.ok(await page.getByText('It cannot be closed yet. 1 of its actions is not complete').isVisible())
    await page.getByRole('link', { name: 'Back to the recommendation' }).click()
    await recommendation.verifyOnPage()
    await page.getByRole('button', { name: 'Change', exact: true }).click()
    await new HubPage(page, 'Change recommendation 1').verifyOnPage()
    await page.getByRole('button', { name: 'Save' }).click()
    await recommendation.verifyOnPage()
    assert.ok(await page.getByText('No changes made').isVisible())

    await page.goto(`/case-reviews/${reviewCase.id}/learning`)
    await new HubPage(page, caseTab('Learning points')).verifyOnPage()
    await page.getByRole('button', { name: 'Add a learning point' }).click()
    const point = await new HubPage(page, 'Add a learning point').verifyOnPage()
    await page.getByLabel('Learning point').fill('Think carefully about the role of the father in the family')
    await page.getByRole('button', { name: 'Save' }).click()
    await point.verifyOnPage()
    assert.deepEqual(await point.errorSummaryItems(), ['Select at least one theme'])
    await page.getByRole('checkbox', { name: 'Fathers and male carers' }).check()
    await page.getByRole('checkbox', { name: 'Neglect', exact: true }).check()
    await page.getByRole('button', { name: 'Save' }).click()
    await new HubPage(page, caseTab('Learning points')).verifyOnPage()
    assert.ok(await page.getByRole('cell', { name: 'Fathers and male carers Neglect' }).isVisible())
    await page.getByRole('link', { name: 'Change learning point 1' }).click()
    await new HubPage(page, 'Change learning point 1').verifyOnPage()
    await page.getByRole('link', { name: 'Back' }).click()
    await page.getByRole('link', { name: 'Remove learning point 1' }).click()
    await new HubPage(page, 'Remove learning point 1').verifyOnPage()
    await page.getByRole('link', { name: 'Keep it' }).click()
    await new HubPage(page, caseTab('Learning points')).verifyOnPage()

    await page.getByRole('link', { name: 'Learning summary' }).click()
    await new HubPage(page, caseTab('Learning summary')).verifyOnPage()
    await page.getByRole('button', { name: 'Write the summary' }).click()
    await new HubPage(page, 'Write the learning summary').verifyOnPage()
    await page
      .getByLabel('What happened')
      .fill('Child V was a baby whose bruising was not recognised as a sign of harm.')
    await page.getByLabel('What we learned').fill('Bruising in a baby who is **not mobile** is a sign of harm.')
    await page.getByLabel('What to do differently').fill('- Follow the bruising protocol\n- Ask about every adult')
    await page.getByRole('button', { name: 'Save' }).click()
    const summary = await new HubPage(page, caseTab('Learning summary')).verifyOnPage()
    assert.ok(await page.getByText('Learning summary saved').isVisible())
    const docx = await summary.downloadFile('Download the learning summary as Word (DOCX)')
    assert.equal(docx.filename, 'child-v-learning-summary.docx')
    assert.equal((await readFile(docx.path)).subarray(0, 2).toString(), 'PK')
    const pdf = await summary.downloadFile('Download the learning summary as PDF')
    assert.equal(pdf.filename, 'child-v-learning-summary.pdf')

    await page.goto('/case-reviews/themes?year=2016-17')
    await new HubPage(page, 'Themes across reviews').verifyOnPage()
    assert.ok(await page.getByRole('link', { name: 'Child V learning points' }).first().isVisible())
  })

  it('the owning agency’s lead finds the recommendation on their home page and responds', async (t) => {
    const { page } = await signedInPerson(t, running, demoEmail['agency-lead'])
    assert.ok(await page.getByRole('heading', { name: 'Case review recommendations for your agency' }).isVisible())
    await page.getByRole('link', { name: 'Child V: recommendation 1' }).click()
    const recommendation = await new HubPage(page, 'Child V: recommendation 1').verifyOnPage()
    await page.getByRole('button', { name: 'Write the response' }).click()
    await new HubPage(page, 'Response to recommendation 1').verifyOnPage()
    await page
      .getByLabel('Oxford Health NHS Foundation Trust’s response')
      .fill('Health visitors now ask about every adult at each visit.')
    await page.getByRole('checkbox', { name: 'Work on it has started: mark it in progress' }).check()
    await page.getByRole('button', { name: 'Save the response' }).click()
    await recommendation.verifyOnPage()
    const summary = await recommendation.summary()
    assert.equal(summary.Status, 'In progress')
    assert.equal(summary.Response, 'Health visitors now ask about every adult at each visit.')

    await page.goto('/case-reviews/recommendations')
    await new HubPage(page, 'Recommendations').verifyOnPage()
  })

  it('the public reads the published review’s learning summary', async (t) => {
    const page = await person(t, running)
    await page.goto('/learning-from-reviews')
    await new HubPage(page, 'Learning from reviews').verifyOnPage()
    await page.getByRole('link', { name: 'Child V' }).click()
    await new HubPage(page, 'Child V: learning summary').verifyOnPage()
    assert.ok(await page.getByText('Bruising in a baby who is not mobile is a sign of harm.').isVisible())
    assert.equal(await page.getByText('Health visitors should ask').count(), 0, 'no recommendations in public')
  })
})
