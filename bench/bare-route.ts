import Fastify from 'fastify'
import { measureAlone } from './breakdown.ts'
import { measureRoute, serverTimer } from './load.ts'

/** A plain Fastify() with one GET returning a small HTML string: the floor for this machine. */
export async function bareRoute() {
  const app = Fastify()
  const timer = serverTimer(app)
  app.get('/', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send('<!doctype html><title>Bare</title><p>Hello</p>'),
  )
  await app.listen({ port: 0, host: '127.0.0.1' })
  const baseUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`
  const underLoad = await measureRoute({ name: 'Bare Fastify route', path: '/', baseUrl, timer })
  const alone = await measureAlone({ app, timer, clock: null, name: 'Bare Fastify route', url: '/' })
  await app.close()
  return { underLoad, alone }
}
