import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { demoAccounts, demoPassword } from '../src/db/seed.ts'
import {
  auditLog,
  emailOutbox,
  oneTimeTokens,
  sessions,
  signInFailures,
  userRoles,
  users,
} from '../src/platform/schema.ts'
import { hashSecret } from '../src/platform/tokens.ts'
import { insertAgency, insertPartnership, insertPerson } from './builders/index.ts'
import { appForSuite, buildTestApp, demoEmail, productionEnv, Session, type TestApp } from './helpers/app.ts'
import { drivers, type Driver, type TestDatabase } from './helpers/database.ts'
import { hiddenValue, linkedNames } from './helpers/html.ts'
import { linkIn, outboxTo } from './helpers/outbox.ts'
import { auditActions, userByEmail } from './helpers/records.ts'

/**
 * Accounts, end to end over HTTP: signing in and out, sessions and their timeouts, invitations,
 * password resets, roles and disabling, each with the audit rows it writes. Time passing is
 * simulated by moving timestamps in the database.
 *
 * Sign-in is throttled to 10 attempts a minute from one address, per app, so a suite shares an
 * app only while its tests together stay under that; each test there uses its own demo account.
 */

const newPassword = 'lantern orchard carpet'
const wrongPassword = 'not-the-password'
const signInError = 'Enter a correct email address and password'

async function rolesOf(database: TestDatabase, userId: string) {
  const rows = await database.db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId))
  return rows.map((r) => r.role).sort()
}

async function countRows(database: TestDatabase, table: typeof users | typeof emailOutbox) {
  return (await database.db.select().from(table)).length
}

interface ParsedCookie {
  name: string
  value: string
  httpOnly?: boolean
  sameSite?: string
  secure?: boolean
  path?: string
}

function sessionCookie(response: { cookies: unknown[] }) {
  return (response.cookies as ParsedCookie[]).find((c) => c.name === 'sph_session')
}

/** A browser that holds only the given session cookie, as if someone had copied it. */
function browserWith(hub: TestApp, cookie: string) {
  const session = new Session(hub.app)
  session.cookies.set('sph_session', cookie)
  return session
}

function assertSentToSignIn(response: { statusCode: number; headers: Record<string, unknown> }, from: string) {
  assert.equal(response.statusCode, 302)
  assert.equal(response.headers.location, `/sign-in?returnTo=${encodeURIComponent(from)}`)
}

function suitesOn(driver: Driver) {
  describe(`signing in, on ${driver}`, () => {
    it('every demo account signs in with the demo password and sees their name', async (t) => {
      const hub = await buildTestApp(t, { driver })
      for (const account of demoAccounts) {
        const session = await hub.signIn(account.email)
        const home = await session.get('/')
        assert.equal(home.statusCode, 200)
        assert.ok(home.body.includes(`Signed in as <strong>${account.name}</strong>`), account.name)
        const user = await userByEmail(hub.database, account.email)
        assert.ok(user.lastSignedInAt, 'the last sign-in is recorded')
        assert.deepEqual(await auditActions(hub.database, user.id), ['signed-in'])
      }
    })

    it('five failed sign-ins pause sign-in for that email from that address for 15 minutes, even with the right password', async (t) => {
      const hub = await buildTestApp(t, { driver })
      const visitor = await hub.visitor()
      const email = demoEmail.trainer
      for (let attempt = 1; attempt <= 5; attempt++) {
        const response = await visitor.post('/sign-in', { email, password: wrongPassword })
        assert.equal(response.statusCode, 400)
        assert.ok(response.body.includes(signInError), `attempt ${attempt}`)
        assert.doesNotMatch(response.body, /locked/i)
      }
      const [pause] = await hub.database.db
        .select()
        .from(signInFailures)
        .where(eq(signInFailures.emailHash, hashSecret(email)))
      const minutesPaused = (pause!.pausedUntil!.getTime() - Date.now()) / 60_000
      assert.ok(minutesPaused > 14 && minutesPaused <= 15, `paused for ${minutesPaused} minutes`)

      const rightPassword = await visitor.post('/sign-in', { email, password: demoPassword })
      assert.equal(rightPassword.statusCode, 400)
      assert.ok(rightPassword.body.includes(signInError), 'the same words as a wrong password')
      assert.equal(sessionCookie(rightPassword), undefined)

      // Fifteen minutes pass.
      await hub.database.db
        .update(signInFailures)
        .set({ pausedUntil: new Date(Date.now() - 1000), firstFailedAt: new Date(Date.now() - 16 * 60_000) })
        .where(eq(signInFailures.emailHash, hashSecret(email)))
      const afterPause = await visitor.post('/sign-in', { email, password: demoPassword })
      assert.equal(afterPause.statusCode, 302)
      assert.ok(sessionCookie(afterPause)?.value)

      const trainer = await userByEmail(hub.database, email)
      assert.deepEqual(await auditActions(hub.database, trainer.id), [
        'sign-in-failed',
        'sign-in-failed',
        'sign-in-failed',
        'sign-in-failed',
        'sign-in-paused',
        'sign-in-refused-paused',
        'signed-in',
      ])
      const left = await hub.database.db
        .select()
        .from(signInFailures)
        .where(eq(signInFailures.emailHash, hashSecret(email)))
      assert.equal(left.length, 0, 'signing in forgets the failures')
    })

    describe('refusals and disabled accounts', () => {
      const hub = appForSuite({ driver })

      it('a wrong password or an unknown email is refused with one message, and the email typed is kept', async () => {
        const visitor = await hub().visitor()
        for (const email of [demoEmail.trainer, 'nobody@oscb.example']) {
          const response = await visitor.post('/sign-in', { email, password: wrongPassword })
          assert.equal(response.statusCode, 400)
          assert.ok(response.body.includes(signInError))
          assert.match(response.body, /<title>Error: Sign in/)
          assert.ok(response.body.includes('govuk-error-summary'))
          assert.ok(response.body.includes(`value="${email}"`), 'the email is kept')
          assert.equal(sessionCookie(response), undefined, 'no session is started')
        }
        const trainer = await userByEmail(hub().database, demoEmail.trainer)
        assert.deepEqual(await auditActions(hub().database, trainer.id), ['sign-in-failed'])
      })

      it('an empty form is refused with a message for each field', async () => {
        const response = await (await hub().visitor()).post('/sign-in', { email: '', password: '' })
        assert.equal(response.statusCode, 400)
        assert.ok(response.body.includes('Enter your email address'))
        assert.ok(response.body.includes('Enter your password'))
      })

      it('an administrator disables an account: its open session stops at once and it cannot sign in; enabling restores it', async () => {
        const admin = await hub().signIn(demoEmail.administrator)
        const member = await hub().signIn(demoEmail['board-member'])
        const account = await userByEmail(hub().database, demoEmail['board-member'])
        assert.equal((await member.get('/directory/agencies')).statusCode, 200)

        const disabling = { version: String(account.version) }
        assert.equal((await admin.post(`/users/${account.id}/disable`, disabling)).statusCode, 302)
        assert.equal((await userByEmail(hub().database, account.email)).status, 'disabled')
        assertSentToSignIn(await member.get('/directory/agencies'), '/directory/agencies')
        const openSessions = await hub().database.db.select().from(sessions).where(eq(sessions.userId, account.id))
        assert.equal(openSessions.length, 0)

        const refused = await (await hub().visitor()).post('/sign-in', { email: account.email, password: demoPassword })
        assert.equal(refused.statusCode, 400)
        assert.ok(refused.body.includes(signInError))

        const enabling = { version: String(account.version + 1) }
        assert.equal((await admin.post(`/users/${account.id}/enable`, enabling)).statusCode, 302)
        assert.equal((await userByEmail(hub().database, account.email)).status, 'active')
        const again = await hub().signIn(account.email)
        assert.equal((await again.get('/directory/agencies')).statusCode, 200)

        assert.deepEqual(await auditActions(hub().database, account.id), [
          'signed-in',
          'disabled',
          'sign-in-failed',
          'enabled',
          'signed-in',
        ])
      })

      it('an administrator cannot disable their own account', async () => {
        const admin = await hub().signIn(demoEmail.administrator)
        const account = await userByEmail(hub().database, demoEmail.administrator)
        const page = await admin.get(`/users/${account.id}`)
        assert.ok(!page.body.includes('Disable account'), 'no button to disable yourself')

        const response = await admin.post(`/users/${account.id}/disable`, { version: String(account.version) })
        assert.equal(response.statusCode, 400)
        assert.ok(response.body.includes('You cannot disable your own account'))
        assert.equal((await userByEmail(hub().database, account.email)).status, 'active')
        assert.equal((await admin.get('/users')).statusCode, 200, 'still signed in')
        assert.ok(!(await auditActions(hub().database, account.id)).includes('disabled'))
      })
    })
  })

  describe(`sessions, on ${driver}`, () => {
    const hub = appForSuite({ driver })

    it('the session cookie is HttpOnly, SameSite=Lax, signed, Secure outside development, and stored only as a hash', async () => {
      const visitor = await hub().visitor()
      const response = await visitor.post('/sign-in', { email: demoEmail.administrator, password: demoPassword })
      assert.equal(response.statusCode, 302)
      const cookie = sessionCookie(response)!
      assert.equal(cookie.httpOnly, true)
      assert.equal(cookie.sameSite, 'Lax')
      assert.equal(cookie.path, '/')
      assert.equal(cookie.secure, true)

      const unsigned = hub().app.unsignCookie(cookie.value)
      assert.equal(unsigned.valid, true, 'the cookie carries a signature')
      const [stored] = await hub()
        .database.db.select()
        .from(sessions)
        .where(eq(sessions.id, hashSecret(unsigned.value!)))
      assert.ok(stored, 'the session row is keyed by the hash of the token')
      const hours = (stored.expiresAt.getTime() - stored.createdAt.getTime()) / 3_600_000
      assert.ok(Math.abs(hours - 12) < 0.01, `expires ${hours} hours after sign-in`)

      const tampered = cookie.value.slice(0, -2) + (cookie.value.endsWith('AA') ? 'BB' : 'AA')
      assertSentToSignIn(await browserWith(hub(), tampered).get('/account'), '/account')
      assertSentToSignIn(await browserWith(hub(), unsigned.value!).get('/account'), '/account')
      assert.equal((await browserWith(hub(), cookie.value).get('/account')).statusCode, 200)
    })

    it('signing in again gives a new session id, and the old cookie no longer works', async () => {
      const chair = await hub().signIn(demoEmail.chair)
      const first = chair.cookies.get('sph_session')!
      const response = await chair.post('/sign-in', { email: demoEmail.chair, password: demoPassword })
      assert.equal(response.statusCode, 302)
      const second = chair.cookies.get('sph_session')!
      assert.notEqual(second, first)
      assertSentToSignIn(await browserWith(hub(), first).get('/account'), '/account')
      assert.equal((await chair.get('/account')).statusCode, 200)
    })

    it('a session ends after 30 minutes without a request, and a request within 30 minutes keeps it going', async () => {
      const member = await hub().signIn(demoEmail['board-member'])
      const { id: userId } = await userByEmail(hub().database, demoEmail['board-member'])
      const idleFor = (minutes: number) =>
        hub()
          .database.db.update(sessions)
          .set({ lastSeenAt: new Date(Date.now() - minutes * 60_000) })
          .where(eq(sessions.userId, userId))

      await idleFor(29)
      assert.equal((await member.get('/account')).statusCode, 200)
      const [renewed] = await hub().database.db.select().from(sessions).where(eq(sessions.userId, userId))
      assert.ok(Date.now() - renewed!.lastSeenAt.getTime() < 60_000, 'the request renews the session')

      await idleFor(31)
      assertSentToSignIn(await member.get('/account'), '/account')
      assert.equal(member.cookies.has('sph_session'), false, 'the dead cookie is cleared')
    })

    it('a session ends 12 hours after sign-in, however busy', async () => {
      const trainer = await hub().signIn(demoEmail.trainer)
      const { id: userId } = await userByEmail(hub().database, demoEmail.trainer)
      // Signed in 12 hours ago, and active a moment ago.
      await hub()
        .database.db.update(sessions)
        .set({
          createdAt: new Date(Date.now() - 12 * 3_600_000),
          expiresAt: new Date(Date.now() - 1000),
          lastSeenAt: new Date(),
        })
        .where(eq(sessions.userId, userId))
      assertSentToSignIn(await trainer.get('/account'), '/account')
    })

    it('signing out ends the session on the server, not only in the browser', async () => {
      const officer = await hub().signIn(demoEmail['business-unit'])
      const cookie = officer.cookies.get('sph_session')!
      const { id: userId } = await userByEmail(hub().database, demoEmail['business-unit'])

      const response = await officer.post('/sign-out')
      assert.equal(response.statusCode, 302)
      assert.equal(response.headers.location, '/sign-in?signedOut=1')
      assert.equal(officer.cookies.has('sph_session'), false)
      assertSentToSignIn(await browserWith(hub(), cookie).get('/account'), '/account')
      assert.equal((await hub().database.db.select().from(sessions).where(eq(sessions.userId, userId))).length, 0)
      assert.deepEqual(await auditActions(hub().database, userId), ['signed-in', 'signed-out'])
    })

    it('a signed-out visitor is sent to sign in and comes back to the page they asked for', async () => {
      const visitor = await hub().visitor()
      const asked = '/directory/people?search=Patel'
      const redirect = await visitor.get(asked)
      assertSentToSignIn(redirect, asked)

      const signInPage = await visitor.get(redirect.headers.location as string)
      const returnTo = hiddenValue(signInPage.body, 'returnTo')
      assert.equal(returnTo, asked)
      const response = await visitor.post('/sign-in', {
        email: demoEmail['read-only'],
        password: demoPassword,
        returnTo: returnTo!,
      })
      assert.equal(response.statusCode, 302)
      assert.equal(response.headers.location, asked)
      assert.equal((await visitor.get(asked)).statusCode, 200)
    })

    it('a signed-out form post gets the signed-out page, not a redirect that would lose it', async () => {
      const response = await (
        await hub().visitor()
      ).post('/directory/agencies/new', { name: 'Lost agency', type: 'health' })
      assert.equal(response.statusCode, 401)
      assert.ok(response.body.includes('You have been signed out'))
    })
  })

  describe(`managing accounts, on ${driver}`, () => {
    const hub = appForSuite({ driver })
    let admin: Session
    before(async () => {
      admin = await hub().signIn(demoEmail.administrator)
    })

    it('an administrator invites a colleague, who sets a password once and is signed in with the roles given', async () => {
      const { database } = hub()
      const invited = await admin.post('/users/invite', {
        name: 'Nadia Rahman',
        email: 'Nadia.Rahman@OSCB.example',
        roles: ['trainer', 'chair'],
        agencyId: '',
        personId: '',
      })
      assert.equal(invited.statusCode, 302)
      const nadia = await userByEmail(database, 'nadia.rahman@oscb.example')
      assert.equal(invited.headers.location, `/users/${nadia.id}?invited=1`)
      assert.equal(nadia.status, 'invited')
      assert.equal(nadia.passwordHash, null)
      assert.deepEqual(await rolesOf(database, nadia.id), ['chair', 'trainer'])
      assert.ok(
        (await admin.get(invited.headers.location as string)).body.includes(
          'Invitation sent to nadia.rahman@oscb.example',
        ),
      )

      const [email] = await outboxTo(database.db, 'nadia.rahman@oscb.example')
      assert.ok(email)
      assert.equal(email.template, 'invite')
      assert.equal(email.status, 'pending')
      assert.equal(email.subject, 'You have been invited to Oxfordshire Safeguarding Children Board')
      const link = linkIn(email.bodyText, 'accept-invite')

      const nadiasBrowser = await hub().visitor()
      const page = await nadiasBrowser.get(link)
      assert.equal(page.statusCode, 200)
      assert.ok(page.body.includes('Set your password'))
      assert.ok(page.body.includes('Welcome, Nadia Rahman'))

      const refusals: [password: string, confirmPassword: string, message: string][] = [
        ['', '', 'Enter a password'],
        ['too-short', 'too-short', 'Password must be 12 characters or more'],
        ['password1234', 'password1234', 'Password is too easy to guess. Try three random words'],
        ['nadia.rahman-2017', 'nadia.rahman-2017', 'Password must not contain your email address'],
        [newPassword, `${newPassword}!`, 'Passwords do not match'],
      ]
      for (const [password, confirmPassword, message] of refusals) {
        const response = await nadiasBrowser.post(link, { password, confirmPassword })
        assert.equal(response.statusCode, 400, message)
        assert.ok(response.body.includes(message), message)
        assert.match(response.body, /<title>Error: Set your password/)
        assert.ok(response.body.includes('govuk-error-summary'))
        assert.equal(sessionCookie(response), undefined)
      }
      const unchanged = await userByEmail(database, nadia.email)
      assert.equal(unchanged.status, 'invited')
      assert.equal(unchanged.passwordHash, null)

      const accepted = await nadiasBrowser.post(link, { password: newPassword, confirmPassword: newPassword })
      assert.equal(accepted.statusCode, 302)
      assert.equal(accepted.headers.location, '/?welcome=1')
      assert.ok((await nadiasBrowser.get('/')).body.includes('Signed in as <strong>Nadia Rahman</strong>'))
      assert.equal((await nadiasBrowser.get('/audit-log')).statusCode, 200, 'the chair role reads the audit log')
      assert.equal((await nadiasBrowser.get('/outbox')).statusCode, 403, 'but she is not an administrator')
      assert.equal((await userByEmail(database, nadia.email)).status, 'active')

      const again = await (await hub().visitor()).get(link)
      assert.equal(again.statusCode, 404)
      assert.ok(again.body.includes('This link has expired or has already been used'))
      const replay = await (
        await hub().visitor()
      ).post(link, {
        password: 'another good password',
        confirmPassword: 'another good password',
      })
      assert.equal(replay.statusCode, 404)

      const signedIn = await hub().signIn(nadia.email, newPassword)
      assert.equal((await signedIn.get('/account')).statusCode, 200)

      assert.deepEqual(await auditActions(database, nadia.id), ['invited', 'invite-accepted', 'signed-in'])
      const [invitedRow] = await database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.recordId, nadia.id), eq(auditLog.action, 'invited')))
      assert.equal(invitedRow!.actorUserId, (await userByEmail(database, demoEmail.administrator)).id)
      assert.deepEqual((invitedRow!.after as { roles: string[] }).roles, ['trainer', 'chair'])
    })

    it('an expired invitation link shows the expired page and sets nothing', async () => {
      const { database } = hub()
      await admin.post('/users/invite', { name: 'Owen Late', email: 'owen.late@oscb.example', roles: 'read-only' })
      const owen = await userByEmail(database, 'owen.late@oscb.example')
      const link = linkIn((await outboxTo(database.db, owen.email))[0]!.bodyText, 'accept-invite')

      // Eight days pass.
      await database.db
        .update(oneTimeTokens)
        .set({ expiresAt: new Date(Date.now() - 86_400_000) })
        .where(eq(oneTimeTokens.userId, owen.id))
      const visitor = await hub().visitor()
      const page = await visitor.get(link)
      assert.equal(page.statusCode, 404)
      assert.ok(page.body.includes('This link has expired or has already been used'))
      const post = await visitor.post(link, { password: newPassword, confirmPassword: newPassword })
      assert.equal(post.statusCode, 404)
      assert.equal((await userByEmail(database, owen.email)).passwordHash, null)
    })

    it('sending a new invitation replaces the old link', async () => {
      const { database } = hub()
      await admin.post('/users/invite', { name: 'Ada Second', email: 'ada.second@oscb.example', roles: 'read-only' })
      const ada = await userByEmail(database, 'ada.second@oscb.example')
      assert.equal((await admin.post(`/users/${ada.id}/resend-invite`)).statusCode, 302)
      const [first, second] = await outboxTo(database.db, ada.email)
      const visitor = await hub().visitor()
      assert.equal((await visitor.get(linkIn(first!.bodyText, 'accept-invite'))).statusCode, 404)
      assert.equal((await visitor.get(linkIn(second!.bodyText, 'accept-invite'))).statusCode, 200)
      assert.deepEqual(await auditActions(database, ada.id), ['invited', 'invite-resent'])
    })

    it('inviting an email that already has an account is refused, keeping what was typed', async () => {
      const { database } = hub()
      const accountsBefore = await countRows(database, users)
      const emailsBefore = await countRows(database, emailOutbox)
      const response = await admin.post('/users/invite', {
        name: 'Ruth Again',
        email: 'Trainer@OSCB.example',
        roles: 'trainer',
      })
      assert.equal(response.statusCode, 400)
      assert.ok(response.body.includes('There is already an account with this email address'))
      assert.ok(response.body.includes('value="Ruth Again"'))
      assert.equal(await countRows(database, users), accountsBefore)
      assert.equal(await countRows(database, emailOutbox), emailsBefore)
    })

    it('an invitation without a name or with a bad email is refused with GOV.UK messages', async () => {
      const response = await admin.post('/users/invite', { name: '', email: 'not-an-email', roles: 'trainer' })
      assert.equal(response.statusCode, 400)
      assert.ok(response.body.includes('Enter their full name'))
      assert.ok(response.body.includes('Enter an email address in the correct format, like name@example.com'))
      assert.ok(response.body.includes('value="not-an-email"'))
    })

    it('an invitation cannot point an account at another partnership’s agency or person', async () => {
      const { database } = hub()
      const other = await insertPartnership(database.db)
      const theirAgency = await insertAgency(database.db, other.partnershipId)
      const theirPerson = await insertPerson(database.db, other.partnershipId)
      const accountsBefore = await countRows(database, users)
      // One at a time: the agency and the person are checked at once, and either refusal may come first.
      const invite = { name: 'Cross Partnership', email: 'cross.partnership@oscb.example', roles: 'agency-lead' }
      let response = await admin.post('/users/invite', { ...invite, agencyId: theirAgency.id })
      assert.equal(response.statusCode, 400)
      assert.ok(response.body.includes('Select an agency from the list'))
      response = await admin.post('/users/invite', { ...invite, personId: theirPerson.id })
      assert.equal(response.statusCode, 400)
      assert.ok(response.body.includes('Select a person from the list'))
      assert.equal(await countRows(database, users), accountsBefore)
    })

    it('an administrator changes someone’s roles; their open session gets them at once; a stale form changes nothing', async () => {
      const { database } = hub()
      const trainerSession = await hub().signIn(demoEmail.trainer)
      const trainer = await userByEmail(database, demoEmail.trainer)
      assert.equal((await trainerSession.get('/audit-log')).statusCode, 403)

      const form = await admin.get(`/users/${trainer.id}/edit`)
      assert.equal(form.statusCode, 200)
      const openedAt = hiddenValue(form.body, 'version')!
      assert.equal(openedAt, String(trainer.version))

      const saved = await admin.post(`/users/${trainer.id}/edit`, {
        name: trainer.name,
        roles: ['trainer', 'business-unit'],
        agencyId: '',
        personId: trainer.personId ?? '',
        version: openedAt,
      })
      assert.equal(saved.statusCode, 302)
      assert.equal(saved.headers.location, `/users/${trainer.id}?saved=1`)
      assert.deepEqual(await rolesOf(database, trainer.id), ['business-unit', 'trainer'])
      assert.equal((await trainerSession.get('/audit-log')).statusCode, 200, 'the new role applies to the open session')

      // Someone else had the same form open, and saves it now.
      const stale = await admin.post(`/users/${trainer.id}/edit`, {
        name: 'Ruth Evans-Stale',
        roles: ['read-only'],
        agencyId: '',
        personId: '',
        version: openedAt,
      })
      assert.equal(stale.statusCode, 409)
      assert.ok(stale.body.includes('This record has changed'))
      assert.ok(stale.body.includes('changed this record after you opened the form'))
      assert.deepEqual(await rolesOf(database, trainer.id), ['business-unit', 'trainer'])
      assert.equal((await userByEmail(database, trainer.email)).name, trainer.name)

      assert.deepEqual(await auditActions(database, trainer.id), ['signed-in', 'updated'])
      const [updated] = await database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.recordId, trainer.id), eq(auditLog.action, 'updated')))
      assert.deepEqual((updated!.before as { roles: string[] }).roles, ['trainer'])
      assert.deepEqual((updated!.after as { roles: string[] }).roles, ['business-unit', 'trainer'])
      const page = await admin.get(`/users/${trainer.id}`)
      assert.ok(page.body.includes(`Changed ${trainer.name}’s account`), 'the change shows in the account’s history')
    })

    it('the accounts list filters by name, role and status, sorts either way, and downloads as filtered', async () => {
      const names = (body: string) => linkedNames(body, '/users')
      const all = names((await admin.get('/users')).body)
      assert.ok(all.length >= demoAccounts.length)
      assert.deepEqual(
        all,
        [...all].sort((a, b) => a!.localeCompare(b!)),
        'by name, A to Z, at first',
      )
      assert.deepEqual(names((await admin.get('/users?sort=name&direction=desc')).body), [...all].reverse())
      // Other tests in this suite add accounts too, so the checks name who must and must not be listed.
      const chairs = names((await admin.get('/users?role=chair')).body)
      assert.ok(chairs.includes('Helen Ashworth') && !chairs.includes('Priya Shah'))
      assert.deepEqual(names((await admin.get('/users?search=AGENCY.LEAD')).body), ['Sam Patel'])
      assert.ok(!names((await admin.get('/users?status=invited')).body).includes('Priya Shah'))
      const sorted = await admin.get('/users?role=chair&sort=email')
      assert.match(sorted.body, /aria-sort="ascending"/)
      const csv = await admin.get('/users/download.csv?role=trainer')
      assert.match(csv.headers['content-type'] as string, /text\/csv/)
      const csvNames = csv.body
        .replace(/^\ufeff/, '')
        .trim()
        .split('\n')
        .map((line) => line.split(',')[0])
      assert.equal(csvNames[0], 'Name')
      assert.ok(csvNames.includes('Ruth Evans') && !csvNames.includes('Priya Shah'))
    })

    it('the business unit runs accounts; a board member cannot', async () => {
      const { database } = hub()
      const officer = await hub().signIn(demoEmail['business-unit'])
      const member = await hub().signIn(demoEmail['board-member'])
      const reader = await userByEmail(database, demoEmail['read-only'])
      assert.equal((await member.get('/users')).statusCode, 403)
      assert.equal((await member.post(`/users/${reader.id}/disable`, { version: '1' })).statusCode, 403)
      assert.equal((await member.post('/users/invite', { name: 'X', email: 'x@oscb.example' })).statusCode, 403)
      assert.equal((await userByEmail(database, reader.email)).status, 'active')
      assert.equal((await officer.get('/users/invite')).statusCode, 200)
      const invited = await officer.post('/users/invite', { name: 'Xan Ward', email: 'xan.ward@oscb.example' })
      assert.equal(invited.statusCode, 302)
    })
  })

  describe(`password reset, on ${driver}`, () => {
    const hub = appForSuite({ driver })

    it('gives the same answer whether or not an account exists, and emails only real accounts', async () => {
      const { database } = hub()
      const visitor = await hub().visitor()
      assert.equal((await visitor.get('/forgot-password')).statusCode, 200)
      const emailsBefore = await countRows(database, emailOutbox)

      const real = await visitor.post('/forgot-password', { email: demoEmail.trainer })
      const unknown = await visitor.post('/forgot-password', { email: 'nobody@oscb.example' })
      assert.equal(real.statusCode, 200)
      assert.equal(unknown.statusCode, 200)
      assert.ok(real.body.includes('Check your email'))
      // Only the email typed, the script nonce and the CSRF token may differ.
      const normalise = (body: string, email: string) =>
        body
          .replaceAll(email, 'EMAIL')
          .replace(/nonce="[^"]+"/g, '')
          .replace(/value="[^"]+"/g, '')
      assert.ok(
        normalise(real.body, demoEmail.trainer) === normalise(unknown.body, 'nobody@oscb.example'),
        'the pages differ',
      )

      assert.equal(await countRows(database, emailOutbox), emailsBefore + 1)
      assert.equal((await outboxTo(database.db, 'nobody@oscb.example')).length, 0)
      const [resetEmail] = await outboxTo(database.db, demoEmail.trainer)
      assert.equal(resetEmail!.template, 'password-reset')
      assert.equal(resetEmail!.subject, 'Reset your password')
    })

    it('the reset link sets a new password, ends other sessions and works once; the old password stops working', async () => {
      const { database } = hub()
      const email = demoEmail.chair
      const elsewhere = await hub().signIn(email)
      const chair = await userByEmail(database, email)

      const visitor = await hub().visitor()
      await visitor.post('/forgot-password', { email })
      const link = linkIn((await outboxTo(database.db, email))[0]!.bodyText, 'reset-password')
      assert.equal((await visitor.get(link)).statusCode, 200)

      const tooShort = await visitor.post(link, { password: 'short', confirmPassword: 'short' })
      assert.equal(tooShort.statusCode, 400)
      assert.ok(tooShort.body.includes('Password must be 12 characters or more'))
      assert.equal((await elsewhere.get('/account')).statusCode, 200, 'nothing changes on bad input')

      const reset = await visitor.post(link, { password: newPassword, confirmPassword: newPassword })
      assert.equal(reset.statusCode, 302)
      assert.equal((await visitor.get('/account')).statusCode, 200, 'signed in with the new password')
      assertSentToSignIn(await elsewhere.get('/account'), '/account')

      assert.equal((await (await hub().visitor()).get(link)).statusCode, 404, 'the link works once')

      const old = await (await hub().visitor()).post('/sign-in', { email, password: demoPassword })
      assert.equal(old.statusCode, 400)
      assert.ok(old.body.includes(signInError))
      await hub().signIn(email, newPassword)

      assert.deepEqual(await auditActions(database, chair.id), [
        'signed-in',
        'password-reset-requested',
        'password-reset',
        'sign-in-failed',
        'signed-in',
      ])
    })

    it('resetting the password lifts a pause on sign-in', async () => {
      const { database } = hub()
      const email = demoEmail['read-only']
      await database.db.insert(signInFailures).values({
        emailHash: hashSecret(email),
        clientAddress: '127.0.0.1',
        pausedUntil: new Date(Date.now() + 10 * 60_000),
      })
      const visitor = await hub().visitor()
      await visitor.post('/forgot-password', { email })
      const link = linkIn((await outboxTo(database.db, email))[0]!.bodyText, 'reset-password')
      assert.equal((await visitor.post(link, { password: newPassword, confirmPassword: newPassword })).statusCode, 302)
      const left = await database.db
        .select()
        .from(signInFailures)
        .where(eq(signInFailures.emailHash, hashSecret(email)))
      assert.equal(left.length, 0)
    })
  })
}

for (const driver of drivers) suitesOn(driver)

// These do not depend on the database driver, so they run once.

describe('sign-in throttling', () => {
  it('refuses the eleventh attempt in a minute from one address, even with the right password', async (t) => {
    const hub = await buildTestApp(t)
    const visitor = await hub.visitor()
    for (let attempt = 1; attempt <= 10; attempt++) {
      const response = await visitor.post('/sign-in', {
        email: `guess${attempt}@oscb.example`,
        password: wrongPassword,
      })
      assert.equal(response.statusCode, 400)
    }
    const eleventh = await visitor.post('/sign-in', { email: demoEmail.administrator, password: demoPassword })
    assert.equal(eleventh.statusCode, 429)
    assert.ok(eleventh.body.includes('Too many attempts'))
    assert.equal(sessionCookie(eleventh), undefined)
  })
})

describe('signing in to a production deployment', () => {
  const hub = appForSuite({ env: productionEnv })

  it('sends the session cookie over HTTPS only, still HttpOnly and SameSite=Lax', async () => {
    const response = await (
      await hub().visitor()
    ).post('/sign-in', {
      email: demoEmail.administrator,
      password: demoPassword,
    })
    assert.equal(response.statusCode, 302)
    const cookie = sessionCookie(response)!
    assert.equal(cookie.secure, true)
    assert.equal(cookie.httpOnly, true)
    assert.equal(cookie.sameSite, 'Lax')
  })

  it('never sends someone off-site after they sign in', async () => {
    for (const returnTo of ['//evil.example', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      const response = await (
        await hub().visitor()
      ).post('/sign-in', {
        email: demoEmail.chair,
        password: demoPassword,
        returnTo,
      })
      assert.equal(response.statusCode, 302)
      assert.equal(response.headers.location, '/', returnTo)
    }
  })
})
