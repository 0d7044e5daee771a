import type { FastifyInstance } from 'fastify'
import { sendCsv } from './exports.ts'
import { requireActor } from './http.ts'
import { listView, readList, type ListDefinition, type ListState, type Query } from './lists.ts'
import type { Actor, Permission } from './permissions.ts'

/**
 * A list page and its CSV download, declared once: the same filters, sort and scope serve both,
 * so a download always holds what the page lists (every row of it, not one page). The template
 * gets `rows`, `list` (for the list macros) and whatever `context` adds.
 */
export interface ListRoute<S extends string, F, R> {
  path: string
  permission: Permission
  template: string
  list: ListDefinition<S>
  /** The list's own filters from the query string; anything unknown is ignored. */
  filter: (query: Query) => F
  /** The rows of one page, or all of them (`page` null: an unpaged list, or the download), and how many in all. */
  load: (
    actor: Actor,
    filter: F & Pick<ListState<S>, 'sort' | 'direction'>,
    page: { limit: number; offset: number } | null,
  ) => Promise<{ rows: R[]; total: number }>
  /** Table rows for the page. */
  rows: (rows: R[], actor: Actor) => unknown[]
  /** The download's rows, a header row first. */
  csv: (rows: R[], filter: F) => unknown[][]
  /** Anything else the template needs (filter choices, sub-navigation). */
  context?: (actor: Actor, query: Query) => Promise<object> | object
}

/** What the list's template gets for one request. Exported for the bench, which renders a list without the platform. */
export async function listPageView<S extends string, F, R>(route: ListRoute<S, F, R>, actor: Actor, query: Query) {
  const state = readList(query, route.list)
  const filter = { ...route.filter(query), sort: state.sort, direction: state.direction }
  const [{ rows, total }, context] = await Promise.all([
    route.load(actor, filter, state.limit ? { limit: state.limit, offset: state.offset } : null),
    route.context?.(actor, query) ?? {},
  ])
  return {
    ...context,
    rows: route.rows(rows, actor),
    list: listView(route.list, state, query, { total, shown: rows.length }),
  }
}

export function listRoute<S extends string, F, R>(app: FastifyInstance, route: ListRoute<S, F, R>) {
  const config = { permission: route.permission }
  app.get(route.path, { config }, async (request, reply) =>
    reply.view(route.template, await listPageView(route, requireActor(request), request.query as Query)),
  )
  if (!route.list.download) return
  // Named for what it holds: "people.csv", "accounts.csv".
  const filename = `${route.list.noun[1]}.csv`
  app.get(route.list.download, { config }, async (request, reply) =>
    sendCsv(reply, filename, await listDownloadRows(route, requireActor(request), request.query as Query)),
  )
}

/** Every row the list holds for the query (not one page), as its download has them, the header first. */
export async function listDownloadRows<S extends string, F, R>(route: ListRoute<S, F, R>, actor: Actor, query: Query) {
  const state = readList(query, route.list)
  const filter = { ...route.filter(query), sort: state.sort, direction: state.direction }
  const { rows } = await route.load(actor, filter, null)
  return route.csv(rows, filter)
}

/** A list shown whole: its rows, and as many in all. */
export function wholeList<R>(rows: R[]) {
  return { rows, total: rows.length }
}
