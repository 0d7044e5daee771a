import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { actionRoute, afterSave, formRoute, savedBanner, type FormRequest } from '../../../platform/form-route.ts'
import { version } from '../../../platform/forms.ts'
import { requireActor } from '../../../platform/http.ts'
import type { Query } from '../../../platform/lists.ts'
import { can } from '../../../platform/permissions.ts'
import { agencyItems } from '../../reviews/recommendations/case-routes.ts'
import { personPicker } from '../../partnership/people/picker.ts'
import { changeHistory } from '../../reviews/pages.ts'
import { actionDates, actionSchema, evaluationSchema, moveSchema, prioritySchema } from './forms.ts'
import { evaluationLabels } from './labels.ts'
import {
  addPriority,
  changePriority,
  evaluatePriority,
  movePriority,
  raisePriorityAction,
  removePriority,
  removeProblem,
} from './priorities.ts'
import {
  evidenceActionRows,
  indicatorCheckboxItems,
  indicatorListHtml,
  priorityActionsTable,
  prioritySummary,
} from './presenters.ts'
import {
  getPlan,
  getPriority,
  indicatorChoices,
  indicatorScores,
  planHref,
  priorityHref,
  priorityRecordType,
  priorityView,
  yearFromSlug,
} from './service.ts'

const views = 'modules/performance/plan/views'
const priorityForm = `${views}/priority-form.njk`

/** A priority of the plan: its page, adding and changing one, moving and removing it, its evaluation and its actions. */
export async function priorityRoutes(app: FastifyInstance) {
  const db = app.db
  const base = '/business-plan/priorities/:id'
  const load = ({ actor, params }: FormRequest) => priorityView(db, actor.partnershipId, params.id!)
  /** The scorecard's rows for the priority's indicators in its plan's year. */
  const scoresOf = (partnershipId: string, priority: { year: { startYear: number }; indicators: { id: string }[] }) =>
    indicatorScores(db, partnershipId, priority.year.startYear, [priority])

  app.get(base, { config: { permission: 'performance:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const query = request.query as Query
    const priority = await priorityView(db, actor.partnershipId, (request.params as { id: string }).id)
    const [history, problem, scores] = await Promise.all([
      changeHistory(app, actor, priorityRecordType, priority.id),
      removeProblem(db, actor.partnershipId, priority.id),
      scoresOf(actor.partnershipId, priority),
    ])
    return reply.view(`${views}/priority.njk`, {
      priority,
      planHref: planHref(priority.year),
      summary: prioritySummary(priority, scores),
      actionsTable: priorityActionsTable(priority, can(actor, 'actions:read')),
      canRemove: !problem,
      history,
      flash: query.actionAdded
        ? 'Action added'
        : query.evaluated
          ? 'Evaluation saved'
          : savedBanner(query, 'Priority saved'),
    })
  })

  const formContext = async (actor: FormRequest['actor'], kept: string[] = []) => ({
    indicatorItems: indicatorCheckboxItems(await indicatorChoices(db, actor.partnershipId, kept)),
  })

  formRoute(app, {
    path: '/business-plan/:year/priorities/new',
    access: { permission: 'performance:manage' },
    template: priorityForm,
    schema: prioritySchema,
    context: async ({ actor, params }) => {
      const year = await yearFromSlug(db, actor.partnershipId, params.year!)
      const plan = await getPlan(db, actor.partnershipId, year.startYear)
      return { ...(await formContext(actor)), year, plan, backHref: planHref(year), isNew: true }
    },
    initialValues: () => ({ indicatorIds: [] }),
    save: async ({ actor }, input, { plan, year }) => {
      const id = await addPriority(db, actor, plan, year.label, input)
      return afterSave(priorityHref(id))
    },
  })

  formRoute(app, {
    path: `${base}/edit`,
    access: { permission: 'performance:manage' },
    template: priorityForm,
    schema: prioritySchema.extend({ version }),
    context: async (request) => {
      const priority = await load(request)
      const kept = priority.indicators.map((i) => i.id)
      return {
        ...(await formContext(request.actor, kept)),
        priority,
        year: priority.year,
        backHref: priorityHref(priority.id),
      }
    },
    initialValues: (_request, { priority }) => ({
      title: priority.title,
      outcomes: priority.outcomes,
      indicatorIds: priority.indicators.map((i) => i.id),
      version: priority.version,
    }),
    save: async ({ actor }, { version: at, ...input }, { priority }) =>
      afterSave(priorityHref(priority.id), await changePriority(db, actor, priority, at, input)),
  })

  actionRoute(app, {
    path: `${base}/move`,
    access: { permission: 'performance:manage' },
    schema: moveSchema,
    run: async ({ actor, params }, { direction }) => {
      const priority = await getPriority(db, actor.partnershipId, params.id!)
      await movePriority(db, actor, priority, direction)
      return `${planHref(priority.year)}#priority-${priority.id}`
    },
  })

  formRoute(app, {
    path: `${base}/remove`,
    access: { permission: 'performance:manage' },
    template: `${views}/priority-remove.njk`,
    schema: z.object({ version }),
    context: async (request) => {
      const priority = await load(request)
      return { priority, problem: await removeProblem(db, request.actor.partnershipId, priority.id) }
    },
    initialValues: (_request, { priority }) => ({ version: priority.version }),
    save: async ({ actor }, { version: at }, { priority }) => {
      await removePriority(db, actor, priority, at)
      return `${planHref(priority.year)}?removed=1`
    },
  })

  formRoute(app, {
    path: `${base}/evaluation`,
    access: { permission: 'performance:manage' },
    template: `${views}/evaluation-form.njk`,
    schema: evaluationSchema.extend({ version }),
    context: async (request) => {
      const priority = await load(request)
      return {
        priority,
        indicatorsHtml: indicatorListHtml(
          priority.indicators,
          await scoresOf(request.actor.partnershipId, priority),
          priority.year.label,
        ),
        actionRows: evidenceActionRows(priority.actions),
        evaluationItems: Object.entries(evaluationLabels).map(([value, text]) => ({ value, text })),
      }
    },
    initialValues: (_request, { priority }) => ({
      evaluation: priority.evaluation,
      evidence: priority.evidence,
      version: priority.version,
    }),
    save: async ({ actor }, { version: at, ...input }, { priority }) => {
      await evaluatePriority(db, actor, priority, at, input)
      return `${priorityHref(priority.id)}?evaluated=1`
    },
  })

  formRoute(app, {
    path: `${base}/actions/new`,
    access: { permission: 'performance:manage' },
    template: `${views}/action-form.njk`,
    schema: actionSchema,
    extra: actionDates,
    fieldOrder: ['description', 'ownerPersonId', 'ownerAgencyId', 'dueOn-day'],
    pickers: { ownerPersonId: personPicker(db) },
    context: async (request) => ({
      priority: await load(request),
      agencyItems: await agencyItems(db, request.actor.partnershipId),
    }),
    initialValues: () => ({}),
    save: async ({ actor }, input, { priority }) => {
      await raisePriorityAction(db, actor, priority, input)
      return `${priorityHref(priority.id)}?actionAdded=1`
    },
  })
}
