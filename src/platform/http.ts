import type {} from '@fastify/cookie'
import type {} from '@fastify/csrf-protection'
import type {} from '@fastify/rate-limit'
import type {} from '@fastify/view'
import type { FastifyContextConfig, FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Config } from '../config.ts'
import type { Database } from '../db/index.ts'
import { loadSession, type SignedInUser } from './accounts/sessions.ts'
import {
  BadRequestError,
  ForbiddenError,
  NotFoundError,
  SeeOtherError,
  StaleEditError,
  ValidationError,
} from './errors.ts'
import { errorList } from './forms.ts'
import { canSeeConfidential, recordConfidentialView } from './confidential/index.ts'
import type { Registry } from './modules.ts'
import { can, type Permission } from './permissions.ts'
import { mainNavigation } from './navigation.ts'
import { publicSiteLocals } from './public-site.ts'
import { isUuid } from './tokens.ts'

/**
 * Every route declares what it needs in its config: `{ permission: 'resource:action' }` (one a
 * module declares), `{ signedIn: true }` or `{ public: true }`. A route with none stops the app
 * from starting. One hook enforces the permission; a refusal renders a 403 page and never signs
 * the user out. A route parameter named `id` or ending in `Id` is a UUID: anything else is a 404
 * before the route runs. A public route that takes a form (any method but GET) declares a rate
 * limit, or the app does not start. A page of the public site (`publicSite: true`, which makes it
 * public) is on the public layout and belongs to one partnership (public-site.ts).
 */
declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: Permission
    public?: boolean
    /** A page of the public site: public, on the public layout, for the public partnership (public-site.ts). */
    publicSite?: boolean
    /** Any signed-in account, whatever its roles (their own account page, for example). */
    signedIn?: boolean
    /** Set by the platform on @fastify/static's routes: served without a session lookup. */
    assets?: boolean
    /** Forms posted from outside a browser session (none yet) would opt out; every other POST is checked. */
    csrf?: boolean
    /**
     * The route shows or changes confidential records of this type (platform/confidential). When the
     * URL holds the record's id (`param`, `id` unless said; null for a list), anyone the record does
     * not name gets a 404 before the route runs, and a GET is written to the audit log as a view, or
     * a download with `download: true`. Lists filter with `confidentialCondition` themselves.
     */
    confidential?: { recordType: string; param?: string | null; download?: boolean }
  }
  interface FastifyRequest {
    actor: SignedInUser | null
    sessionToken: string | null
  }
  interface FastifyReply {
    /** Merged by @fastify/view into every template's context. */
    locals: Record<string, unknown>
  }
  interface FastifyInstance {
    db: Database
    config: Config
    registry: Registry
  }
}

export const sessionCookieName = 'sph_session'
/** The product's own name: the service's name until a partnership's is known. */
export const productName = 'Safeguarding Partnership Hub'
/** Where @fastify/static serves public/ (src/app.ts). */
export const assetsPrefix = '/assets/'

export interface RouteDeclaration {
  method: string
  url: string
  permission: Permission | null
  public: boolean
  signedIn: boolean
  /** The confidential record type the route shows, and the parameter holding its id (null for a list). */
  confidential: { recordType: string; param: string | null } | null
}

/** The route table, read by the permission matrix test. */
export const declaredRoutes = Symbol('declaredRoutes')

const confidentialParam = (config: { param?: string | null }) => (config.param === undefined ? 'id' : config.param)

/** Route parameters that hold ids, checked as UUIDs by the platform. */
const isIdParam = (name: string) => name === 'id' || name.endsWith('Id')

/** Query strings parse to one string per name: a repeated name keeps its first value, so no route sees an array. */
export function parseQueryString(text: string): Record<string, string> {
  const query: Record<string, string> = {}
  for (const [key, value] of new URLSearchParams(text)) if (!Object.hasOwn(query, key)) query[key] = value
  return query
}

/** True when any string in a parsed query, params or body holds a null byte (PostgreSQL refuses them in text). */
function holdsNullByte(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000')
  if (depth > 3 || value === null || typeof value !== 'object') return false
  return Object.entries(value).some(([key, item]) => key.includes('\u0000') || holdsNullByte(item, depth + 1))
}

export const httpPlatform = fp(
  async (app: FastifyInstance, { registry }: { registry: Registry }) => {
    const routes: RouteDeclaration[] = []
    app.decorate(declaredRoutes, routes)
    app.decorate('registry', registry)
    app.decorateRequest('actor', null)
    app.decorateRequest('sessionToken', null)

    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method]
      if (methods.every((m) => m === 'HEAD')) return
      // @fastify/static cannot pass route config, so its routes are declared here, once: public, and asset-only.
      if (route.url.startsWith(assetsPrefix)) {
        route.config ??= {}
        Object.assign(route.config, { public: true, assets: true })
      }
      const config = route.config ?? {}
      if (config.publicSite) {
        if (config.permission || config.signedIn)
          throw new Error(`Route ${methods.join(',')} ${route.url} is on the public site and needs a permission`)
        config.public = true
      }
      if (!config.public && !config.permission && !config.signedIn) {
        throw new Error(
          `Route ${methods.join(',')} ${route.url} declares no permission, signedIn: true or public: true`,
        )
      }
      // A form anyone may send is rate-limited per client address (@fastify/rate-limit reads this config).
      if (config.public && methods.some((m) => m !== 'GET' && m !== 'HEAD') && !config.rateLimit)
        throw new Error(`Public route ${methods.join(',')} ${route.url} takes a form and declares no rate limit`)
      if (config.confidential) {
        if (config.public)
          throw new Error(`Route ${methods.join(',')} ${route.url} is public and shows confidential records`)
        const param = confidentialParam(config.confidential)
        if (param && !route.url.includes(`:${param}`))
          throw new Error(`Route ${methods.join(',')} ${route.url} has no :${param} for its confidential record`)
      }
      if (config.permission && !registry.permissions.has(config.permission))
        throw new Error(`Route ${methods.join(',')} ${route.url} needs ${config.permission}, which no module declares`)
      for (const method of methods) {
        routes.push({
          method,
          url: route.url,
          permission: config.permission ?? null,
          public: !!config.public,
          signedIn: !!config.signedIn,
          confidential: config.confidential
            ? { recordType: config.confidential.recordType, param: confidentialParam(config.confidential) }
            : null,
        })
      }
    })

    app.addHook('onRequest', async (request, reply) => {
      // Stylesheets, scripts and images need no session: skip the database for them.
      if (request.routeOptions.config.assets) return
      const token = request.cookies[sessionCookieName]
      if (token) {
        const unsigned = request.unsignCookie(token)
        if (unsigned.valid && unsigned.value) {
          request.actor = await loadSession(app.db, unsigned.value, registry)
          if (request.actor) request.sessionToken = unsigned.value
        }
        if (!request.actor) reply.clearCookie(sessionCookieName, { path: '/' })
      }
      const actor = request.actor
      reply.locals = {
        actor,
        can: (permission: Permission) => can(actor, permission),
        currentPath: request.url.split('?')[0],
        navigation: mainNavigation(registry, actor, request.url.split('?')[0] ?? '/'),
        cspNonce: (reply as unknown as { cspNonce?: { script: string } }).cspNonce?.script,
        serviceName: actor?.partnershipName || productName,
        productName,
      }
      // A getter, so the CSRF secret cookie is set only on pages that render a form.
      Object.defineProperty(reply.locals, 'csrfToken', { get: () => reply.generateCsrf(), enumerable: true })
    })

    app.addHook('preValidation', async (request, reply) => {
      const config = request.routeOptions.config
      if (config.assets || request.is404) return
      if (holdsNullByte(request.query) || holdsNullByte(request.params) || holdsNullByte(request.body))
        throw new BadRequestError('A null byte in the request')
      if (!config.public) {
        if (!request.actor) {
          if (request.method === 'GET') {
            return reply.redirect(`/sign-in?returnTo=${encodeURIComponent(request.url)}`)
          }
          return reply.code(401).view('views/errors/signed-out.njk')
        }
        if (config.permission && !can(request.actor, config.permission)) {
          request.log.warn(
            { route: request.routeOptions.url, userId: request.actor.id, permission: config.permission },
            'permission refused',
          )
          throw new ForbiddenError()
        }
      }
      // After the gate, so a signed-out visitor is sent to sign in whatever the address holds.
      const params = (request.params ?? {}) as Record<string, string>
      for (const [name, value] of Object.entries(params))
        if (isIdParam(name) && !isUuid(value)) throw new NotFoundError()
      if (config.publicSite)
        reply.locals.publicSite = await publicSiteLocals(request, reply.locals.currentPath as string)
      if (config.confidential && request.actor) await guardConfidential(request, config.confidential, params)
    })

    /** Outside a confidential record's scope it does not exist (404); a look at it is audited. */
    async function guardConfidential(
      request: FastifyRequest,
      confidential: NonNullable<FastifyContextConfig['confidential']>,
      params: Record<string, string>,
    ) {
      const param = confidentialParam(confidential)
      const recordId = param ? params[param] : undefined
      if (!recordId) return
      const actor = request.actor!
      if (!(await canSeeConfidential(app.db, actor, confidential.recordType, recordId))) throw new NotFoundError()
      if (request.method !== 'GET') return
      const label = registry.recordTypes.get(confidential.recordType)?.label ?? confidential.recordType
      const page = (request.url.split('?')[0] ?? '').replace(recordId, `:${param}`)
      await recordConfidentialView(app.db, actor, {
        recordType: confidential.recordType,
        recordId,
        summary: `${confidential.download ? 'Downloaded' : 'Viewed'} ${label.toLowerCase()} (${page})`,
        download: confidential.download,
      })
    }

    app.addHook('preHandler', (request, reply, done) => {
      if (request.method === 'GET' || request.method === 'HEAD' || request.routeOptions.config.csrf === false)
        return done()
      app.csrfProtection(request, reply, done)
    })

    app.setNotFoundHandler({ preValidation: undefined }, (request, reply) => {
      return reply.code(404).view('views/errors/not-found.njk')
    })

    app.setErrorHandler((error, request, reply) => {
      const err = error as Error & { statusCode?: number; code?: string }
      if (err instanceof NotFoundError)
        return reply.code(404).view(err.template ?? 'views/errors/not-found.njk', { message: err.message })
      if (err instanceof ForbiddenError) return reply.code(403).view('views/errors/forbidden.njk')
      if (err instanceof SeeOtherError) return reply.redirect(err.location, 303)
      if (err instanceof StaleEditError) {
        // The same address, fetched again, opens the form on the record as it is now.
        return reply.code(409).view('views/errors/problem.njk', {
          title: 'This record has changed',
          message: err.message,
          link: { href: request.url, text: 'Open the form again to see the latest version' },
        })
      }
      if (err instanceof ValidationError) {
        return reply
          .code(400)
          .view('views/errors/problem.njk', { title: 'There is a problem', errors: errorList(err.fieldErrors) })
      }
      if (err.code?.startsWith('FST_CSRF')) {
        request.log.warn({ route: request.routeOptions.url, code: err.code }, 'csrf check failed')
        return reply.code(403).view('views/errors/problem.njk', {
          title: 'Your form could not be sent',
          message:
            'This can happen if the page was open for a long time or was opened in another browser. Go back, reload the page and try again.',
        })
      }
      if (err.statusCode === 429) {
        return reply.code(429).view('views/errors/problem.njk', {
          title: 'Too many attempts',
          message: 'Wait a few minutes and try again.',
        })
      }
      if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
        return reply.code(err.statusCode).view('views/errors/problem.njk', {
          title: 'There is a problem with your request',
          message: 'Check the address or the form and try again.',
        })
      }
      request.log.error({ err }, 'unhandled error')
      return reply.code(500).view('views/errors/server-error.njk', {
        detail: app.config.env === 'production' ? null : (err.stack ?? err.message),
      })
    })
  },
  { name: 'http-platform', dependencies: ['@fastify/cookie', '@fastify/csrf-protection', '@fastify/view'] },
)

/**
 * Where to go after signing in: only a path on this site. Control characters are refused outright
 * (browsers drop a tab or newline, so "/\t/evil.example" would become "//evil.example"), and what is
 * left must resolve to this origin.
 */
export function safeReturnTo(value: unknown): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  if (typeof value !== 'string' || !value.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(value)) return '/'
  const base = 'http://hub.invalid'
  const url = new URL(value, base)
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : '/'
}

export function requireActor(request: FastifyRequest): SignedInUser {
  if (!request.actor) throw new ForbiddenError()
  return request.actor
}
