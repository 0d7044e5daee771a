import { and, eq, isNull } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { recordAudit } from '../../../platform/audit.ts'
import { enqueueJob } from '../../../platform/jobs/index.ts'
import { linkActor } from '../../../platform/permissions.ts'
import { createSignedLink, readSignedLink } from '../../../platform/signed-links.ts'
import { formatDate } from '../../../platform/views.ts'
import { getLearningSettings } from '../settings/service.ts'
import { evaluations } from '../schema.ts'
import { attendee, evaluationOf, type AttendeeRow } from './attendees.ts'
import { queueCertificateEmail } from './emails.ts'
import { certificateLinkWeeks, links, purposes, weeksFrom } from './links.ts'

/**
 * Returning an evaluation and answering the follow-up question, through the links emailed to the
 * attendee. Each answer is given once: the form then says thank you. Changes are audited as made
 * by the attendee through their link (`linkActor`), without their name.
 */

export interface EvaluationInput {
  overallRating: number
  confidenceBefore: number
  confidenceAfter: number
  willDoDifferently: string
}

export type Evaluation = typeof evaluations.$inferSelect

/** The job that asks the follow-up question (follow-up.ts), named here so submitting can queue it. */
export const followUpJobName = 'learning-evaluation-follow-up'

const attendeeActor = (partnershipId: string) => linkActor(partnershipId, 'An attendee, by their evaluation link')

/** Someone attended and not erased: a link to their booking still works. */
const stillAttended = (row: AttendeeRow | undefined): row is NonNullable<AttendeeRow> =>
  !!row && row.status === 'attended' && !row.erasedAt && !!row.email

/**
 * What an evaluation link opens: the attendee and their evaluation if returned. Null when the link
 * is not one (wrong purpose, expired, another partnership's) or its booking is no longer attended.
 */
export async function openEvaluationLink(db: Database, partnershipId: string, token: string) {
  const link = await readSignedLink(db, token, purposes.evaluation)
  if (!link || link.partnershipId !== partnershipId || link.recordType !== 'booking') return null
  const row = await attendee(db, partnershipId, link.recordId)
  if (!stillAttended(row)) return null
  return { attendee: row, evaluation: await evaluationOf(db, row.bookingId) }
}

/**
 * Saves the evaluation with its audit row, queues the follow-up question for `followUpWeeks`
 * later, and makes and emails the certificate link. Returns the certificate's token, or null when
 * the evaluation had already been returned (nothing changes).
 */
export async function submitEvaluation(
  db: Database,
  who: NonNullable<AttendeeRow>,
  input: EvaluationInput,
  baseUrl: string,
): Promise<string | null> {
  const settings = await getLearningSettings(db, who.partnershipId)
  return db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(evaluations)
      .values({ partnershipId: who.partnershipId, bookingId: who.bookingId, ...input })
      .onConflictDoNothing({ target: evaluations.bookingId })
      .returning({ id: evaluations.id, submittedAt: evaluations.submittedAt })
    if (!saved) return null
    await recordAudit(tx, attendeeActor(who.partnershipId), {
      action: 'created',
      recordType: 'evaluation',
      recordId: saved.id,
      summary: `Evaluation returned for ${who.courseTitle} on ${formatDate(who.startsAt)}`,
      related: [{ recordType: 'training-event', recordId: who.eventId }],
      after: input,
    })
    await enqueueJob(tx, {
      name: followUpJobName,
      payload: { evaluationId: saved.id },
      runAt: weeksFrom(saved.submittedAt, settings.followUpWeeks),
      partnershipId: who.partnershipId,
      uniqueKey: `evaluation-follow-up:${saved.id}`,
    })
    const token = await createSignedLink(tx, {
      partnershipId: who.partnershipId,
      purpose: purposes.certificate,
      recordType: 'booking',
      recordId: who.bookingId,
      expiresAt: weeksFrom(new Date(), certificateLinkWeeks),
    })
    await queueCertificateEmail(tx, who.partnershipId, { ...who, email: who.email! }, links(baseUrl).certificate(token))
    return token
  })
}

/** What an impact link opens: the evaluation it asks about, and the attendee. Null as for openEvaluationLink. */
export async function openImpactLink(db: Database, partnershipId: string, token: string) {
  const link = await readSignedLink(db, token, purposes.impact)
  if (!link || link.partnershipId !== partnershipId || link.recordType !== 'evaluation') return null
  const [evaluation] = await db
    .select()
    .from(evaluations)
    .where(and(eq(evaluations.partnershipId, partnershipId), eq(evaluations.id, link.recordId)))
  if (!evaluation) return null
  const row = await attendee(db, partnershipId, evaluation.bookingId)
  if (!stillAttended(row)) return null
  return { attendee: row, evaluation }
}

/** Saves the impact answer once, with its audit row. False when it had already been given. */
export async function answerImpact(db: Database, evaluation: Evaluation, impact: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [saved] = await tx
      .update(evaluations)
      .set({ impact, impactAnsweredAt: new Date(), updatedAt: new Date() })
      .where(and(eq(evaluations.id, evaluation.id), isNull(evaluations.impactAnsweredAt)))
      .returning({ id: evaluations.id })
    if (!saved) return false
    await recordAudit(tx, attendeeActor(evaluation.partnershipId), {
      action: 'updated',
      recordType: 'evaluation',
      recordId: evaluation.id,
      summary: 'Follow-up answered: the difference the training has made',
      after: { impact },
    })
    return true
  })
}
