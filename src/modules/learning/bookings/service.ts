import { and, eq, inArray } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { recordAudit } from '../../../platform/audit.ts'
import { isConflict } from '../../../platform/audited-writes.ts'
import { ValidationError } from '../../../platform/errors.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { createSignedLink, revokeSignedLinks } from '../../../platform/signed-links.ts'
import { learnerFor } from '../learners/identity.ts'
import {
  bookings,
  placeHoldingStatuses,
  waitingListEntries,
  type BookingSource,
  type LearnerSector,
} from '../schema.ts'
import { queueBookingConfirmed, queueWaitingListJoined, type EmailEvent } from './emails.ts'
import { bookingRefusal, lockEvent, placesHeld } from './places.ts'

/**
 * Taking a place: booking it, or joining the waiting list when the event is full. Every path
 * locks the event first (places.ts) and makes the learner by normalised email
 * (learners/identity.ts), so one person has one live booking per event and the places add up.
 */

export interface PlaceRequest {
  name: string
  email: string
  jobTitle: string | null
  agencyId: string | null
  agencyOther: string | null
  sector: LearnerSector
  managerEmail: string | null
  accessNeeds: string | null
  /** When they accepted the booking terms; null when staff booked for them. */
  termsAcceptedAt: Date | null
}

export type PlaceOutcome =
  { kind: 'booked'; bookingId: string; learnerId: string; manageToken: string } | { kind: 'full' }

export const alreadyBooked =
  'This email address already has a place on this event. Use the link in the confirmation email to manage it.'

/** A manage link lasts until 90 days after the event: long enough to cancel, come, and fetch a certificate. */
export const manageLinkExpiry = (event: { endsAt: Date }) => new Date(event.endsAt.getTime() + 90 * 86_400_000)

/** What a booking (or waiting-list place) keeps of the request: as given, a directory agency or another's name. */
export function placeDetails(request: PlaceRequest) {
  return {
    jobTitle: request.jobTitle,
    agencyId: request.agencyId,
    agencyOther: request.agencyId ? null : request.agencyOther,
    sector: request.sector,
    managerEmail: request.managerEmail,
    accessNeeds: request.accessNeeds,
    termsAcceptedAt: request.termsAcceptedAt,
  }
}

/** A new manage link for a booking, in date until 90 days after its event; the old ones, if any, revoked. */
export async function newManageLink(tx: Database, partnershipId: string, bookingId: string, event: { endsAt: Date }) {
  await revokeSignedLinks(tx, { recordType: 'booking', recordId: bookingId, purpose: 'manage-booking' })
  return createSignedLink(tx, {
    partnershipId,
    purpose: 'manage-booking',
    recordType: 'booking',
    recordId: bookingId,
    expiresAt: manageLinkExpiry(event),
  })
}

/** Writes a booking for a learner on a locked event, with its manage link and confirmation email. */
export async function writeBooking(
  tx: Database,
  actor: Actor,
  event: EmailEvent & { partnershipId: string },
  learnerId: string,
  request: PlaceRequest,
  source: BookingSource,
  baseUrl: string,
) {
  let row: { id: string } | undefined
  try {
    ;[row] = await tx
      .insert(bookings)
      .values({
        partnershipId: event.partnershipId,
        eventId: event.id,
        learnerId,
        ...placeDetails(request),
        source,
      })
      .returning({ id: bookings.id })
  } catch (error) {
    if (isConflict(error)) throw new ValidationError({ email: alreadyBooked })
    throw error
  }
  const bookingId = row!.id
  // Ids and codes only in the audit row: the learner's details live (and are erased) on the learner.
  await recordAudit(tx, actor, {
    action: 'created',
    recordType: 'booking',
    recordId: bookingId,
    summary: `Booked a place on ${event.courseTitle}`,
    related: [
      { recordType: 'training-event', recordId: event.id },
      { recordType: 'learner', recordId: learnerId },
    ],
    after: { eventId: event.id, learnerId, source, sector: request.sector, agencyId: request.agencyId },
  })
  const manageToken = await newManageLink(tx, event.partnershipId, bookingId, event)
  await queueBookingConfirmed(
    tx,
    { partnershipId: event.partnershipId, name: request.name, email: request.email },
    event,
    { baseUrl, manageToken },
  )
  return { bookingId, manageToken }
}

/** Refuses a second live booking of the same learner on an event (the database's unique index backs this up). */
export async function refuseIfBooked(tx: Database, eventId: string, learnerId: string) {
  const [booking] = await tx
    .select({ id: bookings.id })
    .from(bookings)
    .where(
      and(
        eq(bookings.eventId, eventId),
        eq(bookings.learnerId, learnerId),
        inArray(bookings.status, [...placeHoldingStatuses]),
      ),
    )
  if (booking) throw new ValidationError({ email: alreadyBooked })
}

async function refuseIfAlreadyOn(tx: Database, eventId: string, learnerId: string) {
  await refuseIfBooked(tx, eventId, learnerId)
  const [waiting] = await tx
    .select({ id: waitingListEntries.id })
    .from(waitingListEntries)
    .where(
      and(
        eq(waitingListEntries.eventId, eventId),
        eq(waitingListEntries.learnerId, learnerId),
        inArray(waitingListEntries.status, ['waiting', 'offered']),
      ),
    )
  if (waiting)
    throw new ValidationError({
      email:
        'This email address is already on the waiting list for this event. We will email you if a place comes free.',
    })
}

/**
 * Books a place for someone: `{ kind: 'full' }` when none is left (offer the waiting list). Throws
 * ValidationError when they already have a place or booking is closed. `by` is who is booking:
 * the person on the public form, or staff on their behalf (who may book after the closing date).
 */
export async function bookPlace(
  db: Database,
  actor: Actor,
  eventId: string,
  request: PlaceRequest,
  options: { source: BookingSource; baseUrl: string },
): Promise<PlaceOutcome> {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, actor.partnershipId, eventId)
    const refusal = bookingRefusal(event, options.source === 'staff' ? 'staff' : 'public')
    if (refusal) throw new ValidationError({ event: refusal })
    const learnerId = await learnerFor(tx, actor.partnershipId, request)
    await refuseIfAlreadyOn(tx, eventId, learnerId)
    const held = await placesHeld(tx, eventId)
    if (held.booked + held.offered >= event.capacity) return { kind: 'full' as const }
    const written = await writeBooking(tx, actor, event, learnerId, request, options.source, options.baseUrl)
    return { kind: 'booked' as const, learnerId, ...written }
  })
}

/**
 * Puts someone on a full event's waiting list, in the order they joined. If a place is in fact
 * free (one was freed since they saw the page), they are booked into it instead.
 */
export async function joinWaitingList(
  db: Database,
  actor: Actor,
  eventId: string,
  request: PlaceRequest,
  options: { baseUrl: string },
): Promise<{ kind: 'waiting'; entryId: string; token: string } | PlaceOutcome> {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, actor.partnershipId, eventId)
    const refusal = bookingRefusal(event, 'public')
    if (refusal) throw new ValidationError({ event: refusal })
    const learnerId = await learnerFor(tx, actor.partnershipId, request)
    await refuseIfAlreadyOn(tx, eventId, learnerId)
    const held = await placesHeld(tx, eventId)
    if (held.booked + held.offered < event.capacity && held.waiting === 0) {
      const written = await writeBooking(tx, actor, event, learnerId, request, 'public', options.baseUrl)
      return { kind: 'booked' as const, learnerId, ...written }
    }
    const [entry] = await tx
      .insert(waitingListEntries)
      .values({
        partnershipId: actor.partnershipId,
        eventId,
        learnerId,
        ...placeDetails(request),
      })
      .returning({ id: waitingListEntries.id })
    await recordAudit(tx, actor, {
      action: 'created',
      recordType: 'waiting-list-entry',
      recordId: entry!.id,
      summary: `Joined the waiting list for ${event.courseTitle}`,
      related: [
        { recordType: 'training-event', recordId: eventId },
        { recordType: 'learner', recordId: learnerId },
      ],
      after: { eventId, learnerId, sector: request.sector, agencyId: request.agencyId },
    })
    const token = await createSignedLink(tx, {
      partnershipId: actor.partnershipId,
      purpose: 'waiting-list',
      recordType: 'waiting-list-entry',
      recordId: entry!.id,
      expiresAt: manageLinkExpiry(event),
    })
    await queueWaitingListJoined(
      tx,
      { partnershipId: actor.partnershipId, name: request.name, email: request.email },
      event,
      { baseUrl: options.baseUrl, token },
    )
    return { kind: 'waiting' as const, entryId: entry!.id, token }
  })
}
