import { sql } from 'drizzle-orm'
import { index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { partnerships, timestamps } from '../schema.ts'

/**
 * Who may see each confidential record (a case review, a case audit): the members of named groups
 * (today's members), holders of named roles, named people, and the safeguarding leads of named
 * agencies. Nobody else sees the record, whatever their permissions (confidential/README.md).
 */
export const confidentialAccess = pgTable(
  'confidential_access',
  {
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    /** Directory groups: their members today. */
    groupIds: uuid('group_ids')
      .array()
      .notNull()
      .default(sql`'{}'`),
    /** Platform roles (`business-unit`, `chair`). */
    roles: text('roles')
      .array()
      .notNull()
      .default(sql`'{}'`),
    /** Directory people, through the accounts linked to them. */
    personIds: uuid('person_ids')
      .array()
      .notNull()
      .default(sql`'{}'`),
    /** Agencies whose safeguarding leads (role `agency-lead`, linked to the agency) may see it. */
    agencyIds: uuid('agency_ids')
      .array()
      .notNull()
      .default(sql`'{}'`),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.recordType, t.recordId] }),
    index('confidential_access_partnership_idx').on(t.partnershipId, t.recordType),
  ],
)
