import { sql } from 'drizzle-orm'
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { partnerships, timestamps } from '../../../platform/schema.ts'

/** A mailing list: the termly workforce newsletter, the e-bulletin for educational settings. */
export const mailingLists = pgTable(
  'mailing_lists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    name: text('name').notNull(),
    description: text('description').notNull(),
    /** Shown on the public site for anyone to subscribe to. */
    publicSignUp: boolean('public_sign_up').notNull().default(true),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('mailing_lists_name_unique').on(t.partnershipId, sql`lower(${t.name})`)],
)

/**
 * A subscription to one list. Double opt-in: it counts, and gets issues, only once confirmed
 * from the emailed link, and stops on unsubscribing. The consent given is kept word for word.
 */
export const subscriptions = pgTable(
  'subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    listId: uuid('list_id')
      .notNull()
      .references(() => mailingLists.id),
    /** Normalised like a learner's; null once erased. */
    email: text('email'),
    name: text('name'),
    consentText: text('consent_text').notNull(),
    consentedAt: timestamp('consented_at', { withTimezone: true }).notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('subscriptions_email_unique').on(t.listId, t.email),
    index('subscriptions_confirmed_idx').on(t.partnershipId, t.listId, t.confirmedAt),
  ],
)

export const newsletterIssueStatuses = ['draft', 'sending', 'sent'] as const
export type NewsletterIssueStatus = (typeof newsletterIssueStatuses)[number]

/** One issue of a list's newsletter, written in Markdown, sent through the outbox, published on the public site. */
export const newsletterIssues = pgTable(
  'newsletter_issues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    listId: uuid('list_id')
      .notNull()
      .references(() => mailingLists.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: newsletterIssueStatuses }).notNull().default('draft'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** How many confirmed subscribers it was queued for. */
    recipients: integer('recipients'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('newsletter_issues_list_idx').on(t.listId, t.sentAt)],
)
