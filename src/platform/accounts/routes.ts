import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { listAgencyOptions, listPeople } from '../../modules/partnership/service.ts'
import { ValidationError, type FieldErrors } from '../errors.ts'
import { checkboxes, requiredEmail, optionalId, parseForm, requiredText, version } from '../forms.ts'
import { renderFormErrors, requireActor, safeReturnTo, sessionCookieName } from '../http.ts'
import { isRole, roleDefinitions, roles, type Role } from '../permissions.ts'
import { userStatuses } from '../schema.ts'
import { filterQuery, readSort, sortableHead } from '../tables.ts'
import { sendCsv } from '../exports.ts'
import { recordHistory } from '../audit.ts'
import { historyEntries } from '../audit-log/presenters.ts'
import {
  findTokenUser,
  getUser,
  inviteUser,
  listUsers,
  type UserFilter,
  requestPasswordReset,
  resendInvite,
  setPasswordWithToken,
  setUserDisabled,
  signIn,
  signOut,
  updateUser,
} from './service.ts'
import { userRows, userSummary, roleItems } from './presenters.ts'

const views = 'platform/accounts/views'

const signInSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email address').max(254, 'Email address must be 254 characters or less'),
  password: z.string().min(1, 'Enter your password').max(256, 'Password must be 256 characters or less'),
  returnTo: z.string().optional(),
})

const userSchema = z.object({
  name: requiredText('their full name', 200),
  roles: checkboxes(roles as [Role, ...Role[]], 'Select a role from the list'),
  agencyId: optionalId,
  personId: optionalId,
})
const inviteSchema = userSchema.extend({ email: requiredEmail() })
const editUserSchema = userSchema.extend({ version })

/** Sign-in throttling per IP; accounts also lock after repeated failures (service.ts). */
const signInRateLimit = { max: 10, timeWindow: '1 minute' }

export async function accountRoutes(app: FastifyInstance) {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: app.config.secureCookies,
    signed: true,
  }

  function startSession(reply: FastifyReply, token: string) {
    return reply.setCookie(sessionCookieName, token, cookieOptions)
  }

  app.get('/sign-in', { config: { public: true } }, async (request, reply) => {
    if (request.actor) return reply.redirect('/')
    const query = request.query as Record<string, string | undefined>
    return reply.view(`${views}/sign-in.njk`, {
      values: { returnTo: query.returnTo },
      signedOut: query.signedOut === '1',
    })
  })

  app.post('/sign-in', { config: { public: true, rateLimit: signInRateLimit } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, string>
    const values = { email: body.email, returnTo: body.returnTo }
    let input
    try {
      input = parseForm(signInSchema, body)
    } catch (error) {
      if (error instanceof ValidationError)
        return renderFormErrors(reply, `${views}/sign-in.njk`, { values }, error.fieldErrors)
      throw error
    }
    const result = await signIn(app.db, input)
    if (!result.ok) {
      const message =
        result.reason === 'locked'
          ? 'Your account has been locked for 15 minutes because of too many failed attempts to sign in. Try again later or reset your password'
          : 'Enter a correct email address and password'
      return renderFormErrors(reply, `${views}/sign-in.njk`, { values }, { email: message })
    }
    // A fresh session id on every sign-in, so a session fixed before sign-in is worthless.
    if (request.actor && request.sessionToken) await signOut(app.db, request.actor, request.sessionToken)
    startSession(reply, result.sessionToken)
    return reply.redirect(safeReturnTo(input.returnTo))
  })

  app.post('/sign-out', { config: { public: true } }, async (request, reply) => {
    if (request.actor && request.sessionToken) await signOut(app.db, request.actor, request.sessionToken)
    reply.clearCookie(sessionCookieName, { path: '/' })
    return reply.redirect('/sign-in?signedOut=1')
  })

  app.get('/forgot-password', { config: { public: true } }, async (_request, reply) =>
    reply.view(`${views}/forgot-password.njk`, { values: {} }),
  )

  app.post('/forgot-password', { config: { public: true, rateLimit: signInRateLimit } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, string>
    try {
      const { email } = parseForm(z.object({ email: requiredEmail() }), body)
      await requestPasswordReset(app.db, email, app.config.baseUrl)
      return reply.view(`${views}/forgot-password-sent.njk`, { email })
    } catch (error) {
      if (error instanceof ValidationError)
        return renderFormErrors(reply, `${views}/forgot-password.njk`, { values: body }, error.fieldErrors)
      throw error
    }
  })

  for (const [path, purpose, template] of [
    ['/reset-password/:token', 'password-reset', 'reset-password.njk'],
    ['/accept-invite/:token', 'invite', 'accept-invite.njk'],
  ] as const) {
    app.get(path, { config: { public: true } }, async (request, reply) => {
      const { token } = request.params as { token: string }
      const user = await findTokenUser(app.db, token, purpose)
      if (!user) return reply.code(404).view(`${views}/link-expired.njk`)
      return reply.view(`${views}/${template}`, { email: user.email, name: user.name })
    })
    app.post(path, { config: { public: true, rateLimit: signInRateLimit } }, async (request, reply) => {
      const { token } = request.params as { token: string }
      const body = (request.body ?? {}) as Record<string, string>
      const user = await findTokenUser(app.db, token, purpose)
      if (!user) return reply.code(404).view(`${views}/link-expired.njk`)
      if (body.password !== body.confirmPassword) {
        return renderFormErrors(
          reply,
          `${views}/${template}`,
          { email: user.email, name: user.name },
          { confirmPassword: 'Passwords do not match' },
        )
      }
      try {
        const sessionToken = await setPasswordWithToken(app.db, token, purpose, body.password ?? '')
        startSession(reply, sessionToken)
        return reply.redirect('/?welcome=1')
      } catch (error) {
        if (error instanceof ValidationError)
          return renderFormErrors(
            reply,
            `${views}/${template}`,
            { email: user.email, name: user.name },
            error.fieldErrors,
          )
        throw error
      }
    })
  }

  app.get('/account', { config: { signedIn: true } }, async (request, reply) => {
    const actor = requireActor(request)
    const user = await getUser(app.db, actor.partnershipId, actor.id)
    return reply.view(`${views}/account.njk`, { summary: userSummary(user, [], []), user })
  })

  // ------------------------------------------------------------------ managing accounts

  /** The list's filters and sort from the query string; anything unknown is ignored. */
  function userFilter(request: FastifyRequest): UserFilter {
    const query = (request.query ?? {}) as Record<string, string>
    return {
      search: query.search?.trim().slice(0, 200) || undefined,
      role: query.role && isRole(query.role) ? query.role : undefined,
      status: userStatuses.find((status) => status === query.status),
      ...readSort(query, ['name', 'email', 'status', 'lastSignedInAt'] as const, 'name'),
    }
  }

  app.get('/users', { config: { permission: 'users:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const filter = userFilter(request)
    const query = (request.query ?? {}) as Record<string, string>
    const users = await listUsers(app.db, actor.partnershipId, filter)
    return reply.view(`${views}/users.njk`, {
      rows: userRows(users),
      count: users.length,
      filter: query,
      head: sortableHead(
        [
          { key: 'name', text: 'Name' },
          { key: 'email', text: 'Email' },
          { key: null, text: 'Roles' },
          { key: 'status', text: 'Status' },
          { key: 'lastSignedInAt', text: 'Last signed in' },
        ],
        { sort: filter.sort!, direction: filter.direction! },
        query,
      ),
      roleFilterItems: [
        { value: '', text: 'Any role' },
        ...roles.map((role) => ({ value: role, text: roleDefinitions[role].label })),
      ],
      downloadHref: `/users/download.csv${filterQuery(query)}`,
    })
  })

  app.get('/users/download.csv', { config: { permission: 'users:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const users = await listUsers(app.db, actor.partnershipId, userFilter(request))
    return sendCsv(reply, 'accounts.csv', [
      ['Name', 'Email', 'Roles', 'Status', 'Last signed in'],
      ...users.map((u) => [
        u.name,
        u.email,
        u.roles.map((r) => roleDefinitions[r as Role]?.label ?? r).join('; '),
        u.status,
        u.lastSignedInAt?.toISOString() ?? '',
      ]),
    ])
  })

  async function formOptions(partnershipId: string) {
    const [agencies, people] = await Promise.all([
      listAgencyOptions(app.db, partnershipId),
      listPeople(app.db, partnershipId, { limit: 5000 }),
    ])
    return { agencies, people }
  }

  function renderUserForm(
    reply: FastifyReply,
    template: string,
    data: Record<string, unknown>,
    options: Awaited<ReturnType<typeof formOptions>>,
    errors?: FieldErrors,
  ) {
    const values = (data.values ?? {}) as Record<string, unknown>
    const selectedRoles = ([] as string[]).concat((values.roles as string[] | string | undefined) ?? [])
    const context = {
      ...data,
      roleItems: roleItems(selectedRoles),
      agencyItems: [
        { value: '', text: 'None' },
        ...options.agencies.map((a) => ({ value: a.id, text: a.name, selected: a.id === values.agencyId })),
      ],
      personItems: [
        { value: '', text: 'None' },
        ...options.people.map((p) => ({
          value: p.id,
          text: `${p.name}${p.agencyName ? ` (${p.agencyName})` : ''}`,
          selected: p.id === values.personId,
        })),
      ],
    }
    if (errors) return renderFormErrors(reply, template, context, errors)
    return reply.view(template, context)
  }

  app.get('/users/invite', { config: { permission: 'users:manage' } }, async (request, reply) => {
    const actor = requireActor(request)
    return renderUserForm(reply, `${views}/invite.njk`, { values: {} }, await formOptions(actor.partnershipId))
  })

  app.post('/users/invite', { config: { permission: 'users:manage' } }, async (request, reply) => {
    const actor = requireActor(request)
    const body = (request.body ?? {}) as Record<string, unknown>
    try {
      const input = parseForm(inviteSchema, body)
      const id = await inviteUser(app.db, actor, input, app.config.baseUrl)
      return reply.redirect(`/users/${id}?invited=1`)
    } catch (error) {
      if (error instanceof ValidationError)
        return renderUserForm(
          reply,
          `${views}/invite.njk`,
          { values: body },
          await formOptions(actor.partnershipId),
          error.fieldErrors,
        )
      throw error
    }
  })

  app.get('/users/:id', { config: { permission: 'users:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const { id } = request.params as { id: string }
    const user = await getUser(app.db, actor.partnershipId, id)
    const { agencies, people } = await formOptions(actor.partnershipId)
    const history = historyEntries(await recordHistory(app.db, actor.partnershipId, 'user', id))
    const query = request.query as Record<string, string | undefined>
    return reply.view(`${views}/user.njk`, {
      user,
      summary: userSummary(user, agencies, people),
      history,
      flash: query.invited
        ? `Invitation sent to ${user.email}`
        : query.saved
          ? 'Account updated'
          : query.resent
            ? 'A new invitation has been sent'
            : null,
    })
  })

  app.get('/users/:id/edit', { config: { permission: 'users:manage' } }, async (request, reply) => {
    const actor = requireActor(request)
    const { id } = request.params as { id: string }
    const user = await getUser(app.db, actor.partnershipId, id)
    return renderUserForm(
      reply,
      `${views}/edit-user.njk`,
      { user, values: { ...user } },
      await formOptions(actor.partnershipId),
    )
  })

  app.post('/users/:id/edit', { config: { permission: 'users:manage' } }, async (request, reply) => {
    const actor = requireActor(request)
    const { id } = request.params as { id: string }
    const user = await getUser(app.db, actor.partnershipId, id)
    const body = (request.body ?? {}) as Record<string, unknown>
    try {
      const input = parseForm(editUserSchema, body)
      await updateUser(app.db, actor, id, input.version, input)
      return reply.redirect(`/users/${id}?saved=1`)
    } catch (error) {
      if (error instanceof ValidationError)
        return renderUserForm(
          reply,
          `${views}/edit-user.njk`,
          { user, values: body },
          await formOptions(actor.partnershipId),
          error.fieldErrors,
        )
      throw error
    }
  })

  for (const [action, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(`/users/:id/${action}`, { config: { permission: 'users:manage' } }, async (request, reply) => {
      const actor = requireActor(request)
      const { id } = request.params as { id: string }
      await setUserDisabled(app.db, actor, id, disabled)
      return reply.redirect(`/users/${id}?saved=1`)
    })
  }

  app.post('/users/:id/resend-invite', { config: { permission: 'users:manage' } }, async (request, reply) => {
    const actor = requireActor(request)
    const { id } = request.params as { id: string }
    await resendInvite(app.db, actor, id, app.config.baseUrl)
    return reply.redirect(`/users/${id}?resent=1`)
  })
}
