import type { FastifyInstance } from 'fastify'

/** The signed-in home page, and the public pages every service needs. */
export async function homeRoutes(app: FastifyInstance) {
  app.get('/', { config: { public: true } }, async (request, reply) => {
    if (!request.actor) return reply.redirect('/sign-in')
    return reply.view('platform/views/home.njk')
  })
  app.get('/accessibility', { config: { public: true } }, async (_request, reply) =>
    reply.view('platform/views/accessibility.njk'),
  )
  app.get('/privacy', { config: { public: true } }, async (_request, reply) => reply.view('platform/views/privacy.njk'))
}
