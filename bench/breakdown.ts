import type { FastifyInstance } from 'fastify'
import type { Logger } from 'drizzle-orm'
import type { Database } from '../src/db/index.ts'
import { registry } from '../src/app.ts'
import { loadSession } from '../src/platform/accounts/sessions.ts'
import { listAgencyOptions } from '../src/modules/partnership/agencies/service.ts'
import { countPeople, listPeople, type PersonFilter } from '../src/modules/partnership/people/service.ts'
import { systemActor } from '../src/platform/permissions.ts'
import { percentile, type serverTimer } from './load.ts'

/**
 * Where a page's time goes, one request at a time (so nothing queues behind other requests):
 * the server time, the wall time spent waiting for the database (the driver client's `query`
 * wrapped with a clock), and everything else — routing, hooks, presenters, the Nunjucks render,
 * sending. Then each query of the people list on its own, and its plan.
 */

/** Requests (or query runs) per median, after 5 unrecorded ones. */
export const sequentialRuns = 40

export interface Phases {
  name: string
  path: string
  total: number
  database: number
  rest: number
  /** Size of the HTML sent. */
  bytes: number
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  )

type Queryable = { query: (...args: unknown[]) => Promise<unknown> }

/** Wall time with at least one query in flight (queries run together by Promise.all count once). */
export function databaseClock(db: Database) {
  const client = (db as unknown as { $client: Queryable }).$client
  const query = client.query.bind(client)
  let inFlight = 0
  let since = 0
  let total = 0
  client.query = async (...args: unknown[]) => {
    if (inFlight++ === 0) since = performance.now()
    try {
      return await query(...args)
    } finally {
      if (--inFlight === 0) total += performance.now() - since
    }
  }
  return {
    reset: () => (total = 0),
    read: () => total,
  }
}

/** Sequential requests through app.inject: the server time of one request with nothing else running. */
export async function measureAlone(options: {
  app: FastifyInstance
  timer: ReturnType<typeof serverTimer>
  clock: ReturnType<typeof databaseClock> | null
  name: string
  url: string
  cookie?: string
}): Promise<Phases> {
  const { app, timer, clock, url } = options
  const headers = options.cookie ? { cookie: options.cookie } : {}
  for (let i = 0; i < 5; i++) await app.inject({ url, headers })
  timer.reset()
  const database: number[] = []
  let bytes = 0
  for (let i = 0; i < sequentialRuns; i++) {
    clock?.reset()
    const response = await app.inject({ url, headers })
    if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`)
    database.push(clock?.read() ?? 0)
    bytes = response.rawPayload.length
  }
  const server = timer.take(false)
  return {
    name: options.name,
    path: url,
    total: median(server),
    database: median(database),
    rest: median(server.map((total, i) => total - database[i]!)),
    bytes,
  }
}

async function timeIt(fn: () => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await fn()
  const times: number[] = []
  for (let i = 0; i < sequentialRuns; i++) {
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  return median(times)
}

export interface QueryTiming {
  name: string
  ms: number
}

/** The queries behind GET /directory/people, each on its own, sequentially. */
export async function timePeopleQueries(
  db: Database,
  partnershipId: string,
  sessionToken: string,
  filters: Record<string, PersonFilter>,
) {
  const timings: QueryTiming[] = [
    {
      name: 'loadSession (every signed-in request)',
      ms: await timeIt(() => loadSession(db, sessionToken, registry)),
    },
  ]
  for (const [label, filter] of Object.entries(filters)) {
    timings.push({
      name: `listPeople, ${label}`,
      ms: await timeIt(() => listPeople(db, systemActor(partnershipId), { ...filter, limit: 100 })),
    })
    timings.push({
      name: `countPeople, ${label}`,
      ms: await timeIt(() => countPeople(db, systemActor(partnershipId), filter)),
    })
  }
  timings.push({
    name: 'listAgencyOptions (the agency filter’s options)',
    ms: await timeIt(() => listAgencyOptions(db, partnershipId)),
  })
  return timings
}

/** A Drizzle logger that keeps the SQL and parameters of every query, to EXPLAIN them. */
export function queryRecorder() {
  const queries: { sql: string; params: unknown[] }[] = []
  const logger: Logger = { logQuery: (sql, params) => queries.push({ sql, params }) }
  return { logger, queries }
}

export interface Plan {
  name: string
  sql: string
  plan: string
}

/** EXPLAIN ANALYZE of listPeople and countPeople for each filter, as the service writes them. */
export async function explainPeopleQueries(
  recordingDb: Database,
  recorded: { sql: string; params: unknown[] }[],
  run: (sql: string, params: unknown[]) => Promise<string[]>,
  partnershipId: string,
  filters: Record<string, PersonFilter>,
) {
  const plans: Plan[] = []
  for (const [label, filter] of Object.entries(filters)) {
    for (const [name, call] of [
      [`listPeople, ${label}`, () => listPeople(recordingDb, systemActor(partnershipId), { ...filter, limit: 100 })],
      [`countPeople, ${label}`, () => countPeople(recordingDb, systemActor(partnershipId), filter)],
    ] as const) {
      recorded.length = 0
      await call()
      const query = recorded[0]!
      plans.push({
        name,
        sql: query.sql,
        plan: (await run(`explain (analyze, costs off) ${query.sql}`, query.params)).join('\n'),
      })
    }
  }
  return plans
}
