import { sql } from 'drizzle-orm'
import { check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { partnerships, timestamps, users } from '../../platform/schema.ts'
import { agencies, people } from '../partnership/schema.ts'

/**
 * The one action tracker: actions from every source (a case review's recommendation, a priority of
 * the business plan, an audit's return, a meeting). Other modules raise and read actions through
 * service.ts and never write these tables.
 */

/** What the owner says. "Overdue" is not stored: an action past its due date and not complete is overdue. */
export const actionStatuses = ['not-started', 'on-track', 'at-risk', 'complete'] as const
export type ActionStatus = (typeof actionStatuses)[number]

export const actions = pgTable(
  'actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    /** The kind of record it came from ("review-recommendation", "plan-priority"), declared by the module that raises it. */
    sourceType: text('source_type').notNull(),
    sourceId: uuid('source_id').notNull(),
    /** How the source reads in a list ("Child K review: recommendation 3"), kept current by its module. */
    sourceLabel: text('source_label').notNull(),
    /** Where the source is read; its own page decides who may see it. */
    sourceHref: text('source_href').notNull(),
    description: text('description').notNull(),
    ownerPersonId: uuid('owner_person_id').references(() => people.id),
    ownerAgencyId: uuid('owner_agency_id').references(() => agencies.id),
    dueOn: date('due_on').notNull(),
    status: text('status', { enum: actionStatuses }).notNull().default('not-started'),
    /** What shows it is done: required to complete it. */
    evidence: text('evidence'),
    completedOn: date('completed_on'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('actions_source_idx').on(t.sourceType, t.sourceId),
    index('actions_owner_person_idx').on(t.ownerPersonId),
    index('actions_owner_agency_idx').on(t.partnershipId, t.ownerAgencyId),
    index('actions_due_idx').on(t.partnershipId, t.status, t.dueOn),
    check('actions_owner', sql`${t.ownerPersonId} is not null or ${t.ownerAgencyId} is not null`),
    check(
      'actions_complete_has_evidence',
      sql`${t.status} <> 'complete' or (${t.evidence} is not null and ${t.completedOn} is not null)`,
    ),
  ],
)

/** A dated progress update: what was done, and the status it left the action in. */
export const actionUpdates = pgTable(
  'action_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    actionId: uuid('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    /** The day the progress is reported for (a London calendar day). */
    writtenOn: date('written_on').notNull(),
    status: text('status', { enum: actionStatuses }).notNull(),
    note: text('note').notNull(),
    writtenByUserId: uuid('written_by_user_id').references(() => users.id),
    writtenByName: text('written_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('action_updates_action_idx').on(t.actionId, t.writtenOn)],
)

export type Action = typeof actions.$inferSelect
export type ActionUpdate = typeof actionUpdates.$inferSelect
