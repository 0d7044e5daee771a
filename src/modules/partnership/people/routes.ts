import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Database } from '../../../db/index.ts'
import { afterSave, formRoute, savedBanner } from '../../../platform/form-route.ts'
import { NotFoundError } from '../../../platform/errors.ts'
import { dateInput, version } from '../../../platform/forms.ts'
import { requireActor } from '../../../platform/http.ts'
import { listRoute, type ListRoute } from '../../../platform/list-route.ts'
import { searchText, type Query } from '../../../platform/lists.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { pickerResultLimit } from '../../../platform/person-picker.ts'
import { isUuid } from '../../../platform/tokens.ts'
import { listAgencyOptions } from '../agencies/service.ts'
import { eraseSchema, personSchema } from '../forms.ts'
import { membershipsOfPersonRows } from '../memberships/presenters.ts'
import { listMemberships } from '../memberships/service.ts'
import { directoryNavigation } from '../navigation.ts'
import { directoryHistory } from '../scopes.ts'
import { readYears, yearFilterTags, yearText } from '../year-filters.ts'
import { personSearchUrl, searchPersonChoices } from './picker.ts'
import { personCsv, personRows, personSummary, seatsEndingText, type PersonRow } from './presenters.ts'
import {
  accountsLinkedTo,
  countPeople,
  createPerson,
  erasePerson,
  erasureBlocker,
  getPerson,
  getUnerasedPerson,
  listPeople,
  markAsLeft,
  updatePerson,
  type PersonFilter,
} from './service.ts'

const views = 'modules/partnership/views'

type PersonListFilter = Pick<PersonFilter, 'search' | 'agencyId' | 'includeLeft' | 'includeErased'> & {
  onBoardIn?: string
  onSubgroupIn?: string
}

const personYearFilters = ['onBoardIn', 'onSubgroupIn'] as const

/** The list's filters with a year filter's text read as a year: the board's, else a subgroup's. */
async function withYear<T extends PersonListFilter>(db: Database, actor: Actor, filter: T) {
  const { onBoardIn, onSubgroupIn, ...rest } = filter
  const years = await readYears(db, actor.partnershipId, { onBoardIn, onSubgroupIn }, personYearFilters)
  const satOn = years.onBoardIn
    ? { kind: 'board' as const, year: years.onBoardIn }
    : years.onSubgroupIn
      ? { kind: 'subgroup' as const, year: years.onSubgroupIn }
      : undefined
  return { ...rest, satOn }
}

/**
 * The people list and its download. A function of the database handle, so the bench renders the
 * same page without the platform.
 */
export function peopleList(db: Database): ListRoute<PersonFilter['sort'], PersonListFilter, PersonRow> {
  return {
    path: '/directory/people',
    permission: 'directory:read',
    template: `${views}/people.njk`,
    list: {
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
    },
    filter: (query) => {
      const showLeft = query.showLeft === 'yes'
      return {
        search: searchText(query.search),
        agencyId: query.agencyId === 'none' || (query.agencyId && isUuid(query.agencyId)) ? query.agencyId : undefined,
        includeLeft: showLeft,
        includeErased: showLeft,
        onBoardIn: yearText(query.onBoardIn),
        onSubgroupIn: yearText(query.onSubgroupIn),
      }
    },
    load: async (actor, listFilter, page) => {
      const filter = await withYear(db, actor, listFilter)
      const [rows, total] = await Promise.all([
        listPeople(db, actor, { ...filter, ...(page ?? { limit: 100_000, offset: 0 }) }),
        countPeople(db, actor, filter),
      ])
      return { rows, total }
    },
    rows: personRows,
    // A year's members include people who have left since, so the download says when they left.
    csv: (rows, filter) =>
      personCsv(rows, { withLeftOn: filter.includeLeft || !!filter.onBoardIn || !!filter.onSubgroupIn }),
    context: async (actor, query) => ({
      yearFilters: yearFilterTags(
        '/directory/people',
        query,
        await readYears(db, actor.partnershipId, query, personYearFilters),
      ),
      agencyItems: [
        { value: '', text: 'Any agency' },
        { value: 'none', text: 'No agency' },
        ...(await listAgencyOptions(db, actor.partnershipId, { keep: query.agencyId })).map((a) => ({
          value: a.id,
          text: a.name,
        })),
      ],
      subNavigation: directoryNavigation('/directory/people'),
    }),
  }
}

export async function peopleRoutes(app: FastifyInstance) {
  const db = app.db

  listRoute(app, peopleList(db))

  // The person pickers' autocomplete: the people matching words of a name, as JSON.
  app.get(personSearchUrl, { config: { permission: 'directory:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const term = searchText((request.query as Query).q)
    const choices = term ? await searchPersonChoices(db, actor, term, pickerResultLimit) : []
    return reply.header('cache-control', 'no-store').send(choices)
  })

  // The partner agencies, and the person's own when it is a school (a designated safeguarding lead's).
  const agencyChoices = async (actor: Actor, keep?: string | null) => ({
    agencies: await listAgencyOptions(db, actor.partnershipId, { activeOnly: true, keep }),
  })

  formRoute(app, {
    path: '/directory/people/new',
    access: { permission: 'directory:manage' },
    template: `${views}/person-form.njk`,
    schema: personSchema,
    context: async ({ actor, query }) => ({ ...(await agencyChoices(actor, query.agencyId)), isNew: true }),
    initialValues: ({ query }) => ({ agencyId: query.agencyId }),
    save: async ({ actor }, input) => afterSave(`/directory/people/${await createPerson(db, actor, input)}`),
  })

  app.get('/directory/people/:id', { config: { permission: 'directory:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const query = request.query as Query
    const person = await getPerson(db, actor, (request.params as { id: string }).id)
    const [memberships, history] = await Promise.all([
      listMemberships(db, actor, { personId: person.id }),
      directoryHistory(app, actor, 'person', person.id),
    ])
    return reply.view(`${views}/person.njk`, {
      person,
      summary: personSummary(person),
      membershipRows: membershipsOfPersonRows(memberships),
      history,
      flash: query.erased
        ? 'Person’s details erased'
        : query.left
          ? 'Person marked as left'
          : savedBanner(query, 'Person saved'),
    })
  })

  formRoute(app, {
    path: '/directory/people/:id/edit',
    access: { permission: 'directory:manage' },
    template: `${views}/person-form.njk`,
    schema: personSchema.extend({ version }),
    context: async ({ actor, params }) => {
      const person = await getUnerasedPerson(db, actor, params.id!)
      return { ...(await agencyChoices(actor, person.agencyId)), person }
    },
    initialValues: (_request, { person }) => ({ ...person }),
    save: async ({ actor, params }, { version: v, ...input }) =>
      afterSave(`/directory/people/${params.id}`, await updatePerson(db, actor, params.id!, v, input)),
  })

  formRoute(app, {
    path: '/directory/people/:id/leave',
    access: { permission: 'directory:manage' },
    template: `${views}/person-leave.njk`,
    schema: z.object({ version }),
    extra: leavingDate,
    context: async ({ actor, params }) => {
      const person = await getUnerasedPerson(db, actor, params.id!)
      // Someone who has left already is not asked again: their page says when.
      if (person.leftOn) throw new NotFoundError()
      const seats = (await listMemberships(db, actor, { personId: person.id })).filter((m) => m.current)
      return { person, seatsEnding: seatsEndingText(seats.map((m) => m.groupName)) }
    },
    initialValues: (_request, { person }) => ({ version: person.version }),
    save: async ({ actor, params }, { version: v, leftOn }) => {
      await markAsLeft(db, actor, params.id!, v, leftOn)
      return `/directory/people/${params.id}?left=1`
    },
  })

  formRoute(app, {
    path: '/directory/people/:id/erase',
    access: { permission: 'directory:erase' },
    template: `${views}/person-erase.njk`,
    schema: eraseSchema.extend({ version }),
    context: async ({ actor, params }) => {
      const person = await getUnerasedPerson(db, actor, params.id!)
      const accounts = await accountsLinkedTo(db, actor.partnershipId, person.id)
      return { person, accounts, blocker: erasureBlocker(person, accounts) }
    },
    initialValues: (_request, { person }) => ({ version: person.version }),
    save: async ({ actor, params }, { version: v, confirm }) => {
      if (confirm === 'no') return `/directory/people/${params.id}`
      await erasePerson(db, actor, params.id!, v)
      return `/directory/people/${params.id}?erased=1`
    },
  })
}

/** The day a person left, from a GOV.UK date input. */
function leavingDate(body: Record<string, unknown>) {
  const leftOn = dateInput(body, 'leftOn', 'the date they left', {
    required: true,
    min: '1990-01-01',
    max: '2100-12-31',
  })
  if (leftOn.error) return { errors: { 'leftOn-day': leftOn.error } }
  return { values: { leftOn: leftOn.value! } }
}
