import { and, asc, eq } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { systemActor } from '../../../platform/permissions.ts'
import { bookPlace } from '../bookings/service.ts'
import { bookings } from '../schema.ts'

/**
 * Ids for the permission matrix's walk of the staff booking and learner pages: a booking on the
 * given (upcoming) event and its learner. The demo may have no bookings on it, so one is made.
 */
export async function staffMatrixIds(db: Database, partnershipId: string, eventId: string) {
  let [booking] = await db
    .select({ id: bookings.id, learnerId: bookings.learnerId })
    .from(bookings)
    .where(and(eq(bookings.partnershipId, partnershipId), eq(bookings.eventId, eventId)))
    .orderBy(asc(bookings.createdAt))
    .limit(1)
  if (!booking) {
    const outcome = await bookPlace(
      db,
      systemActor(partnershipId, 'Permission matrix'),
      eventId,
      {
        name: 'Matrix Learner',
        email: 'matrix.learner@example.org',
        jobTitle: null,
        agencyId: null,
        agencyOther: 'Matrix agency',
        sector: 'other',
        managerEmail: null,
        accessNeeds: null,
        termsAcceptedAt: null,
      },
      { source: 'staff', baseUrl: 'http://localhost' },
    )
    if (outcome.kind !== 'booked') throw new Error('The matrix event is full')
    booking = { id: outcome.bookingId, learnerId: outcome.learnerId }
  }
  return { '/learning/bookings/:id': booking.id, '/learning/learners/:id': booking.learnerId }
}
