import type { FastifyInstance } from 'fastify'
import { requireActor } from '../../../platform/http.ts'
import { returnRecordType } from '../access.ts'
import type { AssurancePart } from '../part.ts'
import { hubLinks, openReturnRows } from './presenters.ts'
import { hubCounts, openReturnsFor } from './service.ts'

/**
 * The module's landing page, /assurance: the returns the person works on (their agency's, the ones
 * they moderate), then each part of quality assurance their permissions open, with what it holds.
 * It lists returns, so it declares the returns' confidential scope and filters by it.
 */
async function hubRoutes(app: FastifyInstance) {
  const db = app.db
  app.get(
    '/assurance',
    { config: { permission: 'assurance:read', confidential: { recordType: returnRecordType, param: null } } },
    async (request, reply) => {
      const actor = requireActor(request)
      const [counts, agencyReturns, moderating] = await Promise.all([
        hubCounts(db, actor),
        openReturnsFor(db, actor, 'agency'),
        openReturnsFor(db, actor, 'moderating'),
      ])
      return reply.view('modules/assurance/hub/views/hub.njk', {
        links: hubLinks(actor, counts),
        isAgencyLead: !!actor.agencyId && actor.roles.includes('agency-lead'),
        agencyReturns: openReturnRows(agencyReturns),
        moderating: openReturnRows(moderating),
      })
    },
  )
}

export const hubPart: AssurancePart = { routes: hubRoutes }
