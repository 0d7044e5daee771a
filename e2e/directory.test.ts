import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { demoEmail } from '../test/helpers/app.ts'
import { parseCsv } from '../test/helpers/csv.ts'
import { signedInPerson, startHubAndBrowser } from './helpers/people.ts'
import { SignInPage } from './pages/accounts.ts'
import {
  AgenciesPage,
  AgencyFormPage,
  AgencyPage,
  GroupFormPage,
  GroupPage,
  GroupsPage,
  MemberFormPage,
  PeoplePage,
  PersonFormPage,
  PersonPage,
} from './pages/directory.ts'
import { ProblemPage } from './pages/page.ts'

const running = startHubAndBrowser()

describe('the business unit keeps the partnership directory in the browser', () => {
  it('adds an agency, a person in it, a subgroup and a membership, then sorts, filters, downloads and reads the history', async (t) => {
    const { page, home } = await signedInPerson(t, running, demoEmail['business-unit'])
    await home.openMenuItem('Directory')
    const agencies = await new AgenciesPage(page).verifyOnPage()

    // An agency: a form sent empty explains what is missing; what was typed is kept.
    await agencies.addAgency()
    const agencyForm = await new AgencyFormPage(page, 'Add an agency').verifyOnPage()
    await agencyForm.save()
    await agencyForm.verifyOnPage()
    assert.match(await agencyForm.title(), /^Error: Add an agency/)
    assert.deepEqual(await agencyForm.errorSummaryItems(), ['Enter the agency’s name', 'Select the type of agency'])
    await agencyForm.nameField.fill('Oxfordshire Youth Justice Service')
    await agencyForm.fundingField.check()
    await agencyForm.save()
    await agencyForm.verifyOnPage()
    assert.deepEqual(await agencyForm.errorSummaryItems(), ['Select the type of agency'])
    assert.equal(await agencyForm.fieldError('type'), 'Select the type of agency')
    assert.equal(await agencyForm.nameField.inputValue(), 'Oxfordshire Youth Justice Service')
    assert.ok(await agencyForm.fundingField.isChecked())
    await agencyForm.chooseType('Local authority')
    await agencyForm.save()
    const agency = await new AgencyPage(page, 'Oxfordshire Youth Justice Service').verifyOnPage()
    assert.match(await agency.successBanner.innerText(), /Agency saved/)
    assert.deepEqual(await agency.summary(), {
      Name: 'Oxfordshire Youth Justice Service',
      Type: 'Local authority',
      'Contributes funding': 'Yes',
      Status: 'Active',
    })

    // A person in that agency: the agency is already chosen.
    await agency.addPerson()
    const personForm = await new PersonFormPage(page, 'Add a person').verifyOnPage()
    assert.equal(
      await personForm.agencyField.locator('option:checked').innerText(),
      'Oxfordshire Youth Justice Service',
    )
    await personForm.fill({
      name: 'Morgan Ellis',
      jobTitle: 'Head of Youth Justice',
      email: 'morgan.ellis@oscb.example',
    })
    await personForm.save()
    const person = await new PersonPage(page, 'Morgan Ellis').verifyOnPage()
    assert.equal((await person.summary()).Agency, 'Oxfordshire Youth Justice Service')

    // A subgroup, and Morgan as its chair from a date given in the GOV.UK date input.
    await person.openMenuItem('Directory')
    await agencies.verifyOnPage()
    await agencies.openSection('Groups')
    await (await new GroupsPage(page).verifyOnPage()).addGroup()
    const groupForm = await new GroupFormPage(page, 'Add a group').verifyOnPage()
    await groupForm.fill({
      name: 'Youth Justice and Exploitation',
      kind: 'A subgroup',
      purpose: 'Tackles the exploitation of children.',
    })
    await groupForm.save()
    const group = await new GroupPage(page, 'Youth Justice and Exploitation').verifyOnPage()
    await group.addMember()
    const memberForm = await new MemberFormPage(page).verifyOnPage()
    await memberForm.fill({
      person: {
        search: 'morgan',
        name: 'Morgan Ellis',
        hint: 'Head of Youth Justice, Oxfordshire Youth Justice Service',
      },
      role: 'Chair',
      startsOn: { day: '31', month: '2', year: '2024' },
    })
    await memberForm.save()
    await memberForm.verifyOnPage()
    assert.deepEqual(await memberForm.errorSummaryItems(), ['Start date must be a real date'])
    await memberForm.enterStartDate({ day: '1', month: '4', year: '2024' })
    await memberForm.save()
    await group.verifyOnPage()
    assert.deepEqual(await group.currentMembers.column('Name'), ['Morgan Ellis'])
    assert.deepEqual(await group.currentMembers.column('Role'), ['Chair'])
    assert.deepEqual(await group.currentMembers.column('From'), ['1 April 2024'])

    // The agencies list sorts by name, both ways, on the server.
    await group.openMenuItem('Directory')
    await agencies.verifyOnPage()
    const ascending = await agencies.table.column('Name')
    assert.equal(await agencies.table.sortDirection('Name'), 'ascending')
    assert.ok(ascending.includes('Oxfordshire Youth Justice Service'))
    assert.deepEqual(
      ascending,
      [...ascending].sort((a, b) => a.localeCompare(b, 'en')),
    )
    await agencies.table.sortBy('Name')
    await agencies.verifyOnPage()
    assert.equal(await agencies.table.sortDirection('Name'), 'descending')
    assert.deepEqual(await agencies.table.column('Name'), [...ascending].reverse())

    // Filtering keeps the sort; the download holds exactly the rows on the page.
    await agencies.filterByType('Probation')
    await agencies.verifyOnPage()
    const probation = ['Thames Valley Community Rehabilitation Company', 'National Probation Service']
    assert.deepEqual(await agencies.table.column('Name'), probation)
    assert.match(await agencies.count.innerText(), /^2 agencies\./)
    const csv = await agencies.download('Download as CSV')
    assert.equal(csv.filename, 'agencies.csv')
    assert.deepEqual(parseCsv(csv.text), [
      ['Name', 'Type', 'Contributes funding', 'People', 'Status'],
      [probation[0], 'Probation', 'Yes', '1', 'Active'],
      [probation[1], 'Probation', 'Yes', '1', 'Active'],
    ])

    // The new agency's page shows who added it, and what it was given.
    await agencies.clearFilters()
    await agencies.verifyOnPage()
    await agencies.openRecord('Oxfordshire Youth Justice Service')
    await agency.verifyOnPage()
    assert.deepEqual(await agency.people.column('Name'), ['Morgan Ellis'])
    const [added] = await agency.history()
    assert.equal(added?.title, 'Added agency Oxfordshire Youth Justice Service')
    assert.equal(added?.byline, 'by Tom Whitfield')
    assert.ok(added?.changes.includes('Name: (blank) → Oxfordshire Youth Justice Service'), added?.changes.join('\n'))
  })

  it('a stale edit is refused: the second of two people editing the same agency is told, and the first change is kept', async (t) => {
    const [first, second] = await Promise.all([
      signedInPerson(t, running, demoEmail['business-unit']),
      signedInPerson(t, running, demoEmail['business-unit']),
    ])
    const forms = []
    for (const { page, home } of [first, second]) {
      await home.openMenuItem('Directory')
      await (await new AgenciesPage(page).verifyOnPage()).openRecord('Thames Valley Police')
      await (await new AgencyPage(page, 'Thames Valley Police').verifyOnPage()).change()
      forms.push(await new AgencyFormPage(page, 'Change agency').verifyOnPage())
    }
    const [firstForm, secondForm] = forms as [AgencyFormPage, AgencyFormPage]

    await firstForm.nameField.fill('Thames Valley Police (Oxfordshire)')
    await firstForm.save()
    const saved = await new AgencyPage(first.page, 'Thames Valley Police (Oxfordshire)').verifyOnPage()
    assert.match(await saved.successBanner.innerText(), /Agency saved/)

    await secondForm.nameField.fill('Thames Valley Police Force')
    const [response] = await Promise.all([
      second.page.waitForResponse((r) => r.request().method() === 'POST'),
      secondForm.save(),
    ])
    assert.equal(response.status(), 409)
    const problem = await new ProblemPage(second.page, 'This record has changed').verifyOnPage()
    assert.match(await problem.page.getByRole('main').innerText(), /Your changes have not been saved/)

    await second.page.goBack()
    await second.page.reload()
    const kept = await new AgencyFormPage(second.page, 'Change agency').verifyOnPage()
    assert.equal(await kept.nameField.inputValue(), 'Thames Valley Police (Oxfordshire)')
    await second.page.getByRole('link', { name: 'Back', exact: true }).click()
    const record = await new AgencyPage(second.page, 'Thames Valley Police (Oxfordshire)').verifyOnPage()
    const [latest] = await record.history()
    assert.equal(latest?.title, 'Changed agency Thames Valley Police (Oxfordshire)')
    assert.deepEqual(latest?.changes, ['Name: Thames Valley Police → Thames Valley Police (Oxfordshire)'])
  })
})

describe('the directory without JavaScript', () => {
  it('someone whose browser runs no JavaScript signs in, adds a person, sorts a list and signs out', async (t) => {
    const { page, home } = await signedInPerson(t, running, demoEmail['business-unit'], {
      javaScriptEnabled: false,
    })
    assert.equal(
      await page.locator('body').getAttribute('class'),
      'govuk-template__body',
      'no script marked the page js-enabled',
    )

    await home.openMenuItem('Directory')
    await (await new AgenciesPage(page).verifyOnPage()).openSection('People')
    const people = await new PeoplePage(page).verifyOnPage()
    await people.addPerson()
    const form = await new PersonFormPage(page, 'Add a person').verifyOnPage()
    await form.fill({ name: ' ', jobTitle: 'Youth Worker', email: 'not an email' })
    await form.save()
    await form.verifyOnPage()
    assert.deepEqual(await form.errorSummaryItems(), [
      'Enter their full name',
      'Enter an email address in the correct format, like name@example.com',
    ])
    await form.fill({
      name: 'Riley Okoro',
      agency: 'Voluntary and community sector',
      email: 'riley.okoro@oscb.example',
    })
    await form.save()
    const person = await new PersonPage(page, 'Riley Okoro').verifyOnPage()
    assert.deepEqual(await person.summary(), {
      Name: 'Riley Okoro',
      'Job title': 'Youth Worker',
      Agency: 'Voluntary and community sector',
      Email: 'riley.okoro@oscb.example',
    })

    await person.openMenuItem('Directory')
    await (await new AgenciesPage(page).verifyOnPage()).openSection('People')
    await people.verifyOnPage()
    const byName = await people.table.column('Name')
    assert.ok(byName.includes('Riley Okoro'))
    await people.table.sortBy('Name')
    await people.verifyOnPage()
    assert.equal(await people.table.sortDirection('Name'), 'descending')
    assert.deepEqual(await people.table.column('Name'), [...byName].reverse())

    await people.signOut()
    await new SignInPage(page).verifyOnPage()
  })
})
