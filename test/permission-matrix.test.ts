import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fastifyCookie from '@fastify/cookie'
import fastifyCsrf from '@fastify/csrf-protection'
import fastifyView from '@fastify/view'
import Fastify from 'fastify'
import nunjucks from 'nunjucks'
import { loadConfig } from '../src/config.ts'
import { registry } from '../src/app.ts'
import { declaredRoutes, httpPlatform, sessionCookieName, type RouteDeclaration } from '../src/platform/http.ts'
import { createRegistry, defineModule } from '../src/platform/modules.ts'
import { roles, type Role } from '../src/platform/permissions.ts'
import { templateRoots } from '../src/platform/views.ts'
import { buildTestApp, demoEmail } from './helpers/app.ts'
import { routeIds, routeTable } from './helpers/routes.ts'

/**
 * One walk over the whole route table: every declared route, as every role and as a signed-out
 * visitor, checked against what the declaration and the role definitions say should happen.
 */

type Who = Role | 'signed-out visitor'

function expectedAccess(route: RouteDeclaration, who: Who): boolean {
  if (route.public) return true
  if (who === 'signed-out visitor') return false
  if (route.signedIn) return true
  // What the modules' declarations grant, read from the same registry the app was built from.
  return registry.permissions.get(route.permission!)?.[who] !== undefined
}

/** Signing out ends the walk for that person, so it goes last. */
const walkOrder = (route: RouteDeclaration) => (route.url === '/sign-out' ? 1 : 0)

/** The gate's answer to a signed-out visitor (the home page's own plain redirect to /sign-in is not a refusal). */
const refusedAsSignedOut = (location: unknown) =>
  typeof location === 'string' && location.startsWith('/sign-in?returnTo=')
const outcome = (status: number, location: unknown) => `${status}${location ? ` to ${String(location)}` : ''}`

describe('permission matrix', () => {
  it('every route lets in exactly the roles its declaration names, and a refusal never signs anyone out', async (t) => {
    const testApp = await buildTestApp(t)
    const concreteUrl = await routeIds(testApp)
    const routes = routeTable(testApp.app).sort((a, b) => walkOrder(a) - walkOrder(b))

    const everyone: Who[] = [...roles, 'signed-out visitor']
    const failures: string[] = []
    let checks = 0
    for (const [index, who] of everyone.entries()) {
      // Each person works from their own computer: sign-in and the token forms are rate-limited per
      // address, and 8 sign-ins plus the walk's own posts from one address would trip that limit.
      const from = { remoteAddress: `10.0.0.${index + 1}` }
      const session =
        who === 'signed-out visitor'
          ? await testApp.visitor(from)
          : await testApp.signIn(demoEmail[who], undefined, from)
      for (const route of routes) {
        if (route.url === '/sign-out' && who !== 'signed-out visitor') {
          // Every refusal so far has left the session working.
          const account = await session.get('/account')
          if (account.statusCode !== 200)
            failures.push(`${who}: signed out before /sign-out (/account gave ${account.statusCode})`)
        }
        const url = concreteUrl(route.url)
        const name = `${route.method} ${route.url} as ${who}`
        const response = route.method === 'GET' ? await session.get(url) : await session.post(url)
        const status = response.statusCode
        const location = response.headers.location
        checks++
        if (status >= 500) {
          failures.push(`${name}: failed with ${status}`)
          continue
        }
        if (expectedAccess(route, who)) {
          if (status === 401 || status === 403 || refusedAsSignedOut(location))
            failures.push(`${name}: should be allowed, got ${outcome(status, location)}`)
        } else if (who === 'signed-out visitor') {
          if (
            route.method === 'GET' &&
            !(status === 302 && location === `/sign-in?returnTo=${encodeURIComponent(url)}`)
          ) {
            failures.push(`${name}: should redirect to sign-in, got ${outcome(status, location)}`)
          }
          if (route.method !== 'GET' && status !== 401) failures.push(`${name}: should be 401, got ${status}`)
        } else {
          if (status !== 403 || !response.body.includes('You do not have permission to see this page')) {
            failures.push(`${name}: should be refused with the 403 page, got ${status}`)
          }
          if (!session.cookies.has(sessionCookieName)) failures.push(`${name}: the refusal cleared the session cookie`)
        }
      }
      if (who !== 'signed-out visitor') {
        // …and the walk's last step, signing out, really ended it.
        const account = await session.get('/account')
        if (account.statusCode !== 302 || !refusedAsSignedOut(account.headers.location))
          failures.push(`/sign-out as ${who}: did not sign them out`)
      }
    }
    assert.deepEqual(failures, [], `${failures.length} of ${checks} route checks failed`)
    assert.equal(checks, routes.length * everyone.length)
  })

  /** The platform alone, with one test module: routes added to it are checked as the app's are. */
  async function bareApp(t: { after(fn: () => Promise<void>): void }) {
    const app = Fastify({ logger: false })
    t.after(() => app.close())
    app.decorate('db', null as never)
    app.decorate('config', loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }))
    await app.register(fastifyCookie, { secret: 'a-secret-long-enough-for-signing-cookies' })
    await app.register(fastifyCsrf, { sessionPlugin: '@fastify/cookie' })
    await app.register(fastifyView, { engine: { nunjucks }, templates: templateRoots })
    await app.register(httpPlatform, {
      registry: createRegistry([
        defineModule({
          name: 'test',
          permissions: { 'test:read': { description: 'test', roles: { administrator: true } } },
          accountDirectory: registry.accountDirectory,
        }),
      ]),
    })
    return app
  }

  it('refuses to start when a route declares no permission, signedIn or public', async (t) => {
    const app = await bareApp(t)
    app.get('/declared', { config: { public: true } }, async () => 'fine')
    assert.throws(
      () => app.get('/undeclared', async () => 'should never be served'),
      /Route GET \/undeclared declares no permission, signedIn: true or public: true/,
    )
    assert.throws(
      () => app.post('/undeclared-form', { config: { csrf: true } }, async () => 'nor this'),
      /POST \/undeclared-form declares no permission/,
    )
    await app.ready()
    assert.deepEqual(
      (app as unknown as Record<symbol, RouteDeclaration[]>)[declaredRoutes]!.map((r) => `${r.method} ${r.url}`),
      ['GET /declared'],
    )
  })

  it('refuses to start when a public form declares no rate limit, or a public page asks for a permission', async (t) => {
    const app = await bareApp(t)
    const limit = { max: 5, timeWindow: '1 minute' }
    assert.throws(
      () => app.post('/public-form', { config: { public: true } }, async () => 'never'),
      /Public route POST \/public-form takes a form and declares no rate limit/,
    )
    assert.throws(
      () =>
        app.route({ method: ['GET', 'PUT'], url: '/mixed', config: { public: true }, handler: async () => 'never' }),
      /Public route GET,PUT \/mixed takes a form and declares no rate limit/,
    )
    assert.throws(
      () => app.post('/site-form', { config: { publicSite: true } }, async () => 'never'),
      /Public route POST \/site-form takes a form/,
      'a page of the public site is public',
    )
    assert.throws(
      () => app.get('/site-secret', { config: { publicSite: true, permission: 'test:read' } }, async () => 'never'),
      /GET \/site-secret is on the public site and needs a permission/,
    )
    app.post('/limited-form', { config: { public: true, rateLimit: limit } }, async () => 'fine')
    app.post('/staff-form', { config: { permission: 'test:read' } }, async () => 'fine: staff forms need no limit')
    app.get('/public-page', { config: { public: true } }, async () => 'fine: pages need no limit')
    app.get('/site-page', { config: { publicSite: true } }, async () => 'fine')
    await app.ready()
    assert.deepEqual(
      (app as unknown as Record<symbol, RouteDeclaration[]>)[declaredRoutes]!.map(
        (r) => `${r.method} ${r.url}${r.public ? ' (public)' : ''}`,
      ),
      ['POST /limited-form (public)', 'POST /staff-form', 'GET /public-page (public)', 'GET /site-page (public)'],
    )
  })
})
