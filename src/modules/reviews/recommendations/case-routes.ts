import type { FastifyInstance } from 'fastify'
import type { Database } from '../../../db/index.ts'
import { afterSave, formRoute, savedBanner, type FormRequest } from '../../../platform/form-route.ts'
import { requireActor } from '../../../platform/http.ts'
import type { Query } from '../../../platform/lists.ts'
import { listAgencyOptions } from '../../partnership/agencies/service.ts'
import { caseRecordType, getCase } from '../access.ts'
import { nameCheck } from '../cases/name-check.ts'
import { caseFrame } from '../pages.ts'
import { addRecommendation } from './changes.ts'
import { recommendationDates, recommendationSchema } from './forms.ts'
import { caseRecommendationRows } from './presenters.ts'
import { listRecommendations, recommendationHref } from './service.ts'

const views = 'modules/reviews/views'

/** Every route here is about one case: 404 outside its scope, each look audited (platform/http.ts). */
export const caseConfidential = { recordType: caseRecordType }

export const recommendationForm = `${views}/recommendation-form.njk`

/** A likely real name in the recommendation brings its form back with a warning first (cases/name-check.ts). */
export const recommendationNameCheck = (request: FormRequest, context: object, text: string, confirmed: boolean) =>
  nameCheck(request, { template: recommendationForm, context, labels: { text: 'Recommendation' } }, { text }, confirmed)

/** The agencies a recommendation or action may be owned by, for a select (its `value` picks one). */
export async function agencyItems(db: Database, partnershipId: string, keep?: string | null) {
  const options = await listAgencyOptions(db, partnershipId, { keep })
  return [
    { value: '', text: 'Select an agency' },
    ...options.map((agency) => ({ value: agency.id, text: agency.name })),
  ]
}

/** A case's recommendations tab, and adding one to it. */
export async function caseRecommendationRoutes(app: FastifyInstance) {
  const db = app.db

  app.get(
    '/case-reviews/:id/recommendations',
    { config: { permission: 'reviews:read', confidential: caseConfidential } },
    async (request, reply) => {
      const actor = requireActor(request)
      const reviewCase = await getCase(db, actor, (request.params as { id: string }).id)
      const rows = await listRecommendations(db, actor, { caseId: reviewCase.id })
      return reply.view(`${views}/case-recommendations.njk`, {
        ...caseFrame(reviewCase),
        rows: caseRecommendationRows(rows),
        overdue: rows.filter((r) => r.overdue).length,
        flash: savedBanner(request.query as Query, 'Recommendation added'),
      })
    },
  )

  formRoute(app, {
    path: '/case-reviews/:id/recommendations/new',
    access: { permission: 'reviews:manage', confidential: caseConfidential },
    template: recommendationForm,
    schema: recommendationSchema,
    extra: recommendationDates,
    context: async ({ actor, params }) => ({
      ...caseFrame(await getCase(db, actor, params.id!)),
      agencyItems: await agencyItems(db, actor.partnershipId),
      isNew: true,
    }),
    initialValues: () => ({}),
    save: async (request, { confirmNames, ...input }, context) => {
      const warning = await recommendationNameCheck(request, context, input.text, confirmNames)
      if (warning) return warning
      return afterSave(recommendationHref(await addRecommendation(db, request.actor, context.reviewCase, input)))
    },
  })
}
