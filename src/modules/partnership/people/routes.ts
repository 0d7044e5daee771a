import type { FastifyInstance } from 'fastify'
import type { Database } from '../../../db/index.ts'
import { recordHistory } from '../../../platform/audit.ts'
import { historyEntries } from '../../../platform/audit-log/presenters.ts'
import { sendCsv } from '../../../platform/exports.ts'
import { afterSave, formRoute, savedBanner } from '../../../platform/form-route.ts'
import { version } from '../../../platform/forms.ts'
import { requireActor } from '../../../platform/http.ts'
import { listView, readList, searchText, type ListDefinition, type Query } from '../../../platform/lists.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { pickerResultLimit } from '../../../platform/person-picker.ts'
import { isUuid } from '../../../platform/tokens.ts'
import { listAgencyOptions } from '../agencies/service.ts'
import { personSchema } from '../forms.ts'
import { membershipsOfPersonRows } from '../memberships/presenters.ts'
import { listMemberships } from '../memberships/service.ts'
import { directoryNavigation } from '../navigation.ts'
import { seesWholeDirectory } from '../scopes.ts'
import { personSearchUrl, searchPersonChoices } from './picker.ts'
import { personCsv, personRows, personSummary } from './presenters.ts'
import { countPeople, createPerson, getPerson, listPeople, updatePerson, type PersonFilter } from './service.ts'

const views = 'modules/partnership/views'

const peopleList: ListDefinition<PersonFilter['sort']> = {
  columns: [
    { key: 'name', text: 'Name' },
    { key: 'jobTitle', text: 'Job title' },
    { key: 'agency', text: 'Agency' },
    { key: null, text: 'Email' },
  ],
  defaultSort: 'name',
  pageSize: 100,
  download: '/directory/people.csv',
  noun: ['person', 'people'],
}

/** The people list's filters and sort from the query string; anything unknown is ignored. */
function personFilter(query: Query) {
  const state = readList(query, peopleList)
  const agencyId = query.agencyId === 'none' || (query.agencyId && isUuid(query.agencyId)) ? query.agencyId : undefined
  const filter: PersonFilter = {
    search: searchText(query.search),
    agencyId,
    sort: state.sort,
    direction: state.direction,
    limit: state.limit,
    offset: state.offset,
  }
  return { state, filter }
}

/** Everything the people list template needs for one page. Exported for the bench, which renders it without the platform. */
export async function peopleListPage(db: Database, actor: Actor, query: Query) {
  const { state, filter } = personFilter(query)
  const [rows, total, agencies] = await Promise.all([
    listPeople(db, actor, filter),
    countPeople(db, actor, filter),
    listAgencyOptions(db, actor.partnershipId),
  ])
  return {
    rows: personRows(rows),
    list: listView(peopleList, state, query, { total, shown: rows.length }),
    agencyItems: [
      { value: '', text: 'Any agency' },
      { value: 'none', text: 'No agency' },
      ...agencies.map((a) => ({ value: a.id, text: a.name })),
    ],
    subNavigation: directoryNavigation('/directory/people'),
  }
}

export async function peopleRoutes(app: FastifyInstance) {
  const db = app.db

  app.get('/directory/people', { config: { permission: 'directory:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    return reply.view(`${views}/people.njk`, await peopleListPage(db, actor, request.query as Query))
  })

  app.get('/directory/people.csv', { config: { permission: 'directory:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const { filter } = personFilter(request.query as Query)
    const rows = await listPeople(db, actor, { ...filter, limit: 100_000, offset: 0 })
    return sendCsv(reply, 'people.csv', personCsv(rows))
  })

  // The person pickers' autocomplete: the people matching words of a name, as JSON.
  app.get(personSearchUrl, { config: { permission: 'directory:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const term = searchText((request.query as Query).q)
    const choices = term ? await searchPersonChoices(db, actor, term, pickerResultLimit) : []
    return reply.header('cache-control', 'no-store').send(choices)
  })

  const agencyChoices = async (actor: Actor) => ({
    agencies: await listAgencyOptions(db, actor.partnershipId, { activeOnly: true }),
  })

  formRoute(app, {
    path: '/directory/people/new',
    access: { permission: 'directory:manage' },
    template: `${views}/person-form.njk`,
    schema: personSchema,
    context: async ({ actor }) => ({ ...(await agencyChoices(actor)), isNew: true }),
    initialValues: ({ query }) => ({ agencyId: query.agencyId }),
    save: async ({ actor }, input) => afterSave(`/directory/people/${await createPerson(db, actor, input)}`),
  })

  app.get('/directory/people/:id', { config: { permission: 'directory:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const person = await getPerson(db, actor, (request.params as { id: string }).id)
    const [memberships, history] = await Promise.all([
      listMemberships(db, actor, { personId: person.id }),
      seesWholeDirectory(actor) ? recordHistory(db, actor.partnershipId, 'person', person.id) : null,
    ])
    return reply.view(`${views}/person.njk`, {
      person,
      summary: personSummary(person),
      membershipRows: membershipsOfPersonRows(memberships),
      history: history && historyEntries(history, app.registry.recordTypes),
      flash: savedBanner(request.query as Query, 'Person saved'),
    })
  })

  formRoute(app, {
    path: '/directory/people/:id/edit',
    access: { permission: 'directory:manage' },
    template: `${views}/person-form.njk`,
    schema: personSchema.extend({ version }),
    context: async ({ actor, params }) => ({
      ...(await agencyChoices(actor)),
      person: await getPerson(db, actor, params.id!),
    }),
    initialValues: (_request, { person }) => ({ ...person }),
    save: async ({ actor, params }, { version: v, ...input }) =>
      afterSave(`/directory/people/${params.id}`, await updatePerson(db, actor, params.id!, v, input)),
  })
}
