import type { FastifyInstance } from 'fastify'
import { evaluationPublicRoutes } from './public-routes.ts'
import { evaluationStaffRoutes } from './staff-routes.ts'

/** Evaluation's pages: the attendee's on the public site, and the staff's results and certificates. */
export async function evaluationRoutes(app: FastifyInstance) {
  await app.register(evaluationPublicRoutes)
  await app.register(evaluationStaffRoutes)
}
