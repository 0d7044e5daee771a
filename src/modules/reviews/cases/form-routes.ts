import type { FastifyInstance } from 'fastify'
import { afterSave, formRoute, type FormRequest } from '../../../platform/form-route.ts'
import { version } from '../../../platform/forms.ts'
import { personPicker } from '../../partnership/people/picker.ts'
import { todayInLondon } from '../../actions/service.ts'
import { getCase } from '../access.ts'
import { caseStatusLabels, parallelProcessNames } from '../labels.ts'
import { nextStatuses } from '../lifecycle.ts'
import {
  caseDateParts,
  clocksDates,
  clocksForm,
  decisionDates,
  decisionForm,
  decisionItems,
  oneCase,
  referralDates,
  referralForm,
  referralItems,
  reviewDateNames,
  reviewExtra,
  reviewForm,
  reviewItems,
  statusDates,
  statusForm,
} from './form-context.ts'
import { clocksSchema, decisionSchema, referralSchema, reviewSchema, statusSchema } from './forms.ts'
import { nameCheck, referralNameCheck } from './name-check.ts'
import { changeStatus, panelCandidates, panelMembers, recordReview } from './review.ts'
import { caseAgencies, recordClocks, recordDecision, referralValues, updateReferral } from './service.ts'

/** The forms that change one case: its referral, clocks, decision, review and status (reviews:manage). */
export async function caseFormRoutes(app: FastifyInstance) {
  const db = app.db
  const access = { permission: 'reviews:manage', confidential: oneCase } as const
  const caseOf = ({ actor, params }: FormRequest) => getCase(db, actor, params.id!)
  const casePage = (id: string) => `/case-reviews/${id}`

  formRoute(app, {
    path: '/case-reviews/:id/referral',
    access,
    template: referralForm,
    schema: referralSchema.extend({ version }),
    extra: referralDates,
    context: async (request) => ({
      ...(await referralItems(db, request.actor.partnershipId)),
      reviewCase: await caseOf(request),
    }),
    initialValues: async (_request, { reviewCase }) => ({
      ...referralValues(
        reviewCase,
        (await caseAgencies(db, reviewCase.id)).map((a) => a.id),
      ),
      ...caseDateParts(reviewCase, ['incidentOn', 'awareOn']),
      version: reviewCase.version,
    }),
    save: async (request, { confirmNames, version: at, ...input }, context) => {
      const warning = await referralNameCheck(request, context, input, confirmNames)
      if (warning) return warning
      const { reviewCase } = context
      return afterSave(casePage(reviewCase.id), await updateReferral(db, request.actor, reviewCase.id, at, input))
    },
  })

  formRoute(app, {
    path: '/case-reviews/:id/clocks',
    access,
    template: clocksForm,
    schema: clocksSchema,
    extra: clocksDates,
    context: async (request) => ({ reviewCase: await caseOf(request) }),
    initialValues: (_request, { reviewCase }) => ({
      ...caseDateParts(reviewCase, ['notifiedOn', 'rapidReviewOn']),
      version: reviewCase.version,
    }),
    save: async ({ actor }, { version: at, notifiedOn, rapidReviewOn }, { reviewCase }) =>
      afterSave(
        casePage(reviewCase.id),
        await recordClocks(db, actor, reviewCase.id, at, {
          notifiedOn: notifiedOn ?? null,
          rapidReviewOn: rapidReviewOn ?? null,
        }),
      ),
  })

  const decisionPickers = { decidedByPersonId: personPicker(db) }
  formRoute(app, {
    path: '/case-reviews/:id/decision',
    access,
    template: decisionForm,
    schema: decisionSchema,
    extra: decisionDates,
    pickers: decisionPickers,
    context: async (request) => ({ ...decisionItems(), reviewCase: await caseOf(request) }),
    initialValues: (_request, { reviewCase }) => ({
      framework: reviewCase.framework,
      decisionOutcome: reviewCase.decisionOutcome,
      decisionRationale: reviewCase.decisionRationale,
      decidedByPersonId: reviewCase.decidedByPersonId,
      panelView: reviewCase.panelView,
      ...caseDateParts(reviewCase, ['decidedOn', 'panelViewOn']),
      version: reviewCase.version,
    }),
    save: async (request, { confirmNames, version: at, ...input }, context) => {
      const warning = await nameCheck(
        request,
        { template: decisionForm, context, pickers: decisionPickers },
        { decisionRationale: input.decisionRationale, panelView: input.panelView },
        confirmNames,
      )
      if (warning) return warning
      const { reviewCase } = context
      return afterSave(casePage(reviewCase.id), await recordDecision(db, request.actor, reviewCase.id, at, input))
    },
  })

  const reviewPickers = { addPanelMemberId: personPicker(db) }
  formRoute(app, {
    path: '/case-reviews/:id/review',
    access,
    template: reviewForm,
    schema: reviewSchema,
    extra: reviewExtra,
    pickers: reviewPickers,
    context: async (request) => {
      const reviewCase = await caseOf(request)
      const candidates = await panelCandidates(db, request.actor.partnershipId, reviewCase.id, todayInLondon())
      return {
        ...reviewItems(),
        reviewCase,
        panelItems: candidates.map((p) => ({
          value: p.id,
          text: p.name,
          hint: p.jobTitle ? { text: p.jobTitle } : undefined,
        })),
      }
    },
    initialValues: async (_request, { reviewCase }) => ({
      reviewType: reviewCase.reviewType,
      methodology: reviewCase.methodology,
      leadReviewer: reviewCase.leadReviewer,
      termsOfReference: reviewCase.termsOfReference,
      panelMemberIds: (await panelMembers(db, reviewCase.id)).map((p) => p.id),
      panelMeetings: reviewCase.panelMeetings.join('\n'),
      parallelProcess: reviewCase.parallelProcess,
      ...caseDateParts(reviewCase, reviewDateNames),
      version: reviewCase.version,
    }),
    save: async (request, { confirmNames, version: at, addPanelMemberId, ...input }, context) => {
      const warning = await nameCheck(
        request,
        { template: reviewForm, context, pickers: reviewPickers },
        { termsOfReference: input.termsOfReference },
        confirmNames,
      )
      if (warning) return warning
      const { reviewCase } = context
      const panelMemberIds = addPanelMemberId ? [...input.panelMemberIds, addPanelMemberId] : input.panelMemberIds
      const changed = await recordReview(db, request.actor, reviewCase.id, at, {
        ...input,
        panelMemberIds,
        commissionedOn: input.commissionedOn ?? null,
        draftReceivedOn: input.draftReceivedOn ?? null,
        signedOffOn: input.signedOffOn ?? null,
        sentToPanelOn: input.sentToPanelOn ?? null,
        publishedOn: input.publishedOn ?? null,
        takenDownOn: input.takenDownOn ?? null,
        parallelStartedOn: input.parallelStartedOn ?? null,
        parallelEndedOn: input.parallelEndedOn ?? null,
      })
      return afterSave(casePage(reviewCase.id), changed)
    },
  })

  formRoute(app, {
    path: '/case-reviews/:id/status',
    access,
    template: statusForm,
    schema: statusSchema,
    extra: statusDates,
    context: async (request) => {
      const reviewCase = await caseOf(request)
      return {
        reviewCase,
        statusLabel: caseStatusLabels[reviewCase.status],
        // Only the moves the lifecycle allows are offered; a crafted POST of another is refused with the reason.
        statusItems: nextStatuses(reviewCase.status).map((status) => ({
          value: status,
          text: caseStatusLabels[status],
        })),
        parallelItems: [
          { value: '', text: 'Select the process' },
          ...Object.entries(parallelProcessNames).map(([value, text]) => ({ value, text })),
        ],
      }
    },
    initialValues: (_request, { reviewCase }) => ({
      parallelProcess: reviewCase.parallelProcess,
      ...caseDateParts(reviewCase, ['publishedOn', 'parallelStartedOn']),
      version: reviewCase.version,
    }),
    save: async (
      { actor },
      { version: at, status, parallelProcess, publishedOn, parallelStartedOn },
      { reviewCase },
    ) => {
      // What the chosen move records; the other fields on the form are ignored.
      const recorded =
        status === 'published'
          ? { publishedOn: publishedOn ?? reviewCase.publishedOn }
          : status === 'awaiting-parallel-process'
            ? {
                parallelProcess: parallelProcess ?? reviewCase.parallelProcess,
                parallelStartedOn: parallelStartedOn ?? reviewCase.parallelStartedOn,
              }
            : {}
      await changeStatus(db, actor, reviewCase.id, at, { status, ...recorded })
      return `${casePage(reviewCase.id)}?status=changed`
    },
  })
}
