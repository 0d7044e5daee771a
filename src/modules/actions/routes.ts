import type { FastifyInstance } from 'fastify'
import { listRoute } from '../../platform/list-route.ts'
import { oneOf, searchText, type Query } from '../../platform/lists.ts'
import type { Actor } from '../../platform/permissions.ts'
import { isUuid } from '../../platform/tokens.ts'
import { statusFilters } from './labels.ts'
import { actionFilterChoices, countActions, listActions, type ActionFilter, type ActionListFilter } from './list.ts'
import { actionsNavigation } from './navigation.ts'
import { actionCsv, actionRows, filterItems, myActionRows, sourceTypeLabels } from './presenters.ts'

const views = 'modules/actions/views'

/** A kind of source, as the raising modules name them ("review-recommendation"). */
const sourceTypeParam = (value: string | undefined) => (value && /^[a-z0-9-]{1,60}$/.test(value) ? value : undefined)
const idParam = (value: string | undefined) => (value && isUuid(value) ? value : undefined)

function readFilter(query: Query): ActionFilter {
  return {
    status: oneOf(query.status, statusFilters),
    agencyId: idParam(query.agencyId),
    personId: idParam(query.personId),
    sourceType: sourceTypeParam(query.sourceType),
    search: searchText(query.search),
  }
}

/** The tracker's two lists: every action the person may read, and their own. */
export async function actionListRoutes(app: FastifyInstance) {
  const db = app.db
  const sourceTypeLabel = sourceTypeLabels(app.registry.recordTypes)
  const load = async (actor: Actor, filter: ActionListFilter, page: { limit: number; offset: number } | null) => {
    const [rows, total] = await Promise.all([
      listActions(db, actor, filter, page ?? undefined),
      countActions(db, actor, filter),
    ])
    return { rows, total }
  }
  const csv = (rows: Parameters<typeof actionCsv>[0]) => actionCsv(rows, sourceTypeLabel)

  listRoute(app, {
    path: '/actions',
    permission: 'actions:read',
    template: `${views}/actions.njk`,
    list: {
      columns: [
        { key: 'description', text: 'Action' },
        { key: 'source', text: 'Source' },
        { key: 'owner', text: 'Owner' },
        { key: 'agency', text: 'Agency' },
        { key: 'due', text: 'Due date' },
        { key: 'status', text: 'Status' },
      ],
      defaultSort: 'due',
      pageSize: 50,
      download: '/actions.csv',
      downloadXlsx: '/actions.xlsx',
      noun: ['action', 'actions'],
    },
    filter: readFilter,
    load,
    rows: actionRows,
    csv,
    context: async (actor) => ({
      ...filterItems(await actionFilterChoices(db, actor), sourceTypeLabel),
      subNavigation: actionsNavigation('/actions'),
    }),
  })

  // Everyone signed in has their own, open ones first: those their directory person owns.
  listRoute(app, {
    path: '/actions/mine',
    permission: null,
    template: `${views}/mine.njk`,
    list: {
      columns: [
        { key: 'description', text: 'Action' },
        { key: 'source', text: 'Source' },
        { key: 'due', text: 'Due date' },
        { key: 'status', text: 'Status' },
      ],
      defaultSort: 'due',
      pageSize: 50,
      download: '/actions/mine.csv',
      downloadXlsx: '/actions/mine.xlsx',
      noun: ['action', 'actions'],
    },
    filter: (query) => ({ ...readFilter(query), mine: true }),
    load,
    rows: myActionRows,
    csv,
    context: async (actor) => ({
      ...filterItems(await actionFilterChoices(db, actor, { mine: true }), sourceTypeLabel),
      linked: !!actor.personId,
      subNavigation: actionsNavigation('/actions/mine'),
    }),
  })
}
