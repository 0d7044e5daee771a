import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type {} from './http.ts'

/**
 * Pages show personal data, so no page may be kept by a browser (its back button after sign-out,
 * a shared computer's cache) or a proxy: every response is `Cache-Control: no-store` unless its
 * route set its own header. The stylesheet, scripts and images (@fastify/static) keep theirs.
 */
export const noStoreByDefault = fp(
  async (app: FastifyInstance) => {
    app.addHook('onSend', async (request, reply, payload) => {
      if (!request.routeOptions.config.assets && !reply.hasHeader('cache-control')) {
        reply.header('cache-control', 'no-store')
      }
      return payload
    })
  },
  { name: 'no-store-by-default' },
)
