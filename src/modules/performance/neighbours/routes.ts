import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { formRoute } from '../../../platform/form-route.ts'
import { version } from '../../../platform/forms.ts'
import type { Database } from '../../../db/index.ts'
import { listIndicators } from '../indicators/service.ts'
import { latestNeighbourAverages } from './average.ts'
import { areaName, authorityItems, averageRows, neighbourRowCount } from './presenters.ts'
import { getComparators, ownValues, saveComparators } from './service.ts'

const schema = z.object({
  version: z.preprocess((value) => (value === '' ? undefined : value), version.optional()),
  areaCode: z.string({ error: 'Select the partnership’s local authority from the list' }).trim(),
  neighbourCodes: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value])),
})

/** The standard measures in use, with the neighbours' averages beside each. */
async function averagesTable(db: Database, partnershipId: string, areaCode: string | null, neighbourCodes: string[]) {
  const measures = (await listIndicators(db, partnershipId)).filter((i) => i.standard)
  const ids = measures.map((m) => m.id)
  const [averages, own] = await Promise.all([
    latestNeighbourAverages(db, partnershipId, ids, neighbourCodes),
    areaCode ? ownValues(db, partnershipId, ids, areaCode) : new Map<string, number | null>(),
  ])
  return averageRows(measures, averages, own)
}

export async function neighbourRoutes(app: FastifyInstance) {
  const db = app.db
  formRoute(app, {
    path: '/performance/neighbours',
    access: { permission: 'performance:manage' },
    template: 'modules/performance/neighbours/views/neighbours.njk',
    schema,
    context: async ({ actor, query }) => {
      const saved = await getComparators(db, actor.partnershipId)
      return {
        saved,
        ownName: areaName(saved.areaCode),
        ownItems: authorityItems('Select an authority'),
        neighbourItems: authorityItems('Not used'),
        rowCount: neighbourRowCount(saved.neighbourCodes.length),
        averageRows: await averagesTable(db, actor.partnershipId, saved.areaCode, saved.neighbourCodes),
        flash: query.saved
          ? 'Neighbours saved. The averages below use them.'
          : query.unchanged
            ? 'No changes made'
            : null,
      }
    },
    initialValues: (_request, { saved }) => ({
      version: saved.version ?? '',
      areaCode: saved.areaCode ?? '',
      neighbourCodes: saved.neighbourCodes,
    }),
    save: async ({ actor }, input) => {
      const changed = await saveComparators(db, actor, actor.partnershipId, {
        areaCode: input.areaCode,
        neighbourCodes: input.neighbourCodes,
        version: input.version ?? null,
      })
      return `/performance/neighbours?${changed ? 'saved' : 'unchanged'}=1`
    },
  })
}
