import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { actionRoute, formRoute, type FormRequest } from '../../../platform/form-route.ts'
import { ForbiddenError } from '../../../platform/errors.ts'
import { optionalId, requiredText, version } from '../../../platform/forms.ts'
import { personPicker } from '../../partnership/people/picker.ts'
import { anyFields } from './fill-in.ts'
import { requireStatusFor } from './lifecycle.ts'
import {
  agreedReason,
  answerChallenge,
  askChallenge,
  closeReturn,
  getChallenge,
  markModerated,
  nameModerator,
  parseModerationForm,
  saveModeration,
} from './moderation.ts'
import { criterionItems, decisionItems, gradeTag } from './presenters.ts'
import { confidential, views } from './routes.ts'
import { getReturn, mayModerateReturn, mayRespond, returnHref, standardOf } from './service.ts'

/** Moderation, the moderator, closing, and peer challenge: questions and the agency's answers. */
export async function moderationRoutes(app: FastifyInstance) {
  const db = app.db
  const load = ({ actor, params }: FormRequest) => getReturn(db, actor, params.id!)

  const moderating = async (request: FormRequest) => {
    const ret = await load(request)
    if (!mayModerateReturn(request.actor, ret))
      throw new ForbiddenError('Only the business unit or the return’s moderator can moderate it')
    requireStatusFor('moderate', ret.status, returnHref(ret.id))
    return ret
  }

  formRoute(app, {
    path: '/assurance/returns/:id/moderate/:number',
    access: { permission: 'assurance:moderate', confidential },
    template: `${views}/moderate-form.njk`,
    schema: anyFields,
    context: async (request) => {
      const ret = await moderating(request)
      const standard = standardOf(ret, request.params.number)
      const last = ret.standards.at(-1)!.number === standard.number
      return {
        ret,
        standard,
        base: returnHref(ret.id),
        criteria: standard.criteria.map((c) => ({
          ...c,
          selfGradeHtml: gradeTag(ret.scale, c.answer?.selfGrade),
          items: decisionItems(ret.scale, c.answer?.selfGrade ?? null),
        })),
        last,
        continueText: last ? 'Save and go back to the return' : `Save and continue to standard ${standard.number + 1}`,
        continueHref: last ? returnHref(ret.id) : `${returnHref(ret.id)}/moderate/${standard.number + 1}`,
      }
    },
    initialValues: (_request, { standard }) =>
      Object.fromEntries(
        standard.criteria.flatMap((c) => {
          const a = c.answer
          if (!a?.moderatedGrade) return []
          return [
            [`decision-${c.id}`, a.moderatedGrade === a.selfGrade ? 'agree' : a.moderatedGrade],
            [`reason-${c.id}`, a.moderationReason === agreedReason ? '' : (a.moderationReason ?? '')],
          ]
        }),
      ),
    save: async ({ actor }, body, { ret, standard, continueHref }) => {
      await saveModeration(db, actor, ret, standard, parseModerationForm(ret, standard, body))
      return body.next === 'continue' ? continueHref : `${returnHref(ret.id)}?moderationSaved=1`
    },
  })

  actionRoute(app, {
    path: '/assurance/returns/:id/moderated',
    access: { permission: 'assurance:moderate', confidential },
    schema: z.object({}),
    run: async (request) => {
      const ret = await load(request)
      await markModerated(db, request.actor, ret)
      return `${returnHref(ret.id)}?moderated=1`
    },
  })

  actionRoute(app, {
    path: '/assurance/returns/:id/close',
    access: { permission: 'assurance:manage', confidential },
    schema: z.object({}),
    run: async (request) => {
      const ret = await load(request)
      await closeReturn(db, request.actor, ret)
      return `${returnHref(ret.id)}?closed=1`
    },
  })

  formRoute(app, {
    path: '/assurance/returns/:id/moderator',
    access: { permission: 'assurance:manage', confidential },
    template: `${views}/moderator-form.njk`,
    schema: z.object({ version, moderatorPersonId: optionalId }),
    pickers: { moderatorPersonId: personPicker(db) },
    context: async (request) => ({ ret: await load(request) }),
    initialValues: (_request, { ret }) => ({ version: ret.version, moderatorPersonId: ret.moderatorPersonId ?? '' }),
    save: async ({ actor }, input, { ret }) => {
      await nameModerator(db, actor, ret, { version: input.version, personId: input.moderatorPersonId ?? null })
      return `${returnHref(ret.id)}?moderator=1`
    },
  })

  formRoute(app, {
    path: '/assurance/returns/:id/challenges/new',
    access: { permission: 'assurance:moderate', confidential },
    template: `${views}/challenge-form.njk`,
    schema: z.object({ question: requiredText('the question', 2000), criterionId: optionalId }),
    context: async (request) => {
      const ret = await load(request)
      if (!mayModerateReturn(request.actor, ret))
        throw new ForbiddenError('Only the business unit or the return’s moderator can ask a challenge question')
      requireStatusFor('challenge', ret.status, returnHref(ret.id))
      return { ret, criterionItems: criterionItems(ret) }
    },
    initialValues: (request) => ({ criterionId: request.query.criterion ?? '' }),
    save: async ({ actor }, input, { ret }) => {
      await askChallenge(db, actor, ret, { question: input.question, criterionId: input.criterionId ?? null })
      return `${returnHref(ret.id)}?asked=1`
    },
  })

  formRoute(app, {
    path: '/assurance/returns/:id/challenges/:challengeId/answer',
    access: { permission: 'assurance:respond', confidential },
    template: `${views}/challenge-answer.njk`,
    schema: z.object({ answer: requiredText('the answer', 5000) }),
    context: async (request) => {
      const ret = await load(request)
      if (!mayRespond(request.actor, ret))
        throw new ForbiddenError('Only the agency’s safeguarding lead or the business unit can answer')
      requireStatusFor('challenge', ret.status, returnHref(ret.id))
      return { ret, challenge: await getChallenge(db, ret, request.params.challengeId!) }
    },
    initialValues: (_request, { challenge }) => ({ answer: challenge.answer ?? '' }),
    save: async ({ actor }, input, { ret, challenge }) => {
      await answerChallenge(db, actor, ret, challenge, input.answer)
      return `${returnHref(ret.id)}?answered=1`
    },
  })
}
