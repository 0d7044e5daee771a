import { sql } from 'drizzle-orm'
import { check, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { partnerships, timestamps } from '../../../platform/schema.ts'
import { bookings } from '../bookings/schema.ts'

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
