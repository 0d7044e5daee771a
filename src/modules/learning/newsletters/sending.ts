import { and, asc, eq, gt, isNotNull, isNull, lte, or, sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { recordAudit } from '../../../platform/audit.ts'
import { enqueueEmail } from '../../../platform/email/outbox.ts'
import { NotFoundError, StaleEditError, ValidationError } from '../../../platform/errors.ts'
import { defineJob, enqueueJob } from '../../../platform/jobs/index.ts'
import { systemActor, type Actor } from '../../../platform/permissions.ts'
import { partnerships } from '../../../platform/schema.ts'
import { mailingLists, newsletterIssues, subscriptions } from '../schema.ts'
import { issueEmailBody, unsubscribeLink } from './emails.ts'
import { alreadySent } from './issues.ts'
import { currentSubscription } from './service.ts'

/**
 * Sending an issue: one email per current subscriber, queued through the outbox by a job in
 * batches, so a list of thousands neither holds one long transaction nor times out a request.
 *
 * - Once only: starting a send locks the issue's row and moves it from draft to sending; a second
 *   start (another tab, another process) waits for the lock, then finds it no longer a draft.
 * - Who gets it is fixed when sending starts (`sent_at`): subscriptions confirmed by then and not
 *   unsubscribed when their batch is queued. Someone confirming a minute later gets the next issue.
 * - Each batch runs in one transaction: its emails, its unsubscribe links, the count and the next
 *   batch's job commit together. Jobs run at least once (platform/jobs), so a batch carries the
 *   count it expects to find: a batch run again finds the count moved on, and does nothing.
 */
export const sendBatchSize = 200

export interface SendBatch {
  issueId: string
  partnershipId: string
  /** Where the app is, for the links in the emails (the job has no request to read it from). */
  baseUrl: string
  /** The last subscription queued (batches go in id order), null for the first batch. */
  after: string | null
  /** How many were queued before this batch. */
  queued: number
}

const jobName = 'learning.newsletter-send'
const batchKey = (issueId: string, queued: number) => `newsletter-send:${issueId}:${queued}`

export async function startSending(db: Database, actor: Actor, issueId: string, version: number, baseUrl: string) {
  await db.transaction(async (tx) => {
    const [issue] = await tx
      .select()
      .from(newsletterIssues)
      .where(and(eq(newsletterIssues.partnershipId, actor.partnershipId), eq(newsletterIssues.id, issueId)))
      .for('update')
    if (!issue) throw new NotFoundError()
    if (issue.status !== 'draft') throw new ValidationError(alreadySent)
    if (issue.version !== version) throw new StaleEditError()
    const [list] = await tx.select().from(mailingLists).where(eq(mailingLists.id, issue.listId))
    if (!list!.active)
      throw new ValidationError({ version: `${list!.name} is not active: make the list active to send an issue` })
    await tx
      .update(newsletterIssues)
      .set({
        status: 'sending',
        sentAt: sql`now()`,
        recipients: 0,
        version: sql`${newsletterIssues.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(newsletterIssues.id, issueId))
    await recordAudit(tx, actor, {
      action: 'send-started',
      recordType: 'newsletter-issue',
      recordId: issueId,
      summary: `Started sending ${issue.title} to ${list!.name}`,
      related: [{ recordType: 'mailing-list', recordId: list!.id }],
      before: { status: 'draft' },
      after: { status: 'sending' },
    })
    const first: SendBatch = { issueId, partnershipId: actor.partnershipId, baseUrl, after: null, queued: 0 }
    await enqueueJob(tx, {
      name: jobName,
      payload: first,
      partnershipId: actor.partnershipId,
      uniqueKey: batchKey(issueId, 0),
    })
  })
}

/** The subscriptions an issue goes to: current ones confirmed by the time sending started. */
const recipientsOf = (issue: { listId: string; partnershipId: string; sentAt: Date | null }) =>
  and(
    eq(subscriptions.partnershipId, issue.partnershipId),
    eq(subscriptions.listId, issue.listId),
    isNotNull(subscriptions.email),
    lte(subscriptions.confirmedAt, issue.sentAt!),
  )

/** Queues one batch, then the next batch's job, or marks the issue sent. Safe to run twice. */
export async function sendBatch(db: Database, batch: SendBatch) {
  await db.transaction(async (tx) => {
    const [issue] = await tx
      .select()
      .from(newsletterIssues)
      .where(and(eq(newsletterIssues.partnershipId, batch.partnershipId), eq(newsletterIssues.id, batch.issueId)))
      .for('update')
    if (!issue || issue.status !== 'sending' || issue.recipients !== batch.queued) return
    const [names] = await tx
      .select({ list: mailingLists.name, partnership: partnerships.name })
      .from(mailingLists)
      .innerJoin(partnerships, eq(partnerships.id, mailingLists.partnershipId))
      .where(eq(mailingLists.id, issue.listId))
    const recipients = await tx
      .select({ id: subscriptions.id, email: subscriptions.email, name: subscriptions.name })
      .from(subscriptions)
      .where(and(recipientsOf(issue), currentSubscription, batch.after ? gt(subscriptions.id, batch.after) : undefined))
      .orderBy(asc(subscriptions.id))
      .limit(sendBatchSize)
    for (const recipient of recipients) {
      const link = await unsubscribeLink(tx, batch.baseUrl, {
        partnershipId: issue.partnershipId,
        subscriptionId: recipient.id,
        email: recipient.email!,
        name: recipient.name,
      })
      await enqueueEmail(tx, {
        partnershipId: issue.partnershipId,
        to: recipient.email!,
        template: 'newsletter-issue',
        subject: issue.title,
        body: issueEmailBody(issue, names!.list, names!.partnership, link),
      })
    }
    const queued = batch.queued + recipients.length
    const finished = recipients.length < sendBatchSize
    await tx
      .update(newsletterIssues)
      .set({ recipients: queued, ...(finished && { status: 'sent' as const }) })
      .where(eq(newsletterIssues.id, issue.id))
    if (finished) {
      await recordAudit(tx, systemActor(issue.partnershipId), {
        action: 'sent',
        recordType: 'newsletter-issue',
        recordId: issue.id,
        summary: `Sent ${issue.title} to ${queued} ${queued === 1 ? 'subscriber' : 'subscribers'}`,
        related: [{ recordType: 'mailing-list', recordId: issue.listId }],
        before: { status: 'sending' },
        after: { status: 'sent', recipients: queued },
      })
      return
    }
    const next: SendBatch = { ...batch, after: recipients[recipients.length - 1]!.id, queued }
    await enqueueJob(tx, {
      name: jobName,
      payload: next,
      partnershipId: issue.partnershipId,
      uniqueKey: batchKey(issue.id, queued),
    })
  })
}

export const sendIssueJob = defineJob<SendBatch>(jobName, (db, payload) => sendBatch(db, payload))

/** While sending: how many are queued so far, of how many it goes to (those unsubscribing meanwhile drop out). */
export async function sendingProgress(
  db: Database,
  issue: { listId: string; partnershipId: string; sentAt: Date | null; recipients: number | null },
) {
  const [row] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(subscriptions)
    .where(
      and(
        recipientsOf(issue),
        or(isNull(subscriptions.unsubscribedAt), gt(subscriptions.unsubscribedAt, issue.sentAt!)),
      ),
    )
  return { queued: issue.recipients ?? 0, total: row!.total }
}
