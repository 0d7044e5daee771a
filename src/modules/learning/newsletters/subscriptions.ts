import { and, asc, eq, sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { recordAudit } from '../../../platform/audit.ts'
import { ValidationError } from '../../../platform/errors.ts'
import type { PublicPartnership } from '../../../platform/public-site.ts'
import { readSignedLink, revokeSignedLinks, touchSignedLink } from '../../../platform/signed-links.ts'
import { normaliseEmail } from '../learners/identity.ts'
import { mailingLists, subscriptions } from '../schema.ts'
import { queueAlreadySubscribedEmail, queueConfirmationEmail } from './emails.ts'

/**
 * Subscribing, confirming and unsubscribing, for people without an account. Double opt-in: a
 * subscription counts only once confirmed from the emailed link. The form's answer is the same
 * whatever the address's state (new, awaiting, subscribed, unsubscribed), so it never tells anyone
 * whether an address is on a list; the address's owner learns it from their email. Audit rows say
 * what happened to which subscription, never the address, and stay off the list's own history
 * (thousands of them would bury its changes): the audit log finds them by record type.
 */

/** The lists anyone may subscribe to on the public site. */
export function publicLists(db: Database, partnershipId: string) {
  return db
    .select({ id: mailingLists.id, name: mailingLists.name, description: mailingLists.description })
    .from(mailingLists)
    .where(
      and(
        eq(mailingLists.partnershipId, partnershipId),
        eq(mailingLists.publicSignUp, true),
        eq(mailingLists.active, true),
      ),
    )
    .orderBy(asc(mailingLists.name))
}

export interface SubscribeInput {
  listIds: string[]
  email: string
  name: string | null
  /** The consent, word for word, as the form showed it. */
  consentText: string
}

export async function subscribe(db: Database, partnership: PublicPartnership, input: SubscribeInput, baseUrl: string) {
  const offered = await publicLists(db, partnership.id)
  const lists = offered.filter((list) => input.listIds.includes(list.id))
  if (lists.length !== new Set(input.listIds).size)
    throw new ValidationError({ listIds: 'Select a newsletter from the list' })
  const email = normaliseEmail(input.email)
  await db.transaction(async (tx) => {
    for (const list of lists) {
      // The unique index settles two requests at once: both end up with the one row.
      await tx
        .insert(subscriptions)
        .values({
          partnershipId: partnership.id,
          listId: list.id,
          email,
          name: input.name,
          consentText: input.consentText,
          consentedAt: sql`now()`,
        })
        .onConflictDoNothing()
      const [row] = await tx
        .select()
        .from(subscriptions)
        .where(and(eq(subscriptions.listId, list.id), eq(subscriptions.email, email)))
        .for('update')
      const subscription = row!
      const recipient = {
        partnershipId: partnership.id,
        subscriptionId: subscription.id,
        email,
        name: input.name ?? subscription.name,
      }
      const subscribed = subscription.confirmedAt && !subscription.unsubscribedAt
      if (subscribed) {
        await queueAlreadySubscribedEmail(tx, baseUrl, recipient, list, partnership.name)
        continue
      }
      // New, still awaiting confirmation, or unsubscribed before: this consent, and a new confirmation.
      await tx
        .update(subscriptions)
        .set({
          name: input.name ?? subscription.name,
          consentText: input.consentText,
          consentedAt: sql`now()`,
          confirmedAt: null,
          unsubscribedAt: null,
          updatedAt: new Date(),
        })
        .where(eq(subscriptions.id, subscription.id))
      await recordAudit(
        tx,
        null,
        {
          action: 'subscribed',
          recordType: 'subscription',
          recordId: subscription.id,
          summary: `Someone asked to subscribe to ${list.name}; awaiting confirmation`,
        },
        partnership.id,
      )
      await queueConfirmationEmail(tx, baseUrl, recipient, list, partnership.name)
    }
  })
}

async function subscriptionOf(db: Database, subscriptionId: string) {
  const [row] = await db
    .select({ subscription: subscriptions, listName: mailingLists.name })
    .from(subscriptions)
    .innerJoin(mailingLists, eq(mailingLists.id, subscriptions.listId))
    .where(eq(subscriptions.id, subscriptionId))
  return row ?? null
}

/** Confirms the subscription a link is for: the list's name, or null for a link that is not (or no longer) valid. Idempotent. */
export async function confirmSubscription(db: Database, partnershipId: string, token: string) {
  const link = await readSignedLink(db, token, 'confirm-subscription')
  if (!link || link.partnershipId !== partnershipId || link.recordType !== 'subscription') return null
  return db.transaction(async (tx) => {
    const found = await subscriptionOf(tx, link.recordId)
    if (!found || found.subscription.unsubscribedAt) return null
    await touchSignedLink(tx, token)
    if (!found.subscription.confirmedAt) {
      await tx
        .update(subscriptions)
        .set({ confirmedAt: sql`now()`, updatedAt: new Date() })
        .where(eq(subscriptions.id, link.recordId))
      await recordAudit(
        tx,
        null,
        {
          action: 'confirmed',
          recordType: 'subscription',
          recordId: link.recordId,
          summary: `A subscriber confirmed their subscription to ${found.listName}`,
        },
        partnershipId,
      )
    }
    return { listName: found.listName }
  })
}

/** What an unsubscribe link is for, to show before the button: the list's name, or null. */
export async function unsubscribeTarget(db: Database, partnershipId: string, token: string) {
  const link = await readSignedLink(db, token, 'unsubscribe')
  if (!link || link.partnershipId !== partnershipId || link.recordType !== 'subscription') return null
  const found = await subscriptionOf(db, link.recordId)
  if (!found || found.subscription.unsubscribedAt) return null
  return { listName: found.listName }
}

/**
 * Unsubscribes the one subscription the link is for, and revokes its links (every issue's
 * unsubscribe link and any confirmation link), so an old email cannot resubscribe or act again.
 * The list's name, or null when the link is not valid (or was used already).
 */
export async function unsubscribe(db: Database, partnershipId: string, token: string) {
  const link = await readSignedLink(db, token, 'unsubscribe')
  if (!link || link.partnershipId !== partnershipId || link.recordType !== 'subscription') return null
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ unsubscribedAt: subscriptions.unsubscribedAt })
      .from(subscriptions)
      .where(eq(subscriptions.id, link.recordId))
      .for('update')
    if (!locked || locked.unsubscribedAt) return null
    const found = (await subscriptionOf(tx, link.recordId))!
    await touchSignedLink(tx, token)
    await tx
      .update(subscriptions)
      .set({ unsubscribedAt: sql`now()`, updatedAt: new Date() })
      .where(eq(subscriptions.id, link.recordId))
    await revokeSignedLinks(tx, { recordType: 'subscription', recordId: link.recordId })
    await recordAudit(
      tx,
      null,
      {
        action: 'unsubscribed',
        recordType: 'subscription',
        recordId: link.recordId,
        summary: `A subscriber unsubscribed from ${found.listName}`,
      },
      partnershipId,
    )
    return { listName: found.listName }
  })
}
