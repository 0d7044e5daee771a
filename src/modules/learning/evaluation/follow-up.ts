import { and, eq, isNull } from 'drizzle-orm'
import { defineJob } from '../../../platform/jobs/index.ts'
import { createSignedLink } from '../../../platform/signed-links.ts'
import { evaluations } from '../schema.ts'
import { attendee } from './attendees.ts'
import { queueImpactQuestion } from './emails.ts'
import { impactLinkWeeks, links, purposes, weeksFrom } from './links.ts'
import { followUpJobName } from './service.ts'

/**
 * The follow-up impact question, `followUpWeeks` after an evaluation was returned (queued by
 * submitEvaluation): "What difference has the training made to your practice?". Sent once, under
 * the evaluation's lock; not sent when the learner has since been erased or the booking changed.
 */
export const followUpJob = defineJob<{ evaluationId: string }>(
  followUpJobName,
  async (db, { evaluationId }, context) => {
    const { baseUrl } = context
    await db.transaction(async (tx) => {
      const [evaluation] = await tx
        .select({ id: evaluations.id, partnershipId: evaluations.partnershipId, bookingId: evaluations.bookingId })
        .from(evaluations)
        .where(and(eq(evaluations.id, evaluationId), isNull(evaluations.followUpSentAt)))
        .for('update')
      if (!evaluation) return
      const who = await attendee(tx, evaluation.partnershipId, evaluation.bookingId)
      if (!who || who.status !== 'attended' || who.erasedAt || !who.email) return
      const token = await createSignedLink(tx, {
        partnershipId: evaluation.partnershipId,
        purpose: purposes.impact,
        recordType: 'evaluation',
        recordId: evaluation.id,
        expiresAt: weeksFrom(new Date(), impactLinkWeeks),
      })
      await queueImpactQuestion(
        tx,
        evaluation.partnershipId,
        { ...who, email: who.email },
        links(baseUrl).impact(token),
      )
      await tx.update(evaluations).set({ followUpSentAt: new Date() }).where(eq(evaluations.id, evaluation.id))
    })
  },
)
