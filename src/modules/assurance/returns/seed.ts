import { asc, eq } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { storeAttachment } from '../../../platform/attachments/index.ts'
import { recordAudit } from '../../../platform/audit.ts'
import type { SeedContext } from '../../../platform/modules.ts'
import { returnRecordType } from '../access.ts'
import { auditAnswers, auditChallenges } from '../audit-schema.ts'
import { firstReturn } from './matrix.ts'
import { answerSourceType } from './service.ts'

/** A one-page PDF: the demo's evidence file. */
const demoPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
)

/**
 * On the demo's return waiting for its peer moderator (the matrix's return, matrix.ts; written by the
 * results part's seed, which runs before this one), or else its first return when that has been
 * submitted: an evidence file on its first answer and a challenge question with the agency's answer,
 * so the return's pages show each part. Nothing when there is no such return.
 */
export async function seedReturns(db: Database, { actor }: SeedContext) {
  const ret = await firstReturn(db, actor.partnershipId)
  if (!ret || ret.status === 'draft') return
  const [answer] = await db
    .select({ id: auditAnswers.id, criterionId: auditAnswers.criterionId })
    .from(auditAnswers)
    .where(eq(auditAnswers.returnId, ret.id))
    .orderBy(asc(auditAnswers.createdAt), asc(auditAnswers.id))
    .limit(1)
  if (!answer) return
  await db.transaction(async (tx) => {
    await storeAttachment(tx, actor, {
      recordType: answerSourceType,
      recordId: answer.id,
      file: { fileName: 'Safeguarding policy 2016.pdf', content: demoPdf, tooLarge: false },
      maxBytes: demoPdf.length,
    })
    await tx.insert(auditChallenges).values({
      partnershipId: actor.partnershipId,
      returnId: ret.id,
      criterionId: answer.criterionId,
      question: 'How do you know the policy has reached staff working nights and weekends?',
      askedAt: new Date('2016-12-05T10:00:00Z'),
      answer:
        'Team leaders signed off a briefing for every rota by 31 December; the sign-off sheets are held by the safeguarding team.',
      answeredAt: new Date('2016-12-12T15:30:00Z'),
    })
    await recordAudit(tx, actor, {
      action: 'updated',
      recordType: returnRecordType,
      recordId: ret.id,
      summary: 'Recorded the demo’s evidence file and challenge question',
    })
  })
}
