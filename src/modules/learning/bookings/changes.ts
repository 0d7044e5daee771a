import { eq } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { recordAudit } from '../../../platform/audit.ts'
import { isConflict } from '../../../platform/audited-writes.ts'
import { ValidationError } from '../../../platform/errors.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { learnerFor } from '../learners/identity.ts'
import { bookings } from '../schema.ts'
import { lockedBooking } from './cancel.ts'
import { queueBookingConfirmed, queueBookingMoved, queuePlaceGivenToColleague } from './emails.ts'
import { bookingRefusal, lockEvent, placesHeld } from './places.ts'
import { newManageLink, refuseIfBooked, placeDetails, type PlaceRequest } from './service.ts'
import { learnerContact, offerFreedPlaces } from './waiting-list.ts'

/** Staff changes to a booking: moving it to another date of the same course, or giving it to a colleague. */

function refuseUnlessBooked(status: string) {
  if (status !== 'booked')
    throw new ValidationError({ booking: 'Only a booked place can be changed: this one is cancelled or attended' })
}

/** Moves a booked place to another scheduled date of the same course, if it has a place left. */
export async function moveBooking(db: Database, actor: Actor, bookingId: string, toEventId: string, baseUrl: string) {
  return db.transaction(async (tx) => {
    const { event: from, booking } = await lockedBooking(tx, actor.partnershipId, bookingId)
    refuseUnlessBooked(booking.status)
    if (toEventId === from.id) throw new ValidationError({ eventId: 'Choose a different date' })
    const to = await lockEvent(tx, actor.partnershipId, toEventId)
    if (to.courseId !== from.courseId) throw new ValidationError({ eventId: 'Choose a date of the same course' })
    const refusal = bookingRefusal(to, 'staff')
    if (refusal) throw new ValidationError({ eventId: refusal })
    const held = await placesHeld(tx, to.id)
    if (held.booked + held.offered >= to.capacity) throw new ValidationError({ eventId: 'That date is full' })
    try {
      await tx
        .update(bookings)
        .set({ eventId: to.id, version: booking.version + 1, updatedAt: new Date() })
        .where(eq(bookings.id, bookingId))
    } catch (error) {
      if (isConflict(error)) throw new ValidationError({ eventId: 'They already have a place on that date' })
      throw error
    }
    await recordAudit(tx, actor, {
      action: 'moved',
      recordType: 'booking',
      recordId: bookingId,
      summary: `Moved a booking on ${from.courseTitle} to another date`,
      related: [
        { recordType: 'training-event', recordId: from.id },
        { recordType: 'training-event', recordId: to.id },
        { recordType: 'learner', recordId: booking.learnerId },
      ],
      before: { eventId: from.id },
      after: { eventId: to.id },
    })
    // The old link's expiry followed the old date: a fresh one for the new date.
    const manageToken = await newManageLink(tx, actor.partnershipId, bookingId, to)
    const learner = await learnerContact(tx, actor.partnershipId, booking.learnerId)
    if (learner) await queueBookingMoved(tx, learner, to, { baseUrl, manageToken })
    await offerFreedPlaces(tx, from, baseUrl)
  })
}

/**
 * Gives a booked place to a colleague: the booking keeps its place and becomes theirs. The
 * original learner is told and their link stops working; the colleague gets their own.
 */
export async function substituteBooking(
  db: Database,
  actor: Actor,
  bookingId: string,
  colleague: PlaceRequest,
  baseUrl: string,
) {
  return db.transaction(async (tx) => {
    const { event, booking } = await lockedBooking(tx, actor.partnershipId, bookingId)
    refuseUnlessBooked(booking.status)
    const learnerId = await learnerFor(tx, actor.partnershipId, colleague)
    if (learnerId === booking.learnerId) throw new ValidationError({ email: 'This is the person already booked' })
    await refuseIfBooked(tx, event.id, learnerId)
    const previous = await learnerContact(tx, actor.partnershipId, booking.learnerId)
    await tx
      .update(bookings)
      .set({
        learnerId,
        ...placeDetails(colleague),
        version: booking.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(bookings.id, bookingId))
    await recordAudit(tx, actor, {
      action: 'substituted',
      recordType: 'booking',
      recordId: bookingId,
      summary: `Gave a place on ${event.courseTitle} to a colleague`,
      related: [
        { recordType: 'training-event', recordId: event.id },
        { recordType: 'learner', recordId: booking.learnerId },
        { recordType: 'learner', recordId: learnerId },
      ],
      before: { learnerId: booking.learnerId },
      after: { learnerId },
    })
    const manageToken = await newManageLink(tx, actor.partnershipId, bookingId, event)
    await queueBookingConfirmed(
      tx,
      { partnershipId: actor.partnershipId, name: colleague.name, email: colleague.email },
      event,
      { baseUrl, manageToken },
    )
    if (previous) await queuePlaceGivenToColleague(tx, previous, event, colleague.name)
  })
}
