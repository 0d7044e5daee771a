import type { FastifyInstance } from 'fastify'
import type { DatabaseConnection } from '../db/index.ts'

/** For the load balancer: 200 when the app can reach its database, 503 when it cannot. */
export async function healthRoutes(app: FastifyInstance, { database }: { database: DatabaseConnection }) {
  app.get('/health', { config: { public: true } }, async (_request, reply) => {
    const started = performance.now()
    try {
      await database.ping()
      return {
        status: 'ok',
        database: { status: 'ok', driver: database.kind, latencyMs: Math.round(performance.now() - started) },
      }
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: { status: 'unreachable', driver: database.kind } })
    }
  })
}
