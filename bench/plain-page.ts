import fastifyView from '@fastify/view'
import Fastify from 'fastify'
import nunjucks from 'nunjucks'
import type { Database } from '../src/db/index.ts'
import { peopleList } from '../src/modules/partnership/people/routes.ts'
import { listPageView } from '../src/platform/list-route.ts'
import { systemActor } from '../src/platform/permissions.ts'
import { configureNunjucks, templateRoots } from '../src/platform/views.ts'
import { serverTimer } from './load.ts'

/**
 * The people list without the platform: a bare Fastify app with @fastify/view set up as in
 * src/app.ts, and one route rendering what GET /directory/people renders — the same
 * listPageView() of the same list route and template — but with no session lookup, helmet, cookies, CSRF or permission hooks.
 * Beside the bare route it shows what the page itself costs; the app's page beside it shows what
 * the platform adds.
 */
export async function plainPeoplePage(options: {
  db: Database
  partnershipId: string
  /** What the layout shows: the signed-in person's name and the partnership's name. */
  actorName: string
  partnershipName: string
}) {
  const { db, partnershipId } = options
  const { app, timer, layout } = await plainViewApp({ ...options, currentPath: '/directory/people' })
  const actor = systemActor(partnershipId)
  const people = peopleList(db)
  app.get('/directory/people', async (request, reply) => {
    const q = (request.query ?? {}) as Record<string, string>
    return reply.view(people.template, { ...layout, ...(await listPageView(people, actor, q)) })
  })

  await app.listen({ port: 0, host: '127.0.0.1' })
  const baseUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`
  return { app, timer, baseUrl }
}

/**
 * A bare Fastify app with @fastify/view set up as in src/app.ts and the locals the platform's
 * onRequest hook would set (src/platform/http.ts), for a page rendered without the platform.
 */
export async function plainViewApp(options: { actorName: string; partnershipName: string; currentPath: string }) {
  const app = Fastify()
  const timer = serverTimer(app)
  await app.register(fastifyView, {
    engine: { nunjucks },
    templates: templateRoots,
    options: { autoescape: true, noCache: false, onConfigure: configureNunjucks },
  })
  const layout = {
    actor: { name: options.actorName, partnershipName: options.partnershipName },
    can: () => true,
    currentPath: options.currentPath,
    navigation: [],
    csrfToken: 'x',
    serviceName: options.partnershipName,
  }
  return { app, timer, layout }
}
