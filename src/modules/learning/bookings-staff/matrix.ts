import { and, asc, eq } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { bookings } from '../schema.ts'

/** A booking on the given (upcoming) event of the demo, and its learner, for the permission matrix's walk. */
export async function staffMatrixIds(db: Database, partnershipId: string, eventId: string) {
  const [booking] = await db
    .select({ id: bookings.id, learnerId: bookings.learnerId })
    .from(bookings)
    .where(and(eq(bookings.partnershipId, partnershipId), eq(bookings.eventId, eventId)))
    .orderBy(asc(bookings.createdAt))
    .limit(1)
  if (!booking) throw new Error('The demo has no booking on its latest scheduled event')
  return { '/learning/bookings/:id': booking.id, '/learning/learners/:id': booking.learnerId }
}
