import { sql } from 'drizzle-orm'
import { boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { partnerships, timestamps } from '../../platform/schema.ts'

/** The partnership directory: partner agencies, people, the board and its subgroups, and who sits on them. */

export const agencyTypes = [
  'local-authority',
  'police',
  'health',
  'probation',
  'education',
  /** One school or college: the schools' safeguarding audit's responding organisations (imported with their URN). */
  'school',
  'voluntary-and-community-sector',
  'military',
  'lay-members',
  'other',
] as const
export type AgencyType = (typeof agencyTypes)[number]

export const agencies = pgTable(
  'agencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    name: text('name').notNull(),
    type: text('type', { enum: agencyTypes }).notNull(),
    contributesFunding: boolean('contributes_funding').notNull().default(false),
    /** A school's unique reference number (Get Information about Schools), for schools only. */
    urn: text('urn'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('agencies_name_unique').on(t.partnershipId, sql`lower(${t.name})`),
    uniqueIndex('agencies_urn_unique')
      .on(t.partnershipId, t.urn)
      .where(sql`${t.urn} is not null`),
  ],
)

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    name: text('name').notNull(),
    /** Family name first ("Lyons, Kate"), for lists: worked out from the name unless given (people/sort-name.ts). */
    sortName: text('sort_name').notNull(),
    jobTitle: text('job_title'),
    agencyId: uuid('agency_id').references(() => agencies.id),
    /** Optional: many members of the workforce are known only by name and agency. */
    email: text('email'),
    /** Their last day with the partnership: kept for history, gone from current lists after it. */
    leftOn: date('left_on'),
    /** When their personal details were erased at their request (docs/decisions/0008-leaving-and-erasure.md). */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('people_partnership_sort_name_idx').on(t.partnershipId, sql`lower(${t.sortName})`),
    index('people_agency_idx').on(t.agencyId),
    uniqueIndex('people_email_unique').on(t.partnershipId, t.email),
  ],
)

export const groupKinds = ['board', 'subgroup'] as const
export type GroupKind = (typeof groupKinds)[number]

export const groups = pgTable(
  'groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    name: text('name').notNull(),
    kind: text('kind', { enum: groupKinds }).notNull(),
    purpose: text('purpose'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('groups_name_unique').on(t.partnershipId, sql`lower(${t.name})`)],
)

export const membershipRoles = ['independent-chair', 'chair', 'vice-chair', 'member', 'adviser'] as const
export type MembershipRole = (typeof membershipRoles)[number]

export const groupMemberships = pgTable(
  'group_memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role', { enum: membershipRoles }).notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('group_memberships_group_idx').on(t.groupId),
    index('group_memberships_person_idx').on(t.personId),
    check('membership_dates_in_order', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
)
