import type { FastifyInstance } from 'fastify'
import { afterSave, formRoute, savedBanner } from '../../../platform/form-route.ts'
import { version } from '../../../platform/forms.ts'
import { requireActor } from '../../../platform/http.ts'
import { listRoute, wholeList } from '../../../platform/list-route.ts'
import { oneOf, searchText, type Query } from '../../../platform/lists.ts'
import { agencySchema } from '../forms.ts'
import { directoryNavigation } from '../navigation.ts'
import { personRows } from '../people/presenters.ts'
import { listPeople } from '../people/service.ts'
import { agencyTypes } from '../schema.ts'
import { directoryHistory } from '../scopes.ts'
import { readYears, yearFilterTags, yearText } from '../year-filters.ts'
import { agencyCsv, agencyRows, agencySummary, agencyTypeItems } from './presenters.ts'
import { createAgency, getAgency, listAgencies, updateAgency } from './service.ts'

const views = 'modules/partnership/views'

export async function agencyRoutes(app: FastifyInstance) {
  const db = app.db

  listRoute(app, {
    path: '/directory/agencies',
    permission: 'directory:read',
    template: `${views}/agencies.njk`,
    list: {
      columns: [
        { key: 'name', text: 'Name' },
        { key: 'type', text: 'Type' },
        { key: null, text: 'Contributes funding' },
        { key: 'people', text: 'People', format: 'numeric' },
        { key: null, text: 'Status' },
      ],
      defaultSort: 'name',
      download: '/directory/agencies.csv',
      noun: ['agency', 'agencies'],
    },
    filter: (query) => ({
      search: searchText(query.search),
      type: oneOf(query.type, [...agencyTypes, 'all'] as const),
      status: oneOf(query.status, ['active', 'inactive'] as const),
      funding: query.funding === 'yes' ? true : query.funding === 'no' ? false : undefined,
      onBoardIn: yearText(query.onBoardIn),
    }),
    load: async (actor, { onBoardIn, ...filter }) => {
      const years = await readYears(db, actor.partnershipId, { onBoardIn }, ['onBoardIn'])
      return wholeList(await listAgencies(db, actor, { ...filter, onBoardIn: years.onBoardIn }))
    },
    rows: agencyRows,
    csv: agencyCsv,
    context: async (actor, query) => ({
      typeItems: agencyTypeItems(true),
      subNavigation: directoryNavigation('/directory/agencies'),
      yearFilters: yearFilterTags(
        '/directory/agencies',
        query,
        await readYears(db, actor.partnershipId, query, ['onBoardIn']),
        { onBoardIn: 'Represented on the board in' },
      ),
    }),
  })

  formRoute(app, {
    path: '/directory/agencies/new',
    access: { permission: 'directory:manage' },
    template: `${views}/agency-form.njk`,
    schema: agencySchema,
    context: () => ({ isNew: true, typeItems: agencyTypeItems() }),
    initialValues: () => ({ active: 'true' }),
    save: async ({ actor }, input) => afterSave(`/directory/agencies/${await createAgency(db, actor, input)}`),
  })

  app.get('/directory/agencies/:id', { config: { permission: 'directory:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const agency = await getAgency(db, actor.partnershipId, (request.params as { id: string }).id)
    const [members, history] = await Promise.all([
      listPeople(db, actor, { agencyId: agency.id, sort: 'name', direction: 'asc', limit: 1000 }),
      directoryHistory(app, actor, 'agency', agency.id),
    ])
    return reply.view(`${views}/agency.njk`, {
      agency,
      summary: agencySummary(agency),
      peopleRows: personRows(members),
      history,
      flash: savedBanner(request.query as Query, 'Agency saved'),
    })
  })

  formRoute(app, {
    path: '/directory/agencies/:id/edit',
    access: { permission: 'directory:manage' },
    template: `${views}/agency-form.njk`,
    schema: agencySchema.extend({ version }),
    context: async ({ actor, params }) => ({
      agency: await getAgency(db, actor.partnershipId, params.id!),
      typeItems: agencyTypeItems(),
    }),
    initialValues: (_request, { agency }) => ({
      ...agency,
      contributesFunding: String(agency.contributesFunding),
      active: String(agency.active),
    }),
    save: async ({ actor, params }, { version: v, ...input }) =>
      afterSave(`/directory/agencies/${params.id}`, await updateAgency(db, actor, params.id!, v, input)),
  })
}
