import type { FastifyInstance } from 'fastify'
import { sendCsv } from '../../../platform/exports.ts'
import { requireActor } from '../../../platform/http.ts'
import { listRoute, wholeList } from '../../../platform/list-route.ts'
import type { Query } from '../../../platform/lists.ts'
import { areaByCode } from '../areas.ts'
import type { Scorecard } from '../scorecard.ts'
import {
  exceptionCount,
  exceptionGroups,
  exceptionsCsv,
  exceptionsIn,
  scorecardColumns,
  scorecardCsv,
  scorecardRows,
  sortScorecard,
} from './presenters.ts'
import { scorecardFor, scorecardYears } from './year.ts'

const views = 'modules/performance/scorecard/views'

/** What the pages say about the data they stand on: whose figures, against whom, and for which year. */
function standing(card: Scorecard) {
  const year = scorecardYears(card)
  const c = card.comparators
  const state = !c ? 'no-authority' : year.years.length ? 'ready' : 'no-data'
  return {
    state,
    year,
    own: c ? (areaByCode(c.own)?.name ?? c.own) : null,
    region: c?.region ? (areaByCode(c.region)?.name ?? c.region) : null,
    neighbourCount: c?.neighbours.length ?? 0,
  }
}

/**
 * The scorecard (`/performance`, with CSV and XLSX) and the exceptions (`/performance/exceptions`,
 * with CSV) for a year: both read `scorecard()` and show its judgements; neither works one out.
 */
export async function scorecardRoutes(app: FastifyInstance) {
  const db = app.db

  listRoute(app, {
    path: '/performance',
    permission: 'performance:read',
    template: `${views}/scorecard.njk`,
    list: {
      columns: scorecardColumns,
      defaultSort: 'position',
      download: '/performance/scorecard.csv',
      downloadXlsx: '/performance/scorecard.xlsx',
      noun: ['indicator', 'indicators'],
    },
    filter: (query) => ({ query }),
    load: async (actor, { query, sort, direction }) => {
      const card = await scorecardFor(db, actor.partnershipId, query)
      return wholeList(standing(card).state === 'ready' ? sortScorecard(card.rows, sort, direction) : [])
    },
    rows: scorecardRows,
    csv: scorecardCsv,
    context: async (actor, query) => {
      const card = await scorecardFor(db, actor.partnershipId, query)
      const exceptions = exceptionsIn(card.rows).length
      return { ...standing(card), exceptions }
    },
  })

  async function exceptionsOf(partnershipId: string, query: Query) {
    const card = await scorecardFor(db, partnershipId, query)
    const about = standing(card)
    return { about, exceptions: about.state === 'ready' ? exceptionsIn(card.rows) : [] }
  }

  app.get('/performance/exceptions', { config: { permission: 'performance:read' } }, async (request, reply) => {
    const query = request.query as Query
    const { about, exceptions } = await exceptionsOf(requireActor(request).partnershipId, query)
    return reply.view(`${views}/exceptions.njk`, {
      ...about,
      groups: exceptionGroups(exceptions),
      countText: about.year.label ? exceptionCount(exceptions.length, about.year.label) : null,
      downloadHref: `/performance/exceptions.csv${about.year.slug ? `?year=${about.year.slug}` : ''}`,
    })
  })

  app.get('/performance/exceptions.csv', { config: { permission: 'performance:read' } }, async (request, reply) => {
    const { about, exceptions } = await exceptionsOf(requireActor(request).partnershipId, request.query as Query)
    const name = about.year.slug ? `exceptions-${about.year.slug}.csv` : 'exceptions.csv'
    return sendCsv(reply, name, exceptionsCsv(exceptions, about.year.label ?? ''))
  })
}
