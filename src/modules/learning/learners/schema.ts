import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { partnerships, timestamps } from '../../../platform/schema.ts'
import { agencies, people } from '../../partnership/schema.ts'

/**
 * The sectors a learner says they work in, for "reach by sector". Wider than the directory's agency
 * types: much of the workforce (early years, faith groups, sport) is not a partner agency.
 */
export const learnerSectors = [
  'early-years',
  'education',
  'health',
  'childrens-social-care',
  'adult-social-care',
  'police',
  'probation-and-youth-justice',
  'housing',
  'voluntary-and-community',
  'faith',
  'sport-and-leisure',
  'other',
] as const
export type LearnerSector = (typeof learnerSectors)[number]

/**
 * A member of the workforce who books training or completes e-learning, known within the
 * partnership by their normalised email (trimmed, lower case). "Distinct people trained" counts
 * learners, never bookings. Erasing one clears the personal details and keeps the row (and so
 * every booking and figure) with `erasedAt` set.
 */
export const learners = pgTable(
  'learners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    /** Normalised (learners/email.ts); null once erased. */
    email: text('email'),
    name: text('name').notNull(),
    jobTitle: text('job_title'),
    /** Their agency in the directory, when it is one; otherwise `agencyOther` names it. */
    agencyId: uuid('agency_id').references(() => agencies.id),
    agencyOther: text('agency_other'),
    sector: text('sector', { enum: learnerSectors }),
    /** The directory person this learner is, when the business unit links them. */
    personId: uuid('person_id').references(() => people.id),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('learners_email_unique').on(t.partnershipId, t.email),
    index('learners_agency_idx').on(t.agencyId),
    index('learners_person_idx').on(t.personId),
    check('learners_email_normalised', sql`${t.email} = lower(btrim(${t.email}))`),
  ],
)
