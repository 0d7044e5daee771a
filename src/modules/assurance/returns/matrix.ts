import { and, asc, eq, sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { attachments } from '../../../platform/attachments/schema.ts'
import { auditAnswers, auditChallenges, auditReturns } from '../audit-schema.ts'
import { answerSourceType } from './service.ts'

const none = '00000000-0000-4000-8000-000000000000'

/**
 * The permission matrix's return: the partnership's first submitted return with a named moderator
 * (the demo's: Thames Valley Police's, Grace Lindqvist of Oxford Health moderating), so each role the
 * return's pages declare can use them — the business unit fills in nothing on it (those pages send it
 * to the return's page: it is submitted), the moderator moderates and asks. Else the first return,
 * creating none; without demo cycles, ids nobody has, which answer 404.
 */
export async function firstReturn(db: Database, partnershipId: string) {
  const [ret] = await db
    .select({ id: auditReturns.id, status: auditReturns.status })
    .from(auditReturns)
    .where(eq(auditReturns.partnershipId, partnershipId))
    .orderBy(
      sql`(${auditReturns.status} = 'submitted' and ${auditReturns.moderatorPersonId} is not null) desc`,
      asc(auditReturns.createdAt),
      asc(auditReturns.id),
    )
    .limit(1)
  return ret ?? null
}

export async function returnMatrixIds(db: Database, partnershipId: string): Promise<Record<string, string>> {
  const returnId = (await firstReturn(db, partnershipId))?.id ?? none
  const [[answer], [challenge]] = await Promise.all([
    db
      .select({ id: auditAnswers.id })
      .from(auditAnswers)
      .where(and(eq(auditAnswers.partnershipId, partnershipId), eq(auditAnswers.returnId, returnId)))
      .orderBy(asc(auditAnswers.createdAt), asc(auditAnswers.id))
      .limit(1),
    db
      .select({ id: auditChallenges.id })
      .from(auditChallenges)
      .where(and(eq(auditChallenges.partnershipId, partnershipId), eq(auditChallenges.returnId, returnId)))
      .orderBy(asc(auditChallenges.askedAt), asc(auditChallenges.id))
      .limit(1),
  ])
  const [attachment] = answer
    ? await db
        .select({ id: attachments.id })
        .from(attachments)
        .where(
          and(
            eq(attachments.partnershipId, partnershipId),
            eq(attachments.recordType, answerSourceType),
            eq(attachments.recordId, answer.id),
          ),
        )
        .limit(1)
    : []
  const base = '/assurance/returns/:id'
  return {
    [base]: returnId,
    [`${base}/standards/:number`]: '1',
    [`${base}/moderate/:number`]: '1',
    [`${base}/answers/:answerId`]: answer?.id ?? none,
    [`${base}/challenges/:challengeId`]: challenge?.id ?? none,
    [`${base}/attachments/:attachmentId`]: attachment?.id ?? none,
    '/school-audit/:token/standards/:number': '1',
  }
}
