import type { FastifyInstance } from 'fastify'
import { actionRoute, formRoute, type FormRequest } from '../../../platform/form-route.ts'
import { requireActor } from '../../../platform/http.ts'
import { listRoute, wholeList } from '../../../platform/list-route.ts'
import type { Query } from '../../../platform/lists.ts'
import { can, type Actor } from '../../../platform/permissions.ts'
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
  /** The current version and the standard in the address. */
  const withStandard = async ({ actor, params }: FormRequest) => {
    const view = await current(actor.partnershipId, params.id!)
    return { ...view, standard: findStandard(view, params.standardId!) }
  }
  /** Back to the framework's page, naming the version the change made. */
  const changed = async (params: FormRequest['params'], change: Promise<number>) =>
    pageOf(params.id!, 'changed', await change)
  /** Removing a standard or a criterion (`<part>/remove`): the framework's row version posted back. */
  const removeRoute = (
    part: string,
    remove: (actor: Actor, params: FormRequest['params'], version: number) => Promise<number>,
  ) =>
    actionRoute(app, {
      path: `${base}/:id/${part}/remove`,
      access: manage,
      schema: removeSchema,
      run: ({ actor, params }, { version }) => changed(params, remove(actor, params, version)),
    })

  formRoute(app, {
    path: `${base}/:id/standards/new`,
    access: manage,
    template: `${views}/standard-form.njk`,
    schema: standardSchema,
    context: ({ actor, params }) => current(actor.partnershipId, params.id!),
    initialValues: (_r, { framework }) => ({ version: framework.version }),
    save: ({ actor, params }, { version, ...input }) =>
      changed(params, addStandard(db, actor, params.id!, version, input)),
  })

  formRoute(app, {
    path: `${base}/:id/standards/:standardId`,
    access: manage,
    template: `${views}/standard-form.njk`,
    schema: standardSchema,
    context: withStandard,
    initialValues: (_r, { framework, standard }) => ({
      version: framework.version,
      title: standard.title,
      description: standard.description,
    }),
    save: ({ actor, params }, { version, ...input }) =>
      changed(
        params,
        updateStandard(db, actor, { frameworkId: params.id!, standardId: params.standardId! }, version, input),
      ),
  })

  removeRoute('standards/:standardId', (actor, params, version) =>
    removeStandard(db, actor, { frameworkId: params.id!, standardId: params.standardId! }, version),
  )

  formRoute(app, {
    path: `${base}/:id/standards/:standardId/criteria/new`,
    access: manage,
    template: `${views}/criterion-form.njk`,
    schema: criterionSchema,
    context: withStandard,
    initialValues: (_r, { framework }) => ({ version: framework.version }),
    save: ({ actor, params }, { version, text }) =>
      changed(
        params,
        addCriterion(db, actor, { frameworkId: params.id!, standardId: params.standardId! }, version, text),
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
    save: ({ actor, params }, { version, text }) =>
      changed(
        params,
        updateCriterion(db, actor, { frameworkId: params.id!, criterionId: params.criterionId! }, version, text),
      ),
  })

  removeRoute('criteria/:criterionId', (actor, params, version) =>
    removeCriterion(db, actor, { frameworkId: params.id!, criterionId: params.criterionId! }, version),
  )

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
    save: ({ actor, params }, { version, scale }) =>
      changed(params, changeScale(db, actor, params.id!, version, scale)),
  })
}
