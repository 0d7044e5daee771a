import type { FastifyInstance } from 'fastify'
import { actionRoute, formRoute } from '../../../platform/form-route.ts'
import { requireActor } from '../../../platform/http.ts'
import { listRoute, wholeList } from '../../../platform/list-route.ts'
import type { Query } from '../../../platform/lists.ts'
import { can } from '../../../platform/permissions.ts'
import { NotFoundError } from '../../../platform/errors.ts'
import { criterionSchema, newFrameworkSchema, removeSchema, scaleSchema, standardSchema } from './forms.ts'
import {
  frameworkCsv,
  frameworkRows,
  kindItems,
  scaleItems,
  startItems,
  versionNote,
  frameworkBanner,
  findCriterion,
  findStandard,
  frameworkLabels,
} from './presenters.ts'
import {
  addCriterion,
  addStandard,
  changeScale,
  createFramework,
  listFrameworks,
  readFramework,
  removeCriterion,
  removeStandard,
  updateCriterion,
  updateStandard,
} from './service.ts'
import { sortedBy } from '../sort.ts'

const views = 'modules/assurance/frameworks/views'
const base = '/assurance/frameworks'
const manage = { permission: 'assurance:manage' as const }
const pageOf = (id: string, done: string, number: number) => `${base}/${id}?${done}=${number}`

/** Parses `?version=N` (a positive whole number) or undefined for the current version. */
function versionAsked(query: Query) {
  if (query.version === undefined || query.version === '') return undefined
  const n = Number(query.version)
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new NotFoundError()
  return n
}

export async function frameworkRoutes(app: FastifyInstance) {
  const db = app.db

  listRoute(app, {
    path: base,
    permission: 'assurance:read',
    template: `${views}/frameworks.njk`,
    list: {
      columns: [
        { key: 'name', text: 'Framework' },
        { key: 'kind', text: 'For' },
        { key: 'scale', text: 'Grading scale' },
        { key: 'version', text: 'Current version', format: 'numeric' },
        { key: 'cycles', text: 'Cycles using it', format: 'numeric' },
      ],
      defaultSort: 'name',
      download: `${base}.csv`,
      noun: ['framework', 'frameworks'],
    },
    filter: () => ({}),
    load: async (actor, filter) => {
      const rows = await listFrameworks(db, actor.partnershipId)
      return wholeList(sortedBy(rows, (r) => r[filter.sort], filter.direction))
    },
    rows: (rows) => frameworkRows(rows),
    csv: frameworkCsv,
  })

  formRoute(app, {
    path: `${base}/new`,
    access: manage,
    template: `${views}/framework-new.njk`,
    schema: newFrameworkSchema,
    context: () => ({ kindItems: kindItems(), scaleItems: scaleItems(), startItems: startItems() }),
    initialValues: () => ({ kind: 'section-11', scale: 'rag', start: 'defaults' }),
    save: async ({ actor }, input) => `${base}/${await createFramework(db, actor, input)}?created=1`,
  })

  app.get<{ Params: { id: string } }>(
    `${base}/:id`,
    { config: { permission: 'assurance:read' } },
    async (request, reply) => {
      const actor = requireActor(request)
      const query = request.query as Query
      const view = await readFramework(db, actor.partnershipId, request.params.id, versionAsked(query))
      return reply.view(`${views}/framework.njk`, {
        ...view,
        canManage: can(actor, 'assurance:manage'),
        ...frameworkLabels(view),
        note: versionNote(view),
        banner: frameworkBanner(query),
      })
    },
  )

  /** Every edit form opens on the current version, with the framework's row version to post back. */
  const current = async (partnershipId: string, id: string) => {
    const view = await readFramework(db, partnershipId, id)
    return { ...view, note: versionNote(view) }
  }

  formRoute(app, {
    path: `${base}/:id/standards/new`,
    access: manage,
    template: `${views}/standard-form.njk`,
    schema: standardSchema,
    context: ({ actor, params }) => current(actor.partnershipId, params.id!),
    initialValues: (_r, { framework }) => ({ version: framework.version }),
    save: async ({ actor, params }, { version, ...input }) =>
      pageOf(params.id!, 'changed', await addStandard(db, actor, params.id!, version, input)),
  })

  formRoute(app, {
    path: `${base}/:id/standards/:standardId`,
    access: manage,
    template: `${views}/standard-form.njk`,
    schema: standardSchema,
    context: async ({ actor, params }) => {
      const view = await current(actor.partnershipId, params.id!)
      return { ...view, standard: findStandard(view, params.standardId!) }
    },
    initialValues: (_r, { framework, standard }) => ({
      version: framework.version,
      title: standard.title,
      description: standard.description,
    }),
    save: async ({ actor, params }, { version, ...input }) =>
      pageOf(
        params.id!,
        'changed',
        await updateStandard(db, actor, { frameworkId: params.id!, standardId: params.standardId! }, version, input),
      ),
  })

  actionRoute(app, {
    path: `${base}/:id/standards/:standardId/remove`,
    access: manage,
    schema: removeSchema,
    run: async ({ actor, params }, { version }) =>
      pageOf(
        params.id!,
        'changed',
        await removeStandard(db, actor, { frameworkId: params.id!, standardId: params.standardId! }, version),
      ),
  })

  formRoute(app, {
    path: `${base}/:id/standards/:standardId/criteria/new`,
    access: manage,
    template: `${views}/criterion-form.njk`,
    schema: criterionSchema,
    context: async ({ actor, params }) => {
      const view = await current(actor.partnershipId, params.id!)
      return { ...view, standard: findStandard(view, params.standardId!) }
    },
    initialValues: (_r, { framework }) => ({ version: framework.version }),
    save: async ({ actor, params }, { version, text }) =>
      pageOf(
        params.id!,
        'changed',
        await addCriterion(db, actor, { frameworkId: params.id!, standardId: params.standardId! }, version, text),
      ),
  })

  formRoute(app, {
    path: `${base}/:id/criteria/:criterionId`,
    access: manage,
    template: `${views}/criterion-form.njk`,
    schema: criterionSchema,
    context: async ({ actor, params }) => {
      const view = await current(actor.partnershipId, params.id!)
      return { ...view, ...findCriterion(view, params.criterionId!) }
    },
    initialValues: (_r, { framework, criterion }) => ({ version: framework.version, text: criterion.text }),
    save: async ({ actor, params }, { version, text }) =>
      pageOf(
        params.id!,
        'changed',
        await updateCriterion(db, actor, { frameworkId: params.id!, criterionId: params.criterionId! }, version, text),
      ),
  })

  actionRoute(app, {
    path: `${base}/:id/criteria/:criterionId/remove`,
    access: manage,
    schema: removeSchema,
    run: async ({ actor, params }, { version }) =>
      pageOf(
        params.id!,
        'changed',
        await removeCriterion(db, actor, { frameworkId: params.id!, criterionId: params.criterionId! }, version),
      ),
  })

  formRoute(app, {
    path: `${base}/:id/scale`,
    access: manage,
    template: `${views}/scale-form.njk`,
    schema: scaleSchema,
    context: async ({ actor, params }) => ({
      ...(await current(actor.partnershipId, params.id!)),
      scaleItems: scaleItems(),
    }),
    initialValues: (_r, { framework, version }) => ({ version: framework.version, scale: version.scale }),
    save: async ({ actor, params }, { version, scale }) =>
      pageOf(params.id!, 'changed', await changeScale(db, actor, params.id!, version, scale)),
  })
}
