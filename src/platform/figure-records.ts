import type { FastifyContextConfig, FastifyInstance } from 'fastify'
import type { Database } from '../db/index.ts'
import { NotFoundError } from './errors.ts'
import { sendCsv } from './exports.ts'
import { requireActor } from './http.ts'
import { listDownloadRows, listPageView, wholeList, type ListRoute } from './list-route.ts'
import type { Column, Query } from './lists.ts'
import type { Actor, Permission } from './permissions.ts'
import { parseYear, yearContaining, yearSlug, type ReportingYear } from './reporting-years.ts'

/**
 * The records behind a module's report figures (`<base>/<figure>?year=2016-17`, and `.csv`): the
 * figure's own records for the year, as far as the reader may see them, listed with its count line
 * and downloaded. The lists are short (dozens of records), so each is sorted whole in memory and
 * shown on one page. Case reviews and quality assurance use it.
 */

/** London days, inclusive. */
export interface Period {
  from: string
  to: string
}

/** How one kind of record behind a figure is listed: its columns (each sortable), table rows and download. */
export interface KindList<R> {
  noun: [string, string]
  columns: readonly Column<string>[]
  defaultSort: string
  sortValue: (row: R, key: string, period: Period) => string | number
  rows: (rows: readonly R[], period: Period) => unknown[][]
  csvHead: string[]
  csv: (rows: readonly R[], period: Period) => unknown[][]
}

/** Rows sorted by a column, in either direction; equal values keep their order. */
export function sortRows<R>(
  rows: readonly R[],
  list: KindList<R>,
  sort: string,
  direction: 'asc' | 'desc',
  period: Period,
) {
  const sign = direction === 'desc' ? -1 : 1
  return [...rows].sort((a, b) => {
    const x = list.sortValue(a, sort, period)
    const y = list.sortValue(b, sort, period)
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'en-GB')
    return sign * order
  })
}

export interface FigureRecordsOptions<F extends { key: string; kind: string; label: string }> {
  /** Where the records live: '/case-reviews/figures'. */
  base: string
  permission: Permission
  /** The confidential records the lists hold; the records function filters by the reader's access. */
  confidentialType: string
  figureByKey: ReadonlyMap<string, F>
  kindLists: Readonly<Record<string, KindList<never>>>
  /** The module's page (the breadcrumb) and the name of its figures: "Case review figures". */
  area: { name: string; href: string; figures: string }
  /** The month the partnership's reporting year starts in (the directory's `yearStartMonth`). */
  yearStartMonth: (db: Database, partnershipId: string) => Promise<number>
  /** The report's page of the module's figures: '/reports/figures/reviews'. */
  figuresPage: string
  /** The figure's records in the year that the reader may see, in the figure's own order. */
  records: (figure: F, actor: Actor, year: ReportingYear, period: Period) => Promise<readonly unknown[]>
  defaultDirection?: (figure: F) => 'asc' | 'desc'
}

export function figureRecordRoutes<F extends { key: string; kind: string; label: string }>(
  app: FastifyInstance,
  options: FigureRecordsOptions<F>,
) {
  const config: FastifyContextConfig = {
    permission: options.permission,
    confidential: { recordType: options.confidentialType, param: null },
  }

  async function yearFor(actor: Actor, query: Query): Promise<ReportingYear> {
    const month = await options.yearStartMonth(app.db, actor.partnershipId)
    return (query.year && parseYear(query.year, month)) || yearContaining(new Date(), month)
  }

  function figureOf(params: unknown): F {
    const figure = options.figureByKey.get((params as { figure: string }).figure)
    if (!figure) throw new NotFoundError()
    return figure
  }

  /** The figure's records as a list route for one year: the platform's list kit pages and downloads it. */
  function figureList(figure: F, year: ReportingYear): ListRoute<string, object, unknown> {
    const kind = options.kindLists[figure.kind] as KindList<unknown>
    const period = { from: year.start, to: year.end }
    return {
      path: `${options.base}/${figure.key}`,
      permission: options.permission,
      template: 'platform/views/figure-records.njk',
      list: {
        columns: kind.columns,
        defaultSort: kind.defaultSort,
        defaultDirection: options.defaultDirection?.(figure) ?? 'asc',
        download: `${options.base}/${figure.key}.csv`,
        noun: kind.noun,
      },
      filter: () => ({ year: yearSlug(year) }),
      load: async (actor, { sort, direction }) =>
        wholeList(sortRows(await options.records(figure, actor, year, period), kind, sort, direction, period)),
      rows: (rows) => kind.rows(rows, period),
      csv: (rows) => [kind.csvHead, ...kind.csv(rows, period)],
      context: () => ({
        figure,
        year,
        area: options.area,
        figuresHref: `${options.figuresPage}?year=${yearSlug(year)}`,
      }),
    }
  }

  app.get(`${options.base}/:figure`, { config }, async (request, reply) => {
    const actor = requireActor(request)
    const figure = figureOf(request.params)
    const route = figureList(figure, await yearFor(actor, request.query as Query))
    return reply.view(route.template, await listPageView(route, actor, request.query as Query))
  })

  app.get(`${options.base}/:figure.csv`, { config }, async (request, reply) => {
    const actor = requireActor(request)
    const figure = figureOf(request.params)
    const query = request.query as Query
    const year = await yearFor(actor, query)
    const rows = await listDownloadRows(figureList(figure, year), actor, query)
    return sendCsv(reply, `${figure.key}-${yearSlug(year)}.csv`, rows)
  })
}
