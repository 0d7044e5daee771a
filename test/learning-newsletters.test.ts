import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { and, asc, eq, like } from 'drizzle-orm'
import type { Database } from '../src/db/index.ts'
import { mailingLists, newsletterIssues, subscriptions } from '../src/modules/learning/schema.ts'
import { consentText } from '../src/modules/learning/newsletters/forms.ts'
import {
  sendBatch,
  sendBatchSize,
  sendIssueJob,
  startSending,
  type SendBatch,
} from '../src/modules/learning/newsletters/sending.ts'
import { StaleEditError, ValidationError } from '../src/platform/errors.ts'
import { systemActor } from '../src/platform/permissions.ts'
import { startJobWorker } from '../src/platform/jobs/index.ts'
import { auditLog, emailOutbox, jobs } from '../src/platform/schema.ts'
import { parseCsv } from './helpers/csv.ts'
import { errorSummary, formValues, formVersion, summaryListRows, textOf } from './helpers/html.ts'
import { outboxTo } from './helpers/outbox.ts'
import { officerForSuite } from './helpers/records.ts'

/** Newsletters: lists kept by the business unit, double opt-in on the public site, sending, unsubscribing, the archive. */

const domain = 'newsletters.test'
let addresses = 0
/** A fresh address, so each story's outbox is its own. */
const newAddress = (who = 'reader') => `${who}.${++addresses}@${domain}`

/** The path of the link in an email (test apps run at http://hub.test). */
function linkIn(body: string, path: 'confirm' | 'unsubscribe') {
  const match = body.match(new RegExp(`http://hub\\.test(/newsletters/${path}/[A-Za-z0-9_-]+)`))
  assert.ok(match, `no ${path} link in:\n${body}`)
  return match[1]!
}

/** Runs every queued job the way the app's worker does. */
async function runJobs(db: Database) {
  const worker = startJobWorker(db, [sendIssueJob], { pollMs: 3_600_000 })
  try {
    await worker.runDue()
  } finally {
    await worker.stop()
  }
}

describe('newsletters and bulletins', () => {
  const shared = officerForSuite()
  const db = () => shared.testApp.database.db
  /** Each visitor comes from their own address: the subscribe form is rate-limited per address. */
  let visitors = 0
  const visitor = () => shared.testApp.visitor({ remoteAddress: `10.20.0.${++visitors}` })

  async function addList(name: string, extra: Record<string, string> = {}) {
    const response = await shared.officer.post('/learning/newsletters/new', {
      name,
      description: `${name}: news for the workforce`,
      publicSignUp: 'true',
      active: 'true',
      ...extra,
    })
    assert.equal(response.statusCode, 302, response.body)
    return (response.headers.location as string).match(/newsletters\/([0-9a-f-]{36})/)![1]!
  }

  /** Subscribes an address on the public site and returns the confirmation email's link. */
  async function subscribe(listId: string, email: string, name = 'Kate Lyons') {
    const session = await visitor()
    await session.get('/newsletters')
    const response = await session.post('/newsletters', { listIds: listId, email, name, consent: 'yes' })
    assert.equal(response.statusCode, 200, response.body)
    assert.match(response.body, /Check your email/)
    const mail = (await outboxTo(db(), email.toLowerCase())).filter((m) => m.template === 'newsletter-confirm').at(-1)
    assert.ok(mail, 'a confirmation email is queued')
    return { session, confirm: linkIn(mail.bodyText, 'confirm') }
  }

  async function subscribed(listId: string, email: string) {
    const { session, confirm } = await subscribe(listId, email)
    const page = await session.get(confirm)
    assert.equal(page.statusCode, 200)
    return session
  }

  async function writeIssue(listId: string, title: string, body = 'News from the **partnership**.') {
    const response = await shared.officer.post(`/learning/newsletters/${listId}/issues/new`, { title, body })
    assert.equal(response.statusCode, 302, response.body)
    return (response.headers.location as string).match(/newsletter-issues\/([0-9a-f-]{36})/)![1]!
  }

  async function send(issueId: string) {
    const page = await shared.officer.get(`/learning/newsletter-issues/${issueId}`)
    return shared.officer.post(`/learning/newsletter-issues/${issueId}/send`, { version: formVersion(page.body) })
  }

  const issueEmailsTo = async (email: string) =>
    (await outboxTo(db(), email)).filter((m) => m.template === 'newsletter-issue')

  it('adds a mailing list, refusing bad input and a duplicate name, changes it and lists it', async () => {
    const { officer } = shared
    let response = await officer.post('/learning/newsletters/new', { name: '', description: '' })
    assert.equal(response.statusCode, 400)
    assert.deepEqual(errorSummary(response.body), ['name: Enter the list’s name', 'description: Enter a description'])

    const id = await addList('Termly workforce news')
    response = await officer.post('/learning/newsletters/new', {
      name: 'termly WORKFORCE news',
      description: 'Again',
    })
    assert.deepEqual(errorSummary(response.body), ['name: There is already a list with this name'])

    const edit = await officer.get(`/learning/newsletters/${id}/edit`)
    response = await officer.post(`/learning/newsletters/${id}/edit`, {
      ...formValues(edit.body),
      description: 'The termly newsletter for everyone who works with children',
    })
    assert.equal(response.headers.location, `/learning/newsletters/${id}?saved=1`)
    const page = await officer.get(`/learning/newsletters/${id}`)
    assert.equal(
      summaryListRows(page.body)['Description'],
      'The termly newsletter for everyone who works with children',
    )
    assert.equal(summaryListRows(page.body)['Confirmed subscribers'], '0 confirmed subscribers')

    const lists = await officer.get('/learning/newsletters')
    assert.match(
      textOf(lists.body),
      /Termly workforce news The termly newsletter for everyone who works with children Yes Active 0/,
    )
    const csv = parseCsv((await officer.get('/learning/newsletters.csv')).body)
    assert.deepEqual(csv[0], ['Name', 'Description', 'Public sign-up', 'Status', 'Confirmed subscribers'])
  })

  it('a practitioner subscribes, confirms from the email, and is counted; the consent is kept word for word', async () => {
    const listId = await addList('Safeguarding bulletin')
    const email = newAddress()
    const { session, confirm } = await subscribe(listId, email.toUpperCase())

    const [row] = await db().select().from(subscriptions).where(eq(subscriptions.email, email))
    assert.ok(row, 'the address is kept normalised')
    assert.equal(row.consentText, consentText)
    assert.ok(row.consentedAt)
    assert.equal(row.confirmedAt, null)
    let page = await shared.officer.get(`/learning/newsletters/${listId}`)
    assert.equal(summaryListRows(page.body)['Awaiting confirmation'], '1')
    assert.equal(summaryListRows(page.body)['Confirmed subscribers'], '0 confirmed subscribers')

    let confirmed = await session.get(confirm)
    assert.equal(confirmed.statusCode, 200)
    assert.match(confirmed.body, /Subscription confirmed/)
    confirmed = await session.get(confirm)
    assert.match(confirmed.body, /Subscription confirmed/, 'opening the link again is harmless')

    page = await shared.officer.get(`/learning/newsletters/${listId}`)
    assert.equal(summaryListRows(page.body)['Confirmed subscribers'], '1 confirmed subscribers')
    assert.equal(summaryListRows(page.body)['Awaiting confirmation'], '0')
    const subscribers = await shared.officer.get(`/learning/newsletters/${listId}/subscribers`)
    assert.match(textOf(subscribers.body), new RegExp(`${email.replace('.', '\\.')} Kate Lyons`))
    const csv = parseCsv((await shared.officer.get(`/learning/newsletters/${listId}/subscribers.csv`)).body)
    assert.deepEqual(csv[0], ['Email', 'Name', 'Consented', 'Confirmed'])
    assert.equal(csv[1]![0], email)

    const audit = await db()
      .select({ action: auditLog.action, summary: auditLog.summary })
      .from(auditLog)
      .where(and(eq(auditLog.recordType, 'subscription'), eq(auditLog.recordId, row.id)))
      .orderBy(asc(auditLog.id))
    assert.deepEqual(
      audit.map((a) => a.action),
      ['subscribed', 'confirmed'],
    )
    for (const entry of audit) assert.doesNotMatch(entry.summary, new RegExp(domain), 'no address in the audit log')

    const broken = await session.get('/newsletters/confirm/not-a-real-token')
    assert.equal(broken.statusCode, 404)
    assert.match(broken.body, /This link has expired or is not valid/)
  })

  it('subscribing an address already confirmed answers the same, and tells only its owner', async () => {
    const listId = await addList('E-bulletin for schools')
    const email = newAddress('teacher')
    await subscribed(listId, email)
    const session = await visitor()
    await session.get('/newsletters')
    const again = await session.post('/newsletters', { listIds: listId, email, consent: 'yes' })
    assert.equal(again.statusCode, 200)
    assert.match(again.body, /Check your email/, 'the same page as for a new address')
    const mails = await outboxTo(db(), email)
    assert.deepEqual(
      mails.map((m) => m.template),
      ['newsletter-confirm', 'newsletter-already-subscribed'],
    )
    const [row] = await db().select().from(subscriptions).where(eq(subscriptions.email, email))
    assert.ok(row!.confirmedAt, 'still confirmed')
  })

  it('refuses the form without a list, a valid address or consent, keeping what was typed', async () => {
    const session = await visitor()
    const form = await session.get('/newsletters')
    assert.match(form.body, new RegExp(consentText.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    const response = await session.post('/newsletters', { email: 'not an address', name: 'Sam Taylor' })
    assert.equal(response.statusCode, 400)
    assert.deepEqual(errorSummary(response.body), [
      'listIds: Select at least one newsletter',
      'email: Enter an email address in the correct format, like name@example.com',
      'consent: Confirm that you agree to be emailed',
    ])
    assert.match(response.body, /value="Sam Taylor"/)
    assert.match(response.body, /<title>Error: Newsletters/)

    const closed = await addList('Closed list', { active: '' })
    const refused = await session.post('/newsletters', { listIds: closed, email: newAddress(), consent: 'yes' })
    assert.deepEqual(errorSummary(refused.body), ['listIds: Select a newsletter from the list'])
  })

  it('sends an issue to exactly the confirmed subscribers, each with their own unsubscribe link, once', async () => {
    const listId = await addList('Termly newsletter (sending)')
    const confirmedA = newAddress('a')
    const confirmedB = newAddress('b')
    const unconfirmed = newAddress('c')
    const leaver = newAddress('d')
    await subscribed(listId, confirmedA)
    await subscribed(listId, confirmedB)
    await subscribe(listId, unconfirmed)
    const leaving = await subscribed(listId, leaver)
    const leaverIssueId = await writeIssue(listId, 'A first issue')
    assert.equal((await send(leaverIssueId)).statusCode, 302)
    await runJobs(db())
    const [first] = await issueEmailsTo(leaver)
    const unsubscribePage = await leaving.get(linkIn(first!.bodyText, 'unsubscribe'))
    await leaving.post(linkIn(first!.bodyText, 'unsubscribe'))
    assert.match(unsubscribePage.body, /Unsubscribe from Termly newsletter/)

    let response = await shared.officer.post(`/learning/newsletters/${listId}/issues/new`, { title: '', body: '' })
    assert.deepEqual(errorSummary(response.body), ['title: Enter the title', 'body: Enter the newsletter'])
    const issueId = await writeIssue(
      listId,
      'Spring 2017 newsletter',
      '## Training\n\nBook the [neglect toolkit course](https://example.org/neglect).\n\n- Learning events\n- Conference',
    )
    let page = await shared.officer.get(`/learning/newsletter-issues/${issueId}`)
    assert.match(page.body, /<h3 class="govuk-heading-s">Training<\/h3>/, 'previewed as the web page')
    assert.match(page.body, /Book the neglect toolkit course \(https:\/\/example\.org\/neglect\)\./, 'and as the email')
    assert.match(textOf(page.body), /Send to 2 subscribers/)

    response = await send(issueId)
    assert.equal(response.headers.location, `/learning/newsletter-issues/${issueId}?sending=1`)
    const again = await shared.officer.post(`/learning/newsletter-issues/${issueId}/send`, {
      version: formVersion(page.body),
    })
    assert.equal(again.statusCode, 400, 'sending twice is refused')
    await runJobs(db())
    const secondJobRun = await shared.officer.post(`/learning/newsletter-issues/${issueId}/send`, { version: '2' })
    assert.equal(secondJobRun.statusCode, 400)
    assert.match(secondJobRun.body, /This issue has been sent, so it can no longer be changed or sent again/)

    const [issue] = await db().select().from(newsletterIssues).where(eq(newsletterIssues.id, issueId))
    assert.equal(issue!.status, 'sent')
    assert.equal(issue!.recipients, 2)
    page = await shared.officer.get(`/learning/newsletter-issues/${issueId}`)
    assert.equal(summaryListRows(page.body)['Queued for'], '2 subscribers')

    const toA = await issueEmailsTo(confirmedA)
    const toB = await issueEmailsTo(confirmedB)
    assert.equal(toA.length, 2, 'A got the first issue and this one')
    assert.equal(toB.length, 2)
    assert.deepEqual(await issueEmailsTo(unconfirmed), [], 'an unconfirmed address never gets an issue')
    assert.equal((await issueEmailsTo(leaver)).length, 1, 'someone who unsubscribed gets nothing more')
    const mail = toA.at(-1)!
    assert.equal(mail.subject, 'Spring 2017 newsletter')
    assert.match(mail.bodyText, /Training\n=+\n\nBook the neglect toolkit course \(https:\/\/example\.org\/neglect\)\./)
    assert.match(mail.bodyText, /Oxfordshire Safeguarding Children Board\s*$/, 'signed with the partnership’s name')
    const linkA = linkIn(mail.bodyText, 'unsubscribe')
    const linkB = linkIn(toB.at(-1)!.bodyText, 'unsubscribe')
    assert.notEqual(linkA, linkB, 'each subscriber has their own link')

    const edit = await shared.officer.post(`/learning/newsletter-issues/${issueId}/edit`, {
      title: 'Changed after sending',
      body: 'No',
      version: String(issue!.version),
    })
    assert.equal(edit.statusCode, 400, 'a sent issue cannot be changed')
  })

  it('sends in batches, showing progress, and a batch run twice queues nothing twice', async () => {
    const listId = await addList('Big list')
    const total = sendBatchSize + 5
    const [list] = await db().select().from(mailingLists).where(eq(mailingLists.id, listId))
    await db()
      .insert(subscriptions)
      .values(
        Array.from({ length: total }, (_, i) => ({
          partnershipId: list!.partnershipId,
          listId,
          email: `bulk.${i}@${domain}`,
          consentText,
          consentedAt: new Date('2026-01-01'),
          confirmedAt: new Date('2026-01-02'),
        })),
      )
    const issueId = await writeIssue(listId, 'Bulk issue')
    await send(issueId)
    /** The queued job for the batch that starts after `queued` emails. */
    const batchJob = async (queued: number) => {
      const [job] = await db()
        .select({ payload: jobs.payload })
        .from(jobs)
        .where(eq(jobs.uniqueKey, `newsletter-send:${issueId}:${queued}`))
      assert.ok(job, `a job for the batch after ${queued}`)
      return job.payload as SendBatch
    }
    const firstBatch = await batchJob(0)
    await sendBatch(db(), firstBatch)
    let page = await shared.officer.get(`/learning/newsletter-issues/${issueId}`)
    assert.match(textOf(page.body), new RegExp(`Queued for ${sendBatchSize} of ${total} subscribers so far`))
    assert.match(page.body, new RegExp(`href="/learning/newsletter-issues/${issueId}">Refresh to see progress`))

    await sendBatch(db(), firstBatch)
    const queued = await db()
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(and(like(emailOutbox.toAddress, `bulk.%@${domain}`), eq(emailOutbox.subject, 'Bulk issue')))
    assert.equal(queued.length, sendBatchSize, 'the repeated batch did nothing')

    await sendBatch(db(), await batchJob(sendBatchSize))
    page = await shared.officer.get(`/learning/newsletter-issues/${issueId}`)
    assert.equal(summaryListRows(page.body)['Queued for'], `${total} subscribers`)
  })

  it('an unsubscribe link shows one button, unsubscribes only its own subscription, and works once', async () => {
    const listId = await addList('Unsubscribing')
    const stays = newAddress('stays')
    const goes = newAddress('goes')
    await subscribed(listId, stays)
    const session = await subscribed(listId, goes)
    await send(await writeIssue(listId, 'Issue to unsubscribe from'))
    await runJobs(db())
    const link = linkIn((await issueEmailsTo(goes))[0]!.bodyText, 'unsubscribe')

    const confirmInstead = await session.get(link.replace('/unsubscribe/', '/confirm/'))
    assert.equal(confirmInstead.statusCode, 404, 'an unsubscribe link is not a confirmation link')

    let page = await session.get(link)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /Unsubscribe from Unsubscribing/)
    const rowsOf = async () =>
      Object.fromEntries(
        (
          await db()
            .select({ email: subscriptions.email, unsubscribedAt: subscriptions.unsubscribedAt })
            .from(subscriptions)
            .where(eq(subscriptions.listId, listId))
        ).map((r) => [r.email, r.unsubscribedAt]),
      )
    assert.equal((await rowsOf())[goes], null, 'opening the page changes nothing')

    page = await session.post(link)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /You have unsubscribed/)
    const rows = await rowsOf()
    assert.ok(rows[goes], 'their subscription ended')
    assert.equal(rows[stays], null, 'nobody else’s did')

    const twice = await session.post(link)
    assert.equal(twice.statusCode, 404)
    assert.match(twice.body, /This link has expired or is not valid/)
    assert.equal((await session.get(link)).statusCode, 404, 'the link is spent')

    const counts = await shared.officer.get(`/learning/newsletters/${listId}`)
    assert.equal(summaryListRows(counts.body)['Unsubscribed'], '1')
    assert.equal(summaryListRows(counts.body)['Confirmed subscribers'], '1 confirmed subscribers')
  })

  it('publishes sent issues of public lists in the archive, and nothing else', async () => {
    const listId = await addList('Archive list')
    const hidden = await addList('Staff-only list', { publicSignUp: '' })
    const sentId = await writeIssue(listId, 'Summer 2017 newsletter', 'Read about **neglect**.')
    const draftId = await writeIssue(listId, 'Autumn draft')
    const hiddenId = await writeIssue(hidden, 'Staff-only issue')
    await send(sentId)
    await send(hiddenId)
    await runJobs(db())

    const session = await visitor()
    const archive = await session.get('/newsletters/archive')
    assert.equal(archive.statusCode, 200)
    assert.match(archive.body, new RegExp(`href="/newsletters/issues/${sentId}">Summer 2017 newsletter`))
    assert.doesNotMatch(archive.body, /Autumn draft/)
    assert.doesNotMatch(archive.body, /Staff-only issue/)
    const issue = await session.get(`/newsletters/issues/${sentId}`)
    assert.equal(issue.statusCode, 200)
    assert.match(issue.body, /Read about <strong>neglect<\/strong>\./)
    assert.equal((await session.get(`/newsletters/issues/${draftId}`)).statusCode, 404)
    assert.equal((await session.get(`/newsletters/issues/${hiddenId}`)).statusCode, 404)

    const form = await session.get('/newsletters')
    assert.match(form.body, /Archive list/)
    assert.doesNotMatch(form.body, /Staff-only list/, 'a list off the public site is not offered')
    assert.match(
      archive.body,
      /class="govuk-service-navigation__link" href="\/newsletters"/,
      'the site menu has Newsletters',
    )
  })

  it('limits how often one address may send the subscribe form', async () => {
    const session = await shared.testApp.visitor({ remoteAddress: '10.30.0.1' })
    await session.get('/newsletters')
    const statuses: number[] = []
    for (let i = 0; i < 11; i++) statuses.push((await session.post('/newsletters', { email: 'x' })).statusCode)
    assert.deepEqual(statuses.slice(0, 10), Array(10).fill(400))
    assert.equal(statuses[10], 429)
  })

  it('keeps the pages to the business unit: a trainer is refused', async () => {
    const trainer = await shared.testApp.signIn('trainer@oscb.example')
    assert.equal((await trainer.get('/learning/newsletters')).statusCode, 403)
  })
})

describe('sending an issue twice at once, on PostgreSQL', () => {
  const shared = officerForSuite('pg')

  it('starts it once: the second start waits for the lock and finds it no longer a draft', async () => {
    const { testApp, officer } = shared
    const db = testApp.database.db
    const created = await officer.post('/learning/newsletters/new', {
      name: 'Raced list',
      description: 'Two people press Send',
      publicSignUp: 'true',
      active: 'true',
    })
    const listId = (created.headers.location as string).match(/newsletters\/([0-9a-f-]{36})/)![1]!
    const written = await officer.post(`/learning/newsletters/${listId}/issues/new`, { title: 'Raced', body: 'Once.' })
    const issueId = (written.headers.location as string).match(/newsletter-issues\/([0-9a-f-]{36})/)![1]!
    const actor = systemActor(testApp.partnershipId)
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => startSending(db, actor, issueId, 1, testApp.config.baseUrl)),
    )
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1, JSON.stringify(results))
    for (const r of results)
      if (r.status === 'rejected')
        assert.ok(r.reason instanceof ValidationError || r.reason instanceof StaleEditError, String(r.reason))
    const queued = await db
      .select({ id: jobs.id })
      .from(jobs)
      .where(like(jobs.uniqueKey, `newsletter-send:${issueId}:%`))
    assert.equal(queued.length, 1, 'one send was queued')
  })
})
