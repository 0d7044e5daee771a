import type { FastifyInstance } from 'fastify'
import { sendCsv } from '../../../platform/exports.ts'
import { afterSave, formRoute, savedBanner } from '../../../platform/form-route.ts'
import { version } from '../../../platform/forms.ts'
import { requireActor } from '../../../platform/http.ts'
import { listRoute, wholeList } from '../../../platform/list-route.ts'
import { oneOf, type Query } from '../../../platform/lists.ts'
import { can } from '../../../platform/permissions.ts'
import { groupSchema } from '../forms.ts'
import { memberCsv, memberRows } from '../memberships/presenters.ts'
import { listMemberships } from '../memberships/service.ts'
import { directoryNavigation } from '../navigation.ts'
import { groupKinds } from '../schema.ts'
import { directoryHistory } from '../scopes.ts'
import { readYears, yearFilterTags, yearText } from '../year-filters.ts'
import { groupCsv, groupRows, groupSummary } from './presenters.ts'
import { createGroup, getGroup, listGroups, updateGroup } from './service.ts'

const views = 'modules/partnership/views'

export async function groupRoutes(app: FastifyInstance) {
  const db = app.db

  listRoute(app, {
    path: '/directory/groups',
    permission: 'directory:read',
    template: `${views}/groups.njk`,
    list: {
      columns: [
        { key: 'name', text: 'Name' },
        { key: 'kind', text: 'Kind' },
        { key: 'members', text: 'Current members', format: 'numeric' },
        { key: null, text: 'Status' },
      ],
      defaultSort: 'kind',
      download: '/directory/groups.csv',
      noun: ['group', 'groups'],
    },
    filter: (query) => ({
      status: oneOf(query.status, ['active', 'inactive'] as const),
      kind: oneOf(query.kind, groupKinds),
      activeIn: yearText(query.activeIn),
    }),
    load: async (actor, { activeIn, ...filter }) => {
      const years = await readYears(db, actor.partnershipId, { activeIn }, ['activeIn'])
      return wholeList(await listGroups(db, actor, { ...filter, activeIn: years.activeIn }))
    },
    rows: groupRows,
    csv: groupCsv,
    context: async (actor, query) => ({
      subNavigation: directoryNavigation('/directory/groups'),
      yearFilters: yearFilterTags(
        '/directory/groups',
        query,
        await readYears(db, actor.partnershipId, query, ['activeIn']),
      ),
    }),
  })

  formRoute(app, {
    path: '/directory/groups/new',
    access: { permission: 'directory:manage' },
    template: `${views}/group-form.njk`,
    schema: groupSchema,
    context: () => ({ isNew: true }),
    initialValues: () => ({ kind: 'subgroup', active: 'true' }),
    save: async ({ actor }, input) => afterSave(`/directory/groups/${await createGroup(db, actor, input)}`),
  })

  app.get('/directory/groups/:id', { config: { permission: 'directory:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const group = await getGroup(db, actor, (request.params as { id: string }).id)
    const [members, history] = await Promise.all([
      listMemberships(db, actor, { groupId: group.id }),
      directoryHistory(app, actor, 'group', group.id),
    ])
    const canManage = can(actor, 'directory:manage')
    return reply.view(`${views}/group.njk`, {
      group,
      summary: groupSummary(group),
      currentRows: memberRows(
        members.filter((m) => m.current),
        canManage,
      ),
      pastRows: memberRows(
        members.filter((m) => !m.current),
        canManage,
      ),
      canManage,
      history,
      flash: savedBanner(request.query as Query, 'Group saved'),
    })
  })

  app.get('/directory/groups/:id/members.csv', { config: { permission: 'directory:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const group = await getGroup(db, actor, (request.params as { id: string }).id)
    return sendCsv(reply, 'members.csv', memberCsv(await listMemberships(db, actor, { groupId: group.id })))
  })

  formRoute(app, {
    path: '/directory/groups/:id/edit',
    access: { permission: 'directory:manage' },
    template: `${views}/group-form.njk`,
    schema: groupSchema.extend({ version }),
    context: async ({ actor, params }) => ({ group: await getGroup(db, actor, params.id!) }),
    initialValues: (_request, { group }) => ({ ...group, active: String(group.active) }),
    save: async ({ actor, params }, { version: v, ...input }) =>
      afterSave(`/directory/groups/${params.id}`, await updateGroup(db, actor, params.id!, v, input)),
  })
}
