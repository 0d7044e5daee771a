import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { afterSave, formRoute } from '../../../platform/form-route.ts'
import { dateInput, dateParts, version } from '../../../platform/forms.ts'
import { listRoute } from '../../../platform/list-route.ts'
import { oneOf } from '../../../platform/lists.ts'
import { membershipSchema } from '../forms.ts'
import { getGroup } from '../groups/service.ts'
import { directoryNavigation } from '../navigation.ts'
import { personPicker } from '../people/picker.ts'
import { groupKinds } from '../schema.ts'
import { readYears, yearFilterTags, yearText } from '../year-filters.ts'
import { countMembershipRecords, listMembershipRecords } from './list.ts'
import { membershipRecordCsv, membershipRecordRows, membershipRoleItems } from './presenters.ts'
import { addMembership, getMembership, updateMembership } from './service.ts'

const views = 'modules/partnership/views'

/** Membership dates, from GOV.UK date inputs. */
function membershipDates(body: Record<string, unknown>) {
  const range = { min: '1990-01-01', max: '2100-12-31' }
  const startsOn = dateInput(body, 'startsOn', 'the start date', { required: true, ...range })
  const endsOn = dateInput(body, 'endsOn', 'the end date', { required: false, ...range })
  const errors: Record<string, string> = {}
  if (startsOn.error) errors['startsOn-day'] = startsOn.error
  if (endsOn.error) errors['endsOn-day'] = endsOn.error
  if (!startsOn.error && !endsOn.error && endsOn.value && startsOn.value && endsOn.value < startsOn.value)
    errors['endsOn-day'] = 'The end date must be the same as or after the start date'
  return { errors, values: { startsOn: startsOn.value ?? '', endsOn: endsOn.value ?? null } }
}

const membershipYearFilters = ['startedIn', 'endedIn'] as const

export async function membershipRoutes(app: FastifyInstance) {
  const db = app.db

  // Every seat, past and present: what the year's "joined" and "left" figures link to.
  listRoute(app, {
    path: '/directory/memberships',
    permission: 'directory:read',
    template: `${views}/memberships.njk`,
    list: {
      columns: [
        { key: 'person', text: 'Name' },
        { key: null, text: 'Agency' },
        { key: 'group', text: 'Group' },
        { key: 'role', text: 'Role' },
        { key: 'startsOn', text: 'From' },
        { key: 'endsOn', text: 'Until' },
      ],
      defaultSort: 'startsOn',
      pageSize: 100,
      download: '/directory/memberships.csv',
      noun: ['membership', 'memberships'],
    },
    filter: (query) => ({
      kind: oneOf(query.kind, groupKinds),
      startedIn: yearText(query.startedIn),
      endedIn: yearText(query.endedIn),
    }),
    load: async (actor, { startedIn, endedIn, ...rest }, page) => {
      const years = await readYears(db, actor.partnershipId, { startedIn, endedIn }, membershipYearFilters)
      const filter = { ...rest, ...years }
      const [rows, total] = await Promise.all([
        listMembershipRecords(db, actor, { ...filter, ...(page ?? { limit: 100_000, offset: 0 }) }),
        countMembershipRecords(db, actor, filter),
      ])
      return { rows, total }
    },
    rows: membershipRecordRows,
    csv: membershipRecordCsv,
    context: async (actor, query) => ({
      subNavigation: directoryNavigation('/directory/memberships'),
      yearFilters: yearFilterTags(
        '/directory/memberships',
        query,
        await readYears(db, actor.partnershipId, query, membershipYearFilters),
        { startedIn: 'Joined in', endedIn: 'Left in' },
      ),
    }),
  })

  formRoute(app, {
    path: '/directory/groups/:id/members/new',
    access: { permission: 'directory:manage' },
    template: `${views}/member-form.njk`,
    schema: membershipSchema.extend({ personId: z.uuid('Select a person from the list') }),
    extra: membershipDates,
    pickers: { personId: personPicker(db) },
    context: async ({ actor, params }) => ({
      group: await getGroup(db, actor, params.id!),
      roleItems: membershipRoleItems(),
      isNew: true,
    }),
    initialValues: () => ({ role: 'member' }),
    save: async ({ actor, params }, input) => {
      await addMembership(db, actor, params.id!, input)
      return afterSave(`/directory/groups/${params.id}`)
    },
  })

  formRoute(app, {
    path: '/directory/groups/:id/members/:membershipId/edit',
    access: { permission: 'directory:manage' },
    template: `${views}/member-form.njk`,
    schema: membershipSchema.extend({ version }),
    extra: membershipDates,
    context: async ({ actor, params }) => {
      const group = await getGroup(db, actor, params.id!)
      const membership = await getMembership(db, actor, group.id, params.membershipId!)
      return { group, membership, personName: membership.personName, roleItems: membershipRoleItems() }
    },
    initialValues: (_request, { membership: m }) => ({
      ...m,
      ...dateParts(m.startsOn, 'startsOn'),
      ...dateParts(m.endsOn, 'endsOn'),
    }),
    save: async ({ actor, params }, { version: v, ...input }) => {
      const changed = await updateMembership(db, actor, params.id!, params.membershipId!, v, input)
      return afterSave(`/directory/groups/${params.id}`, changed)
    },
  })
}
