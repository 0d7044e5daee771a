import type { FastifyInstance } from 'fastify'
import { historyOf } from '../../../platform/audit-log/history.ts'
import { afterSave, formRoute, savedBanner } from '../../../platform/form-route.ts'
import { version } from '../../../platform/forms.ts'
import { requireActor } from '../../../platform/http.ts'
import type { Query } from '../../../platform/lists.ts'
import { partnershipSchema } from '../forms.ts'
import { directoryNavigation } from '../navigation.ts'
import { monthItems, partnershipSummary } from './presenters.ts'
import { getPartnership, updatePartnership } from './service.ts'

const views = 'modules/partnership/views'

export async function settingsRoutes(app: FastifyInstance) {
  const db = app.db

  app.get('/directory', { config: { permission: 'directory:read' } }, async (_request, reply) =>
    reply.redirect('/directory/agencies'),
  )

  app.get('/directory/partnership', { config: { permission: 'directory:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const partnership = await getPartnership(db, actor.partnershipId)
    const history = await historyOf(app, actor, 'partnership', actor.partnershipId)
    return reply.view(`${views}/partnership.njk`, {
      partnership,
      summary: partnershipSummary(partnership),
      history,
      subNavigation: directoryNavigation('/directory/partnership'),
      flash: savedBanner(request.query as Query, 'Partnership details saved'),
    })
  })

  formRoute(app, {
    path: '/directory/partnership/edit',
    access: { permission: 'partnership:manage' },
    template: `${views}/partnership-form.njk`,
    schema: partnershipSchema.extend({ version }),
    context: () => ({ monthItems: monthItems() }),
    initialValues: async ({ actor }) => ({ ...(await getPartnership(db, actor.partnershipId)) }),
    save: async ({ actor }, { version: v, ...input }) =>
      afterSave('/directory/partnership', await updatePartnership(db, actor, v, input)),
  })
}
