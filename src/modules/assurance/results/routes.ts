import type { FastifyContextConfig, FastifyInstance, FastifyRequest } from 'fastify'
import { NotFoundError } from '../../../platform/errors.ts'
import { sendCsv, sendXlsx } from '../../../platform/exports.ts'
import { requireActor } from '../../../platform/http.ts'
import { readList, type Query } from '../../../platform/lists.ts'
import { isUuid } from '../../../platform/tokens.ts'
import { returnRecordType } from '../access.ts'
import { resultsPage, followUpList } from './page.ts'
import { distributionCsv, followUpCsv, section11Csv } from './presenters.ts'
import { cycleHeader, section11Results } from './results.ts'
import { questionDistribution, schoolsNeedingFollowUp } from './schools.ts'

/**
 * A cycle's results: `/assurance/cycles/:cycle/results`, with `.csv` and `.xlsx`.
 *
 * Who reads them: everyone with `assurance:read`, the board included (the issue means the board to
 * read the matrix). The matrix holds one grade per agency and standard, not a return's evidence,
 * answers or challenges: those stay in the return, whose confidential scope decides who opens it,
 * so an agency's name links to its return only for those it names. The routes declare
 * `confidential` without a parameter (they summarise returns; the walk checks no return's id shows
 * to an outsider). The cycle's id is `:cycle`, not `:id`: a cycle is not a confidential record.
 */
const config: FastifyContextConfig = {
  permission: 'assurance:read',
  confidential: { recordType: returnRecordType, param: null },
}

const cycleIdOf = (request: FastifyRequest) => {
  const { cycle } = request.params as { cycle: string }
  if (!isUuid(cycle)) throw new NotFoundError()
  return cycle
}

/** "section-11-2016-17-results". */
const fileName = (name: string, what: string) =>
  `${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}-${what}`

export async function resultsRoutes(app: FastifyInstance) {
  const db = app.db

  app.get('/assurance/cycles/:cycle/results', { config }, async (request, reply) => {
    const { template, context } = await resultsPage(
      db,
      requireActor(request),
      cycleIdOf(request),
      request.query as Query,
    )
    return reply.view(template, context)
  })

  /** Section 11: one row per agency and standard. Schools: the schools needing follow-up, as sorted. */
  const downloadRows = async (request: FastifyRequest) => {
    const actor = requireActor(request)
    const cycle = await cycleHeader(db, actor.partnershipId, cycleIdOf(request))
    if (cycle.kind !== 'schools')
      return { cycle, rows: section11Csv(await section11Results(db, actor, cycle)), what: 'results' }
    const state = readList(request.query as Query, followUpList(cycle.id))
    const { rows } = await schoolsNeedingFollowUp(db, actor, cycle, { ...state, page: null })
    return { cycle, rows: followUpCsv(rows), what: 'follow-up' }
  }
  app.get('/assurance/cycles/:cycle/results.csv', { config }, async (request, reply) => {
    const { cycle, rows, what } = await downloadRows(request)
    return sendCsv(reply, `${fileName(cycle.name, what)}.csv`, rows)
  })
  app.get('/assurance/cycles/:cycle/results.xlsx', { config }, async (request, reply) => {
    const { cycle, rows, what } = await downloadRows(request)
    return sendXlsx(reply, `${fileName(cycle.name, what)}.xlsx`, rows, 'Results')
  })

  app.get('/assurance/cycles/:cycle/results/questions.csv', { config }, async (request, reply) => {
    const actor = requireActor(request)
    const cycle = await cycleHeader(db, actor.partnershipId, cycleIdOf(request))
    const questions = await questionDistribution(db, actor.partnershipId, cycle)
    return sendCsv(reply, `${fileName(cycle.name, 'questions')}.csv`, distributionCsv(questions, cycle.scale))
  })
}
