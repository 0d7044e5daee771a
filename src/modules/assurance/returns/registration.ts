import type { FastifyInstance } from 'fastify'
import { returnRecordType } from '../access.ts'
import type { AssurancePart } from '../part.ts'
import { returnAttachmentRoutes } from './attachment-routes.ts'
import { returnMatrixIds } from './matrix.ts'
import { seedReturns } from './seed.ts'
import { moderationRoutes } from './moderation-routes.ts'
import { returnRoutes } from './routes.ts'
import { schoolRoutes } from './school-routes.ts'
import { answerSourceType, returnHref } from './service.ts'

/**
 * Agency and school returns (issue 15, brief C): filling in, submitting, actions for shortfalls,
 * moderation with reasons, peer challenge, and schools answering through a signed link.
 */
export const returnsPart: AssurancePart = {
  routes: async (app: FastifyInstance) => {
    await returnRoutes(app)
    await moderationRoutes(app)
    await returnAttachmentRoutes(app)
    await schoolRoutes(app)
  },
  recordTypes: {
    [returnRecordType]: {
      label: 'Audit return',
      href: (id) => (id ? returnHref(id) : null),
      fields: { status: 'Status', moderatorPersonId: 'Moderator', question: 'Question', answer: 'Answer' },
    },
    [answerSourceType]: { label: 'Audit return answer', href: () => null },
  },
  seed: seedReturns,
  matrixIds: returnMatrixIds,
}
