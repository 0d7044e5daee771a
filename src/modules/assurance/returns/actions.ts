import type { Database } from '../../../db/index.ts'
import { recordAudit } from '../../../platform/audit.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { raiseAction } from '../../actions/service.ts'
import { returnRecordType } from '../access.ts'
import type { AuditAnswer } from '../audit-schema.ts'
import { answerSourceType, returnHref, type Criterion, type ReturnRecord } from './service.ts'

export interface AnswerActionInput {
  description: string
  ownerPersonId: string | null
  ownerAgencyId: string | null
  dueOn: string
  completed?: { evidence: string; completedOn: string }
}

/** "Section 11 2016/17 – Oxford Health NHS Foundation Trust – 3.2": how the tracker names the source. */
export const answerSource = (ret: ReturnRecord, criterion: Criterion, answer: AuditAnswer) => ({
  type: answerSourceType,
  id: answer.id,
  label: `${ret.title} – ${criterion.label}`,
  href: returnHref(ret.id),
})

/**
 * An action for an answer below the top grade, raised in the action tracker (which checks the owner
 * and audits the action), with a row on the return so its history says so, in one transaction.
 */
export async function raiseAnswerAction(
  db: Database,
  actor: Actor,
  ret: ReturnRecord,
  { criterion, answer }: { criterion: Criterion; answer: AuditAnswer },
  input: AnswerActionInput,
) {
  return db.transaction(async (tx) => {
    const actionId = await raiseAction(tx, actor, { source: answerSource(ret, criterion, answer), ...input })
    await recordAudit(tx, actor, {
      action: 'updated',
      recordType: returnRecordType,
      recordId: ret.id,
      summary: `Raised an action for ${criterion.label}`,
      after: { action: input.description, actionDueOn: input.dueOn },
    })
    return actionId
  })
}
