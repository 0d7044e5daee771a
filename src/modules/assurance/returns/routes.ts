import type { FastifyInstance } from 'fastify'
import { formRoute, type FormRequest } from '../../../platform/form-route.ts'
import { ForbiddenError } from '../../../platform/errors.ts'
import { requireActor } from '../../../platform/http.ts'
import type { Query } from '../../../platform/lists.ts'
import { can } from '../../../platform/permissions.ts'
import { formatDate } from '../../../platform/views.ts'
import { sourceActionsTable } from '../../actions/presenters.ts'
import { personPicker } from '../../partnership/people/picker.ts'
import { actionDates, actionSchema } from '../../performance/plan/forms.ts'
import { agencyItems } from '../../reviews/recommendations/case-routes.ts'
import { returnRecordType } from '../access.ts'
import { fillInRoutes, type Responder } from './fill-in.ts'
import { mayChallenge, mayFillIn, mayModerate, noticeOf } from './lifecycle.ts'
import { listChallenges, unmoderated } from './moderation.ts'
import { challengeItems, gradeRows, returnSummary, taskItems } from './presenters.ts'
import { raiseAnswerAction } from './actions.ts'
import { returnAttachments } from './attachment-routes.ts'
import { answerOf, getReturn, mayModerateReturn, mayRespond, returnActions, returnHref } from './service.ts'

export const views = 'modules/assurance/returns/views'
/** Every route here is about one return, its id as `:id`: the platform's confidential guard answers 404 outside its scope. */
export const confidential = { recordType: returnRecordType }
export const signedInLayout = 'views/layout.njk'

const flashes: Record<string, string> = {
  saved: 'Your answers have been saved',
  submitted: 'The return has been submitted',
  moderationSaved: 'Moderation saved',
  moderated: 'The return has been marked as moderated',
  closed: 'The return has been closed',
  actionAdded: 'Action added',
  asked: 'Challenge question added',
  answered: 'Answer saved',
  moderator: 'Moderator saved',
}

/** The return's page, filling it in and submitting it, and the actions for answers below the top grade. */
export async function returnRoutes(app: FastifyInstance) {
  const db = app.db

  /** The signed-in responder: the return, its page, the signed-in layout. */
  const open = async ({ actor, params }: FormRequest): Promise<Responder> => ({
    ret: await getReturn(db, actor, params.id!),
    actor,
    base: returnHref(params.id!),
    layout: signedInLayout,
    signedIn: true,
  })

  app.get(
    '/assurance/returns/:id',
    { config: { permission: 'assurance:read', confidential } },
    async (request, reply) => {
      const actor = requireActor(request)
      const query = request.query as Query
      const ret = await getReturn(db, actor, (request.params as { id: string }).id)
      const base = returnHref(ret.id)
      const [{ rows }, challenges, attachments] = await Promise.all([
        returnActions(db, ret),
        listChallenges(db, ret.id),
        returnAttachments(db, ret),
      ])
      const canFillIn = mayFillIn(ret.status) && can(actor, 'assurance:respond') && mayRespond(actor, ret)
      const canModerate = mayModerate(ret.status) && can(actor, 'assurance:moderate') && mayModerateReturn(actor, ret)
      return reply.view(`${views}/return.njk`, {
        ret,
        base,
        layout: signedInLayout,
        signedIn: true,
        summary: returnSummary(ret, { moderator: true }),
        tasks: canFillIn || canModerate ? taskItems(ret, { base, fillIn: canFillIn, moderate: canModerate }) : [],
        canFillIn,
        canModerate,
        allModerated: canModerate && !unmoderated(ret).length,
        gradeRows: ret.standards.map((standard) => gradeRows(ret, standard)),
        challenges: challengeItems(ret, challenges),
        fileEntries: ret.standards.flatMap((s) =>
          s.criteria.flatMap((c) =>
            c.answer && attachments[c.answer.id]?.length ? [{ criterion: c, items: attachments[c.answer.id] }] : [],
          ),
        ),
        canAsk: mayChallenge(ret.status) && can(actor, 'assurance:moderate') && mayModerateReturn(actor, ret),
        canAnswer: mayChallenge(ret.status) && can(actor, 'assurance:respond') && mayRespond(actor, ret),
        canManage: can(actor, 'assurance:manage'),
        actionsTable: sourceActionsTable(rows, {
          caption: 'Actions arising from the return',
          link: can(actor, 'actions:read'),
        }),
        flash: Object.entries(flashes).find(([key]) => query[key])?.[1] ?? null,
        notice: noticeOf(query.notice),
      })
    },
  )

  fillInRoutes(app, {
    prefix: '/assurance/returns/:id',
    access: { permission: 'assurance:respond', confidential },
    open,
    extras: async ({ ret }) => {
      const { rows } = await returnActions(db, ret)
      const actionsByAnswer: Record<string, { description: string; due: string }[]> = {}
      for (const row of rows)
        (actionsByAnswer[row.sourceId] ??= []).push({ description: row.description, due: formatDate(row.dueOn) })
      return { actionsByAnswer, attachmentsByAnswer: await returnAttachments(db, ret) }
    },
  })

  formRoute(app, {
    path: '/assurance/returns/:id/answers/:answerId/actions/new',
    access: { permission: 'assurance:respond', confidential },
    template: `${views}/action-form.njk`,
    schema: actionSchema,
    extra: actionDates,
    fieldOrder: ['description', 'ownerPersonId', 'ownerAgencyId', 'dueOn-day'],
    pickers: { ownerPersonId: personPicker(db) },
    context: async (request) => {
      const { ret, actor } = await open(request)
      if (!mayRespond(actor, ret))
        throw new ForbiddenError(
          'Only the agency’s safeguarding lead or the business unit can add actions to this return',
        )
      return {
        ret,
        ...answerOf(ret, request.params.answerId!),
        // The return's agency owns its actions unless changed: offered even when it is a school.
        agencyItems: await agencyItems(db, actor.partnershipId, ret.agencyId),
      }
    },
    initialValues: (_request, { ret }) => ({ ownerAgencyId: ret.agencyId }),
    save: async ({ actor }, input, { ret, criterion, answer }) => {
      await raiseAnswerAction(db, actor, ret, { criterion, answer }, input)
      return `${returnHref(ret.id)}?actionAdded=1`
    },
  })
}
