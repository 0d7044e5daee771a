import { and, asc, eq, lte } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { recordAudit } from '../../../platform/audit.ts'
import { NotFoundError, ValidationError } from '../../../platform/errors.ts'
import { defineJob, enqueueJob } from '../../../platform/jobs/index.ts'
import { systemActor, type Actor } from '../../../platform/permissions.ts'
import { createSignedLink, revokeSignedLinks } from '../../../platform/signed-links.ts'
import { learners, waitingListEntries } from '../schema.ts'
import { getLearningSettings } from '../settings/service.ts'
import { queueOfferExpired, queuePlaceOffered, type Recipient } from './emails.ts'
import { lockEvent, placesHeld, type LockedEvent } from './places.ts'
import { writeBooking } from './service.ts'

/**
 * The waiting list: when a place frees, the next person waiting is offered it by email with a
 * deadline; a job at the deadline passes an unaccepted offer on. Callers hold the event's lock.
 */

export const expireOfferJobName = 'expire-waiting-list-offer'

/** Who to email about a learner's booking or entry; null once they are erased. */
export async function learnerContact(
  tx: Database,
  partnershipId: string,
  learnerId: string,
): Promise<Recipient | null> {
  const [learner] = await tx
    .select({ name: learners.name, email: learners.email })
    .from(learners)
    .where(and(eq(learners.partnershipId, partnershipId), eq(learners.id, learnerId)))
  return learner?.email ? { partnershipId, name: learner.name, email: learner.email } : null
}

/** The offer deadline: the settings' hours from now, but never after the event starts. */
function offerDeadline(event: LockedEvent, hours: number, now: Date) {
  const deadline = new Date(now.getTime() + hours * 3_600_000)
  return deadline < event.startsAt ? deadline : event.startsAt
}

/** Offers each free place on a locked, scheduled, future event to the next person waiting. Returns how many were offered. */
export async function offerFreedPlaces(tx: Database, event: LockedEvent, baseUrl: string, now = new Date()) {
  if (event.status !== 'scheduled' || event.startsAt <= now) return 0
  const held = await placesHeld(tx, event.id)
  const free = event.capacity - held.booked - held.offered
  if (free <= 0 || held.waiting === 0) return 0
  const next = await tx
    .select({ id: waitingListEntries.id, learnerId: waitingListEntries.learnerId })
    .from(waitingListEntries)
    .where(and(eq(waitingListEntries.eventId, event.id), eq(waitingListEntries.status, 'waiting')))
    .orderBy(asc(waitingListEntries.createdAt), asc(waitingListEntries.id))
    .limit(free)
  const settings = await getLearningSettings(tx, event.partnershipId)
  const expiresAt = offerDeadline(event, settings.offerHours, now)
  const actor = systemActor(event.partnershipId, 'Waiting list')
  for (const entry of next) {
    await tx
      .update(waitingListEntries)
      .set({ status: 'offered', offeredAt: now, offerExpiresAt: expiresAt, updatedAt: now })
      .where(eq(waitingListEntries.id, entry.id))
    await recordAudit(tx, actor, {
      action: 'offered',
      recordType: 'waiting-list-entry',
      recordId: entry.id,
      summary: `Offered a freed place on ${event.courseTitle}`,
      related: [{ recordType: 'training-event', recordId: event.id }],
      after: { offerExpiresAt: expiresAt },
    })
    const to = await learnerContact(tx, event.partnershipId, entry.learnerId)
    if (to) {
      const token = await createSignedLink(tx, {
        partnershipId: event.partnershipId,
        purpose: 'accept-offer',
        recordType: 'waiting-list-entry',
        recordId: entry.id,
        expiresAt,
      })
      await queuePlaceOffered(tx, to, event, { baseUrl, token, expiresAt })
    }
    await enqueueJob(tx, {
      name: expireOfferJobName,
      payload: { entryId: entry.id },
      runAt: expiresAt,
      partnershipId: event.partnershipId,
      uniqueKey: `${expireOfferJobName}:${entry.id}:${expiresAt.toISOString()}`,
    })
  }
  return next.length
}

async function lockedEntry(tx: Database, partnershipId: string, entryId: string) {
  const [entry] = await tx
    .select()
    .from(waitingListEntries)
    .where(and(eq(waitingListEntries.partnershipId, partnershipId), eq(waitingListEntries.id, entryId)))
  if (!entry) throw new NotFoundError()
  // The event first, then the entry: every path locks in that order.
  const event = await lockEvent(tx, partnershipId, entry.eventId)
  const [locked] = await tx.select().from(waitingListEntries).where(eq(waitingListEntries.id, entryId)).for('update')
  return { event, entry: locked! }
}

/** Accepts an offered place: the booking is made from the details given when joining the list. */
export async function acceptOffer(db: Database, actor: Actor, entryId: string, baseUrl: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const { event, entry } = await lockedEntry(tx, actor.partnershipId, entryId)
    if (entry.status !== 'offered' || !entry.offerExpiresAt || entry.offerExpiresAt <= now)
      throw new ValidationError({ offer: 'This offer has ended: the place has been offered to someone else' })
    if (event.status !== 'scheduled' || event.startsAt <= now)
      throw new ValidationError({ offer: 'This event is no longer taking bookings' })
    const [learner] = await tx
      .select({ name: learners.name, email: learners.email })
      .from(learners)
      .where(eq(learners.id, entry.learnerId))
    if (!learner?.email) throw new NotFoundError()
    const written = await writeBooking(
      tx,
      actor,
      event,
      entry.learnerId,
      { ...entry, name: learner.name, email: learner.email },
      'waiting-list',
      baseUrl,
    )
    await tx
      .update(waitingListEntries)
      .set({ status: 'accepted', bookingId: written.bookingId, updatedAt: now })
      .where(eq(waitingListEntries.id, entryId))
    await revokeSignedLinks(tx, { recordType: 'waiting-list-entry', recordId: entryId })
    await recordAudit(tx, actor, {
      action: 'accepted',
      recordType: 'waiting-list-entry',
      recordId: entryId,
      summary: `Accepted a place on ${event.courseTitle}`,
      related: [{ recordType: 'booking', recordId: written.bookingId }],
    })
    return written
  })
}

/** Leaves the waiting list (or turns an offer down): an offered place passes to the next person. */
export async function withdrawFromWaitingList(db: Database, actor: Actor, entryId: string, baseUrl: string) {
  return db.transaction(async (tx) => {
    const { event, entry } = await lockedEntry(tx, actor.partnershipId, entryId)
    if (entry.status !== 'waiting' && entry.status !== 'offered') return false
    await tx
      .update(waitingListEntries)
      .set({ status: 'withdrawn', updatedAt: new Date() })
      .where(eq(waitingListEntries.id, entryId))
    await revokeSignedLinks(tx, { recordType: 'waiting-list-entry', recordId: entryId })
    await recordAudit(tx, actor, {
      action: 'withdrawn',
      recordType: 'waiting-list-entry',
      recordId: entryId,
      summary: `Left the waiting list for ${event.courseTitle}`,
      related: [{ recordType: 'training-event', recordId: event.id }],
    })
    await offerFreedPlaces(tx, event, baseUrl)
    return true
  })
}

/** At an offer's deadline: if still not accepted, it expires and the place goes to the next person. */
export async function expireOffer(
  db: Database,
  partnershipId: string,
  entryId: string,
  baseUrl: string,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const { event, entry } = await lockedEntry(tx, partnershipId, entryId)
    if (entry.status !== 'offered' || !entry.offerExpiresAt || entry.offerExpiresAt > now) return false
    await tx
      .update(waitingListEntries)
      .set({ status: 'expired', updatedAt: now })
      .where(and(eq(waitingListEntries.id, entryId), lte(waitingListEntries.offerExpiresAt, now)))
    await revokeSignedLinks(tx, { recordType: 'waiting-list-entry', recordId: entryId })
    await recordAudit(tx, systemActor(partnershipId, 'Waiting list'), {
      action: 'expired',
      recordType: 'waiting-list-entry',
      recordId: entryId,
      summary: `An offer of a place on ${event.courseTitle} was not accepted in time`,
      related: [{ recordType: 'training-event', recordId: event.id }],
    })
    const to = await learnerContact(tx, partnershipId, entry.learnerId)
    if (to) await queueOfferExpired(tx, to, event)
    await offerFreedPlaces(tx, event, baseUrl, now)
    return true
  })
}

export const expireOfferJob = defineJob<{ entryId: string }>(expireOfferJobName, async (db, payload, context) => {
  if (!context.partnershipId) throw new Error('An offer job needs its partnership')
  await expireOffer(db, context.partnershipId, payload.entryId, context.baseUrl)
})
