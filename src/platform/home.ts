import type { FastifyInstance } from 'fastify'
import { defineModule } from './modules.ts'
import { can } from './permissions.ts'
import { publicHomePath } from './navigation.ts'

/**
 * The signed-in home page, built from the panels modules declare, the public site's home page, and
 * the public pages every service needs. `/` stays the staff home (signed out: the sign-in page), as
 * staff bookmark it; the public site starts at /public (docs/decisions/0018-public-pages-and-signed-links.md).
 */
async function homeRoutes(app: FastifyInstance) {
  app.get('/', { config: { public: true } }, async (request, reply) => {
    const actor = request.actor
    if (!actor) return reply.redirect('/sign-in')
    const panels = await Promise.all(
      app.registry.homePanels
        .filter((panel) => !panel.permission || can(actor, panel.permission))
        .map((panel) => panel.load(app.db, actor)),
    )
    return reply.view('platform/views/home.njk', {
      panels: panels.filter((panel) => panel !== null),
      welcome: (request.query as Record<string, string>).welcome === '1',
    })
  })
  // The public site's home: the partnership's public sections, for people without an account.
  app.get(publicHomePath, { config: { publicSite: true } }, async (_request, reply) =>
    reply.view('platform/views/public-home.njk', {
      sections: app.registry.publicNavigation.filter((entry) => entry.href !== publicHomePath),
    }),
  )
  app.get('/accessibility', { config: { public: true } }, async (_request, reply) =>
    reply.view('platform/views/accessibility.njk'),
  )
  app.get('/privacy', { config: { public: true } }, async (_request, reply) => reply.view('platform/views/privacy.njk'))
}

export const homeModule = defineModule({
  name: 'home',
  routes: homeRoutes,
  navigation: [{ href: '/', text: 'Home', permission: null, order: 0 }],
  publicNavigation: [{ href: publicHomePath, text: 'Home', order: 0 }],
})
