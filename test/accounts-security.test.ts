import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { and, asc, count, eq, isNull } from 'drizzle-orm'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { demoPassword } from '../src/db/seed.ts'
import { signIn } from '../src/platform/accounts/sessions.ts'
import { verifyPassword } from '../src/platform/passwords.ts'
import { auditLog, emailOutbox, sessions, signInFailures, users } from '../src/platform/schema.ts'
import { hashSecret } from '../src/platform/tokens.ts'
import { buildTestApp, demoEmail, Session, type TestApp } from './helpers/app.ts'
import { drivers, type TestDatabase } from './helpers/database.ts'
import { auditActions, userByEmail } from './helpers/records.ts'

/**
 * The security of accounts, told as the stories of the people it protects: a reset link that
 * outlives the password it set, changing a password while signed in, a sign-in page that must not
 * say which emails have accounts nor let a stranger lock an owner out, a form token that must not
 * outlive its session, and the fixes of the module kit that had no test yet.
 *
 * Sign-in and the password forms are limited to 10 posts a minute from one address, so each
 * person here works from their own address (`at`).
 */

const newPassword = 'lantern orchard carpet'
const otherPassword = 'harbour willow compass'
const wrongPassword = 'not-the-password'
const signInError = 'Enter a correct email address and password'
const lastAdministrator =
  'The partnership must keep at least one active administrator: give someone else the role first'

let nextAddress = 1
/** A browser on its own network address, so the per-address limits of one story do not touch another's. */
function at(hub: TestApp, address = `198.51.100.${nextAddress++}`) {
  const app = new Proxy(hub.app, {
    get(target, property) {
      if (property === 'inject')
        return (options: object) => target.inject({ ...options, remoteAddress: address } as never)
      return Reflect.get(target, property)
    },
  }) as FastifyInstance
  return new Session(app)
}

/** Signs in from a browser of its own, and opens the page it lands on, as a person would. */
async function signedIn(hub: TestApp, email: string, password = demoPassword, browser = at(hub)) {
  await browser.get('/sign-in')
  const response = await browser.post('/sign-in', { email, password })
  assert.equal(response.statusCode, 302, `${email} signs in`)
  await browser.get(response.headers.location as string)
  return browser
}

async function auditRowCount(database: TestDatabase) {
  const [row] = await database.db.select({ n: count() }).from(auditLog)
  return row!.n
}

async function outboxTo(database: TestDatabase, email: string) {
  return database.db
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, email))
    .orderBy(asc(emailOutbox.createdAt))
}

function linkIn(body: string, path: 'accept-invite' | 'reset-password') {
  const match = body.match(new RegExp(`http://hub\\.test(/${path}/[A-Za-z0-9_-]+)`))
  assert.ok(match, `no ${path} link in:\n${body}`)
  return match[1]!
}

/** Asks for a reset link from the forgotten-password page, and returns the link the email holds. */
async function resetLinkFor(hub: TestApp, email: string) {
  const visitor = at(hub)
  await visitor.get('/forgot-password')
  assert.equal((await visitor.post('/forgot-password', { email })).statusCode, 200)
  const emails = await outboxTo(hub.database, email)
  return linkIn(emails.at(-1)!.bodyText, 'reset-password')
}

/** A hidden field's value as the browser would post it: Nunjucks writes a backslash as &#92;. */
function hiddenValue(body: string, name: string) {
  const value = body.match(new RegExp(`name="${name}" value="([^"]*)"`))?.[1]
  return value?.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))).replaceAll('&amp;', '&')
}

/** A page as it would read for any email: the email typed, the script nonce and form tokens taken out. */
function withoutEmail(response: LightMyRequestResponse, email: string) {
  return response.body
    .replaceAll(email, 'EMAIL')
    .replace(/nonce="[^"]+"/g, '')
    .replace(/value="[^"]+"/g, '')
}

const successBanner = (body: string) =>
  body.match(
    /govuk-notification-banner--success[\s\S]*?<p class="govuk-notification-banner__heading">\s*([^<]*?)\s*</,
  )?.[1]

for (const driver of drivers) {
  describe(`a password reset link, on ${driver}`, () => {
    it('stops working once a newer link has been used: every link of the account is spent', async (t) => {
      const hub = await buildTestApp(t, { driver })
      const email = demoEmail.chair
      const older = await resetLinkFor(hub, email)
      const newer = await resetLinkFor(hub, email)
      assert.notEqual(older, newer)

      const helen = at(hub)
      await helen.get(newer)
      assert.equal((await helen.post(newer, { password: newPassword, confirmPassword: newPassword })).statusCode, 302)

      // Someone who found the older email in her inbox tries it.
      const finder = at(hub)
      await finder.get('/sign-in')
      const page = await finder.get(older)
      assert.equal(page.statusCode, 404)
      assert.ok(page.body.includes('This link has expired or has already been used'))
      const overwrite = await finder.post(older, { password: otherPassword, confirmPassword: otherPassword })
      assert.equal(overwrite.statusCode, 404)
      await signedIn(hub, email, newPassword)
    })

    it('stops working once the password is changed while signed in', async (t) => {
      const hub = await buildTestApp(t, { driver })
      const email = demoEmail.trainer
      const link = await resetLinkFor(hub, email)
      const ruth = await signedIn(hub, email)
      await ruth.get('/account/password')
      const changed = await ruth.post('/account/password', {
        currentPassword: demoPassword,
        password: newPassword,
        confirmPassword: newPassword,
      })
      assert.equal(changed.statusCode, 302)
      assert.equal((await at(hub).get(link)).statusCode, 404)
    })
  })

  describe(`changing your password while signed in, on ${driver}`, () => {
    it('from your account page: the password changes, other sessions end, this one stays, the owner is emailed', async (t) => {
      const hub = await buildTestApp(t, { driver })
      const email = demoEmail['board-member']
      const onTheTrain = await signedIn(hub, email)
      const david = await signedIn(hub, email)
      const account = await userByEmail(hub.database, email)

      const accountPage = await david.get('/account')
      assert.ok(accountPage.body.includes('href="/account/password"'), 'the account page links to the form')
      assert.ok(accountPage.body.includes('Change your password'))
      assert.ok(!accountPage.body.includes('sign out and use'), 'no more signing out to change a password')

      const form = await david.get('/account/password')
      assert.equal(form.statusCode, 200)
      assert.match(form.body, /<title>Change your password/)
      assert.ok(form.body.includes('autocomplete="current-password"'))
      assert.ok(form.body.includes('autocomplete="new-password"'))

      const changed = await david.post('/account/password', {
        currentPassword: demoPassword,
        password: newPassword,
        confirmPassword: newPassword,
      })
      assert.equal(changed.statusCode, 302)
      assert.equal(changed.headers.location, '/account?saved=1')
      const landed = await david.get(changed.headers.location as string)
      assert.equal(landed.statusCode, 200, 'this session carries on')
      assert.equal(successBanner(landed.body), 'Your password has been changed')

      const elsewhere = await onTheTrain.get('/account')
      assert.equal(elsewhere.statusCode, 302, 'the other session has ended')
      const open = await hub.database.db.select().from(sessions).where(eq(sessions.userId, account.id))
      assert.equal(open.length, 1)

      const someoneElse = at(hub)
      await someoneElse.get('/sign-in')
      const old = await someoneElse.post('/sign-in', { email, password: demoPassword })
      assert.equal(old.statusCode, 400, 'the old password no longer works')
      await signedIn(hub, email, newPassword)

      const [notice] = await outboxTo(hub.database, email)
      assert.ok(notice, 'an email is queued')
      assert.equal(notice.template, 'password-changed')
      assert.equal(notice.subject, 'Your password has been changed')
      assert.ok(notice.bodyText.startsWith('Dear David Okafor,'))
      assert.ok(notice.bodyText.includes('If you did not change it'))
      assert.ok(notice.bodyText.includes('http://hub.test/forgot-password'))
      assert.ok(!notice.bodyText.includes(newPassword))

      const actions = await auditActions(hub.database, account.id)
      assert.ok(actions.includes('password-changed'), actions.join(', '))
    })

    it('refuses a wrong current password or a weak new one with GOV.UK messages, changing nothing', async (t) => {
      const hub = await buildTestApp(t, { driver })
      const email = demoEmail['subgroup-member']
      const grace = await signedIn(hub, email)
      const account = await userByEmail(hub.database, email)
      const actionsBefore = await auditActions(hub.database, account.id)
      await grace.get('/account/password')

      const refusals: [currentPassword: string, password: string, confirmPassword: string, message: string][] = [
        ['', newPassword, newPassword, 'Enter your current password'],
        [demoPassword, '', '', 'Enter a new password'],
        [wrongPassword, newPassword, newPassword, 'Your current password is not correct'],
        [demoPassword, 'too-short', 'too-short', 'Password must be 12 characters or more'],
        [demoPassword, 'password1234', 'password1234', 'Password is too easy to guess. Try three random words'],
        [demoPassword, 'subgroup.member-2017', 'subgroup.member-2017', 'Password must not contain your email address'],
        [demoPassword, newPassword, `${newPassword}!`, 'Passwords do not match'],
      ]
      for (const [currentPassword, password, confirmPassword, message] of refusals) {
        const response = await grace.post('/account/password', { currentPassword, password, confirmPassword })
        assert.equal(response.statusCode, 400, message)
        assert.ok(response.body.includes(message), message)
        assert.match(response.body, /<title>Error: Change your password/)
        assert.ok(response.body.includes('govuk-error-summary'))
      }
      assert.equal((await userByEmail(hub.database, email)).passwordHash, account.passwordHash)
      assert.deepEqual(await auditActions(hub.database, account.id), actionsBefore)
      assert.equal((await outboxTo(hub.database, email)).length, 0)
    })

    it('is limited like sign-in: the eleventh try in a minute is refused, even with the right password', async (t) => {
      const hub = await buildTestApp(t, { driver })
      const mark = await signedIn(hub, demoEmail['read-only'])
      await mark.get('/account/password')
      for (let attempt = 1; attempt <= 10; attempt++) {
        const guess = { currentPassword: `guess ${attempt}`, password: newPassword, confirmPassword: newPassword }
        assert.equal((await mark.post('/account/password', guess)).statusCode, 400)
      }
      const eleventh = await mark.post('/account/password', {
        currentPassword: demoPassword,
        password: newPassword,
        confirmPassword: newPassword,
      })
      assert.equal(eleventh.statusCode, 429)
      const account = await userByEmail(hub.database, demoEmail['read-only'])
      assert.ok(await verifyPassword(account.passwordHash, demoPassword), 'the password is unchanged')
    })
  })
}

describe('setting a password from an emailed link', () => {
  it('a reset emails the owner that their password changed and welcomes them with a banner', async (t) => {
    const hub = await buildTestApp(t)
    const email = demoEmail.chair
    const link = await resetLinkFor(hub, email)
    const helen = at(hub)
    await helen.get(link)
    const reset = await helen.post(link, { password: newPassword, confirmPassword: newPassword })
    assert.equal(reset.statusCode, 302)
    const home = await helen.get(reset.headers.location as string)
    assert.equal(successBanner(home.body), 'Your password has been set. You are signed in.')

    const templates = (await outboxTo(hub.database, email)).map((e) => e.template)
    assert.deepEqual(templates, ['password-reset', 'password-changed'])
  })

  it('a first password from an invitation sends no such email, and welcomes them with the same banner', async (t) => {
    const hub = await buildTestApp(t)
    const admin = await signedIn(hub, demoEmail.administrator)
    await admin.get('/users/invite')
    const email = 'nadia.rahman@oscb.example'
    const invited = await admin.post('/users/invite', { name: 'Nadia Rahman', email, roles: 'read-only' })
    assert.equal(invited.statusCode, 302)
    const link = linkIn((await outboxTo(hub.database, email))[0]!.bodyText, 'accept-invite')
    const nadia = at(hub)
    await nadia.get(link)
    const accepted = await nadia.post(link, { password: newPassword, confirmPassword: newPassword })
    assert.equal(accepted.statusCode, 302)
    assert.equal(
      successBanner((await nadia.get(accepted.headers.location as string)).body),
      'Your password has been set. You are signed in.',
    )
    assert.deepEqual(
      (await outboxTo(hub.database, email)).map((e) => e.template),
      ['invite'],
    )
  })
})

describe('the sign-in page never tells which emails have accounts', () => {
  it('says the same words, with the same status, for a known and an unknown email, through five failures and after', async (t) => {
    const hub = await buildTestApp(t)
    const known = demoEmail.trainer
    const unknown = 'nobody@oscb.example'
    const page = await at(hub).get('/sign-in')
    assert.ok(
      page.body.includes(
        'If you enter an incorrect password 5 times, you will need to wait 15 minutes before you can try again from this device.',
      ),
      'the page explains the pause before it happens',
    )
    const fromKnown = at(hub)
    const fromUnknown = at(hub)
    await fromKnown.get('/sign-in')
    await fromUnknown.get('/sign-in')
    for (let attempt = 1; attempt <= 7; attempt++) {
      const a = await fromKnown.post('/sign-in', { email: known, password: wrongPassword })
      const b = await fromUnknown.post('/sign-in', { email: unknown, password: wrongPassword })
      assert.equal(a.statusCode, 400)
      assert.equal(b.statusCode, 400)
      assert.ok(a.body.includes(signInError), `attempt ${attempt}`)
      assert.doesNotMatch(a.body, /locked/i)
      assert.equal(withoutEmail(a, known), withoutEmail(b, unknown), `attempt ${attempt} reads the same`)
    }
  })

  it('an unknown email costs the same password check and the same writes as a known one, paused or not', async (t) => {
    const hub = await buildTestApp(t)
    const { db } = hub.database
    let checks = 0
    const countingCheck: typeof verifyPassword = (hash, password) => {
      checks++
      return verifyPassword(hash, password)
    }
    const paths: Record<string, { checks: number; auditRows: number; actions: string[]; paused: boolean }> = {}
    for (const email of [demoEmail.trainer, 'nobody@oscb.example']) {
      const checksBefore = checks
      const auditBefore = await auditRowCount(hub.database)
      for (let attempt = 1; attempt <= 7; attempt++) {
        const result = await signIn(db, { email, password: wrongPassword, clientAddress: '192.0.2.1' }, countingCheck)
        assert.equal(result.ok, false)
      }
      const rows = await db.select({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.id))
      const [failures] = await db
        .select()
        .from(signInFailures)
        .where(eq(signInFailures.emailHash, hashSecret(email)))
      paths[email] = {
        checks: checks - checksBefore,
        auditRows: (await auditRowCount(hub.database)) - auditBefore,
        actions: rows.slice(-7).map((r) => r.action),
        paused: !!failures?.pausedUntil && failures.pausedUntil > new Date(),
      }
    }
    const expected = {
      checks: 7,
      auditRows: 7,
      actions: [
        'sign-in-failed',
        'sign-in-failed',
        'sign-in-failed',
        'sign-in-failed',
        'sign-in-paused',
        'sign-in-refused-paused',
        'sign-in-refused-paused',
      ],
      paused: true,
    }
    assert.deepEqual(paths[demoEmail.trainer], expected)
    assert.deepEqual(paths['nobody@oscb.example'], expected)

    const anonymous = await db
      .select()
      .from(auditLog)
      .where(and(isNull(auditLog.partnershipId), eq(auditLog.action, 'sign-in-failed')))
    assert.ok(anonymous.length > 0)
    for (const row of anonymous) {
      assert.ok(!JSON.stringify(row).includes('nobody'), 'the unknown email is not kept')
    }
  })

  it('a stranger who knows an email cannot lock its owner out: the pause holds only for their own address', async (t) => {
    const hub = await buildTestApp(t)
    const email = demoEmail['agency-lead']
    const stranger = at(hub, '203.0.113.66')
    await stranger.get('/sign-in')
    for (let attempt = 1; attempt <= 8; attempt++) {
      assert.equal((await stranger.post('/sign-in', { email, password: wrongPassword })).statusCode, 400)
    }
    const strangerWithPassword = await stranger.post('/sign-in', { email, password: demoPassword })
    assert.equal(strangerWithPassword.statusCode, 400, 'paused from the stranger’s address')

    // Sam, at his own desk, is not paused by any of it.
    const sam = await signedIn(hub, email, demoPassword, at(hub, '198.51.100.200'))
    assert.equal((await sam.get('/account')).statusCode, 200)

    // The pause is for that email only: the stranger's address can still sign in to another account.
    await signedIn(hub, demoEmail.trainer, demoPassword, stranger)
  })

  it('the forgotten-password page does the same work and says the same for a known, a disabled and an unknown email', async (t) => {
    const hub = await buildTestApp(t)
    const { db } = hub.database
    const disabled = demoEmail['read-only']
    await db.update(users).set({ status: 'disabled' }).where(eq(users.email, disabled))

    const answers: Record<string, { status: number; body: string; auditRows: number; emails: number }> = {}
    for (const email of [demoEmail.trainer, disabled, 'nobody@oscb.example']) {
      const visitor = at(hub)
      await visitor.get('/forgot-password')
      const auditBefore = await auditRowCount(hub.database)
      const response = await visitor.post('/forgot-password', { email })
      const [audit] = await db.select().from(auditLog).orderBy(asc(auditLog.id)).offset(auditBefore)
      assert.equal(audit?.action, 'password-reset-requested', email)
      answers[email] = {
        status: response.statusCode,
        body: withoutEmail(response, email),
        auditRows: (await auditRowCount(hub.database)) - auditBefore,
        emails: (await outboxTo(hub.database, email)).length,
      }
    }
    const known = answers[demoEmail.trainer]!
    assert.deepEqual({ ...known, emails: 1 }, known, 'the known address gets its email')
    for (const email of [disabled, 'nobody@oscb.example']) {
      assert.deepEqual(answers[email], { ...known, emails: 0 }, email)
    }
    assert.equal(known.status, 200)
    assert.equal(known.auditRows, 1)
  })
})

describe('a form token does not outlive its session', () => {
  it('a token taken before signing out is refused after signing in again', async (t) => {
    const hub = await buildTestApp(t)
    const email = demoEmail['business-unit']
    const tom = await signedIn(hub, email)
    const form = await tom.get('/account/password')
    const oldToken = hiddenValue(form.body, '_csrf')
    assert.ok(oldToken)

    assert.equal((await tom.post('/sign-out')).statusCode, 302)
    await signedIn(hub, email, demoPassword, tom)

    const replayed = await tom.post('/account/password', {
      _csrf: oldToken,
      currentPassword: demoPassword,
      password: newPassword,
      confirmPassword: newPassword,
    })
    assert.equal(replayed.statusCode, 403)
    assert.ok(replayed.body.includes('Your form could not be sent'))
    const account = await userByEmail(hub.database, email)
    assert.ok(await verifyPassword(account.passwordHash, demoPassword), 'nothing changed')
  })

  it('a token from the sign-in page is refused once signed in', async (t) => {
    const hub = await buildTestApp(t)
    const visitor = at(hub)
    const signInPage = await visitor.get('/sign-in')
    const beforeToken = hiddenValue(signInPage.body, '_csrf')!
    const response = await visitor.post('/sign-in', { email: demoEmail.chair, password: demoPassword })
    assert.equal(response.statusCode, 302)
    const replayed = await visitor.post('/sign-out', { _csrf: beforeToken })
    assert.equal(replayed.statusCode, 403)
    assert.equal((await visitor.get('/account')).statusCode, 200, 'still signed in')
  })
})

describe('fixes of the module kit, kept', () => {
  it('an agency lead’s account page names their agency and directory entry', async (t) => {
    const hub = await buildTestApp(t)
    const sam = await signedIn(hub, demoEmail['agency-lead'])
    const page = await sam.get('/account')
    const row = (key: string) =>
      page.body.match(new RegExp(`${key}\\s*</dt>\\s*<dd class="govuk-summary-list__value">\\s*([^<]*?)\\s*</dd>`))?.[1]
    assert.equal(row('Agency \\(for agency leads\\)'), 'Oxford Health NHS Foundation Trust')
    assert.equal(row('Directory entry'), 'Sam Patel')
  })

  it('after signing in, a return address off the site goes to the home page; one on the site is kept', async (t) => {
    const hub = await buildTestApp(t)
    const cases: [query: string, expected: string][] = [
      ['/%09/evil.example', '/'],
      ['//evil.example', '/'],
      ['/%5Cevil', '/'],
      [encodeURIComponent('https://evil.example'), '/'],
      ['/%0A/evil.example', '/'],
      [encodeURIComponent('/directory/people?search=x'), '/directory/people?search=x'],
    ]
    for (const [query, expected] of cases) {
      const visitor = at(hub)
      const page = await visitor.get(`/sign-in?returnTo=${query}`)
      const returnTo = hiddenValue(page.body, 'returnTo')
      assert.equal(returnTo, decodeURIComponent(query), 'the page keeps the address to post it back')
      const response = await visitor.post('/sign-in', { email: demoEmail.chair, password: demoPassword, returnTo })
      assert.equal(response.statusCode, 302, query)
      assert.equal(response.headers.location, expected, query)
    }
  })

  it('the partnership keeps its last active administrator; with two, one can be disabled', async (t) => {
    const hub = await buildTestApp(t)
    const priya = await signedIn(hub, demoEmail.administrator)
    const tom = await signedIn(hub, demoEmail['business-unit'])
    const admin = await userByEmail(hub.database, demoEmail.administrator)
    const officer = await userByEmail(hub.database, demoEmail['business-unit'])
    const auditBefore = await auditRowCount(hub.database)

    const form = await priya.get(`/users/${admin.id}/edit`)
    const dropRole = await priya.post(`/users/${admin.id}/edit`, {
      name: admin.name,
      roles: ['business-unit'],
      agencyId: '',
      personId: admin.personId ?? '',
      version: hiddenValue(form.body, 'version')!,
    })
    assert.equal(dropRole.statusCode, 400)
    assert.ok(dropRole.body.includes(lastAdministrator))

    await tom.get(`/users/${admin.id}`)
    const disable = await tom.post(`/users/${admin.id}/disable`, { version: String(admin.version) })
    assert.equal(disable.statusCode, 400)
    assert.ok(disable.body.includes(lastAdministrator))

    assert.equal(await auditRowCount(hub.database), auditBefore, 'the audit log has no change')
    assert.equal((await userByEmail(hub.database, admin.email)).status, 'active')

    // Priya makes Tom an administrator too; now Tom can disable her.
    const officerForm = await priya.get(`/users/${officer.id}/edit`)
    const promoted = await priya.post(`/users/${officer.id}/edit`, {
      name: officer.name,
      roles: ['administrator', 'business-unit'],
      agencyId: '',
      personId: officer.personId ?? '',
      version: hiddenValue(officerForm.body, 'version')!,
    })
    assert.equal(promoted.statusCode, 302)
    const page = await tom.get(`/users/${admin.id}`)
    const disabled = await tom.post(`/users/${admin.id}/disable`, { version: hiddenValue(page.body, 'version')! })
    assert.equal(disabled.statusCode, 302)
    assert.equal((await userByEmail(hub.database, admin.email)).status, 'disabled')
  })

  it('disabling and enabling post the version the page showed; a stale one gets the 409 page', async (t) => {
    const hub = await buildTestApp(t)
    const priya = await signedIn(hub, demoEmail.administrator)
    const tom = await signedIn(hub, demoEmail['business-unit'])
    const mark = await userByEmail(hub.database, demoEmail['read-only'])

    /** Tom changes Mark's roles while Priya has Mark's page open. */
    async function tomChangesMarksRoles(roles: string[]) {
      const form = await tom.get(`/users/${mark.id}/edit`)
      const saved = await tom.post(`/users/${mark.id}/edit`, {
        name: mark.name,
        roles,
        agencyId: '',
        personId: mark.personId ?? '',
        version: hiddenValue(form.body, 'version')!,
      })
      assert.equal(saved.statusCode, 302)
    }

    const disablePage = await priya.get(`/users/${mark.id}`)
    const disableVersion = hiddenValue(disablePage.body, 'version')!
    assert.equal(disableVersion, String(mark.version), 'the disable form carries the version')
    await tomChangesMarksRoles(['read-only', 'trainer'])
    const staleDisable = await priya.post(`/users/${mark.id}/disable`, { version: disableVersion })
    assert.equal(staleDisable.statusCode, 409)
    assert.ok(staleDisable.body.includes('This record has changed'))
    assert.equal((await userByEmail(hub.database, mark.email)).status, 'active')

    const freshPage = await priya.get(`/users/${mark.id}`)
    const freshVersion = hiddenValue(freshPage.body, 'version')!
    assert.equal(freshVersion, String(mark.version + 1))
    assert.equal((await priya.post(`/users/${mark.id}/disable`, { version: freshVersion })).statusCode, 302)
    assert.equal((await userByEmail(hub.database, mark.email)).status, 'disabled')

    const enablePage = await priya.get(`/users/${mark.id}`)
    assert.ok(enablePage.body.includes(`action="/users/${mark.id}/enable"`))
    const enableVersion = hiddenValue(enablePage.body, 'version')!
    assert.equal(enableVersion, String(mark.version + 2), 'the enable form carries the version')
    await tomChangesMarksRoles(['read-only'])
    const staleEnable = await priya.post(`/users/${mark.id}/enable`, { version: enableVersion })
    assert.equal(staleEnable.statusCode, 409)
    assert.equal((await userByEmail(hub.database, mark.email)).status, 'disabled')
  })
})
