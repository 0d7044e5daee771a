import { and, asc, desc, eq, lte, sql } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import { emailOutbox } from '../schema.ts'
import type { EmailAdapter } from './adapters.ts'

/**
 * The transactional outbox: a change and the email it causes commit together; the worker
 * sends it afterwards and retries with back-off. A message is never sent twice by two app
 * processes because the worker claims rows with FOR UPDATE SKIP LOCKED.
 */
export interface OutgoingEmail {
  partnershipId: string | null
  to: string
  template: string
  subject: string
  body: string
}

export async function enqueueEmail(db: Database, email: OutgoingEmail) {
  const [row] = await db
    .insert(emailOutbox)
    .values({
      partnershipId: email.partnershipId,
      toAddress: email.to,
      template: email.template,
      subject: email.subject,
      bodyText: email.body,
    })
    .returning({ id: emailOutbox.id })
  return row!.id
}

/** With the delays below, about 26 hours of retries: longer than most provider outages. */
export const maximumAttempts = 20

/** Minutes to wait after the nth failed attempt: 1, 2, 4, … capped at 2 hours. */
export function retryDelayMinutes(attempts: number): number {
  return Math.min(2 ** Math.max(attempts - 1, 0), 120)
}

/** Sends up to `batchSize` due messages. Returns how many were attempted. */
export async function deliverDueEmails(db: Database, adapter: EmailAdapter, from: string, batchSize = 20) {
  let attempted = 0
  for (let i = 0; i < batchSize; i++) {
    const done = await db.transaction(async (tx) => {
      const [message] = await tx
        .select()
        .from(emailOutbox)
        .where(and(eq(emailOutbox.status, 'pending'), lte(emailOutbox.nextAttemptAt, new Date())))
        .orderBy(asc(emailOutbox.nextAttemptAt))
        .limit(1)
        .for('update', { skipLocked: true })
      if (!message) return false
      const attempts = message.attempts + 1
      try {
        const reference = await adapter.send({
          from,
          to: message.toAddress,
          subject: message.subject,
          text: message.bodyText,
        })
        await tx
          .update(emailOutbox)
          .set({ status: 'sent', attempts, sentAt: new Date(), providerReference: reference, lastError: null })
          .where(eq(emailOutbox.id, message.id))
      } catch (error) {
        const failedForGood = attempts >= maximumAttempts
        await tx
          .update(emailOutbox)
          .set({
            status: failedForGood ? 'failed' : 'pending',
            attempts,
            // The provider's message, never the email's content.
            lastError: error instanceof Error ? error.message.slice(0, 500) : 'Unknown error',
            nextAttemptAt: sql`now() + make_interval(mins => ${retryDelayMinutes(attempts)})`,
          })
          .where(eq(emailOutbox.id, message.id))
      }
      return true
    })
    if (!done) break
    attempted++
  }
  return attempted
}

export function listOutbox(db: Database, partnershipId: string, limit = 200) {
  return db
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.partnershipId, partnershipId))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(limit)
}

export async function getOutboxMessage(db: Database, partnershipId: string, id: string) {
  const [message] = await db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.partnershipId, partnershipId), eq(emailOutbox.id, id)))
  return message ?? null
}

/** Polls the outbox in the background; stop() waits for the batch in hand. */
export function startEmailWorker(
  db: Database,
  adapter: EmailAdapter,
  from: string,
  onError: (error: unknown) => void,
  intervalMs = 2000,
) {
  let stopped = false
  let running: Promise<unknown> = Promise.resolve()
  const tick = () => {
    if (stopped) return
    running = deliverDueEmails(db, adapter, from)
      .catch(onError)
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs)
      })
  }
  let timer = setTimeout(tick, 100)
  return {
    /** Runs a batch now (tests use it instead of waiting for the timer). */
    async flush() {
      await running
      return deliverDueEmails(db, adapter, from)
    },
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}
