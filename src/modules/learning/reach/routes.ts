import type { FastifyInstance } from 'fastify'
import { sendCsv, sendXlsx } from '../../../platform/exports.ts'
import { errorList } from '../../../platform/forms.ts'
import { requireActor } from '../../../platform/http.ts'
import { listRoute } from '../../../platform/list-route.ts'
import type { Column, Query } from '../../../platform/lists.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { yearChoices } from '../../../platform/year-picker.ts'
import { yearsBetween } from '../../../platform/reporting-years.ts'
import { can } from '../../../platform/permissions.ts'
import { getPartnership } from '../../partnership/settings/service.ts'
import { learningNavigation } from '../navigation.ts'
import { reachFor } from './figures.ts'
import { reachDates } from './dates.ts'
import { readRange, type ReachRange } from './range.ts'
import { recordLists, type RecordList } from './lists.ts'
import type { Order, Page } from './records.ts'
import { reachDownloadRows, reachLines } from './tables.ts'
import { reachPageRows } from './presenters.ts'

const views = 'modules/learning/views'

/**
 * The reach page (`/learning/reach`): every reach figure for a reporting year or a range of days,
 * as a table, CSV and XLSX. Numbers only, for anyone who reads the programme; each number links to
 * the list of exactly the records it counts (`/learning/reach/<list>`), which name people and so
 * need learning:manage.
 */
export async function reachRoutes(app: FastifyInstance) {
  const db = app.db

  async function rangeFor(actor: Actor, query: Query) {
    const partnership = await getPartnership(db, actor.partnershipId)
    return readRange(query, partnership.yearStartMonth)
  }

  async function reachOf(actor: Actor, query: Query) {
    const reading = await rangeFor(actor, query)
    return { ...reading, reach: await reachFor(db, actor.partnershipId, reading.range) }
  }

  app.get('/learning/reach', { config: { permission: 'learning:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const query = request.query as Query
    const [{ range, errors, values, reach }, partnership, dates] = await Promise.all([
      reachOf(actor, query),
      getPartnership(db, actor.partnershipId),
      reachDates(db, actor.partnershipId),
    ])
    if (Object.keys(errors).length) reply.code(400)
    return reply.view(`${views}/reach.njk`, {
      range,
      errors,
      errorList: errorList(errors),
      values,
      yearPicker: {
        years: yearChoices(yearsBetween(dates, partnership.yearStartMonth), range.year),
        action: '/learning/reach',
      },
      rows: reachPageRows(reachLines(reach), can(actor, 'learning:manage')),
      downloads: { csv: `/learning/reach.csv?${range.query}`, xlsx: `/learning/reach.xlsx?${range.query}` },
      subNavigation: learningNavigation('/learning/reach'),
    })
  })

  const fileName = (range: ReachRange) => `reach-${range.year ? range.query.slice(5) : `${range.from}-to-${range.to}`}`
  const base = app.config.baseUrl?.replace(/\/$/, '') ?? ''

  app.get('/learning/reach.csv', { config: { permission: 'learning:read' } }, async (request, reply) => {
    const { reach } = await reachOf(requireActor(request), request.query as Query)
    return sendCsv(reply, `${fileName(reach.range)}.csv`, reachDownloadRows(reach, base))
  })

  app.get('/learning/reach.xlsx', { config: { permission: 'learning:read' } }, async (request, reply) => {
    const { reach } = await reachOf(requireActor(request), request.query as Query)
    return sendXlsx(reply, `${fileName(reach.range)}.xlsx`, reachDownloadRows(reach, base), 'Reach')
  })

  for (const list of recordLists) recordListRoute(app, list, rangeFor)
}

/** One list of records behind a figure, with its download: the range and the list's own filters from the query. */
function recordListRoute<F>(
  app: FastifyInstance,
  list: RecordList<F>,
  rangeFor: (actor: Actor, query: Query) => Promise<{ range: ReachRange }>,
) {
  const path = `/learning/reach/${list.slug}`
  listRoute(app, {
    path,
    permission: 'learning:manage',
    template: `${views}/reach-records.njk`,
    list: {
      columns: list.columns as readonly Column<string>[],
      defaultSort: list.defaultSort,
      defaultDirection: list.defaultDirection,
      pageSize: 100,
      download: `${path}.csv`,
      noun: list.noun,
    },
    filter: (query) => ({ query, own: list.filter(query) }),
    load: async (actor, { query, own, sort, direction }, page: Page) => {
      const { range } = await rangeFor(actor, query)
      const order: Order = { sort, direction }
      return list.load(app.db, actor.partnershipId, range, own, order, page)
    },
    rows: (rows) => list.rows(rows),
    csv: (rows) => [list.csvHead, ...list.csv(rows)],
    context: async (actor, query) => {
      const { range } = await rangeFor(actor, query)
      const own = list.filter(query)
      return {
        title: list.title,
        range,
        definition: list.describe(range, own),
        filters: await list.filterText(app.db, actor.partnershipId, own),
        backHref: `/learning/reach?${range.query}`,
        subNavigation: learningNavigation('/learning/reach'),
      }
    },
  })
}
