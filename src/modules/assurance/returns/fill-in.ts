import type { FastifyContextConfig, FastifyInstance } from 'fastify'
import { z } from 'zod'
import { formRoute, type FormRequest } from '../../../platform/form-route.ts'
import { ForbiddenError } from '../../../platform/errors.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { requireStatusFor } from './lifecycle.ts'
import { answerRows, gradeItems, needsAction } from './presenters.ts'
import {
  mayRespond,
  parseStandardForm,
  returnActions,
  saveStandard,
  standardOf,
  submitProblems,
  submitReturn,
  type ReturnRecord,
} from './service.ts'

/**
 * Filling in a return and submitting it: one pair of pages for the agency's safeguarding lead (and
 * the business unit on its behalf), signed in, and for a school through its signed link on the public
 * site. Each caller says how a request opens its return, where the return's pages are and on which
 * layout; the templates and the service are the same.
 */
export interface Responder {
  ret: ReturnRecord
  actor: Actor
  /** The return's page: `/assurance/returns/:id` or `/school-audit/:token`. */
  base: string
  layout: string
  /** A signed-in person: attachments, actions and the moderation parts of the pages. */
  signedIn: boolean
}

export interface FillInOptions {
  prefix: string
  access: Pick<FastifyContextConfig, 'permission' | 'publicSite' | 'confidential'>
  rateLimit?: { max: number; timeWindow: string }
  open: (request: FormRequest) => Promise<Responder>
  /** What each criterion shows besides its fields (attachments, actions), for signed-in people. */
  extras?: (responder: Responder) => Promise<Record<string, unknown>>
}

const views = 'modules/assurance/returns/views'

/** The form's fields may be any criterion's, so they are read (and checked) by the service. */
export const anyFields = z.record(z.string(), z.unknown())

async function openToFillIn(options: FillInOptions, request: FormRequest) {
  const responder = await options.open(request)
  if (!mayRespond(responder.actor, responder.ret))
    throw new ForbiddenError('Only the agency’s safeguarding lead or the business unit can fill in this return')
  requireStatusFor('fill-in', responder.ret.status, responder.base)
  return responder
}

export function fillInRoutes(app: FastifyInstance, options: FillInOptions) {
  const db = app.db
  const access = options.access as { permission: `${string}:${string}` }

  formRoute(app, {
    path: `${options.prefix}/standards/:number`,
    access,
    rateLimit: options.rateLimit,
    template: `${views}/standard-form.njk`,
    schema: anyFields,
    context: async (request) => {
      const responder = await openToFillIn(options, request)
      const standard = standardOf(responder.ret, request.params.number)
      const last = responder.ret.standards.at(-1)!.number === standard.number
      return {
        ...responder,
        standard,
        gradeItems: gradeItems(responder.ret.scale),
        continueText: last ? 'Save and check your answers' : `Save and continue to standard ${standard.number + 1}`,
        continueHref: last ? `${responder.base}/submit` : `${responder.base}/standards/${standard.number + 1}`,
        needsAction: Object.fromEntries(standard.criteria.map((c) => [c.id, needsAction(responder.ret, c)])),
        ...(responder.signedIn && options.extras ? await options.extras(responder) : {}),
      }
    },
    initialValues: (_request, { standard }) =>
      Object.fromEntries(
        standard.criteria.flatMap((c) => [
          [`selfGrade-${c.id}`, c.answer?.selfGrade ?? ''],
          [`evidence-${c.id}`, c.answer?.evidence ?? ''],
        ]),
      ),
    save: async (_request, body, { ret, actor, standard, base, continueHref }) => {
      const answers = parseStandardForm(ret, standard, body)
      await saveStandard(db, actor, ret, standard, answers)
      return body.next === 'continue' ? continueHref : `${base}?saved=1`
    },
  })

  formRoute(app, {
    path: `${options.prefix}/submit`,
    access,
    rateLimit: options.rateLimit,
    template: `${views}/submit.njk`,
    schema: anyFields,
    context: async (request) => {
      const responder = await openToFillIn(options, request)
      const { ret } = responder
      const { answered } = await returnActions(db, ret)
      const problems = submitProblems(ret, answered)
      return {
        ...responder,
        answered,
        problems,
        standards: ret.standards.map((standard) => ({ standard, rows: answerRows(ret, standard, responder.base) })),
      }
    },
    initialValues: () => ({}),
    save: async (_request, _body, { ret, actor, base, answered }) => {
      await submitReturn(db, actor, ret, answered)
      return `${base}?submitted=1`
    },
  })
}
