import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { afterSave, formRoute, savedBanner, type FormRequest } from '../../../platform/form-route.ts'
import { version } from '../../../platform/forms.ts'
import { requireActor } from '../../../platform/http.ts'
import type { Query } from '../../../platform/lists.ts'
import { can } from '../../../platform/permissions.ts'
import { themeCheckboxItems, themeOptions } from '../../themes/index.ts'
import { getCase } from '../access.ts'
import { nameCheck } from '../cases/name-check.ts'
import { caseFrame } from '../pages.ts'
import { caseConfidential } from '../recommendations/case-routes.ts'
import { learningPointSchema } from './forms.ts'
import { learningPointRows } from './presenters.ts'
import {
  addLearningPoint,
  changeLearningPoint,
  getLearningPoint,
  learningPointThemeIds,
  listLearningPoints,
  removeLearningPoint,
} from './service.ts'

const views = 'modules/reviews/views'
const pointForm = `${views}/learning-point-form.njk`

/** A likely real name in the point brings the form back with a warning first (cases/name-check.ts). */
const checkNames = (request: FormRequest, context: object, text: string, confirmed: boolean) =>
  nameCheck(request, { template: pointForm, context, labels: { text: 'Learning point' } }, { text }, confirmed)

/** A case's learning points: the tab, adding, changing and removing one (each audited with its theme names). */
export async function learningRoutes(app: FastifyInstance) {
  const db = app.db
  const base = '/case-reviews/:id/learning'
  const tab = (caseId: string) => `/case-reviews/${caseId}/learning`

  app.get(base, { config: { permission: 'reviews:read', confidential: caseConfidential } }, async (request, reply) => {
    const actor = requireActor(request)
    const reviewCase = await getCase(db, actor, (request.params as { id: string }).id)
    const points = await listLearningPoints(db, reviewCase.id)
    const query = request.query as Query
    return reply.view(`${views}/learning.njk`, {
      ...caseFrame(reviewCase),
      count: points.length,
      rows: learningPointRows(points, reviewCase.id, can(actor, 'reviews:manage')),
      flash: query.removed ? 'Learning point removed' : savedBanner(query, 'Learning point saved'),
    })
  })

  const formContext = async ({ actor, params }: FormRequest, saved: string[] = []) => ({
    ...caseFrame(await getCase(db, actor, params.id!)),
    themeItems: themeCheckboxItems(await themeOptions(db, actor.partnershipId, { includeIds: saved })),
  })

  formRoute(app, {
    path: `${base}/new`,
    access: { permission: 'reviews:manage', confidential: caseConfidential },
    template: pointForm,
    schema: learningPointSchema,
    context: async (request) => ({ ...(await formContext(request)), isNew: true }),
    initialValues: () => ({ themeIds: [] }),
    save: async (request, { confirmNames, ...input }, context) => {
      const warning = await checkNames(request, context, input.text, confirmNames)
      if (warning) return warning
      await addLearningPoint(db, request.actor, context.reviewCase, input)
      return afterSave(tab(context.reviewCase.id))
    },
  })

  formRoute(app, {
    path: `${base}/:pointId/edit`,
    access: { permission: 'reviews:manage', confidential: caseConfidential },
    template: pointForm,
    schema: learningPointSchema.extend({ version }),
    context: async (request) => {
      const point = await getLearningPoint(db, request.params.id!, request.params.pointId!)
      const saved = await learningPointThemeIds(db, point.id)
      return { ...(await formContext(request, saved)), point, saved }
    },
    initialValues: (_request, { point, saved }) => ({ ...point, themeIds: saved }),
    save: async (request, { version: at, confirmNames, ...input }, context) => {
      const warning = await checkNames(request, context, input.text, confirmNames)
      if (warning) return warning
      const { reviewCase, point } = context
      return afterSave(
        tab(reviewCase.id),
        await changeLearningPoint(db, request.actor, reviewCase, point.id, at, input),
      )
    },
  })

  formRoute(app, {
    path: `${base}/:pointId/delete`,
    access: { permission: 'reviews:manage', confidential: caseConfidential },
    template: `${views}/learning-point-delete.njk`,
    schema: z.object({ version }),
    context: async (request) => {
      const reviewCase = await getCase(db, request.actor, request.params.id!)
      const point = await getLearningPoint(db, reviewCase.id, request.params.pointId!)
      return { ...caseFrame(reviewCase), point }
    },
    initialValues: (_request, { point }) => ({ version: point.version }),
    save: async ({ actor }, { version: at }, { reviewCase, point }) => {
      await removeLearningPoint(db, actor, reviewCase, point.id, at)
      return `${tab(reviewCase.id)}?removed=1`
    },
  })
}
