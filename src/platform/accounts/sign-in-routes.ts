import type { FastifyInstance, FastifyReply } from 'fastify'
import { z } from 'zod'
import { newPasswordFields, passwordsMatch } from './forms.ts'
import { NotFoundError, ValidationError } from '../errors.ts'
import { actionRoute, formRoute } from '../form-route.ts'
import { requiredEmail } from '../forms.ts'
import { safeReturnTo, sessionCookieName } from '../http.ts'
import { findTokenUser, requestPasswordReset, setPasswordWithToken, type LinkPurpose } from './one-time-links.ts'
import { failedAttemptsBeforePause, pauseMinutes, signIn, signOut } from './sessions.ts'

/** Signing in and out, and the emailed links that set a password: the public side of accounts. */

const views = 'platform/accounts/views'

const signInSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email address').max(254, 'Email address must be 254 characters or less'),
  password: z.string().min(1, 'Enter your password').max(256, 'Password must be 256 characters or less'),
  returnTo: z.string().max(2000).optional(),
})

/**
 * Per client address, for every form that checks a password or sends a link; sign-in also pauses
 * after 5 failures for one email from one address (sessions.ts).
 */
export const signInRateLimit = { max: 10, timeWindow: '1 minute' }

/**
 * Signing out is public (a page left open signs out whoever it was), so, like every public form,
 * it is rate-limited; generously, since it checks nothing and a refusal would leave someone signed in.
 */
export const signOutRateLimit = { max: 60, timeWindow: '1 minute' }

/** @fastify/csrf-protection's cookie (its default name), holding the secret every form's token is made from. */
const csrfCookieName = '_csrf'

const linkExpired = () =>
  new NotFoundError('This link has expired or has already been used', `${views}/link-expired.njk`)

export async function signInRoutes(app: FastifyInstance) {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax', secure: app.config.secureCookies } as const

  /**
   * Whenever the session changes, the CSRF secret goes too: the next form page makes a new one, so
   * a token taken before signing in or out (from a page left open, or planted) is refused after.
   */
  function renewCsrfSecret(reply: FastifyReply) {
    reply.clearCookie(csrfCookieName, cookieOptions)
  }

  function startSession(reply: FastifyReply, token: string) {
    renewCsrfSecret(reply)
    return reply.setCookie(sessionCookieName, token, { ...cookieOptions, signed: true })
  }

  formRoute(app, {
    path: '/sign-in',
    access: { public: true },
    rateLimit: signInRateLimit,
    template: `${views}/sign-in.njk`,
    schema: signInSchema,
    redirect: ({ actor }) => (actor ? '/' : null),
    // The page says when sign-in pauses, before it happens, since its error message never will.
    context: ({ query }) => ({ signedOut: query.signedOut === '1', failedAttemptsBeforePause, pauseMinutes }),
    initialValues: ({ query }) => ({ returnTo: query.returnTo }),
    save: async ({ raw: request }, input, _context, reply) => {
      const result = await signIn(app.db, { ...input, clientAddress: request.ip })
      // One message for every refusal, a pause included, so it never tells whether an account exists.
      if (!result.ok) throw new ValidationError({ email: 'Enter a correct email address and password' })
      // A fresh session id on every sign-in, so a session fixed before sign-in is worthless.
      if (request.actor && request.sessionToken) await signOut(app.db, request.actor, request.sessionToken)
      startSession(reply, result.sessionToken)
      return safeReturnTo(input.returnTo)
    },
  })

  actionRoute(app, {
    path: '/sign-out',
    access: { public: true },
    rateLimit: signOutRateLimit,
    schema: z.object({}),
    run: async ({ raw: request }, _input, reply) => {
      if (request.actor && request.sessionToken) await signOut(app.db, request.actor, request.sessionToken)
      reply.clearCookie(sessionCookieName, { path: '/' })
      renewCsrfSecret(reply)
      return '/sign-in?signedOut=1'
    },
  })

  formRoute(app, {
    path: '/forgot-password',
    access: { public: true },
    rateLimit: signInRateLimit,
    template: `${views}/forgot-password.njk`,
    schema: z.object({ email: requiredEmail() }),
    context: () => ({}),
    initialValues: () => ({}),
    save: async (_request, { email }) => {
      await requestPasswordReset(app.db, email, app.config.baseUrl)
      return { render: `${views}/forgot-password-sent.njk`, data: { email } }
    },
  })

  for (const [path, purpose, template] of [
    ['/reset-password/:token', 'password-reset', 'reset-password.njk'],
    ['/accept-invite/:token', 'invite', 'accept-invite.njk'],
  ] as [string, LinkPurpose, string][]) {
    formRoute(app, {
      path,
      access: { public: true },
      rateLimit: signInRateLimit,
      template: `${views}/${template}`,
      schema: z.object(newPasswordFields('a password')).refine(...passwordsMatch),
      context: async ({ params }) => {
        const user = await findTokenUser(app.db, params.token!, purpose)
        if (!user) throw linkExpired()
        return { email: user.email, name: user.name }
      },
      initialValues: () => ({}),
      save: async ({ params }, input, _context, reply) => {
        startSession(
          reply,
          await setPasswordWithToken(app.db, params.token!, purpose, input.password, app.config.baseUrl),
        )
        // The home page's banner, "Your password has been set", fits a first password and a reset alike.
        return '/?welcome=1'
      },
    })
  }
}
