import { and, eq, inArray, isNull } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { recordAudit } from '../../../platform/audit.ts'
import { NotFoundError, StaleEditError } from '../../../platform/errors.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { revokeSignedLinks } from '../../../platform/signed-links.ts'
import { lockEvent } from '../bookings/places.ts'
import { offerFreedPlaces } from '../bookings/waiting-list.ts'
import { bookings, learners, waitingListEntries } from '../schema.ts'

/**
 * Erasing a learner's personal data at their request (UK GDPR Article 17; the approach of
 * docs/decisions/0008-leaving-and-erasure.md, applied to learners in 0026).
 *
 * The learner row stays, as "Erased learner", so every booking, attendance mark and e-learning
 * completion stays and the reach figures do not change: what goes is what identifies them — name,
 * email, job title, the agency they typed, the link to a directory person — and, on their
 * bookings and waiting-list places, their manager's email, access needs and job title. Their
 * signed links stop working, and a place they were waiting for (or had been offered) passes to
 * the next person, since nobody can now email them. The audit row says it happened, and holds
 * none of what was removed. Earlier audit entries are kept until their retention ends (0008).
 */

export const erasedLearnerName = 'Erased learner'

export async function eraseLearner(db: Database, actor: Actor, learnerId: string, version: number, baseUrl: string) {
  return db.transaction(async (tx) => {
    const [learner] = await tx
      .select({ id: learners.id, version: learners.version })
      .from(learners)
      .where(
        and(eq(learners.partnershipId, actor.partnershipId), eq(learners.id, learnerId), isNull(learners.erasedAt)),
      )
    if (!learner) throw new NotFoundError()
    if (learner.version !== version) throw new StaleEditError()

    // Places they wait for go to the next person: the events first, locked in the order every path uses.
    const live = await tx
      .select({ id: waitingListEntries.id, eventId: waitingListEntries.eventId })
      .from(waitingListEntries)
      .where(
        and(eq(waitingListEntries.learnerId, learnerId), inArray(waitingListEntries.status, ['waiting', 'offered'])),
      )
    const events = []
    for (const eventId of [...new Set(live.map((e) => e.eventId))].sort())
      events.push(await lockEvent(tx, actor.partnershipId, eventId))

    const now = new Date()
    const erased = await tx
      .update(learners)
      .set({
        name: erasedLearnerName,
        email: null,
        jobTitle: null,
        agencyOther: null,
        personId: null,
        erasedAt: now,
        version: learner.version + 1,
        updatedAt: now,
      })
      .where(and(eq(learners.id, learnerId), eq(learners.version, version)))
      .returning({ id: learners.id })
    if (!erased.length) throw new StaleEditError()

    const bookingIds = await tx
      .update(bookings)
      .set({ managerEmail: null, accessNeeds: null, jobTitle: null, updatedAt: now })
      .where(eq(bookings.learnerId, learnerId))
      .returning({ id: bookings.id })
    const entryIds = await tx
      .update(waitingListEntries)
      .set({ managerEmail: null, accessNeeds: null, jobTitle: null, updatedAt: now })
      .where(eq(waitingListEntries.learnerId, learnerId))
      .returning({ id: waitingListEntries.id })
    if (live.length)
      await tx
        .update(waitingListEntries)
        .set({ status: 'withdrawn', updatedAt: now })
        .where(
          inArray(
            waitingListEntries.id,
            live.map((e) => e.id),
          ),
        )
    for (const { id } of bookingIds) await revokeSignedLinks(tx, { recordType: 'booking', recordId: id })
    for (const { id } of entryIds) await revokeSignedLinks(tx, { recordType: 'waiting-list-entry', recordId: id })
    await revokeSignedLinks(tx, { recordType: 'learner', recordId: learnerId })

    await recordAudit(tx, actor, {
      action: 'erased',
      recordType: 'learner',
      recordId: learnerId,
      summary: 'Erased this learner’s personal details',
    })
    for (const event of events) await offerFreedPlaces(tx, event, baseUrl, now)
    return { bookings: bookingIds.length, waitingListPlaces: entryIds.length }
  })
}
