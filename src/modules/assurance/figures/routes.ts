import type { FastifyInstance } from 'fastify'
import { NotFoundError } from '../../../platform/errors.ts'
import { sendCsv } from '../../../platform/exports.ts'
import { requireActor } from '../../../platform/http.ts'
import { listDownloadRows, listPageView, wholeList, type ListRoute } from '../../../platform/list-route.ts'
import type { Query } from '../../../platform/lists.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { parseYear, yearContaining, yearSlug, type ReportingYear } from '../../../platform/reporting-years.ts'
import { getPartnership } from '../../partnership/settings/service.ts'
import { sortRows, type KindList } from '../../reviews/figures/lists.ts'
import { caseAuditRecordType } from '../access.ts'
import { assuranceFigureByKey, type AssuranceFigure } from './definitions.ts'
import { kindLists } from './lists.ts'

/**
 * The records behind each quality assurance figure (`/assurance/figures/<figure>?year=2016-17`):
 * the figure's own records function, limited to the returns and case audits the reader may see,
 * with its count line and its download. The report's figure counts every one, so a reader outside
 * a record's scope sees fewer here than the report says, never more.
 */
export async function assuranceFigureRoutes(app: FastifyInstance) {
  const config = {
    permission: 'assurance:read' as const,
    confidential: { recordType: caseAuditRecordType, param: null },
  }

  async function yearFor(actor: Actor, query: Query): Promise<ReportingYear> {
    const { yearStartMonth } = await getPartnership(app.db, actor.partnershipId)
    return (query.year && parseYear(query.year, yearStartMonth)) || yearContaining(new Date(), yearStartMonth)
  }

  function figureOf(params: unknown): AssuranceFigure {
    const figure = assuranceFigureByKey.get((params as { figure: string }).figure)
    if (!figure) throw new NotFoundError()
    return figure
  }

  function figureList(figure: AssuranceFigure, year: ReportingYear): ListRoute<string, object, unknown> {
    const kind = kindLists[figure.kind] as KindList<unknown>
    const period = { from: year.start, to: year.end }
    return {
      path: `/assurance/figures/${figure.key}`,
      permission: config.permission,
      template: 'modules/assurance/figures/views/figure-records.njk',
      list: {
        columns: kind.columns,
        defaultSort: kind.defaultSort,
        defaultDirection: figure.kind === 'themes' ? 'desc' : 'asc',
        download: `/assurance/figures/${figure.key}.csv`,
        noun: kind.noun,
      },
      filter: () => ({ year: yearSlug(year) }),
      load: async (actor, { sort, direction }) => {
        const records = (await figure.records(app.db, actor.partnershipId, year, actor)) as unknown[]
        return wholeList(sortRows(records, kind, sort, direction, period))
      },
      rows: (rows) => kind.rows(rows, period),
      csv: (rows) => [kind.csvHead, ...kind.csv(rows, period)],
      context: () => ({ figure, year, figuresHref: `/reports/figures/assurance?year=${yearSlug(year)}` }),
    }
  }

  app.get('/assurance/figures/:figure', { config }, async (request, reply) => {
    const actor = requireActor(request)
    const figure = figureOf(request.params)
    const query = request.query as Query
    const route = figureList(figure, await yearFor(actor, query))
    return reply.view(route.template, await listPageView(route, actor, query))
  })

  app.get('/assurance/figures/:figure.csv', { config }, async (request, reply) => {
    const actor = requireActor(request)
    const figure = figureOf(request.params)
    const query = request.query as Query
    const year = await yearFor(actor, query)
    const rows = await listDownloadRows(figureList(figure, year), actor, query)
    return sendCsv(reply, `${figure.key}-${yearSlug(year)}.csv`, rows)
  })
}
