import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import {
  attachmentItems,
  attachmentRoutes,
  attachmentsOf,
  deleteAttachment,
  megabytes,
  readAttachment,
  sendAttachment,
  storeAttachment,
  type AttachmentSummary,
} from '../../../platform/attachments/index.ts'
import { actionRoute, formRoute, type FormRequest } from '../../../platform/form-route.ts'
import { ForbiddenError, NotFoundError } from '../../../platform/errors.ts'
import { requireActor } from '../../../platform/http.ts'
import { recordAudit } from '../../../platform/audit.ts'
import { returnRecordType } from '../access.ts'
import { requireStatusFor } from './lifecycle.ts'
import { confidential, views } from './routes.ts'
import {
  answerOf,
  answerSourceType,
  criteriaOf,
  getReturn,
  mayRespond,
  returnHref,
  type ReturnRecord,
} from './service.ts'

/**
 * Evidence files for an answer (platform/attachments): attached and removed while the return is a
 * draft, by whoever may fill it in; downloaded by anyone the return's scope names, each download in
 * the audit log. An attachment is the answer's (record type `audit-answer`), so it is read only
 * through a return it belongs to.
 */

const attachmentHref = (returnId: string, id: string) => `${returnHref(returnId)}/attachments/${id}`

/** The return's files by answer, each with its download link (and its remove form's address when asked). */
export async function returnAttachments(db: FastifyInstance['db'], ret: ReturnRecord, removable = false) {
  const answerIds = criteriaOf(ret).flatMap((c) => (c.answer ? [c.answer.id] : []))
  const rows = await attachmentsOf(db, ret.partnershipId, answerSourceType, answerIds)
  const byAnswer: Record<string, ReturnType<typeof attachmentItems>> = {}
  for (const answerId of answerIds) {
    const mine = rows.filter((row) => row.recordId === answerId)
    byAnswer[answerId] = attachmentItems(
      mine,
      (a) => attachmentHref(ret.id, a.id),
      removable ? (a) => `${attachmentHref(ret.id, a.id)}/remove` : undefined,
    )
  }
  return byAnswer
}

/** The attachment, when it is one of this return's answers'; a 404 otherwise. */
async function attachmentOf(db: FastifyInstance['db'], ret: ReturnRecord, id: string) {
  const attachment = await readAttachment(db, ret.partnershipId, id)
  const answerIds = new Set(criteriaOf(ret).flatMap((c) => (c.answer ? [c.answer.id] : [])))
  if (!attachment || attachment.recordType !== answerSourceType || !answerIds.has(attachment.recordId))
    throw new NotFoundError()
  return attachment
}

export async function returnAttachmentRoutes(app: FastifyInstance) {
  const db = app.db
  const maxBytes = app.config.attachmentMaxBytes

  const toChange = async ({ actor, params }: FormRequest) => {
    const ret = await getReturn(db, actor, params.id!)
    if (!mayRespond(actor, ret))
      throw new ForbiddenError('Only the agency’s safeguarding lead or the business unit can change its evidence')
    requireStatusFor('fill-in', ret.status, returnHref(ret.id))
    return ret
  }

  await attachmentRoutes(app, (scope) => {
    formRoute(scope, {
      path: '/assurance/returns/:id/answers/:answerId/attachments',
      access: { permission: 'assurance:respond', confidential },
      template: `${views}/attachments-form.njk`,
      schema: z.object({ file: z.unknown() }),
      context: async (request) => {
        const ret = await toChange(request)
        const { criterion, answer } = answerOf(ret, request.params.answerId!)
        return {
          ret,
          criterion,
          answer,
          items: (await returnAttachments(db, ret, true))[answer.id] ?? [],
          maxMb: megabytes(maxBytes),
          uploadAction: `${returnHref(ret.id)}/answers/${answer.id}/attachments`,
          flash: request.query.attached ? 'File attached' : request.query.removed ? 'File removed' : null,
          standardHref: `${returnHref(ret.id)}/standards/${criterion.label.split('.')[0]}#criterion-${criterion.id}`,
        }
      },
      initialValues: () => ({}),
      save: async ({ actor, raw }, { file }, { ret, answer, criterion }) => {
        await db.transaction(async (tx) => {
          const stored = await storeAttachment(tx, actor, {
            recordType: answerSourceType,
            recordId: answer.id,
            file,
            maxBytes,
          })
          await recordAudit(tx, actor, {
            action: 'updated',
            recordType: returnRecordType,
            recordId: ret.id,
            summary: `Attached ${stored.fileName} to ${criterion.label}`,
            after: { attachmentId: stored.id, fileName: stored.fileName },
          })
        })
        return `${raw.url.split('?')[0]}?attached=1`
      },
    })
  })

  app.get(
    '/assurance/returns/:id/attachments/:attachmentId',
    { config: { permission: 'assurance:read', confidential: { ...confidential, download: true } } },
    async (request, reply) => {
      const actor = requireActor(request)
      const { id, attachmentId } = request.params as { id: string; attachmentId: string }
      const ret = await getReturn(db, actor, id)
      return sendAttachment(reply, await attachmentOf(db, ret, attachmentId))
    },
  )

  actionRoute(app, {
    path: '/assurance/returns/:id/attachments/:attachmentId/remove',
    access: { permission: 'assurance:respond', confidential },
    schema: z.object({}),
    run: async (request) => {
      const ret = await toChange(request)
      const attachment: AttachmentSummary = await attachmentOf(db, ret, request.params.attachmentId!)
      const { criterion } = answerOf(ret, attachment.recordId)
      await db.transaction(async (tx) => {
        await deleteAttachment(tx, request.actor, attachment)
        await recordAudit(tx, request.actor, {
          action: 'updated',
          recordType: returnRecordType,
          recordId: ret.id,
          summary: `Removed ${attachment.fileName} from ${criterion.label}`,
          before: { attachmentId: attachment.id, fileName: attachment.fileName },
        })
      })
      return `${returnHref(ret.id)}/answers/${attachment.recordId}/attachments?removed=1`
    },
  })
}
