import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { Database } from '../../db/index.ts'
import { recordHistory } from '../../platform/audit.ts'
import { historyEntries } from '../../platform/audit-log/presenters.ts'
import { sendCsv } from '../../platform/exports.ts'
import {
  checkbox,
  choice,
  dateInput,
  optionalEmail,
  optionalId,
  optionalText,
  requiredText,
  version,
} from '../../platform/forms.ts'
import { formRoute } from '../../platform/form-route.ts'
import { requireActor } from '../../platform/http.ts'
import { can, type Actor } from '../../platform/permissions.ts'
import { terminologies } from '../../platform/schema.ts'
import { filterQuery, pagination, readSort, sortableHead } from '../../platform/tables.ts'
import * as presenters from './presenters.ts'
import { agencyTypes, groupKinds, membershipRoles, type AgencyType } from './schema.ts'
import * as directory from './service.ts'

const views = 'modules/partnership/views'
const peoplePageSize = 100

// ---------------------------------------------------------------- form schemas (GOV.UK wording)

const partnershipSchema = z.object({
  name: requiredText('the partnership’s name', 200),
  shortName: requiredText('a short name', 20),
  area: requiredText('the area it covers', 200),
  localAuthorityCode: requiredText('the local authority code', 20).regex(
    /^[A-Z0-9]+$/i,
    'Local authority code must only include letters and numbers, like E10000025',
  ),
  yearStartMonth: z.coerce
    .number({ error: 'Select the month the reporting year starts' })
    .int()
    .min(1, 'Select the month the reporting year starts')
    .max(12, 'Select the month the reporting year starts'),
  terminology: choice(terminologies, 'Select what the partnership is called'),
  version,
})

const agencySchema = z.object({
  name: requiredText('the agency’s name', 200),
  type: choice(agencyTypes, 'Select the type of agency'),
  contributesFunding: checkbox,
  active: checkbox,
})

const personSchema = z.object({
  name: requiredText('their full name', 200),
  jobTitle: optionalText('job title', 200),
  agencyId: optionalId,
  email: optionalEmail(),
})

const groupSchema = z.object({
  name: requiredText('the group’s name', 200),
  kind: choice(groupKinds, 'Select whether this is the board or a subgroup'),
  purpose: optionalText('purpose', 2000),
  active: checkbox,
})

const membershipSchema = z.object({ role: choice(membershipRoles, 'Select their role in the group') })

/** Membership dates, from GOV.UK date inputs. */
function membershipDates(body: Record<string, unknown>) {
  const startsOn = dateInput(body, 'startsOn', 'the start date', {
    required: true,
    min: '1990-01-01',
    max: '2100-12-31',
  })
  const endsOn = dateInput(body, 'endsOn', 'the end date', { required: false, min: '1990-01-01', max: '2100-12-31' })
  const errors: Record<string, string> = {}
  if (startsOn.error) errors['startsOn-day'] = startsOn.error
  if (endsOn.error) errors['endsOn-day'] = endsOn.error
  if (
    !errors['startsOn-day'] &&
    !errors['endsOn-day'] &&
    endsOn.value &&
    startsOn.value &&
    endsOn.value < startsOn.value
  ) {
    errors['endsOn-day'] = 'The end date must be the same as or after the start date'
  }
  return { errors, values: { startsOn: startsOn.value, endsOn: endsOn.value ?? null } }
}

function dateParts(iso: string | null | undefined, name: string) {
  if (!iso) return {}
  const [year, month, day] = iso.split('-')
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year }
}

const readStatus = (q: Record<string, string>): 'active' | 'inactive' | undefined =>
  q.status === 'active' || q.status === 'inactive' ? q.status : undefined
const params = (request: FastifyRequest) => request.params as Record<string, string>
const query = (request: FastifyRequest) => (request.query ?? {}) as Record<string, string>

/** The people list's filters and sort from the query string; anything unknown is ignored. */
function personFilter(q: Record<string, string>) {
  return {
    search: q.search?.trim().slice(0, 200) || undefined,
    agencyId: q.agencyId && (q.agencyId === 'none' || /^[0-9a-f-]{36}$/i.test(q.agencyId)) ? q.agencyId : undefined,
    ...readSort(q, ['name', 'jobTitle', 'agency'] as const, 'name'),
  }
}

/** Everything the people list template needs for one page. Exported for the bench, which renders it without the platform. */
export async function peopleListPage(db: Database, actor: Actor, q: Record<string, string>) {
  const filter = personFilter(q)
  const page = Math.max(1, Math.min(100_000, Number.parseInt(q.page ?? '1', 10) || 1))
  const [rows, total, agencies] = await Promise.all([
    directory.listPeople(
      db,
      actor.partnershipId,
      { ...filter, limit: peoplePageSize, offset: (page - 1) * peoplePageSize },
      actor,
    ),
    directory.countPeople(db, actor.partnershipId, filter, actor),
    directory.listAgencyOptions(db, actor.partnershipId),
  ])
  return {
    rows: presenters.personRows(rows),
    total,
    from: total ? (page - 1) * peoplePageSize + 1 : 0,
    to: (page - 1) * peoplePageSize + rows.length,
    head: sortableHead(
      [
        { key: 'name', text: 'Name' },
        { key: 'jobTitle', text: 'Job title' },
        { key: 'agency', text: 'Agency' },
        { key: null, text: 'Email' },
      ],
      filter,
      q,
    ),
    filter: q,
    agencyItems: [
      { value: '', text: 'Any agency' },
      { value: 'none', text: 'No agency', selected: q.agencyId === 'none' },
      ...agencies.map((a) => ({ value: a.id, text: a.name, selected: a.id === q.agencyId })),
    ],
    pagination: pagination(page, peoplePageSize, total, q),
    downloadHref: `/directory/people.csv${filterQuery(q)}`,
    subNavigation: presenters.directoryNavigation('/directory/people'),
  }
}

export async function partnershipRoutes(app: FastifyInstance) {
  const db = app.db

  /**
   * A record's history names the groups and agencies it touched, so roles scoped to part of the
   * directory do not see it (it could name a subgroup they may not see).
   */
  const historyFor = (actor: Actor, recordType: string, recordId: string) =>
    directory.seesWholeDirectory(actor)
      ? recordHistory(db, actor.partnershipId, recordType, recordId)
      : Promise.resolve(null)

  app.get('/directory', { config: { permission: 'directory:read' } }, async (_request, reply) =>
    reply.redirect('/directory/agencies'),
  )

  // ---------------------------------------------------------------- the partnership

  app.get('/directory/partnership', { config: { permission: 'directory:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const partnership = await directory.getPartnership(db, actor.partnershipId)
    const history = historyEntries(await recordHistory(db, actor.partnershipId, 'partnership', actor.partnershipId))
    return reply.view(`${views}/partnership.njk`, {
      partnership,
      summary: presenters.partnershipSummary(partnership),
      history,
      subNavigation: presenters.directoryNavigation('/directory/partnership'),
      flash: query(request).saved ? 'Partnership details saved' : null,
    })
  })

  formRoute(app, {
    path: '/directory/partnership/edit',
    permission: 'partnership:manage',
    template: `${views}/partnership-form.njk`,
    schema: partnershipSchema,
    context: async () => ({ monthItems: presenters.monthItems() }),
    initialValues: async (actor) => {
      const p = await directory.getPartnership(db, actor.partnershipId)
      return { ...p }
    },
    save: async (actor, input) => {
      const { version: v, ...rest } = input
      await directory.updatePartnership(db, actor, v, {
        ...rest,
        localAuthorityCode: rest.localAuthorityCode.toUpperCase(),
      })
      return '/directory/partnership?saved=1'
    },
  })

  // ---------------------------------------------------------------- agencies

  function agencyFilter(request: FastifyRequest) {
    const q = query(request)
    const sort = readSort(q, ['name', 'type', 'people'] as const, 'name')
    return {
      search: q.search?.trim().slice(0, 200) || undefined,
      type: agencyTypes.includes(q.type as AgencyType) ? (q.type as AgencyType) : undefined,
      status: readStatus(q),
      ...sort,
    }
  }

  app.get('/directory/agencies', { config: { permission: 'directory:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const filter = agencyFilter(request)
    const rows = await directory.listAgencies(db, actor.partnershipId, filter)
    const q = query(request)
    return reply.view(`${views}/agencies.njk`, {
      rows: presenters.agencyRows(rows),
      count: rows.length,
      head: sortableHead(
        [
          { key: 'name', text: 'Name' },
          { key: 'type', text: 'Type' },
          { key: null, text: 'Contributes funding' },
          { key: 'people', text: 'People', format: 'numeric' },
          { key: null, text: 'Status' },
        ],
        filter,
        q,
      ),
      filter: q,
      typeItems: presenters.agencyTypeItems(q.type, true),
      downloadHref: `/directory/agencies.csv${filterQuery(q)}`,
      subNavigation: presenters.directoryNavigation('/directory/agencies'),
    })
  })

  app.get('/directory/agencies.csv', { config: { permission: 'directory:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const rows = await directory.listAgencies(db, actor.partnershipId, agencyFilter(request))
    return sendCsv(reply, 'agencies.csv', presenters.agencyCsv(rows))
  })

  formRoute(app, {
    path: '/directory/agencies/new',
    permission: 'directory:manage',
    template: `${views}/agency-form.njk`,
    schema: agencySchema,
    context: async () => ({ isNew: true, typeItems: presenters.agencyTypeItems() }),
    initialValues: () => ({ active: 'true' }),
    save: async (actor, input) => `/directory/agencies/${await directory.createAgency(db, actor, input)}?saved=1`,
  })

  app.get('/directory/agencies/:id', { config: { permission: 'directory:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const agency = await directory.getAgency(db, actor.partnershipId, params(request).id!)
    const [members, history] = await Promise.all([
      directory.listPeople(db, actor.partnershipId, { agencyId: agency.id, limit: 1000 }, actor),
      historyFor(actor, 'agency', agency.id),
    ])
    return reply.view(`${views}/agency.njk`, {
      agency,
      summary: presenters.agencySummary(agency),
      peopleRows: presenters.personRows(members),
      history: history && historyEntries(history),
      flash: query(request).saved ? 'Agency saved' : null,
    })
  })

  formRoute(app, {
    path: '/directory/agencies/:id/edit',
    permission: 'directory:manage',
    template: `${views}/agency-form.njk`,
    schema: agencySchema.extend({ version }),
    context: async (actor, request) => ({
      agency: await directory.getAgency(db, actor.partnershipId, params(request).id!),
      typeItems: presenters.agencyTypeItems(),
    }),
    initialValues: (_actor, _request, context) => {
      const agency = context.agency as Awaited<ReturnType<typeof directory.getAgency>>
      return { ...agency, contributesFunding: String(agency.contributesFunding), active: String(agency.active) }
    },
    save: async (actor, input, request) => {
      const { version: v, ...rest } = input
      await directory.updateAgency(db, actor, params(request).id!, v, rest)
      return `/directory/agencies/${params(request).id}?saved=1`
    },
  })

  // ---------------------------------------------------------------- people

  app.get('/directory/people', { config: { permission: 'directory:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    return reply.view(`${views}/people.njk`, await peopleListPage(db, actor, query(request)))
  })

  app.get('/directory/people.csv', { config: { permission: 'directory:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const rows = await directory.listPeople(
      db,
      actor.partnershipId,
      { ...personFilter(query(request)), limit: 100_000 },
      actor,
    )
    return sendCsv(reply, 'people.csv', presenters.personCsv(rows))
  })

  const personContext = async (actor: { partnershipId: string }) => ({
    agencies: await directory.listAgencyOptions(db, actor.partnershipId, { activeOnly: true }),
  })

  formRoute(app, {
    path: '/directory/people/new',
    permission: 'directory:manage',
    template: `${views}/person-form.njk`,
    schema: personSchema,
    context: async (actor) => ({ ...(await personContext(actor)), isNew: true }),
    initialValues: (_actor, request) => ({ agencyId: query(request).agencyId }),
    save: async (actor, input) => `/directory/people/${await directory.createPerson(db, actor, input)}?saved=1`,
  })

  app.get('/directory/people/:id', { config: { permission: 'directory:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const person = await directory.getPerson(db, actor, params(request).id!)
    const [memberships, history] = await Promise.all([
      directory.listMemberships(db, actor, { personId: person.id }),
      historyFor(actor, 'person', person.id),
    ])
    return reply.view(`${views}/person.njk`, {
      person,
      summary: presenters.personSummary(person),
      membershipRows: presenters.membershipsOfPersonRows(memberships),
      history: history && historyEntries(history),
      flash: query(request).saved ? 'Person saved' : null,
    })
  })

  formRoute(app, {
    path: '/directory/people/:id/edit',
    permission: 'directory:manage',
    template: `${views}/person-form.njk`,
    schema: personSchema.extend({ version }),
    context: async (actor, request) => ({
      ...(await personContext(actor)),
      person: await directory.getPerson(db, actor, params(request).id!),
    }),
    initialValues: (_actor, _request, context) => ({ ...(context.person as object) }),
    save: async (actor, input, request) => {
      const { version: v, ...rest } = input
      await directory.updatePerson(db, actor, params(request).id!, v, rest)
      return `/directory/people/${params(request).id}?saved=1`
    },
  })

  // ---------------------------------------------------------------- groups and members

  function groupFilter(request: FastifyRequest) {
    const q = query(request)
    return { ...readSort(q, ['name', 'kind', 'members'] as const, 'kind'), status: readStatus(q) }
  }

  app.get('/directory/groups', { config: { permission: 'directory:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const filter = groupFilter(request)
    const rows = await directory.listGroups(db, actor, filter)
    const q = query(request)
    return reply.view(`${views}/groups.njk`, {
      rows: presenters.groupRows(rows),
      count: rows.length,
      head: sortableHead(
        [
          { key: 'name', text: 'Name' },
          { key: 'kind', text: 'Kind' },
          { key: 'members', text: 'Current members', format: 'numeric' },
          { key: null, text: 'Status' },
        ],
        filter,
        q,
      ),
      filter: q,
      downloadHref: `/directory/groups.csv${filterQuery(q)}`,
      subNavigation: presenters.directoryNavigation('/directory/groups'),
    })
  })

  app.get('/directory/groups.csv', { config: { permission: 'directory:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    return sendCsv(
      reply,
      'groups.csv',
      presenters.groupCsv(await directory.listGroups(db, actor, groupFilter(request))),
    )
  })

  formRoute(app, {
    path: '/directory/groups/new',
    permission: 'directory:manage',
    template: `${views}/group-form.njk`,
    schema: groupSchema,
    context: async () => ({ isNew: true }),
    initialValues: () => ({ kind: 'subgroup', active: 'true' }),
    save: async (actor, input) => `/directory/groups/${await directory.createGroup(db, actor, input)}?saved=1`,
  })

  app.get('/directory/groups/:id', { config: { permission: 'directory:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const group = await directory.getGroup(db, actor, params(request).id!)
    const [members, history] = await Promise.all([
      directory.listMemberships(db, actor, { groupId: group.id }),
      historyFor(actor, 'group', group.id),
    ])
    const canManage = can(actor, 'directory:manage')
    const current = members.filter((m) => m.current)
    const past = members.filter((m) => !m.current)
    return reply.view(`${views}/group.njk`, {
      group,
      summary: presenters.groupSummary(group),
      currentRows: presenters.memberRows(current, canManage),
      pastRows: presenters.memberRows(past, canManage),
      canManage,
      history: history && historyEntries(history),
      flash: query(request).saved ? 'Group saved' : null,
    })
  })

  app.get('/directory/groups/:id/members.csv', { config: { permission: 'directory:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const group = await directory.getGroup(db, actor, params(request).id!)
    return sendCsv(
      reply,
      'members.csv',
      presenters.memberCsv(await directory.listMemberships(db, actor, { groupId: group.id })),
    )
  })

  formRoute(app, {
    path: '/directory/groups/:id/edit',
    permission: 'directory:manage',
    template: `${views}/group-form.njk`,
    schema: groupSchema.extend({ version }),
    context: async (actor, request) => ({ group: await directory.getGroup(db, actor, params(request).id!) }),
    initialValues: (_actor, _request, context) => {
      const group = context.group as Awaited<ReturnType<typeof directory.getGroup>>
      return { ...group, active: String(group.active) }
    },
    save: async (actor, input, request) => {
      const { version: v, ...rest } = input
      await directory.updateGroup(db, actor, params(request).id!, v, rest)
      return `/directory/groups/${params(request).id}?saved=1`
    },
  })

  formRoute(app, {
    path: '/directory/groups/:id/members/new',
    permission: 'directory:manage',
    template: `${views}/member-form.njk`,
    schema: membershipSchema.extend({ personId: z.uuid('Select a person from the list') }),
    extra: membershipDates,
    context: async (actor, request) => ({
      group: await directory.getGroup(db, actor, params(request).id!),
      people: await directory.listPeople(db, actor.partnershipId, { limit: 100_000 }),
      isNew: true,
    }),
    initialValues: () => ({ role: 'member' }),
    save: async (actor, input, request) => {
      await directory.addMembership(db, actor, params(request).id!, input as directory.MembershipInput)
      return `/directory/groups/${params(request).id}?saved=1`
    },
  })

  formRoute(app, {
    path: '/directory/groups/:id/members/:membershipId/edit',
    permission: 'directory:manage',
    template: `${views}/member-form.njk`,
    schema: membershipSchema.extend({ version }),
    extra: membershipDates,
    context: async (actor, request) => {
      const group = await directory.getGroup(db, actor, params(request).id!)
      const membership = await directory.getMembership(db, actor.partnershipId, group.id, params(request).membershipId!)
      const personName = await directory.personNameFor(db, actor.partnershipId, membership.personId)
      return { group, membership, personName }
    },
    initialValues: (_actor, _request, context) => {
      const m = context.membership as Awaited<ReturnType<typeof directory.getMembership>>
      return { ...m, ...dateParts(m.startsOn, 'startsOn'), ...dateParts(m.endsOn, 'endsOn') }
    },
    save: async (actor, input, request) => {
      const { version: v, ...rest } = input as {
        version: number
        role: directory.MembershipInput['role']
        startsOn: string
        endsOn: string | null
      }
      await directory.updateMembership(db, actor, params(request).id!, params(request).membershipId!, v, rest)
      return `/directory/groups/${params(request).id}?saved=1`
    },
  })
}
