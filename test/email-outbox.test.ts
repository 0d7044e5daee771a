import assert from 'node:assert/strict'
import { createServer, type AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { smtpAdapter, type EmailAdapter } from '../src/platform/email/adapters.ts'
import { deliverDueEmails, enqueueEmail, maximumAttempts, retryDelayMinutes } from '../src/platform/email/outbox.ts'
import { emailOutbox } from '../src/platform/schema.ts'
import { parseCsv } from './helpers/csv.ts'
import { startMailServer } from './helpers/mail-server.ts'
import { insertPartnership } from './builders/index.ts'
import { appForSuite, demoEmail, type Session } from './helpers/app.ts'
import { drivers, type TestDatabase } from './helpers/database.ts'
import { linkIn, outboxTo } from './helpers/outbox.ts'

/**
 * The email outbox: a change queues its email in the same transaction, the worker delivers it
 * afterwards and retries with back-off. Delivery is tested against a real SMTP server started here.
 */

/** A port nothing listens on, as when the mail server is down. */
async function closedPort() {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

async function onlyMessageTo(database: TestDatabase, email: string) {
  const rows = await outboxTo(database.db, email)
  assert.equal(rows.length, 1, `one message to ${email}`)
  return rows[0]!
}

function minutesFromNow(date: Date) {
  return (date.getTime() - Date.now()) / 60_000
}

describe('retry delays', () => {
  it('double after each failed attempt and stop growing at two hours', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 20].map(retryDelayMinutes), [1, 2, 4, 8, 16, 32, 64, 120, 120, 120])
  })

  it('keep trying for more than a day before a message is marked failed, so a provider outage loses nothing', () => {
    let total = 0
    for (let attempt = 1; attempt < maximumAttempts; attempt++) total += retryDelayMinutes(attempt)
    assert.equal(maximumAttempts, 20)
    assert.equal(total, 127 + 12 * 120)
  })
})

for (const driver of drivers) {
  describe(`delivering email by SMTP, on ${driver}`, () => {
    let mail: Awaited<ReturnType<typeof startMailServer>>
    let adapter: EmailAdapter
    let admin: Session
    before(async () => {
      mail = await startMailServer()
      adapter = smtpAdapter(mail.url)
    })
    after(async () => {
      await mail.close()
    })
    const hub = appForSuite(() => ({ driver, emailAdapter: adapter }))
    before(async () => {
      admin = await hub().signIn(demoEmail.administrator)
    })
    const deliver = () => deliverDueEmails(hub().app.db, adapter, hub().config.email.from)

    it('an invitation made in the app reaches the mail server with its recipient, subject and link, and is marked sent', async () => {
      const invited = await admin.post('/users/invite', {
        name: 'Nadia Rahman',
        email: 'nadia.rahman@oscb.example',
        roles: 'trainer',
      })
      assert.equal(invited.statusCode, 302)
      const queued = await onlyMessageTo(hub().database, 'nadia.rahman@oscb.example')
      assert.equal(queued.status, 'pending')
      assert.equal(mail.received.length, 0, 'nothing is sent until the worker runs')

      assert.equal(await deliver(), 1)
      assert.equal(mail.received.length, 1)
      const [email] = mail.received
      assert.deepEqual(email!.to, ['nadia.rahman@oscb.example'])
      assert.equal(email!.from, hub().config.email.from)
      assert.match(email!.message, /^Subject: You have been invited to Oxfordshire Safeguarding Children Board\r$/m)
      assert.match(email!.message, /^To: nadia\.rahman@oscb\.example\r$/m)
      assert.ok(email!.message.includes('Dear Nadia Rahman,'))
      const link = linkIn(email!.message, 'accept-invite')

      const sent = await onlyMessageTo(hub().database, 'nadia.rahman@oscb.example')
      assert.equal(sent.status, 'sent')
      assert.equal(sent.attempts, 1)
      assert.ok(sent.sentAt)
      assert.equal(sent.lastError, null)
      assert.match(sent.providerReference ?? '', /^<.+@.+>$/, 'the SMTP message id is kept')

      assert.equal(await deliver(), 0, 'a sent message is not sent again')
      assert.equal(mail.received.length, 1)

      const page = await (await hub().visitor()).get(link)
      assert.equal(page.statusCode, 200)
      assert.ok(page.body.includes('Set your password'))
    })

    it('two workers running at once send each message exactly once', async () => {
      const before = mail.received.length
      const visitor = await hub().visitor()
      const recipients = [demoEmail.chair, demoEmail.trainer, demoEmail['read-only']]
      for (const email of recipients) await visitor.post('/forgot-password', { email })

      const [first, second] = await Promise.all([deliver(), deliver()])
      assert.equal(first! + second!, recipients.length)
      const delivered = mail.received.slice(before).flatMap((email) => email.to)
      assert.deepEqual(delivered.sort(), [...recipients].sort())
      for (const email of recipients) assert.equal((await onlyMessageTo(hub().database, email)).status, 'sent')
    })
  })

  describe(`when the mail server is down, on ${driver}`, () => {
    let down: EmailAdapter
    before(async () => {
      down = smtpAdapter(`smtp://127.0.0.1:${await closedPort()}`)
    })
    const hub = appForSuite(() => ({ driver }))

    it('a message stays queued with the error, is retried later with growing delays, and fails after the last attempt', async () => {
      const { database, config } = hub()
      const deliver = () => deliverDueEmails(database.db, down, config.email.from)
      const visitor = await hub().visitor()
      await visitor.post('/forgot-password', { email: demoEmail.trainer })

      assert.equal(await deliver(), 1)
      const retrying = await onlyMessageTo(database, demoEmail.trainer)
      assert.equal(retrying.status, 'pending')
      assert.equal(retrying.attempts, 1)
      assert.match(retrying.lastError ?? '', /ECONNREFUSED/)
      const wait = minutesFromNow(retrying.nextAttemptAt)
      assert.ok(wait > 0.9 && wait <= 1, `next attempt in ${wait} minutes`)
      assert.equal(retrying.sentAt, null)

      assert.equal(await deliver(), 0, 'not retried before it is due')
      assert.equal((await onlyMessageTo(database, demoEmail.trainer)).attempts, 1)

      const admin = await hub().signIn(demoEmail.administrator)
      assert.ok((await admin.get('/outbox')).body.includes('Retrying (1 attempt)'))

      for (let attempt = 2; attempt <= maximumAttempts; attempt++) {
        // The delay passes.
        await database.db
          .update(emailOutbox)
          .set({ nextAttemptAt: new Date(Date.now() - 1000) })
          .where(eq(emailOutbox.toAddress, demoEmail.trainer))
        assert.equal(await deliver(), 1)
        const row = await onlyMessageTo(database, demoEmail.trainer)
        assert.equal(row.attempts, attempt)
        assert.equal(row.status, attempt < maximumAttempts ? 'pending' : 'failed')
        const delay = minutesFromNow(row.nextAttemptAt)
        const expected = retryDelayMinutes(attempt)
        assert.ok(
          delay > expected - 0.1 && delay <= expected,
          `after attempt ${attempt}: ${delay} minutes, expected ${expected}`,
        )
      }

      await database.db
        .update(emailOutbox)
        .set({ nextAttemptAt: new Date(Date.now() - 1000) })
        .where(eq(emailOutbox.toAddress, demoEmail.trainer))
      assert.equal(await deliver(), 0, 'a failed message is not tried again')
      const failed = await onlyMessageTo(database, demoEmail.trainer)
      assert.equal(failed.attempts, maximumAttempts)
      assert.match(failed.lastError ?? '', /ECONNREFUSED/)
      assert.ok(!failed.lastError!.includes('reset-password'), 'the error holds the provider’s message, not the email')
      assert.match((await admin.get('/outbox')).body, /<td class="govuk-table__cell">\s*Failed\s*<\/td>/)
    })
  })
}

describe('reading the outbox, with the development adapter', () => {
  const hub = appForSuite(() => ({}))
  let admin: Session
  let inviteId: string
  before(async () => {
    admin = await hub().signIn(demoEmail.administrator)
    await admin.post('/users/invite', { name: 'Nadia Rahman', email: 'nadia.rahman@oscb.example', roles: 'trainer' })
    inviteId = (await onlyMessageTo(hub().database, 'nadia.rahman@oscb.example')).id
  })

  it('lists each message with its recipient, subject, kind and status', async () => {
    const page = await admin.get('/outbox')
    assert.equal(page.statusCode, 200)
    assert.ok(page.body.includes('emails are not sent, they are kept here'))
    assert.ok(page.body.includes('nadia.rahman@oscb.example'))
    assert.ok(
      page.body.includes(
        `<a class="govuk-link" href="/outbox/${inviteId}">You have been invited to Oxfordshire Safeguarding Children Board</a>`,
      ),
    )
    // Kinds and statuses in words, never raw keys.
    assert.match(page.body, /<td class="govuk-table__cell">\s*Invitation\s*<\/td>/)
    assert.match(page.body, /<td class="govuk-table__cell">\s*Pending\s*<\/td>/)
    assert.doesNotMatch(page.body, /<td class="govuk-table__cell">\s*invite\s*<\/td>/)
  })

  it('opens a message to show its body with its links, so invites can be followed by hand', async () => {
    const page = await admin.get(`/outbox/${inviteId}`)
    assert.equal(page.statusCode, 200)
    assert.ok(page.body.includes('Dear Nadia Rahman,'))
    const link = page.body.match(/<a class="govuk-link" href="http:\/\/hub\.test(\/accept-invite\/[A-Za-z0-9_-]+)">/)
    assert.ok(link, 'the accept link is a link')
    assert.equal((await (await hub().visitor()).get(link[1]!)).statusCode, 200)
  })

  it('does not show another partnership’s messages', async () => {
    const { partnershipId: otherPartnership } = await insertPartnership(hub().database.db, {
      emailDomain: 'bscp.example',
    })
    const theirs = await enqueueEmail(hub().database.db, {
      partnershipId: otherPartnership,
      to: 'someone@bscp.example',
      template: 'invite',
      subject: 'Their invitation',
      body: 'Not for Oxfordshire',
    })
    assert.equal((await admin.get(`/outbox/${theirs}`)).statusCode, 404)
    assert.ok(!(await admin.get('/outbox')).body.includes('someone@bscp.example'))
  })

  it('answers 404 for a message that does not exist', async () => {
    assert.equal((await admin.get('/outbox/00000000-0000-4000-8000-000000000000')).statusCode, 404)
    assert.equal((await admin.get('/outbox/not-an-id')).statusCode, 404)
  })

  it('is for administrators and the business unit only', async () => {
    const officer = await hub().signIn(demoEmail['board-member'])
    assert.equal((await officer.get('/outbox')).statusCode, 403)
    assert.equal((await officer.get(`/outbox/${inviteId}`)).statusCode, 403)
    assert.equal((await officer.get('/outbox/download.csv')).statusCode, 403)
  })

  it('downloads the list as CSV, without the bodies and their links', async () => {
    const csv = await admin.get('/outbox/download.csv')
    assert.equal(csv.statusCode, 200)
    assert.match(csv.headers['content-type'] as string, /text\/csv/)
    const [header, ...rows] = parseCsv(csv.body)
    assert.deepEqual(header, ['Queued', 'To', 'Subject', 'Kind', 'Status', 'Attempts', 'Sent', 'Last error'])
    assert.ok(rows.some((row) => row[1] === 'nadia.rahman@oscb.example' && row[3] === 'Invitation'))
    assert.doesNotMatch(csv.body, /accept-invite/)
  })
})

describe('reading the outbox, when email is really sent', () => {
  const hub = appForSuite(() => ({ env: { EMAIL_ADAPTER: 'smtp', SMTP_URL: 'smtp://127.0.0.1:1' } }))

  it('lists messages but never shows their bodies, which carry sign-in links', async () => {
    const admin = await hub().signIn(demoEmail.administrator)
    await admin.post('/users/invite', { name: 'Nadia Rahman', email: 'nadia.rahman@oscb.example', roles: 'trainer' })
    const { id } = await onlyMessageTo(hub().database, 'nadia.rahman@oscb.example')

    const list = await admin.get('/outbox')
    assert.equal(list.statusCode, 200)
    assert.ok(list.body.includes('You have been invited to Oxfordshire Safeguarding Children Board'))
    assert.ok(!list.body.includes(`href="/outbox/${id}"`))
    assert.ok(!list.body.includes('emails are not sent'))

    const message = await admin.get(`/outbox/${id}`)
    assert.equal(message.statusCode, 404)
    assert.ok(!message.body.includes('accept-invite'))
  })
})
