import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { partnerships, timestamps } from '../../platform/schema.ts'
import { themes } from '../themes/schema.ts'

/** Learning and development: the training programme's courses and their events. */

export const courseFormats = ['face-to-face', 'virtual', 'e-learning', 'learning-event', 'conference'] as const
export type CourseFormat = (typeof courseFormats)[number]

export const courseLevels = ['introductory', 'intermediate', 'advanced'] as const
export type CourseLevel = (typeof courseLevels)[number]

export const courses = pgTable(
  'courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    /** One outcome per line. */
    learningOutcomes: text('learning_outcomes').notNull().default(''),
    /** Who it is for: "Everyone who works with children", "Designated safeguarding leads in schools". */
    audience: text('audience').notNull(),
    level: text('level', { enum: courseLevels }).notNull(),
    format: text('format', { enum: courseFormats }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('courses_title_unique').on(t.partnershipId, sql`lower(${t.title})`),
    check('courses_duration_positive', sql`${t.durationMinutes} > 0`),
  ],
)

/** The themes a course covers, from the shared taxonomy (the themes module). */
export const courseThemes = pgTable(
  'course_themes',
  {
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    themeId: uuid('theme_id')
      .notNull()
      .references(() => themes.id),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.themeId] }), index('course_themes_theme_idx').on(t.themeId)],
)

export const eventStatuses = ['scheduled', 'cancelled', 'completed'] as const
export type EventStatus = (typeof eventStatuses)[number]

/** One date of a course: where and when, how many places, when booking is open. */
export const trainingEvents = pgTable(
  'training_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    venue: text('venue'),
    joiningLink: text('joining_link'),
    capacity: integer('capacity').notNull(),
    /** Who runs it, as named to the people booking: "Ruth Evans and Sam Lee (Oxford Health)". */
    trainers: text('trainers'),
    bookingOpensAt: timestamp('booking_opens_at', { withTimezone: true }),
    bookingClosesAt: timestamp('booking_closes_at', { withTimezone: true }),
    status: text('status', { enum: eventStatuses }).notNull().default('scheduled'),
    cancelledReason: text('cancelled_reason'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('training_events_course_idx').on(t.courseId),
    index('training_events_starts_idx').on(t.partnershipId, t.startsAt),
    check('training_events_in_order', sql`${t.endsAt} > ${t.startsAt}`),
    check('training_events_capacity_positive', sql`${t.capacity} > 0`),
    check('training_events_somewhere', sql`${t.venue} is not null or ${t.joiningLink} is not null`),
  ],
)
