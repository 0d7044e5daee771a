import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { demoPassword } from '../src/db/seed.ts'
import { demoEmail } from '../test/helpers/app.ts'
import { signedInPerson, startHubAndBrowser } from './helpers/people.ts'
import { SignInPage } from './pages/accounts.ts'
import { ChangePasswordPage, YourAccountPage } from './pages/own-account.ts'
import { HomePage } from './pages/page.ts'

const running = startHubAndBrowser()

describe('your own account in the browser', () => {
  it('Sam changes his password from his account page: his other browser is signed out and he is emailed', async (t) => {
    const email = demoEmail['agency-lead']
    const newPassword = 'juniper lighthouse saddle'
    const laptop = await signedInPerson(t, running, email)
    const phone = await signedInPerson(t, running, email)

    const account = await YourAccountPage.openFromHome(laptop.page)
    const summary = await account.summary()
    assert.equal(summary['Agency (for agency leads)'], 'Oxford Health NHS Foundation Trust')
    assert.equal(summary['Directory entry'], 'Sam Patel')

    await account.changePassword()
    const form = await new ChangePasswordPage(laptop.page).verifyOnPage()
    await form.changePassword({ current: 'not my password at all', new: newPassword })
    await form.verifyOnPage()
    assert.match(await form.title(), /^Error: Change your password/)
    assert.deepEqual(await form.errorSummaryItems(), ['Your current password is not correct'])
    assert.equal(await form.fieldError('currentPassword'), 'Your current password is not correct')

    await form.changePassword({ current: demoPassword, new: newPassword })
    await account.verifyOnPage()
    assert.match(await account.successBanner.innerText(), /Your password has been changed/)
    assert.equal(await account.signedInAs.innerText(), 'Signed in as Sam Patel', 'still signed in here')

    const notice = await running.hub.waitForEmail(email, 'Your password has been changed')
    assert.match(notice.text, /If you did not change it/)

    await phone.page.reload()
    const signIn = await new SignInPage(phone.page).verifyOnPage()
    await signIn.signIn(email, demoPassword)
    await signIn.verifyOnPage()
    assert.deepEqual(await signIn.errorSummaryItems(), ['Enter a correct email address and password'])
    await signIn.signIn(email, newPassword)
    await new HomePage(phone.page).verifyOnPage()
  })
})
