import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { partnerships, timestamps } from '../../../platform/schema.ts'
import { agencies } from '../../partnership/schema.ts'
import { trainingEvents } from '../programme-schema.ts'
import { learners, learnerSectors } from '../learners/schema.ts'

/**
 * What a person gives when taking a place (a booking or a place on the waiting list), kept with it:
 * a learner may move job or agency later, and the figures count them as they were.
 */
const placeColumns = () => ({
  jobTitle: text('job_title'),
  agencyId: uuid('agency_id').references(() => agencies.id),
  agencyOther: text('agency_other'),
  sector: text('sector', { enum: learnerSectors }).notNull(),
  managerEmail: text('manager_email'),
  accessNeeds: text('access_needs'),
  termsAcceptedAt: timestamp('terms_accepted_at', { withTimezone: true }),
})

/**
 * A booking's life: booked → cancelled (in time, the place freed) or late-cancellation (after
 * the cut-off) → and, once the event has run, attended or no-show. Late cancellations and
 * no-shows carry the charge for the learner's agency type at the time they were recorded.
 */
export const bookingStatuses = ['booked', 'cancelled', 'late-cancellation', 'attended', 'no-show'] as const
export type BookingStatus = (typeof bookingStatuses)[number]
/** The statuses that hold a place on the event. */
export const placeHoldingStatuses = ['booked', 'attended', 'no-show'] as const satisfies readonly BookingStatus[]

export const bookingSources = ['public', 'staff', 'waiting-list'] as const
export type BookingSource = (typeof bookingSources)[number]

export const bookings = pgTable(
  'bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    eventId: uuid('event_id')
      .notNull()
      .references(() => trainingEvents.id),
    learnerId: uuid('learner_id')
      .notNull()
      .references(() => learners.id),
    ...placeColumns(),
    source: text('source', { enum: bookingSources }).notNull(),
    status: text('status', { enum: bookingStatuses }).notNull().default('booked'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** When attendance (attended, no-show) was marked. */
    attendanceMarkedAt: timestamp('attendance_marked_at', { withTimezone: true }),
    /** For a late cancellation or no-show: the charge, in pence, when it was recorded (0 when free). */
    chargePence: integer('charge_pence'),
    evaluationRequestedAt: timestamp('evaluation_requested_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('bookings_event_idx').on(t.eventId, t.status),
    index('bookings_learner_idx').on(t.learnerId),
    index('bookings_partnership_status_idx').on(t.partnershipId, t.status),
    // The reach figures' people trained: who attended each event, read from the index alone
    // (bench/reach.ts); the partnership too, so the query's own partnership condition needs no heap.
    index('bookings_attended_idx')
      .on(t.eventId, t.partnershipId, t.learnerId, t.agencyId, t.sector)
      .where(sql`${t.status} = 'attended'`),
    // One live booking per person per event: double booking is refused by the database too.
    uniqueIndex('bookings_one_per_learner')
      .on(t.eventId, t.learnerId)
      .where(sql`${t.status} in ('booked', 'attended', 'no-show')`),
    check(
      'bookings_charge_only_for_non_attendance',
      sql`${t.chargePence} is null or ${t.status} in ('late-cancellation', 'no-show')`,
    ),
  ],
)

/**
 * A full event's waiting list: waiting → offered (a place freed; they have until `offerExpiresAt`
 * to accept) → accepted (a booking is made) or expired (the offer passes on), or withdrawn.
 */
export const waitingStatuses = ['waiting', 'offered', 'accepted', 'expired', 'withdrawn'] as const
export type WaitingStatus = (typeof waitingStatuses)[number]

export const waitingListEntries = pgTable(
  'waiting_list_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    eventId: uuid('event_id')
      .notNull()
      .references(() => trainingEvents.id),
    learnerId: uuid('learner_id')
      .notNull()
      .references(() => learners.id),
    ...placeColumns(),
    status: text('status', { enum: waitingStatuses }).notNull().default('waiting'),
    offeredAt: timestamp('offered_at', { withTimezone: true }),
    offerExpiresAt: timestamp('offer_expires_at', { withTimezone: true }),
    bookingId: uuid('booking_id').references(() => bookings.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('waiting_list_event_idx').on(t.eventId, t.status, t.createdAt),
    uniqueIndex('waiting_list_one_per_learner')
      .on(t.eventId, t.learnerId)
      .where(sql`${t.status} in ('waiting', 'offered')`),
  ],
)

/** The learning settings of a partnership: one row, made with defaults when first read. */
export const learningSettings = pgTable('learning_settings', {
  partnershipId: uuid('partnership_id')
    .primaryKey()
    .references(() => partnerships.id),
  /** A learner may cancel up to this many working days before the event; after it, the cancellation is late. */
  cancellationCutOffWorkingDays: integer('cancellation_cut_off_working_days').notNull().default(2),
  /** How long someone offered a place from the waiting list has to accept it. */
  offerHours: integer('offer_hours').notNull().default(48),
  /** When the follow-up impact question goes out, after the evaluation. */
  followUpWeeks: integer('follow_up_weeks').notNull().default(12),
  /** Shown on the booking form; the learner accepts them. Markdown. */
  bookingTerms: text('booking_terms').notNull().default(''),
  version: integer('version').notNull().default(1),
  ...timestamps,
})

/**
 * The charge for a late cancellation or no-show, per agency type. Agencies that fund the
 * partnership are never charged, whatever their type (`agencies.contributesFunding`).
 */
export const nonAttendanceCharges = pgTable(
  'non_attendance_charges',
  {
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    /** An agency type from the directory, or `none` for learners with no agency in the directory. */
    agencyType: text('agency_type').notNull(),
    amountPence: integer('amount_pence').notNull(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.agencyType] }),
    check('non_attendance_charges_not_negative', sql`${t.amountPence} >= 0`),
  ],
)
