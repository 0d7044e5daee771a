import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { todayInLondon } from '../src/modules/actions/service.ts'
import { demoEmail } from '../test/helpers/app.ts'
import { signedInPerson, startHubAndBrowser } from './helpers/people.ts'
import { CaseFormPage, CasePage, CasesPage, dayOf } from './pages/case-reviews.ts'
import { HubPage } from './pages/page.ts'

/**
 * Grace Lindqvist, of the Case Review and Governance subgroup, takes a case from its referral to
 * publication in the browser: the name check warns her first, she reads the clocks, records the
 * decision and the review, and the review waits for a police investigation before it is
 * published. Every page is checked with axe as it is served.
 */
const running = startHubAndBrowser()

describe('a case review in the browser', () => {
  it('the business unit names the case review subgroup as the people who see case reviews', async (t) => {
    const { home } = await signedInPerson(t, running, demoEmail['business-unit'])
    await home.openMenuItem('Case reviews')
    await new CasesPage(home.page).verifyOnPage()
    await home.page.getByRole('link', { name: 'Who can see case reviews' }).click()
    const settings = await new HubPage(home.page, 'Who can see case reviews').verifyOnPage()
    // The demo may name it already; either way it is ticked when saved.
    await home.page.getByLabel('Case Review and Governance').check()
    await home.page.getByRole('button', { name: 'Save settings' }).click()
    await settings.verifyOnPage()
    assert.ok(await settings.successBanner.isVisible())
  })

  it('a subgroup member takes a case from referral to publication, held for a police investigation', async (t) => {
    const { home, page } = await signedInPerson(t, running, demoEmail['subgroup-member'])
    const today = dayOf(todayInLondon())
    await home.openMenuItem('Case reviews')
    await (await new CasesPage(page).verifyOnPage()).recordReferral()

    const referral = await new CaseFormPage(page, 'Record a referral').verifyOnPage()
    await referral.fill('Reference', 'Child Y')
    await referral.fill('Circumstances (optional)', 'Child Y, aged 2, was found alone at home by Jane Smith.')
    await referral.enterDate('Date the partnership became aware', today)
    await referral.page.getByLabel('Agency that referred it').selectOption({ label: 'Thames Valley Police' })
    await referral.choose('Harm', 'Serious harm')
    await referral.page.getByLabel('Age of the child').selectOption({ label: '1 to 5' })
    await referral.choose('Concerns (optional)', 'Neglect')
    await referral.choose('Agencies involved (optional)', 'Oxford Health NHS Foundation Trust')
    await referral.save()

    // The name check warns; nothing is saved until she confirms.
    await referral.verifyOnPage()
    assert.match(await referral.nameWarning.innerText(), /Circumstances: ‘Jane Smith’/)
    await referral.saveAnyway()
    await referral.save()

    const casePage = await new CasePage(page, 'Child Y').verifyOnPage()
    assert.ok(await casePage.successBanner.isVisible())
    const summary = await casePage.summary()
    assert.match(
      summary['Notification to the national panel (within 5 working days)']!,
      /^Due\s+Due by .*: 5 working days left/,
    )
    assert.match(summary['Rapid review to the national panel (within 15 working days)']!, /15 working days left/)

    await casePage.change('Decision')
    const decision = await new CaseFormPage(page, 'Decision').verifyOnPage()
    await decision.choose('Framework', 'Working Together 2018 onwards (rapid reviews and practice reviews)')
    await decision.choose('Are the criteria met?', 'Criteria met')
    await decision.fill('Rationale', 'Serious harm from neglect; agencies could have worked together better.')
    await decision.picker('Who decided').ready()
    await decision.picker('Who decided').choose('Claire', { name: 'Claire Morgan' })
    await decision.enterDate('Date of the decision', today)
    await decision.save()
    await casePage.verifyOnPage()
    assert.equal((await casePage.summary())['Decided by'], 'Claire Morgan')

    await casePage.change('Review')
    const review = await new CaseFormPage(page, 'Review and key dates').verifyOnPage()
    await review.choose('Type of review', 'Local child safeguarding practice review')
    await review.fill('Methodology (optional)', 'SCIE Learning Together')
    await review.fill('Lead reviewer (optional)', 'An independent reviewer')
    await review.choose('Panel members (optional)', 'Anna Kowalski')
    await review.enterDate('Commissioned (optional)', today)
    await review.enterDate('Signed off by the board (optional)', today)
    await review.page.getByLabel('Parallel process', { exact: true }).selectOption({ label: 'Police investigation' })
    await review.enterDate('Started (optional)', today)
    await review.save()
    await casePage.verifyOnPage()

    const move = async (status: string) => {
      await casePage.changeStatus()
      const form = await new CaseFormPage(page, 'Change status').verifyOnPage()
      await form.choose('New status', status)
      return form
    }
    await (await move('Active')).save('Change status')
    await casePage.verifyOnPage()
    await (await move('Completed')).save('Change status')
    await casePage.verifyOnPage()
    await (await move('Completed as far as possible: awaiting a parallel process')).save('Change status')
    await casePage.verifyOnPage()
    assert.equal(await casePage.status.innerText(), 'Completed as far as possible: awaiting a parallel process')

    // Publication is refused while the police investigation is open.
    const refused = await move('Published')
    await refused.enterDate('Date it was published', today)
    await refused.save('Change status')
    await refused.verifyOnPage()
    assert.deepEqual(await refused.errorSummaryItems(), [
      'Publication is held until the police investigation ends: record the day it ended first',
    ])

    await page.getByRole('link', { name: 'Back' }).click()
    await casePage.verifyOnPage()
    await casePage.change('Key dates')
    const ended = await new CaseFormPage(page, 'Review and key dates').verifyOnPage()
    await ended.enterDate('Ended (optional)', today)
    await ended.save()
    await casePage.verifyOnPage()

    const publish = await move('Published')
    await publish.enterDate('Date it was published', today)
    await publish.save('Change status')
    await casePage.verifyOnPage()
    assert.equal(await casePage.status.innerText(), 'Published')
    const history = (await casePage.history()).map((entry) => entry.title)
    assert.ok(history.includes('Changed the status of Child Y to published'))
    assert.ok(history.includes('Recorded the referral of Child Y'))
  })
})
