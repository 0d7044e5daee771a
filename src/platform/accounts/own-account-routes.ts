import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { newPasswordFields, passwordsMatch } from './forms.ts'
import { afterSave, formRoute, savedBanner } from '../form-route.ts'
import { requireActor } from '../http.ts'
import type { Query } from '../lists.ts'
import { changePassword } from './password-changes.ts'
import { userSummary } from './presenters.ts'
import { signInRateLimit } from './sign-in-routes.ts'
import { describeUser } from './users.ts'

/** Each person's own account: what it holds, and changing their password. Any signed-in account. */

const views = 'platform/accounts/views'

const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: 'Enter your current password' })
      .min(1, 'Enter your current password')
      .max(256, 'Password must be 256 characters or less'),
    ...newPasswordFields('a new password'),
  })
  .refine(...passwordsMatch)

export async function ownAccountRoutes(app: FastifyInstance) {
  app.get('/account', { config: { signedIn: true } }, async (request, reply) => {
    const actor = requireActor(request)
    const user = await describeUser(app.db, app.registry.accountDirectory, actor.partnershipId, actor.id)
    return reply.view(`${views}/account.njk`, {
      summary: userSummary(user),
      user,
      flash: savedBanner(request.query as Query, 'Your password has been changed'),
    })
  })

  formRoute(app, {
    path: '/account/password',
    access: { signedIn: true },
    // The current password is checked here, so this form is throttled like sign-in.
    rateLimit: signInRateLimit,
    template: `${views}/change-password.njk`,
    schema: changePasswordSchema,
    context: ({ actor }) => ({ email: actor.email }),
    initialValues: () => ({}),
    save: async ({ actor, raw }, input) => {
      await changePassword(app.db, actor, raw.sessionToken!, input, app.config.baseUrl)
      return afterSave('/account')
    },
  })
}
