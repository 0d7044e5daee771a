import type { FastifyInstance } from 'fastify'
import { NotFoundError } from '../../../platform/errors.ts'
import { sendCsv } from '../../../platform/exports.ts'
import { requireActor } from '../../../platform/http.ts'
import { listDownloadRows, listPageView, wholeList, type ListRoute } from '../../../platform/list-route.ts'
import type { Query } from '../../../platform/lists.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { parseYear, yearContaining, yearSlug, type ReportingYear } from '../../../platform/reporting-years.ts'
import { getPartnership } from '../../partnership/settings/service.ts'
import { caseRecordType, visibleCases } from '../access.ts'
import { reviewFigureByKey, type ReviewFigure } from './definitions.ts'
import { yearPeriod } from './figures.ts'
import { kindLists, sortRows, type KindList } from './lists.ts'

const views = 'modules/reviews/views'

/**
 * The records behind each case review figure (`/case-reviews/figures/<figure>?year=2016-17`): the
 * figure's own records function, limited to the cases the reader may see, with its count line and
 * its download. Seen by those who read case reviews; the report's figure counts every case, so a
 * reader outside a case's scope sees fewer here than the report says, never more.
 */
export async function figureRoutes(app: FastifyInstance) {
  const config = { permission: 'reviews:read', confidential: { recordType: caseRecordType, param: null } } as const

  async function yearFor(actor: Actor, query: Query): Promise<ReportingYear> {
    const { yearStartMonth } = await getPartnership(app.db, actor.partnershipId)
    return (query.year && parseYear(query.year, yearStartMonth)) || yearContaining(new Date(), yearStartMonth)
  }

  function figureOf(params: unknown): ReviewFigure {
    const figure = reviewFigureByKey.get((params as { figure: string }).figure)
    if (!figure) throw new NotFoundError()
    return figure
  }

  /** The figure's records as a list route for one year: the platform's list kit pages and downloads it. */
  function figureList(figure: ReviewFigure, year: ReportingYear): ListRoute<string, object, unknown> {
    const kind = kindLists[figure.kind] as KindList<unknown>
    const period = yearPeriod(year)
    return {
      path: `/case-reviews/figures/${figure.key}`,
      permission: config.permission,
      template: `${views}/figure-records.njk`,
      list: {
        columns: kind.columns,
        defaultSort: kind.defaultSort,
        download: `/case-reviews/figures/${figure.key}.csv`,
        noun: kind.noun,
      },
      filter: () => ({ year: yearSlug(year) }),
      load: async (actor, { sort, direction }) => {
        const records = await figure.records(app.db, actor.partnershipId, period, visibleCases(actor))
        const ranked = records.map((record, index) => ({ ...record, rank: index + 1 }))
        return wholeList(sortRows(ranked, kind, sort, direction, period))
      },
      rows: (rows) => kind.rows(rows, period),
      csv: (rows) => [kind.csvHead, ...kind.csv(rows, period)],
      context: () => ({ figure, year, figuresHref: `/reports/figures/reviews?year=${yearSlug(year)}` }),
    }
  }

  app.get('/case-reviews/figures/:figure', { config }, async (request, reply) => {
    const actor = requireActor(request)
    const figure = figureOf(request.params)
    const query = request.query as Query
    const route = figureList(figure, await yearFor(actor, query))
    return reply.view(route.template, await listPageView(route, actor, query))
  })

  app.get('/case-reviews/figures/:figure.csv', { config }, async (request, reply) => {
    const actor = requireActor(request)
    const figure = figureOf(request.params)
    const query = request.query as Query
    const year = await yearFor(actor, query)
    const rows = await listDownloadRows(figureList(figure, year), actor, query)
    return sendCsv(reply, `${figure.key}-${yearSlug(year)}.csv`, rows)
  })
}
