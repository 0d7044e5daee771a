import type { FastifyInstance } from 'fastify'
import { historyOf } from '../../platform/audit-log/history.ts'
import { actionRoute, afterSave, formRoute, savedBanner } from '../../platform/form-route.ts'
import { version } from '../../platform/forms.ts'
import { requireActor } from '../../platform/http.ts'
import { listRoute, wholeList } from '../../platform/list-route.ts'
import { oneOf, type Query } from '../../platform/lists.ts'
import { can } from '../../platform/permissions.ts'
import { themeSchema, themeStatusSchema } from './forms.ts'
import { statusFilterItems, themeCsv, themeRows, themeSummary } from './presenters.ts'
import { createTheme, getTheme, listThemes, setThemeActive, updateTheme } from './service.ts'

const views = 'modules/themes/views'

/** What the theme's page says after a retire or reinstate. */
function statusBanner(query: Query) {
  if (query.retired) return 'Theme retired. Records tagged with it keep it.'
  if (query.reinstated) return 'Theme reinstated'
  return savedBanner(query, 'Theme saved')
}

export async function themeRoutes(app: FastifyInstance) {
  const db = app.db

  listRoute(app, {
    path: '/themes',
    permission: 'themes:read',
    template: `${views}/themes.njk`,
    list: {
      columns: [
        { key: 'name', text: 'Name' },
        { key: null, text: 'Description' },
        { key: 'status', text: 'Status' },
        { key: 'updated', text: 'Last changed' },
      ],
      defaultSort: 'name',
      download: '/themes.csv',
      noun: ['theme', 'themes'],
    },
    filter: (query) => ({ status: oneOf(query.status, ['active', 'retired'] as const) }),
    load: async (actor, filter) => wholeList(await listThemes(db, actor, filter)),
    rows: themeRows,
    csv: themeCsv,
    context: () => ({ statusItems: statusFilterItems }),
  })

  formRoute(app, {
    path: '/themes/new',
    access: { permission: 'themes:manage' },
    template: `${views}/theme-form.njk`,
    schema: themeSchema,
    context: () => ({ isNew: true }),
    initialValues: () => ({}),
    save: async ({ actor }, input) => afterSave(`/themes/${await createTheme(db, actor, input)}`),
  })

  app.get('/themes/:id', { config: { permission: 'themes:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const theme = await getTheme(db, actor.partnershipId, (request.params as { id: string }).id)
    return reply.view(`${views}/theme.njk`, {
      theme,
      summary: themeSummary(theme),
      history: can(actor, 'themes:manage') ? await historyOf(app, actor, 'theme', theme.id) : null,
      flash: statusBanner(request.query as Query),
    })
  })

  formRoute(app, {
    path: '/themes/:id/edit',
    access: { permission: 'themes:manage' },
    template: `${views}/theme-form.njk`,
    schema: themeSchema.extend({ version }),
    context: async ({ actor, params }) => ({ theme: await getTheme(db, actor.partnershipId, params.id!) }),
    initialValues: (_request, { theme }) => theme,
    save: async ({ actor, params }, { version: v, ...input }) =>
      afterSave(`/themes/${params.id}`, await updateTheme(db, actor, params.id!, v, input)),
  })

  for (const [path, active, done] of [
    ['/themes/:id/retire', false, 'retired'],
    ['/themes/:id/reinstate', true, 'reinstated'],
  ] as const)
    actionRoute(app, {
      path,
      access: { permission: 'themes:manage' },
      schema: themeStatusSchema,
      run: async ({ actor, params }, input) => {
        const changed = await setThemeActive(db, actor, params.id!, input.version, active)
        return changed ? `/themes/${params.id}?${done}=1` : afterSave(`/themes/${params.id}`, false)
      },
    })
}
