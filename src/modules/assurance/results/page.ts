import type { Database } from '../../../db/index.ts'
import { listView, readList, type ListDefinition, type Query } from '../../../platform/lists.ts'
import { can, type Actor } from '../../../platform/permissions.ts'
import { sourceActionsTable } from '../../actions/presenters.ts'
import {
  belowMinimumTable,
  distributionTable,
  followUpColumns,
  followUpRows,
  matrixTable,
  resultsHref,
  returnRateText,
} from './presenters.ts'
import { cycleHeader, section11Results, type CycleHeader } from './results.ts'
import { questionDistribution, returnRate, schoolsNeedingFollowUp, type FollowUpSort } from './schools.ts'

/**
 * What the results page renders for a cycle: the section 11 matrix, or the schools' results when the
 * framework is the schools' audit. Exported so the bench renders the same page without the platform.
 */
export const resultsViews = 'modules/assurance/results/views'

export const followUpList = (cycleId: string): ListDefinition<FollowUpSort> => ({
  columns: followUpColumns,
  defaultSort: 'status',
  pageSize: 50,
  download: `${resultsHref(cycleId)}.csv`,
  downloadXlsx: `${resultsHref(cycleId)}.xlsx`,
  noun: ['school', 'schools'],
})

export async function resultsPage(db: Database, actor: Actor, cycleId: string, query: Query) {
  const cycle = await cycleHeader(db, actor.partnershipId, cycleId)
  return cycle.kind === 'schools' ? schoolsPage(db, actor, cycle, query) : section11Page(db, actor, cycle)
}

async function section11Page(db: Database, actor: Actor, cycle: CycleHeader) {
  const results = await section11Results(db, actor, cycle)
  const complete = results.actions.filter((a) => a.shownStatus === 'complete').length
  const overdue = results.actions.filter((a) => a.shownStatus === 'overdue').length
  return {
    template: `${resultsViews}/section-11.njk`,
    context: {
      cycle,
      agencyCount: results.agencies.length,
      matrix: matrixTable(results),
      belowMinimum: belowMinimumTable(results),
      actionCount: { total: results.actions.length, complete, overdue },
      actionsTable: sourceActionsTable(results.actions, {
        caption: 'Actions arising',
        empty: 'No actions have been raised from this cycle’s returns.',
        link: can(actor, 'actions:read'),
      }),
      downloadHref: `${resultsHref(cycle.id)}.csv`,
      downloadXlsxHref: `${resultsHref(cycle.id)}.xlsx`,
    },
  }
}

async function schoolsPage(db: Database, actor: Actor, cycle: CycleHeader, query: Query) {
  const list = followUpList(cycle.id)
  const state = readList(query, list)
  const page = { limit: state.limit!, offset: state.offset }
  const [rate, questions, followUp] = await Promise.all([
    returnRate(db, actor.partnershipId, cycle.id),
    questionDistribution(db, actor.partnershipId, cycle),
    schoolsNeedingFollowUp(db, actor, cycle, { ...state, page }),
  ])
  return {
    template: `${resultsViews}/schools.njk`,
    context: {
      cycle,
      rate,
      rateText: returnRateText(rate),
      distribution: distributionTable(questions, cycle.scale),
      questionsHref: `${resultsHref(cycle.id)}/questions.csv`,
      followUp: {
        list: listView(list, state, query, { total: followUp.total, shown: followUp.rows.length }),
        rows: followUpRows(followUp.rows),
      },
    },
  }
}
