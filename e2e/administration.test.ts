import assert from 'node:assert/strict'
import { describe, it, type TestContext } from 'node:test'
import type { Page } from 'playwright-core'
import { demoPassword } from '../src/db/seed.ts'
import { demoEmail } from '../test/helpers/app.ts'
import { parseCsv } from '../test/helpers/csv.ts'
import { person, signedInPerson, startHubAndBrowser } from './helpers/people.ts'
import { linksIn } from './helpers/server.ts'
import {
  AccountsPage,
  CheckEmailPage,
  ForgotPasswordPage,
  InvitePage,
  LinkExpiredPage,
  NewPasswordPage,
  SetPasswordPage,
  SignInPage,
  UserPage,
} from './pages/accounts.ts'
import { AuditLogPage } from './pages/audit-log.ts'
import { BankHolidayChangePage, BankHolidaysPage, RemoveBankHolidayChangePage } from './pages/bank-holidays.ts'
import { AgenciesPage, AgencyFormPage, AgencyPage } from './pages/directory.ts'
import { ForbiddenPage, HomePage } from './pages/page.ts'

/** A day as the GOV.UK date input takes it; the audit log's days are London days. */
function dateParts(date: Date) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
  }).formatToParts(date)
  const part = (type: string) => String(Number(parts.find((p) => p.type === type)!.value))
  return { day: part('day'), month: part('month'), year: part('year') }
}

const running = startHubAndBrowser()
const signInAsAdministrator = (t: TestContext) => signedInPerson(t, running, demoEmail.administrator)

describe('accounts in the browser: invitations, disabling and forgotten passwords', () => {
  /** The administrator invites someone from the Accounts page; returns the link in their email. */
  async function invite(admin: Page, colleague: { name: string; email: string; roles: string[] }) {
    await new HomePage(admin).openMenuItem('Accounts')
    await (await new AccountsPage(admin).verifyOnPage()).invite()
    await (await new InvitePage(admin).verifyOnPage()).sendInvitation(colleague)
    const userPage = await new UserPage(admin, colleague.name).verifyOnPage()
    const email = await running.hub.waitForEmail(
      colleague.email,
      'You have been invited to Oxfordshire Safeguarding Children Board',
    )
    const link = linksIn(email).find((href) => href.startsWith(`${running.hub.baseUrl}/accept-invite/`))
    assert.ok(link, `the invitation links to the hub:\n${email.text}`)
    return { userPage, link }
  }

  it('an administrator invites a colleague, who sets a password and sees only what their role allows', async (t) => {
    const { page: admin, home } = await signInAsAdministrator(t)
    assert.equal(await home.signedInAs.innerText(), 'Signed in as Priya Shah')
    assert.ok(await home.signOutButton.isVisible())

    // A keyboard user's first Tab lands on the skip link, which takes them past the navigation.
    await admin.keyboard.press('Tab')
    assert.ok(
      await home.skipLink.evaluate((link) => link === document.activeElement),
      'the first Tab focuses “Skip to main content”',
    )
    await admin.keyboard.press('Enter')
    assert.equal(await admin.evaluate(() => document.activeElement?.id), 'main-content')

    const colleague = { name: 'Jordan Reyes', email: 'jordan.reyes@oscb.example', roles: ['Read only'] }
    const { userPage, link } = await invite(admin, colleague)
    assert.match(await userPage.successBanner.innerText(), /Invitation sent to jordan\.reyes@oscb\.example/)
    const summary = await userPage.summary()
    assert.equal(summary.Status, 'Invited')
    assert.equal(summary.Roles, 'Read only')

    const jordan = await person(t, running)
    await jordan.goto(link)
    const setPassword = await new SetPasswordPage(jordan).verifyOnPage()
    await setPassword.choosePassword('too short')
    await setPassword.verifyOnPage()
    assert.match(await setPassword.title(), /^Error: Set your password/)
    assert.deepEqual(await setPassword.errorSummaryItems(), ['Password must be 12 characters or more'])
    assert.equal(await setPassword.fieldError('password'), 'Password must be 12 characters or more')

    await setPassword.choosePassword('marmalade lantern orchestra')
    const jordanHome = await new HomePage(jordan).verifyOnPage()
    assert.equal(await jordanHome.signedInAs.innerText(), 'Signed in as Jordan Reyes')
    const menu = await jordanHome.menuItems()
    assert.ok(menu.includes('Directory'), menu.join(', '))
    for (const item of ['Accounts', 'Audit log', 'Email outbox'])
      assert.ok(!menu.includes(item), `read-only has no ${item} link`)

    const refused = await jordan.goto('/users')
    assert.equal(refused?.status(), 403)
    const forbidden = await new ForbiddenPage(jordan).verifyOnPage()
    assert.equal(
      await forbidden.signedInAs.innerText(),
      'Signed in as Jordan Reyes',
      'a refusal never signs anyone out',
    )
  })

  it('an administrator disables an account: its session ends at once and it cannot sign in again', async (t) => {
    const { page: admin } = await signInAsAdministrator(t)
    const colleague = { name: 'Casey Lin', email: 'casey.lin@oscb.example', roles: ['Trainer'] }
    const password = 'copper kettle meadow'
    const { userPage, link } = await invite(admin, colleague)

    const casey = await person(t, running)
    await casey.goto(link)
    await (await new SetPasswordPage(casey).verifyOnPage()).choosePassword(password)
    const caseyHome = await new HomePage(casey).verifyOnPage()
    assert.equal(await caseyHome.signedInAs.innerText(), 'Signed in as Casey Lin')

    await admin.reload()
    await userPage.verifyOnPage()
    assert.equal((await userPage.summary()).Status, 'Active')
    await userPage.disableAccount()
    await userPage.verifyOnPage()
    assert.equal((await userPage.summary()).Status, 'Disabled')

    await casey.reload()
    const signIn = await new SignInPage(casey).verifyOnPage()
    assert.equal(await signIn.signedInAs.count(), 0)
    await signIn.signIn(colleague.email, password)
    await signIn.verifyOnPage()
    assert.deepEqual(await signIn.errorSummaryItems(), ['Enter a correct email address and password'])
  })

  it('someone who forgot their password resets it from the emailed link, which works only once', async (t) => {
    const ruth = await person(t, running)
    const signIn = await SignInPage.open(ruth)
    await signIn.forgotPassword()
    await (await new ForgotPasswordPage(ruth).verifyOnPage()).sendLink(demoEmail.trainer)
    await new CheckEmailPage(ruth).verifyOnPage()

    const email = await running.hub.waitForEmail(demoEmail.trainer, 'Reset your password')
    const link = linksIn(email).find((href) => href.startsWith(`${running.hub.baseUrl}/reset-password/`))
    assert.ok(link, `the email links to the hub:\n${email.text}`)

    await ruth.goto(link)
    const newPassword = 'willow harbour compass'
    await (await new NewPasswordPage(ruth).verifyOnPage()).choosePassword(newPassword)
    const home = await new HomePage(ruth).verifyOnPage()
    assert.equal(await home.signedInAs.innerText(), 'Signed in as Ruth Evans')

    await home.signOut()
    await signIn.verifyOnPage()
    await signIn.signIn(demoEmail.trainer, demoPassword)
    await signIn.verifyOnPage()
    assert.deepEqual(
      await signIn.errorSummaryItems(),
      ['Enter a correct email address and password'],
      'the old password no longer works',
    )
    await signIn.signIn(demoEmail.trainer, newPassword)
    await home.verifyOnPage()

    const again = await ruth.goto(link)
    assert.equal(again?.status(), 404)
    await new LinkExpiredPage(ruth).verifyOnPage()
  })
})

describe('the audit log in the browser', () => {
  it('an administrator finds who signed in and changed what, by person, record type and date, and downloads it', async (t) => {
    const today = new Date()
    const tom = await signedInPerson(t, running, demoEmail['business-unit'])
    await tom.home.openMenuItem('Directory')
    await (await new AgenciesPage(tom.page).verifyOnPage()).openRecord('Schools')
    await (await new AgencyPage(tom.page, 'Schools').verifyOnPage()).change()
    const form = await new AgencyFormPage(tom.page, 'Change agency').verifyOnPage()
    await form.fundingField.check()
    await form.save()
    await new AgencyPage(tom.page, 'Schools').verifyOnPage()

    const admin = await signedInPerson(t, running, demoEmail.administrator)
    await admin.home.openMenuItem('Audit log')
    const log = await new AuditLogPage(admin.page).verifyOnPage()

    await log.filter({ person: 'Tom Whitfield' })
    await log.verifyOnPage()
    assert.deepEqual(await log.table.column('What'), ['Changed agency Schools', 'Signed in'])
    assert.deepEqual(await log.table.column('Who'), ['Tom Whitfield', 'Tom Whitfield'])
    assert.deepEqual(await log.table.column('Record type'), ['Agency', 'Account'])
    assert.equal((await log.table.column('Changes'))[0], 'Contributes funding: No → Yes')

    await log.filter({ recordType: 'Agency', from: dateParts(today) })
    await log.verifyOnPage()
    assert.deepEqual(await log.table.column('What'), ['Changed agency Schools'])
    assert.match(await log.count.innerText(), /^Showing 1 to 1 of 1 entry\./)

    const csv = await log.download('Download these entries (CSV)')
    assert.equal(csv.filename, 'audit-log.csv')
    const [header, ...rows] = parseCsv(csv.text)
    assert.deepEqual(header, ['When', 'Who', 'Action', 'Record type', 'Record id', 'Summary', 'Before', 'After'])
    assert.equal(rows.length, 1)
    const [when, who, action, recordType, , summary, beforeChange, afterChange] = rows[0]!
    assert.ok(Math.abs(Date.parse(when!) - today.getTime()) < 5 * 60_000, `${when} is the time of the change`)
    assert.deepEqual(
      { who, action, recordType, summary, before: JSON.parse(beforeChange!), after: JSON.parse(afterChange!) },
      {
        who: 'Tom Whitfield',
        action: 'updated',
        recordType: 'agency',
        summary: 'Changed agency Schools',
        before: { contributesFunding: false },
        after: { contributesFunding: true },
      },
    )

    const tomorrow = new Date(today.getTime() + 86_400_000)
    await log.filter({ from: dateParts(tomorrow) })
    await log.verifyOnPage()
    assert.match(await log.count.innerText(), /^No entries match these filters\./)
  })
})

describe('bank holidays in the browser', () => {
  it('the business unit adds a bank holiday announced later, keeps one as a working day, and removes both changes', async (t) => {
    const tom = await signedInPerson(t, running, demoEmail['business-unit'])
    await tom.home.openMenuItem('Bank holidays')
    const thisYear = await new BankHolidaysPage(tom.page, new Date().getFullYear()).verifyOnPage()
    await thisYear.showYear(2031)
    let list = await new BankHolidaysPage(tom.page, 2031).verifyOnPage()
    assert.deepEqual(await list.table.column('Date'), ['Wednesday 1 January 2031'])

    await list.addHoliday()
    const form = await new BankHolidayChangePage(tom.page, 'Add a bank holiday').verifyOnPage()
    await form.fillDate('27', '12', '2031')
    await form.submit()
    await form.verifyOnPage()
    assert.deepEqual(await form.errorSummaryItems(), [
      'Saturday 27 December 2031 is a weekend day, so it is already not a working day',
      'Enter the name of the bank holiday',
    ])
    await form.fillDate('25', '12', '2031')
    await form.fillName('Christmas Day')
    await form.submit()
    list = await new BankHolidaysPage(tom.page, 2031).verifyOnPage()
    assert.match(await list.successBanner.innerText(), /Bank holiday added/)
    assert.deepEqual(await list.table.column('Source'), ['Added by the partnership', 'Added by the partnership'])

    await list.showYear(2016)
    list = await new BankHolidaysPage(tom.page, 2016).verifyOnPage()
    await list.changeRow('Christmas Day (substitute day)', 'Keep as a working day')
    const keep = await new BankHolidayChangePage(tom.page, 'Keep a bank holiday as a working day').verifyOnPage()
    await keep.fillName('Our offices open on the substitute day')
    await keep.submit()
    list = await new BankHolidaysPage(tom.page, 2016).verifyOnPage()
    assert.match((await list.table.column('Source')).at(-1)!, /^Kept as a working day/)

    await list.changeRow('Christmas Day (substitute day)', 'Remove change')
    await (await new RemoveBankHolidayChangePage(tom.page).verifyOnPage()).remove()
    list = await new BankHolidaysPage(tom.page, 2016).verifyOnPage()
    assert.deepEqual(new Set(await list.table.column('Source')), new Set(['England and Wales']))
  })
})
