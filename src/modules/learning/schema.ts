import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  date,
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
import { agencies, people } from '../partnership/schema.ts'
import { importBatches } from '../../platform/imports/schema.ts'

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

/** An attendee's evaluation of an event, and the follow-up impact answer weeks later. Ratings 1–5. */
export const evaluations = pgTable(
  'evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id),
    overallRating: integer('overall_rating').notNull(),
    confidenceBefore: integer('confidence_before').notNull(),
    confidenceAfter: integer('confidence_after').notNull(),
    willDoDifferently: text('will_do_differently').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    followUpSentAt: timestamp('follow_up_sent_at', { withTimezone: true }),
    /** "What difference has the training made to your practice?" */
    impact: text('impact'),
    impactAnsweredAt: timestamp('impact_answered_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('evaluations_booking_unique').on(t.bookingId),
    check('evaluations_overall_range', sql`${t.overallRating} between 1 and 5`),
    check('evaluations_before_range', sql`${t.confidenceBefore} between 1 and 5`),
    check('evaluations_after_range', sql`${t.confidenceAfter} between 1 and 5`),
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

/**
 * One e-learning module completed, imported from the e-learning platform's export. The same
 * learner, module and day is one completion, so re-importing a file adds nothing.
 */
export const elearningCompletions = pgTable(
  'elearning_completions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    learnerId: uuid('learner_id')
      .notNull()
      .references(() => learners.id),
    moduleName: text('module_name').notNull(),
    completedOn: date('completed_on').notNull(),
    /** The agency as the file named it, and the directory agency it maps to (null until resolved). */
    agencyName: text('agency_name').notNull(),
    agencyId: uuid('agency_id').references(() => agencies.id),
    importBatchId: uuid('import_batch_id').references(() => importBatches.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('elearning_completions_unique').on(
      t.partnershipId,
      t.learnerId,
      sql`lower(${t.moduleName})`,
      t.completedOn,
    ),
    index('elearning_completions_day_idx').on(t.partnershipId, t.completedOn),
    index('elearning_completions_unmatched_idx')
      .on(t.partnershipId, t.agencyName)
      .where(sql`${t.agencyId} is null`),
  ],
)

/** Names other systems use for a directory agency ("Oxon CC" → Oxfordshire County Council). */
export const agencyAliases = pgTable(
  'learning_agency_aliases',
  {
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    /** Lower case, trimmed. */
    alias: text('alias').notNull(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.partnershipId, t.alias] })],
)

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
