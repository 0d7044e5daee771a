import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { demoEmail } from '../test/helpers/app.ts'
import { signedInPerson, startHubAndBrowser } from './helpers/people.ts'
import { AgenciesPage, PeoplePage } from './pages/directory.ts'
import { ErasePage, LeavePage } from './pages/leaving.ts'
import { HubPage } from './pages/page.ts'

const running = startHubAndBrowser()

describe('a person leaves the partnership, then asks for their details to be erased', () => {
  it('the administrator marks Kate Lyons as left, finds her among people who have left, and erases her details', async (t) => {
    const { page, home } = await signedInPerson(t, running, demoEmail.administrator)
    await home.openMenuItem('Directory')
    await (await new AgenciesPage(page).verifyOnPage()).openSection('People')
    const people = await new PeoplePage(page).verifyOnPage()
    // Filed under L for Lyons, not under D for Detective.
    const names = await people.table.column('Name')
    assert.equal(names[names.indexOf('Detective Superintendent Kate Lyons') - 1], 'Grace Lindqvist')
    await people.openRecord('Detective Superintendent Kate Lyons')

    const kate = await new HubPage(page, 'Detective Superintendent Kate Lyons').verifyOnPage()
    await page.getByRole('button', { name: 'Mark as left' }).click()
    const leave = await new LeavePage(page, 'Detective Superintendent Kate Lyons').verifyOnPage()
    await leave.markAsLeft()
    await leave.verifyOnPage()
    assert.deepEqual(await leave.errorSummaryItems(), ['Enter the date they left'])
    await leave.enterLastDay({ day: '31', month: '3', year: '2024' })
    await leave.markAsLeft()
    await kate.verifyOnPage()
    assert.match(await kate.successBanner.innerText(), /Person marked as left/)
    assert.equal((await kate.summary())['Left on'], '31 March 2024')

    // Gone from the people list, until asked for.
    await kate.openMenuItem('Directory')
    await (await new AgenciesPage(page).verifyOnPage()).openSection('People')
    await people.verifyOnPage()
    assert.ok(!(await people.table.column('Name')).includes('Detective Superintendent Kate Lyons'))
    await page.getByLabel('Show people who have left').check()
    await people.applyFilters()
    await people.verifyOnPage()
    assert.ok((await people.table.column('Name')).includes('Detective Superintendent Kate Lyons Left 31 March 2024'))
    await people.openRecord('Detective Superintendent Kate Lyons')

    // Erasure asks first, and "No" is a real answer.
    await kate.verifyOnPage()
    await page.getByRole('button', { name: 'Erase their details' }).click()
    const erase = await new ErasePage(page, 'Detective Superintendent Kate Lyons').verifyOnPage()
    await erase.continue()
    await erase.verifyOnPage()
    assert.deepEqual(await erase.errorSummaryItems(), ['Select yes if you want to erase this person’s details'])
    await erase.answer('Yes')
    await erase.continue()

    const erased = await new HubPage(page, 'Erased person').verifyOnPage()
    assert.match(await erased.successBanner.innerText(), /Person’s details erased/)
    const { 'Details erased on': erasedOn, ...summary } = await erased.summary()
    assert.match(erasedOn ?? '', /^\d{1,2} [A-Z][a-z]+ \d{4}$/)
    assert.deepEqual(summary, {
      Name: 'Erased person',
      'Job title': 'Not recorded',
      Agency: 'Thames Valley Police',
      Email: 'Not recorded',
      'Left on': '31 March 2024',
    })
    const [latest] = await erased.history()
    assert.equal(latest?.title, 'Erased this person’s name, job title and email')
    assert.deepEqual(latest?.changes, [])
  })
})
