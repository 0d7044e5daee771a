import { and, eq } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { NotFoundError } from '../../../platform/errors.ts'
import { readSignedLink, touchSignedLink } from '../../../platform/signed-links.ts'
import { listAgencyOptions } from '../../partnership/agencies/service.ts'
import { cancellationCutOff, cancellationRule, isLateCancellation } from '../bookings/cancel.ts'
import { nonAttendanceCharge } from '../bookings/charges.ts'
import { placesLeft } from '../bookings/places.ts'
import { bookings, courses, learners, trainingEvents, waitingListEntries } from '../schema.ts'
import { getLearningSettings } from '../settings/service.ts'

/**
 * What the public booking pages read. Every page reached by an emailed link takes its record from
 * the signed link (purpose-bound, for one record, in the public site's partnership), never from the
 * address, so a link for one booking can never show another.
 */

const eventColumns = {
  id: trainingEvents.id,
  courseId: trainingEvents.courseId,
  courseTitle: courses.title,
  courseActive: courses.active,
  startsAt: trainingEvents.startsAt,
  endsAt: trainingEvents.endsAt,
  venue: trainingEvents.venue,
  joiningLink: trainingEvents.joiningLink,
  status: trainingEvents.status,
  bookingOpensAt: trainingEvents.bookingOpensAt,
  bookingClosesAt: trainingEvents.bookingClosesAt,
}

/** An event to book, in any state (the page says why a cancelled or past one cannot be), with its places left. */
export async function eventToBook(db: Database, partnershipId: string, eventId: string) {
  const [event] = await db
    .select(eventColumns)
    .from(trainingEvents)
    .innerJoin(courses, eq(courses.id, trainingEvents.courseId))
    .where(and(eq(trainingEvents.partnershipId, partnershipId), eq(trainingEvents.id, eventId)))
  if (!event) throw new NotFoundError()
  const left = (await placesLeft(db, partnershipId, [eventId])).get(eventId) ?? 0
  return { ...event, left }
}

/** What the booking form needs besides the event: the directory's active agencies and the booking terms. */
export async function bookingFormOptions(db: Database, partnershipId: string) {
  const [agencies, settings] = await Promise.all([
    listAgencyOptions(db, partnershipId, { activeOnly: true }),
    getLearningSettings(db, partnershipId),
  ])
  return { agencies, terms: settings.bookingTerms }
}

/** The record a signed link is for, when it is valid for this purpose in this partnership; null otherwise. */
async function linkedRecord(db: Database, partnershipId: string, token: string, purpose: string, recordType: string) {
  const link = await readSignedLink(db, token, purpose)
  if (!link || link.partnershipId !== partnershipId || link.recordType !== recordType) return null
  await touchSignedLink(db, token)
  return link.recordId
}

/** The booking a manage link is for, with its event and the learner's name; null for any link that is not one. */
export async function bookingByLink(db: Database, partnershipId: string, token: string) {
  const bookingId = await linkedRecord(db, partnershipId, token, 'manage-booking', 'booking')
  if (!bookingId) return null
  const [booking] = await db
    .select({
      id: bookings.id,
      status: bookings.status,
      agencyId: bookings.agencyId,
      chargePence: bookings.chargePence,
      learnerName: learners.name,
      event: eventColumns,
    })
    .from(bookings)
    .innerJoin(learners, eq(learners.id, bookings.learnerId))
    .innerJoin(trainingEvents, eq(trainingEvents.id, bookings.eventId))
    .innerJoin(courses, eq(courses.id, trainingEvents.courseId))
    .where(and(eq(bookings.partnershipId, partnershipId), eq(bookings.id, bookingId)))
  return booking ?? null
}
export type LinkedBooking = NonNullable<Awaited<ReturnType<typeof bookingByLink>>>

/** What cancelling a booking now would mean: late or not, the cut-off day, and the charge if late. */
export async function cancellationTerms(db: Database, partnershipId: string, booking: LinkedBooking, now = new Date()) {
  const rule = await cancellationRule(db, partnershipId)
  const late = isLateCancellation(booking.event.startsAt, rule, now)
  return {
    late,
    cutOff: cancellationCutOff(booking.event.startsAt, rule),
    chargePence: late ? await nonAttendanceCharge(db, partnershipId, booking.agencyId) : 0,
  }
}

/** The waiting-list place an offer link or a waiting-list link is for, with its event; null for any other link. */
export async function entryByLink(
  db: Database,
  partnershipId: string,
  token: string,
  purpose: 'accept-offer' | 'waiting-list',
) {
  const entryId = await linkedRecord(db, partnershipId, token, purpose, 'waiting-list-entry')
  if (!entryId) return null
  const [entry] = await db
    .select({
      id: waitingListEntries.id,
      status: waitingListEntries.status,
      offerExpiresAt: waitingListEntries.offerExpiresAt,
      learnerName: learners.name,
      event: eventColumns,
    })
    .from(waitingListEntries)
    .innerJoin(learners, eq(learners.id, waitingListEntries.learnerId))
    .innerJoin(trainingEvents, eq(trainingEvents.id, waitingListEntries.eventId))
    .innerJoin(courses, eq(courses.id, trainingEvents.courseId))
    .where(and(eq(waitingListEntries.partnershipId, partnershipId), eq(waitingListEntries.id, entryId)))
  return entry ?? null
}
export type LinkedEntry = NonNullable<Awaited<ReturnType<typeof entryByLink>>>
