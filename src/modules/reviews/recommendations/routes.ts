import type { FastifyInstance } from 'fastify'
import { canSeeConfidential } from '../../../platform/confidential/index.ts'
import { ValidationError } from '../../../platform/errors.ts'
import { afterSave, formRoute, savedBanner, type FormRequest } from '../../../platform/form-route.ts'
import { dateParts, version } from '../../../platform/forms.ts'
import { requireActor } from '../../../platform/http.ts'
import type { Query } from '../../../platform/lists.ts'
import { can, type Actor } from '../../../platform/permissions.ts'
import { personPicker } from '../../partnership/people/picker.ts'
import { sourceActionsTable } from '../../actions/presenters.ts'
import { actionsFrom, todayInLondon } from '../../actions/service.ts'
import { caseRecordType, recommendationRecordType } from '../access.ts'
import { changeHistory } from '../pages.ts'
import { agencyItems, recommendationForm, recommendationNameCheck } from './case-routes.ts'
import {
  addRecommendationAction,
  changeRecommendation,
  closeProblem,
  closeRecommendation,
  respondToRecommendation,
} from './changes.ts'
import {
  actionDates,
  actionSchema,
  closeSchema,
  completionDates,
  recommendationDates,
  recommendationSchema,
  responseSchema,
} from './forms.ts'
import { recommendationSummary } from './presenters.ts'
import { recommendationHref, recommendationSource, recommendationView, worksOn } from './service.ts'

const views = 'modules/reviews/views'

/** Every route here is about one recommendation: 404 outside its scope (its case's people, its agency's lead). */
const confidential = { recordType: recommendationRecordType, param: 'recommendationId' }

/** Said instead of the form to someone who may read the recommendation but not work on it (the chair). */
const notTheirs = (agencyName: string) =>
  `Only the case review subgroup, the business unit or the safeguarding lead of ${agencyName} can do this.`

/** One recommendation: its page, and changing, answering, closing it and raising its actions. */
export async function recommendationRoutes(app: FastifyInstance) {
  const db = app.db
  const base = '/case-reviews/recommendations/:recommendationId'
  const load = ({ actor, params }: FormRequest) => recommendationView(db, actor, params.recommendationId!)
  const checkWorksOn = (actor: Actor, recommendation: { agencyId: string; agencyName: string }) => {
    if (!worksOn(actor, recommendation)) throw new ValidationError({ form: notTheirs(recommendation.agencyName) })
  }

  app.get(base, { config: { permission: 'reviews:recommendations', confidential } }, async (request, reply) => {
    const actor = requireActor(request)
    const query = request.query as Query
    const recommendation = await recommendationView(
      db,
      actor,
      (request.params as { recommendationId: string }).recommendationId,
    )
    const [caseVisible, actions, history] = await Promise.all([
      canSeeConfidential(db, actor, caseRecordType, recommendation.caseId),
      actionsFrom(db, actor.partnershipId, recommendationSource, [recommendation.id]),
      changeHistory(app, actor, recommendationRecordType, recommendation.id),
    ])
    const caseHref = caseVisible && can(actor, 'reviews:read') ? `/case-reviews/${recommendation.caseId}` : null
    return reply.view(`${views}/recommendation.njk`, {
      recommendation,
      summary: recommendationSummary(recommendation, caseHref),
      caseHref,
      // An action's page is for those who read the tracker (and its owner): others read the description here.
      actionsTable: sourceActionsTable(actions, {
        caption: `Actions for recommendation ${recommendation.number}`,
        empty: 'No actions have been raised for this recommendation.',
        link: can(actor, 'actions:read'),
      }),
      worksOn: worksOn(actor, recommendation),
      closeProblem: closeProblem(recommendation, actions),
      history,
      flash: query.actionAdded ? 'Action added' : savedBanner(query, 'Recommendation saved'),
    })
  })

  formRoute(app, {
    path: `${base}/edit`,
    access: { permission: 'reviews:manage', confidential },
    template: recommendationForm,
    schema: recommendationSchema.extend({ version }),
    extra: recommendationDates,
    context: async (request) => ({
      recommendation: await load(request),
      agencyItems: await agencyItems(db, request.actor.partnershipId),
    }),
    initialValues: (_request, { recommendation: r }) => ({ ...r, ...dateParts(r.dueOn, 'dueOn') }),
    save: async (request, { version: at, confirmNames, ...input }, context) => {
      const warning = await recommendationNameCheck(request, context, input.text, confirmNames)
      if (warning) return warning
      const r = context.recommendation
      return afterSave(
        recommendationHref(r.id),
        await changeRecommendation(db, request.actor, r.id, at, input, r.reference),
      )
    },
  })

  formRoute(app, {
    path: `${base}/response`,
    access: { permission: 'reviews:recommendations', confidential },
    template: `${views}/recommendation-response.njk`,
    schema: responseSchema.extend({ version }),
    context: async (request) => {
      const recommendation = await load(request)
      return {
        recommendation,
        refusal: worksOn(request.actor, recommendation) ? null : notTheirs(recommendation.agencyName),
      }
    },
    initialValues: (_request, { recommendation: r }) => ({ response: r.response, version: r.version }),
    save: async ({ actor }, { version: at, ...input }, { recommendation: r }) => {
      checkWorksOn(actor, r)
      return afterSave(recommendationHref(r.id), await respondToRecommendation(db, actor, r.id, at, input, r.reference))
    },
  })

  formRoute(app, {
    path: `${base}/close`,
    access: { permission: 'reviews:manage', confidential },
    template: `${views}/recommendation-close.njk`,
    schema: closeSchema.extend({ version }),
    extra: completionDates,
    context: async (request) => {
      const recommendation = await load(request)
      const actions = await actionsFrom(db, request.actor.partnershipId, recommendationSource, [recommendation.id])
      return { recommendation, problem: closeProblem(recommendation, actions) }
    },
    initialValues: (_request, { recommendation: r }) => ({
      version: r.version,
      ...dateParts(todayInLondon(), 'completedOn'),
    }),
    save: async ({ actor }, { version: at, ...input }, { recommendation: r }) => {
      await closeRecommendation(db, actor, r.id, at, input, r.reference)
      return afterSave(recommendationHref(r.id))
    },
  })

  formRoute(app, {
    path: `${base}/actions/new`,
    access: { permission: 'reviews:recommendations', confidential },
    template: `${views}/recommendation-action-form.njk`,
    schema: actionSchema,
    extra: actionDates,
    pickers: { ownerPersonId: personPicker(db) },
    context: async (request) => {
      const recommendation = await load(request)
      return {
        recommendation,
        agencyItems: await agencyItems(db, request.actor.partnershipId),
        refusal: worksOn(request.actor, recommendation) ? null : notTheirs(recommendation.agencyName),
      }
    },
    initialValues: (_request, { recommendation: r }) => ({ ownerAgencyId: r.agencyId }),
    save: async ({ actor }, input, { recommendation: r }) => {
      checkWorksOn(actor, r)
      await addRecommendationAction(db, actor, r, input)
      return `${recommendationHref(r.id)}?actionAdded=1`
    },
  })
}
