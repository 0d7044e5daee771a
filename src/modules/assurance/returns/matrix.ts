import { and, asc, eq } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { auditAnswers, auditChallenges, auditReturns } from '../audit-schema.ts'

const none = '00000000-0000-4000-8000-000000000000'

/**
 * The permission matrix's ids: the partnership's first return, and its first answer and challenge,
 * creating none. Without demo cycles in this branch they are ids nobody has, which answer 404.
 */
export async function returnMatrixIds(db: Database, partnershipId: string): Promise<Record<string, string>> {
  const [ret] = await db
    .select({ id: auditReturns.id })
    .from(auditReturns)
    .where(eq(auditReturns.partnershipId, partnershipId))
    .orderBy(asc(auditReturns.createdAt), asc(auditReturns.id))
    .limit(1)
  const returnId = ret?.id ?? none
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
  const base = '/assurance/returns/:id'
  return {
    [base]: returnId,
    [`${base}/standards/:number`]: '1',
    [`${base}/moderate/:number`]: '1',
    [`${base}/answers/:answerId`]: answer?.id ?? none,
    [`${base}/challenges/:challengeId`]: challenge?.id ?? none,
    '/school-audit/:token/standards/:number': '1',
  }
}
