import type { FastifyInstance } from 'fastify'
import { figureRecordRoutes } from '../../../platform/figure-records.ts'
import { yearStartMonth } from '../../partnership/year-filters.ts'
import { caseRecordType, visibleCases } from '../access.ts'
import { reviewFigureByKey } from './definitions.ts'
import { kindLists } from './lists.ts'

/**
 * The records behind each case review figure (`/case-reviews/figures/<figure>?year=2016-17`): the
 * figure's own records function, limited to the cases the reader may see, with its count line and
 * its download. Seen by those who read case reviews; the report's figure counts every case, so a
 * reader outside a case's scope sees fewer here than the report says, never more.
 */
export async function figureRoutes(app: FastifyInstance) {
  figureRecordRoutes(app, {
    base: '/case-reviews/figures',
    permission: 'reviews:read',
    confidentialType: caseRecordType,
    figureByKey: reviewFigureByKey,
    kindLists,
    area: { name: 'Case reviews', href: '/case-reviews', figures: 'Case review figures' },
    yearStartMonth,
    figuresPage: '/reports/figures/reviews',
    records: async (figure, actor, _year, period) => {
      const records = await figure.records(app.db, actor.partnershipId, period, visibleCases(actor))
      return records.map((record, index) => ({ ...record, rank: index + 1 }))
    },
  })
}
