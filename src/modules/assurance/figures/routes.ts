import type { FastifyInstance } from 'fastify'
import { figureRecordRoutes } from '../../../platform/figure-records.ts'
import { yearStartMonth } from '../../partnership/year-filters.ts'
import { caseAuditRecordType } from '../access.ts'
import { assuranceFigureByKey } from './definitions.ts'
import { kindLists } from './lists.ts'

/**
 * The records behind each quality assurance figure (`/assurance/figures/<figure>?year=2016-17`):
 * the figure's own records function, limited to the returns and case audits the reader may see,
 * with its count line and its download. The report's figure counts every one, so a reader outside
 * a record's scope sees fewer here than the report says, never more.
 */
export async function assuranceFigureRoutes(app: FastifyInstance) {
  figureRecordRoutes(app, {
    base: '/assurance/figures',
    permission: 'assurance:read',
    confidentialType: caseAuditRecordType,
    figureByKey: assuranceFigureByKey,
    kindLists,
    area: { name: 'Quality assurance', href: '/assurance', figures: 'Quality assurance figures' },
    yearStartMonth,
    figuresPage: '/reports/figures/assurance',
    records: (figure, actor, year) => figure.records(app.db, actor.partnershipId, year, actor),
    defaultDirection: (figure) => (figure.kind === 'themes' ? 'desc' : 'asc'),
  })
}
