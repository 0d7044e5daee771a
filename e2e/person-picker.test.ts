import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { demoEmail } from '../test/helpers/app.ts'
import { signedInPerson, startHubAndBrowser } from './helpers/people.ts'
import { AccountsPage, ChangeAccountPage, InvitePage, UserPage } from './pages/accounts.ts'
import { AgenciesPage, GroupPage, GroupsPage, MemberFormPage } from './pages/directory.ts'
import { HomePage } from './pages/page.ts'

/**
 * Tom adds members to groups by typing part of a name, never scrolling through everyone in the
 * partnership: with JavaScript the names appear as he types; without it he presses Find.
 */

const running = startHubAndBrowser()

async function openAddMember(home: HomePage, group: string) {
  await home.openMenuItem('Directory')
  await (await new AgenciesPage(home.page).verifyOnPage()).openSection('Groups')
  const groups = await new GroupsPage(home.page).verifyOnPage()
  await groups.openRecord(group)
  const groupPage = await new GroupPage(home.page, group).verifyOnPage()
  await groupPage.addMember()
  return { groupPage, form: await new MemberFormPage(home.page).verifyOnPage() }
}

describe('the person picker in the browser', () => {
  it('with JavaScript, Tom types part of a name, picks Lucy Hart from the suggestions and saves', async (t) => {
    const { home } = await signedInPerson(t, running, demoEmail['business-unit'])
    const { groupPage, form } = await openAddMember(home, 'Case Review and Governance')
    assert.equal(await form.person.findButton.count(), 0, 'the autocomplete replaces the Find button')

    await form.person.searchBox.pressSequentially('nurse')
    await form.person.suggestions.filter({ hasText: 'Lucy Hart' }).waitFor()
    assert.deepEqual(await form.person.suggestions.allInnerTexts(), [
      'Lucy Hart (Chief Nurse, Oxford University Hospitals NHS Foundation Trust)',
      'Anna Kowalski (Designated Nurse for Safeguarding Children, Oxfordshire Clinical Commissioning Group)',
      'Grace Lindqvist (Named Nurse, Safeguarding Children, Oxford Health NHS Foundation Trust)',
    ])
    await form.verifyOnPage() // axe, with the suggestions open

    await form.person.suggestions.filter({ hasText: 'Lucy Hart' }).click()
    assert.equal(
      await form.person.searchBox.inputValue(),
      'Lucy Hart (Chief Nurse, Oxford University Hospitals NHS Foundation Trust)',
    )
    await form.page.getByRole('group', { name: 'Role in the group' }).getByLabel('Vice-chair', { exact: true }).check()
    await form.enterStartDate({ day: '1', month: '4', year: '2024' })
    await form.save()
    await groupPage.verifyOnPage()
    assert.ok((await groupPage.currentMembers.column('Name')).includes('Lucy Hart'))
  })

  it('with JavaScript, the keyboard alone chooses a person; words no one was chosen from are refused', async (t) => {
    const { home } = await signedInPerson(t, running, demoEmail['business-unit'])
    const { groupPage, form } = await openAddMember(home, 'Oxfordshire Safeguarding Children Board')

    // A name typed but not chosen from the list is not saved as nobody.
    await form.person.searchBox.pressSequentially('Zebedee')
    await form.person.suggestions.filter({ hasText: 'No people match' }).waitFor()
    await form.enterStartDate({ day: '1', month: '4', year: '2024' })
    await form.save()
    await form.verifyOnPage()
    assert.deepEqual(await form.errorSummaryItems(), ['Select a person from the list'])
    assert.equal(await form.person.searchBox.inputValue(), 'Zebedee', 'what was typed is kept')

    await form.errorSummary.getByRole('link', { name: 'Select a person from the list' }).click()
    await form.person.searchBox.fill('')
    await form.person.searchBox.pressSequentially('lindq')
    await form.person.suggestions.filter({ hasText: 'Grace Lindqvist' }).waitFor()
    await form.page.keyboard.press('ArrowDown')
    await form.page.keyboard.press('Enter')
    assert.equal(
      await form.person.searchBox.inputValue(),
      'Grace Lindqvist (Named Nurse, Safeguarding Children, Oxford Health NHS Foundation Trust)',
    )
    await form.save()
    await groupPage.verifyOnPage()
    assert.ok((await groupPage.currentMembers.column('Name')).includes('Grace Lindqvist'))
  })

  it('without JavaScript, Tom finds Ruth Evans with the Find button, chooses her and saves', async (t) => {
    const { home } = await signedInPerson(t, running, demoEmail['business-unit'], { javaScriptEnabled: false })
    const { groupPage, form } = await openAddMember(home, 'Case Review and Governance')

    await form.enterStartDate({ day: '1', month: '5', year: '2024' })
    await form.person.searchBox.fill('evans')
    await form.person.findButton.click()
    await form.verifyOnPage()
    assert.deepEqual(await form.person.radioChoices(), ['Ruth Evans (Training Officer, Oxfordshire County Council)'])
    assert.equal(
      await form.page
        .getByRole('group', { name: /^Start date/ })
        .getByLabel('Month')
        .inputValue(),
      '5',
    )

    await form.person.group.getByRole('radio', { name: 'Ruth Evans' }).check()
    await form.save()
    await groupPage.verifyOnPage()
    assert.ok((await groupPage.currentMembers.column('Name')).includes('Ruth Evans'))
  })

  it('with JavaScript, the administrator links an invited colleague to her directory entry, which is optional', async (t) => {
    const { home } = await signedInPerson(t, running, demoEmail.administrator)
    await home.openMenuItem('Accounts')
    await (await new AccountsPage(home.page).verifyOnPage()).invite()
    const form = await new InvitePage(home.page).verifyOnPage()
    await form.fill({ name: 'Joy Mensah', email: 'joy.mensah@oscb.example', roles: ['Board member'] })

    // Her name typed but not chosen: the optional field is not quietly saved as "none".
    await form.directoryEntry.searchBox.pressSequentially('mensah')
    await form.directoryEntry.suggestions.filter({ hasText: 'Joy Mensah' }).waitFor()
    await form.send()
    await form.verifyOnPage()
    assert.deepEqual(await form.errorSummaryItems(), ['Select a person from the list'])

    await form.directoryEntry.searchBox.fill('')
    await form.directoryEntry.choose('mensah', { name: 'Joy Mensah', hint: 'Lay member, Lay members' })
    await form.send()
    const account = await new UserPage(home.page, 'Joy Mensah').verifyOnPage()
    assert.equal((await account.summary())['Directory entry'], 'Joy Mensah')

    // Changing it later: the form opens on her entry; another name typed over it but not chosen
    // keeps her entry rather than clearing it.
    await account.change()
    const change = await new ChangeAccountPage(home.page, 'Joy Mensah').verifyOnPage()
    assert.equal(await change.directoryEntry.searchBox.inputValue(), 'Joy Mensah (Lay member, Lay members)')
    await change.directoryEntry.searchBox.fill('')
    await change.directoryEntry.searchBox.pressSequentially('walsh')
    await change.directoryEntry.suggestions.filter({ hasText: 'Peter Walsh' }).waitFor()
    await home.page.keyboard.press('Escape')
    await change.save()
    await change.verifyOnPage()
    assert.deepEqual(await change.errorSummaryItems(), ['Select a person from the list'])

    // Emptying the box is how to say she has no entry.
    await change.directoryEntry.searchBox.fill('')
    await change.save()
    await account.verifyOnPage()
    assert.equal((await account.summary())['Directory entry'], 'None')
  })
})
