import type { Database } from '../../../db/index.ts'
import { enqueueEmail } from '../../../platform/email/outbox.ts'
import { createSignedLink } from '../../../platform/signed-links.ts'
import { markdownToPlainText } from './plain-text.ts'

/** The emails newsletters send, written here so their words are reviewed in one place. */

export const confirmValidDays = 7
/** An unsubscribe link must outlast the newsletter sitting in someone's inbox. */
export const unsubscribeValidDays = 2 * 365

const days = (n: number) => new Date(Date.now() + n * 86_400_000)

export interface Recipient {
  partnershipId: string
  subscriptionId: string
  email: string
  name: string | null
}

/** A fresh one-click unsubscribe link for one subscription: it never acts for any other. */
export async function unsubscribeLink(tx: Database, baseUrl: string, recipient: Recipient) {
  const token = await createSignedLink(tx, {
    partnershipId: recipient.partnershipId,
    purpose: 'unsubscribe',
    recordType: 'subscription',
    recordId: recipient.subscriptionId,
    expiresAt: days(unsubscribeValidDays),
  })
  return `${baseUrl}/newsletters/unsubscribe/${token}`
}

const greeting = (name: string | null) => (name ? `Dear ${name},` : 'Hello,')

export async function queueConfirmationEmail(
  tx: Database,
  baseUrl: string,
  recipient: Recipient,
  list: { name: string },
  partnershipName: string,
) {
  const token = await createSignedLink(tx, {
    partnershipId: recipient.partnershipId,
    purpose: 'confirm-subscription',
    recordType: 'subscription',
    recordId: recipient.subscriptionId,
    expiresAt: days(confirmValidDays),
  })
  await enqueueEmail(tx, {
    partnershipId: recipient.partnershipId,
    to: recipient.email,
    template: 'newsletter-confirm',
    subject: `Confirm your subscription to ${list.name}`,
    body: [
      greeting(recipient.name),
      '',
      `Someone, probably you, asked to receive ${list.name} from ${partnershipName} at this address.`,
      '',
      `To confirm, open this link within ${confirmValidDays} days:`,
      `${baseUrl}/newsletters/confirm/${token}`,
      '',
      'If you did not ask for this, ignore this email: you will not be subscribed.',
    ].join('\n'),
  })
}

/** Subscribing an address already subscribed tells its owner, not the person at the form. */
export async function queueAlreadySubscribedEmail(
  tx: Database,
  baseUrl: string,
  recipient: Recipient,
  list: { name: string },
  partnershipName: string,
) {
  await enqueueEmail(tx, {
    partnershipId: recipient.partnershipId,
    to: recipient.email,
    template: 'newsletter-already-subscribed',
    subject: `You are already subscribed to ${list.name}`,
    body: [
      greeting(recipient.name),
      '',
      `Someone, probably you, asked to receive ${list.name} from ${partnershipName} at this address. You are already subscribed, so nothing has changed.`,
      '',
      'To stop receiving it, open this link:',
      await unsubscribeLink(tx, baseUrl, recipient),
    ].join('\n'),
  })
}

/** An issue's email: its text, then the subscriber's own unsubscribe link and the partnership's name. */
export function issueEmailBody(
  issue: { title: string; body: string },
  listName: string,
  partnershipName: string,
  unsubscribe: string,
) {
  return [
    issue.title,
    '='.repeat(Math.min(issue.title.length, 70)),
    '',
    markdownToPlainText(issue.body),
    '',
    '----------',
    `You receive ${listName} because you subscribed to it. To unsubscribe, open this link:`,
    unsubscribe,
    '',
    partnershipName,
  ].join('\n')
}
