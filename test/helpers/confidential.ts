import fastifyCookie from '@fastify/cookie'
import fastifyCsrf from '@fastify/csrf-protection'
import fastifyView from '@fastify/view'
import Fastify, { type FastifyInstance } from 'fastify'
import nunjucks from 'nunjucks'
import { registry } from '../../src/app.ts'
import { createSession, loadSession, type SignedInUser } from '../../src/platform/accounts/sessions.ts'
import { httpPlatform, parseQueryString, sessionCookieName } from '../../src/platform/http.ts'
import { createRegistry, type ModuleDefinition } from '../../src/platform/modules.ts'
import { configureNunjucks, templateRoots } from '../../src/platform/views.ts'
import type { TestApp } from './app.ts'

/**
 * Confidential records in tests: the actor an account is when signed in (its groups today loaded
 * as the session loads them), and the platform on the test's database with a test module's routes
 * added, so the route guard is tested with routes no module has to ship.
 */

/** The account as the platform sees it on a request: roles, grants, and the groups it sits on today. */
export async function signedInActor(testApp: TestApp, userId: string): Promise<SignedInUser> {
  const { db } = testApp.database
  const actor = await loadSession(db, await createSession(db, userId), registry)
  if (!actor) throw new Error('the account is not active: give insertUser a password')
  return actor
}

export interface GuardedApp {
  app: FastifyInstance
  /** A request as the account, signed in. */
  as(userId: string, method: 'GET' | 'POST', url: string): Promise<{ statusCode: number; body: string }>
}

/**
 * The platform alone (its HTTP hooks, sessions and error pages) on the test app's database, with
 * the app's modules and one more: `routes` registers the test's own routes on it.
 */
export async function guardedApp(
  testApp: TestApp,
  t: { after(fn: () => Promise<void>): void },
  module: ModuleDefinition,
  routes: (app: FastifyInstance) => void,
): Promise<GuardedApp> {
  const app = Fastify({ logger: false, routerOptions: { querystringParser: parseQueryString } })
  t.after(() => app.close())
  app.decorate('db', testApp.database.db)
  app.decorate('config', testApp.config)
  await app.register(fastifyCookie, { secret: testApp.config.sessionSecret })
  await app.register(fastifyCsrf, { sessionPlugin: '@fastify/cookie' })
  await app.register(fastifyView, {
    engine: { nunjucks },
    templates: templateRoots,
    options: { autoescape: true, onConfigure: configureNunjucks },
  })
  await app.register(httpPlatform, { registry: createRegistry([...registry.modules, module]) })
  routes(app)
  await app.ready()
  return {
    app,
    async as(userId, method, url) {
      const token = await createSession(testApp.database.db, userId)
      return app.inject({ method, url, cookies: { [sessionCookieName]: app.signCookie(token) } })
    },
  }
}
