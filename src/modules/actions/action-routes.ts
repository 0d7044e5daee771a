import type { FastifyInstance } from 'fastify'
import { historyOf } from '../../platform/audit-log/history.ts'
import { NotFoundError } from '../../platform/errors.ts'
import { afterSave, formRoute, savedBanner } from '../../platform/form-route.ts'
import { dateParts } from '../../platform/forms.ts'
import { requireActor } from '../../platform/http.ts'
import type { Query } from '../../platform/lists.ts'
import { can } from '../../platform/permissions.ts'
import { listAgencyOptions } from '../partnership/agencies/service.ts'
import { personPicker } from '../partnership/people/picker.ts'
import {
  addProgress,
  completeAction,
  getAction,
  getUpdatableAction,
  listUpdates,
  refuseIfComplete,
  updateAction,
} from './changes.ts'
import { actionSchema, completionDate, completionSchema, dueDate, progressDate, progressSchema } from './forms.ts'
import { actionPageTitle, actionSummary, progressEntries, progressStatusItems, sourceTypeLabels } from './presenters.ts'
import { todayInLondon } from './service.ts'

const views = 'modules/actions/views'

/** The banner after a change to the action, from the address its form redirects to. */
function banner(query: Query) {
  if (query.progress) return 'Progress update added'
  if (query.completed) return 'Action completed'
  if (query.reopened) return 'Action reopened'
  return savedBanner(query, 'Action saved')
}

/**
 * One action's page and its forms. The page and the progress and completion forms are declared
 * `signedIn: true`, since an action's owner may hold no permission at all; the service decides,
 * and answers 404 to anyone who may not read the action (or may not update it), so nobody learns
 * it exists. Changing and reopening are the business unit's (`actions:manage`).
 */
export async function actionRoutes(app: FastifyInstance) {
  const db = app.db
  const sourceTypeLabel = sourceTypeLabels(app.registry.recordTypes)
  app.get('/actions/:id', { config: { signedIn: true } }, async (request, reply) => {
    const actor = requireActor(request)
    const action = await getAction(db, actor, (request.params as { id: string }).id)
    const [updates, history] = await Promise.all([
      listUpdates(db, actor, action.id),
      historyOf(app, actor, 'action', action.id),
    ])
    return reply.view(`${views}/action.njk`, {
      action,
      pageTitle: actionPageTitle(action.description),
      summary: actionSummary(action, sourceTypeLabel),
      progress: progressEntries(updates),
      canManage: can(actor, 'actions:manage'),
      history,
      flash: banner(request.query as Query),
    })
  })

  formRoute(app, {
    path: '/actions/:id/progress',
    access: { signedIn: true },
    template: `${views}/progress-form.njk`,
    schema: progressSchema,
    extra: progressDate,
    context: async ({ actor, params }) => ({
      action: refuseIfComplete(await getUpdatableAction(db, actor, params.id!)),
      statusItems: progressStatusItems(),
    }),
    initialValues: (_request, { action }) => ({ ...dateParts(todayInLondon(), 'writtenOn'), status: action.status }),
    save: async ({ actor }, input, { action }) => {
      await addProgress(db, actor, action, input)
      return `/actions/${action.id}?progress=1`
    },
  })

  formRoute(app, {
    path: '/actions/:id/complete',
    access: { signedIn: true },
    template: `${views}/complete-form.njk`,
    schema: completionSchema,
    extra: completionDate,
    context: async ({ actor, params }) => ({
      action: refuseIfComplete(await getUpdatableAction(db, actor, params.id!)),
    }),
    initialValues: (_request, { action }) => ({
      version: action.version,
      ...dateParts(todayInLondon(), 'completedOn'),
    }),
    save: async ({ actor }, { version, ...input }, { action }) => {
      await completeAction(db, actor, action, version, input)
      return `/actions/${action.id}?completed=1`
    },
  })

  formRoute(app, {
    path: '/actions/:id/reopen',
    access: { permission: 'actions:manage' },
    template: `${views}/progress-form.njk`,
    schema: progressSchema,
    extra: progressDate,
    context: async ({ actor, params }) => {
      const action = await getAction(db, actor, params.id!)
      // Only a complete action is reopened; an open one has nothing here.
      if (action.status !== 'complete') throw new NotFoundError()
      return { action, statusItems: progressStatusItems(), reopen: true }
    },
    initialValues: () => ({ ...dateParts(todayInLondon(), 'writtenOn'), status: 'on-track' }),
    save: async ({ actor }, input, { action }) => {
      await addProgress(db, actor, action, input, { reopen: true })
      return `/actions/${action.id}?reopened=1`
    },
  })

  formRoute(app, {
    path: '/actions/:id/edit',
    access: { permission: 'actions:manage' },
    template: `${views}/action-form.njk`,
    schema: actionSchema,
    extra: dueDate,
    pickers: { ownerPersonId: personPicker(db) },
    context: async ({ actor, params }) => {
      const action = await getAction(db, actor, params.id!)
      // The partner agencies, and the action's own when it is a school's (from a schools' audit return).
      const agencies = await listAgencyOptions(db, actor.partnershipId, { keep: action.ownerAgencyId })
      return {
        action,
        agencyItems: [{ value: '', text: 'No agency' }, ...agencies.map((a) => ({ value: a.id, text: a.name }))],
      }
    },
    initialValues: (_request, { action }) => ({
      version: action.version,
      description: action.description,
      ownerPersonId: action.ownerPersonId ?? '',
      ownerAgencyId: action.ownerAgencyId ?? '',
      ...dateParts(action.dueOn, 'dueOn'),
    }),
    save: async ({ actor }, { version, ...input }, { action }) =>
      afterSave(`/actions/${action.id}`, await updateAction(db, actor, action, version, input)),
  })
}
