import { randomBytes } from 'node:crypto'
import autocannon from 'autocannon'
import type { FastifyInstance } from 'fastify'
import { loadConfig } from '../src/config.ts'

/**
 * One route under load: autocannon (in a worker thread, so the load generator does not share the
 * server's event loop) drives it over real HTTP, while an onResponse hook in the server records
 * `reply.elapsedTime` — the server's own time from receiving the request to finishing the reply.
 */

/** The app's settings in the bench: as in production, with request logging and the workers off, like the bare route. */
export function benchAppConfig() {
  return loadConfig({
    NODE_ENV: 'production',
    SESSION_SECRET: randomBytes(32).toString('hex'),
    EMAIL_ADAPTER: 'smtp',
    SMTP_URL: 'smtp://127.0.0.1:2525',
    RUN_EMAIL_WORKER: 'false',
    RUN_JOB_WORKER: 'false',
    LOG_LEVEL: 'silent',
  })
}

/** BENCH_SECONDS shortens the measured runs for a quick check of the bench itself. */
export const load = { connections: 10, warmUpSeconds: 1, seconds: Number(process.env.BENCH_SECONDS) || 5 }

export interface RouteResult {
  name: string
  path: string
  requests: number
  serverMedian: number
  serverP95: number
  clientP50: number
  clientP97_5: number
  requestsPerSecond: number
}

/** Nearest-rank percentile of sorted numbers. */
export function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

/** Collects the server time of every response the app sends. */
export function serverTimer(app: FastifyInstance) {
  let samples: number[] = []
  app.addHook('onResponse', async (_request, reply) => {
    samples.push(reply.elapsedTime)
  })
  return {
    reset() {
      samples = []
    },
    /** The samples since the last reset, sorted unless `sorted` is false (then in arrival order). */
    take(sorted = true) {
      const taken = samples
      samples = []
      return sorted ? taken.sort((a, b) => a - b) : taken
    },
  }
}

export async function measureRoute(options: {
  name: string
  baseUrl: string
  path: string
  timer: ReturnType<typeof serverTimer>
  headers?: Record<string, string>
}): Promise<RouteResult> {
  const run = (seconds: number) =>
    autocannon({
      url: options.baseUrl + options.path,
      connections: load.connections,
      duration: seconds,
      headers: options.headers,
      workers: 1,
    })
  await run(load.warmUpSeconds)
  options.timer.reset()
  const result = await run(load.seconds)
  const server = options.timer.take()
  if (result.errors || result.timeouts || result.non2xx) {
    throw new Error(
      `${options.path}: ${result.non2xx} non-2xx responses, ${result.errors} errors, ${result.timeouts} timeouts — is the session cookie valid?`,
    )
  }
  if (!server.length) throw new Error(`${options.path}: the server recorded no responses`)
  return {
    name: options.name,
    path: options.path,
    requests: result.requests.total,
    serverMedian: percentile(server, 50),
    serverP95: percentile(server, 95),
    clientP50: result.latency.p50,
    clientP97_5: result.latency.p97_5,
    requestsPerSecond: result.requests.average,
  }
}
