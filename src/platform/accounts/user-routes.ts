import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { historyOf } from '../audit-log/history.ts'
import { actionRoute, afterSave, formRoute, savedBanner, type FormRequest } from '../form-route.ts'
import { checkboxes, optionalId, requiredEmail, requiredText, version } from '../forms.ts'
import { requireActor } from '../http.ts'
import { listRoute, wholeList } from '../list-route.ts'
import { oneOf, searchText, type Query } from '../lists.ts'
import { isRole, roleDefinitions, roles, type Role } from '../permissions.ts'
import type { Picker } from '../person-picker.ts'
import { userStatuses } from '../schema.ts'
import { accountCsv, roleItems, userRows, userSummary } from './presenters.ts'
import {
  describeUser,
  getUser,
  inviteUser,
  listUsers,
  resendInvite,
  setUserDisabled,
  updateUser,
  type UserFilter,
} from './users.ts'

/** Managing accounts: the business unit and administrators. */

const views = 'platform/accounts/views'

const userSchema = z.object({
  name: requiredText('their full name', 200),
  roles: checkboxes(roles as [Role, ...Role[]], 'Select a role from the list'),
  agencyId: optionalId,
  personId: optionalId,
})

export async function userRoutes(app: FastifyInstance) {
  const directory = app.registry.accountDirectory
  listRoute(app, {
    path: '/users',
    permission: 'users:read',
    template: `${views}/users.njk`,
    list: {
      columns: [
        { key: 'name', text: 'Name' },
        { key: 'email', text: 'Email' },
        { key: null, text: 'Roles' },
        { key: 'status', text: 'Status' },
        { key: 'lastSignedInAt', text: 'Last signed in' },
      ],
      defaultSort: 'name',
      download: '/users/download.csv',
      noun: ['account', 'accounts'],
    },
    filter: (query) => ({
      search: searchText(query.search),
      role: query.role && isRole(query.role) ? query.role : undefined,
      status: oneOf(query.status, userStatuses),
    }),
    load: async (actor, filter: UserFilter) => wholeList(await listUsers(app.db, actor.partnershipId, filter)),
    rows: userRows,
    csv: accountCsv,
    context: () => ({
      roleFilterItems: [
        { value: '', text: 'Any role' },
        ...roles.map((role) => ({ value: role, text: roleDefinitions[role].label })),
      ],
    }),
  })

  /** The role and agency fields' items. */
  async function fieldItems({ actor }: FormRequest) {
    const agencies = await directory.agencyOptions(app.db, actor.partnershipId)
    return {
      roleItems: roleItems(),
      agencyItems: [{ value: '', text: 'None' }, ...agencies.map((a) => ({ value: a.id, text: a.name }))],
    }
  }

  /** Their entry in the directory, found by name: the directory's people reached only through the registry. */
  const pickers: Record<string, Picker> = {
    personId: {
      searchUrl: directory.personSearchUrl,
      search: ({ actor }, term, limit) => directory.searchPeople(app.db, actor, term, limit),
      chosen: ({ actor }, id) => directory.person(app.db, actor, id),
    },
  }

  formRoute(app, {
    path: '/users/invite',
    access: { permission: 'users:manage' },
    template: `${views}/invite.njk`,
    schema: userSchema.extend({ email: requiredEmail() }),
    context: fieldItems,
    pickers,
    initialValues: () => ({}),
    save: async ({ actor }, input) =>
      `/users/${await inviteUser(app.db, actor, directory, input, app.config.baseUrl)}?invited=1`,
  })

  app.get('/users/:id', { config: { permission: 'users:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const { id } = request.params as { id: string }
    const user = await describeUser(app.db, directory, actor.partnershipId, id)
    const history = await historyOf(app, actor, 'user', id)
    const query = request.query as Query
    return reply.view(`${views}/user.njk`, {
      user,
      summary: userSummary(user),
      history,
      flash: query.invited
        ? `Invitation sent to ${user.email}`
        : query.resent
          ? 'A new invitation has been sent'
          : savedBanner(query, 'Account updated'),
    })
  })

  formRoute(app, {
    path: '/users/:id/edit',
    access: { permission: 'users:manage' },
    template: `${views}/edit-user.njk`,
    schema: userSchema.extend({ version }),
    context: async (request) => ({
      user: await getUser(app.db, request.actor.partnershipId, request.params.id!),
      ...(await fieldItems(request)),
    }),
    pickers,
    initialValues: (_request, { user }) => ({ ...user }),
    save: async ({ actor, params }, input) => {
      const changed = await updateUser(app.db, actor, directory, params.id!, input.version, input)
      return afterSave(`/users/${params.id}`, changed)
    },
  })

  for (const [action, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    actionRoute(app, {
      path: `/users/:id/${action}`,
      access: { permission: 'users:manage' },
      schema: z.object({ version }),
      run: async ({ actor, params }, input) => {
        const changed = await setUserDisabled(app.db, actor, params.id!, input.version, disabled)
        return afterSave(`/users/${params.id}`, changed)
      },
    })
  }

  actionRoute(app, {
    path: '/users/:id/resend-invite',
    access: { permission: 'users:manage' },
    schema: z.object({}),
    run: async ({ actor, params }) => {
      await resendInvite(app.db, actor, params.id!, app.config.baseUrl)
      return `/users/${params.id}?resent=1`
    },
  })
}
