import fastifyView from '@fastify/view'
import Fastify from 'fastify'
import nunjucks from 'nunjucks'
import type { Database } from '../src/db/index.ts'
import * as presenters from '../src/modules/partnership/presenters.ts'
import * as directory from '../src/modules/partnership/service.ts'
import { systemActor } from '../src/platform/permissions.ts'
import { filterQuery, pagination, readSort, sortableHead } from '../src/platform/tables.ts'
import { configureNunjucks, templateRoots } from '../src/platform/views.ts'
import { serverTimer } from './load.ts'

/**
 * The people list without the platform: a bare Fastify app with @fastify/view set up as in
 * src/app.ts, and one route doing what GET /directory/people does — the same three service calls,
 * presenters and template — but with no session lookup, helmet, cookies, CSRF or permission hooks.
 * Beside the bare route it shows what the page itself costs; the app's page beside it shows what
 * the platform adds.
 */
const views = 'modules/partnership/views'
const peoplePageSize = 100

export async function plainPeoplePage(options: {
  db: Database
  partnershipId: string
  /** What the layout shows: the signed-in person's name and the partnership's name. */
  actorName: string
  partnershipName: string
}) {
  const { db, partnershipId } = options
  const app = Fastify()
  const timer = serverTimer(app)
  await app.register(fastifyView, {
    engine: { nunjucks },
    templates: templateRoots,
    options: { autoescape: true, noCache: false, onConfigure: configureNunjucks },
  })
  const actor = systemActor(partnershipId)
  // The locals the platform's onRequest hook would set (src/platform/http.ts).
  const layout = {
    actor: { name: options.actorName, partnershipName: options.partnershipName },
    can: () => true,
    currentPath: '/directory/people',
    navigation: [],
    csrfToken: 'x',
    serviceName: options.partnershipName,
    isDevelopmentEmail: false,
  }

  app.get('/directory/people', async (request, reply) => {
    const q = (request.query ?? {}) as Record<string, string>
    const filter = {
      search: q.search?.trim().slice(0, 200) || undefined,
      agencyId: q.agencyId && (q.agencyId === 'none' || /^[0-9a-f-]{36}$/i.test(q.agencyId)) ? q.agencyId : undefined,
      ...readSort(q, ['name', 'jobTitle', 'agency'] as const, 'name'),
    }
    const page = Math.max(1, Math.min(100_000, Number.parseInt(q.page ?? '1', 10) || 1))
    const [rows, total, agencies] = await Promise.all([
      directory.listPeople(
        db,
        partnershipId,
        { ...filter, limit: peoplePageSize, offset: (page - 1) * peoplePageSize },
        actor,
      ),
      directory.countPeople(db, partnershipId, filter, actor),
      directory.listAgencyOptions(db, partnershipId),
    ])
    return reply.view(`${views}/people.njk`, {
      ...layout,
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
    })
  })

  await app.listen({ port: 0, host: '127.0.0.1' })
  const baseUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`
  return { app, timer, baseUrl }
}
