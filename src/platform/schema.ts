import { sql } from 'drizzle-orm'
import {
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'

/** Tables owned by the platform: tenants, accounts, sessions, sign-in failures, one-time tokens, the audit log, the email outbox and the job queue. */

/** Every record's creation and last-change times; modules spread it into their tables too. */
export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}

export const terminologies = ['board', 'partnership'] as const

export const partnerships = pgTable(
  'partnerships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    area: text('area').notNull(),
    localAuthorityCode: text('local_authority_code').notNull(),
    /** 1 = January … 12 = December. The reporting year runs 12 months from this month (April by default). */
    yearStartMonth: smallint('year_start_month').notNull().default(4),
    terminology: text('terminology', { enum: terminologies }).notNull().default('partnership'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [check('year_start_month_range', sql`${t.yearStartMonth} between 1 and 12`)],
)

export const userStatuses = ['invited', 'active', 'disabled'] as const

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    /** Stored lower-cased; unique across the deployment so one sign-in page serves every partnership. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    status: text('status', { enum: userStatuses }).notNull().default('invited'),
    /** Scopes an agency lead to one agency's records. References partnership.agencies. */
    agencyId: uuid('agency_id'),
    /** The directory entry for this person, so subgroup-only records can be scoped by membership. */
    personId: uuid('person_id'),
    lastSignedInAt: timestamp('last_signed_in_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email), index('users_partnership_idx').on(t.partnershipId)],
)

export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
)

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie value, so a leaked table cannot be replayed. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

/**
 * Failed sign-ins per email address typed and client address: five within 15 minutes pause sign-in
 * for that pair, not for the account everywhere (docs/decisions/0007-sign-in-throttling.md). Kept
 * for every email typed, with or without an account, so both take the same path; the email is
 * stored only as its SHA-256, and rows are deleted once they no longer count.
 */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    emailHash: text('email_hash').notNull(),
    clientAddress: text('client_address').notNull(),
    /** Failures since `first_failed_at`; counting starts again once that is older than the window. */
    failures: integer('failures').notNull().default(0),
    firstFailedAt: timestamp('first_failed_at', { withTimezone: true }).notNull().defaultNow(),
    pausedUntil: timestamp('paused_until', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.emailHash, t.clientAddress] })],
)

export const tokenPurposes = ['invite', 'password-reset'] as const

export const oneTimeTokens = pgTable(
  'one_time_tokens',
  {
    /** SHA-256 of the token sent by email. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: tokenPurposes }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('one_time_tokens_user_idx').on(t.userId)],
)

/**
 * Append-only: a trigger in the migrations refuses UPDATE and DELETE.
 * `before` and `after` hold the changed record; sign-ins and views of confidential records have neither.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    partnershipId: uuid('partnership_id').references(() => partnerships.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    recordType: text('record_type').notNull(),
    recordId: text('record_id'),
    summary: text('summary').notNull(),
    /** Other records whose history shows this entry, as "type:id" (a membership names its person and group). */
    related: text('related').array(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_log_partnership_at_idx').on(t.partnershipId, t.at),
    index('audit_log_record_idx').on(t.recordType, t.recordId),
    index('audit_log_actor_idx').on(t.actorUserId),
    index('audit_log_related_idx').using('gin', t.related),
  ],
)

export const outboxStatuses = ['pending', 'sent', 'failed'] as const

export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id').references(() => partnerships.id),
    toAddress: text('to_address').notNull(),
    /** A name for the kind of message (invite, password-reset, …): counted and filtered, never shown to recipients. */
    template: text('template').notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    status: text('status', { enum: outboxStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    providerReference: text('provider_reference'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('email_outbox_due_idx').on(t.status, t.nextAttemptAt)],
)

export const jobStatuses = ['pending', 'running', 'done', 'failed'] as const

/**
 * The job scheduler's queue (src/platform/jobs/). A one-off job is a row that ends `done` or `failed`;
 * a recurring job is one row, keyed `recurring:<name>`, that goes back to `pending` at its next time.
 * `locked_until` is the claim's lease: a `running` row past it belonged to a process that stopped.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id').references(() => partnerships.id),
    /** The handler's name. */
    name: text('name').notNull(),
    payload: jsonb('payload').notNull().default({}),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    status: text('status', { enum: jobStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    /** The error's message, never the payload. */
    lastError: text('last_error'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** At most one job per key: enqueueing again with the same key does nothing. */
    uniqueKey: text('unique_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('jobs_due_idx').on(t.status, t.runAt), uniqueIndex('jobs_unique_key_unique').on(t.uniqueKey)],
)

/**
 * Signed links for people without accounts (manage a booking, confirm a subscription, unsubscribe,
 * answer an evaluation): each is bound to one purpose and one record, and expires or is revoked
 * (src/platform/signed-links.ts). Only the token's SHA-256 is stored.
 */
export const signedLinks = pgTable(
  'signed_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    /** What the link lets its holder do, in kebab-case: "manage-booking", "unsubscribe". */
    purpose: text('purpose').notNull(),
    /** The record it is for, as in the audit log: "booking" and the booking's id. */
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('signed_links_token_hash_unique').on(t.tokenHash),
    index('signed_links_record_idx').on(t.recordType, t.recordId),
    index('signed_links_expires_idx').on(t.expiresAt),
  ],
)

export const workingDayChangeKinds = ['holiday', 'working-day'] as const

/**
 * A partnership's changes to the built-in England and Wales bank holidays (working-days.ts): a
 * day added as a holiday (a one-off bank holiday announced after the table was written) or a
 * built-in holiday kept as a working day (one moved by proclamation). Clocks counted in working
 * days read the table with these applied.
 */
export const workingDayChanges = pgTable(
  'working_day_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    /** A London calendar day. */
    day: date('day').notNull(),
    kind: text('kind', { enum: workingDayChangeKinds }).notNull(),
    /** "Bank holiday for the coronation", "Moved to Friday 8 May". */
    name: text('name').notNull(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('working_day_changes_day_unique').on(t.partnershipId, t.day)],
)
