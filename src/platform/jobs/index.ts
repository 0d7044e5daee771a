import { and, asc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import { jobs } from '../schema.ts'
import { nextRun, type RecurringSchedule } from './schedule.ts'

/**
 * A job scheduler on the `jobs` table, built like the email outbox: a job is queued in the
 * transaction of the change that causes it; a worker in each app process claims due jobs with
 * FOR UPDATE SKIP LOCKED, so two processes never run one job at once, and runs it after the claim
 * has committed. A claim is a lease: if the process stops mid-job, the job runs again once the
 * lease ends. So a job may run more than once (at least once): handlers must be safe to repeat.
 */
export { nextDailyRun, type RecurringSchedule } from './schedule.ts'

export type Job = typeof jobs.$inferSelect

export interface JobContext {
  id: string
  name: string
  /** 1 on the first try. */
  attempt: number
  partnershipId: string | null
  /** The service's address (config BASE_URL), for links in the emails a job sends. */
  baseUrl: string
}

export interface JobDefinition<Payload = unknown> {
  name: string
  maxAttempts: number
  /** Milliseconds to wait after the nth failed attempt. */
  backoff(attempt: number): number
  /** Runs outside any transaction; open one for changes that must commit together. */
  handler(db: Database, payload: Payload, context: JobContext): Promise<void>
}

export const defaultMaxAttempts = 5

/** After the nth failed attempt: 1 minute, 2, 4, … at most an hour. */
export function defaultBackoff(attempt: number): number {
  return Math.min(2 ** Math.max(attempt - 1, 0), 60) * 60_000
}

export function defineJob<Payload = unknown>(
  name: string,
  handler: JobDefinition<Payload>['handler'],
  options: { maxAttempts?: number; backoff?: (attempt: number) => number } = {},
): JobDefinition<Payload> {
  return {
    name,
    handler,
    maxAttempts: options.maxAttempts ?? defaultMaxAttempts,
    backoff: options.backoff ?? defaultBackoff,
  }
}

export interface NewJob {
  name: string
  /** JSON. Kept out of logs and errors, but name records by id rather than copy personal data here. */
  payload?: unknown
  /** Now, when not given. */
  runAt?: Date
  partnershipId?: string | null
  /** Queue the job only if no job (pending or finished) has this key: `offer-deadline:<offer id>`. */
  uniqueKey?: string
}

/** Queues a job; pass the caller's transaction so the job is queued only if the change commits. Null when the key was taken. */
export async function enqueueJob(db: Database, job: NewJob): Promise<string | null> {
  const [row] = await db
    .insert(jobs)
    .values({
      name: job.name,
      payload: job.payload ?? {},
      runAt: job.runAt ?? new Date(),
      partnershipId: job.partnershipId ?? null,
      uniqueKey: job.uniqueKey ?? null,
    })
    .onConflictDoNothing({ target: jobs.uniqueKey })
    .returning({ id: jobs.id })
  return row?.id ?? null
}

export const recurringKey = (name: string) => `recurring:${name}`

/**
 * Makes the one row of each recurring job: due at once for an interval, at its next time for a daily job.
 * Every process does this on start; the unique key makes it a no-op after the first. A row left `done`
 * or `failed` (run by a process that did not know its schedule, say mid-deploy) is put back.
 */
export async function ensureRecurring(db: Database, schedules: RecurringSchedule[], now = new Date()) {
  for (const schedule of schedules) {
    const runAt = 'every' in schedule ? now : nextRun(schedule, now)
    await db
      .insert(jobs)
      .values({ name: schedule.name, uniqueKey: recurringKey(schedule.name), runAt })
      .onConflictDoUpdate({
        target: jobs.uniqueKey,
        set: { status: 'pending', attempts: 0, runAt, lockedUntil: null },
        setWhere: inArray(jobs.status, ['done', 'failed']),
      })
  }
}

export interface JobWorkerOptions {
  /** Recurring jobs to keep scheduled; each needs its handler among the definitions. */
  recurring?: RecurringSchedule[]
  pollMs?: number
  /** How long a claim lasts: a job still running after it may be run again by another process. */
  leaseMs?: number
  /** Told of every failure, with the job's name and id only: log those, never the payload. */
  onError?: (error: unknown, job?: { name: string; id: string }) => void
  /** The service's address, given to every job for links in emails (config BASE_URL). */
  baseUrl?: string
}

export interface JobWorker {
  /** Runs the jobs due now, one after another; tests call it rather than wait for the timer. */
  runDue(): Promise<number>
  /** Stops polling and waits for the job in hand. */
  stop(): Promise<void>
}

export function startJobWorker(db: Database, definitions: JobDefinition[], options: JobWorkerOptions = {}): JobWorker {
  const { pollMs = 5_000, leaseMs = 15 * 60_000, onError = () => {}, baseUrl = 'http://localhost' } = options
  const handlers = new Map(definitions.map((definition) => [definition.name, definition]))
  const schedules = new Map((options.recurring ?? []).map((schedule) => [schedule.name, schedule]))
  for (const name of schedules.keys()) {
    if (!handlers.has(name)) throw new Error(`The recurring job "${name}" has no handler`)
  }

  /** Claims the next due job, or a running one whose lease ended, in a short transaction of its own. */
  async function claim(): Promise<Job | 'settled' | null> {
    return db.transaction(async (tx) => {
      const [job] = await tx
        .select()
        .from(jobs)
        .where(
          or(
            and(eq(jobs.status, 'pending'), lte(jobs.runAt, sql`now()`)),
            and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, sql`now()`)),
          ),
        )
        .orderBy(asc(jobs.runAt))
        .limit(1)
        .for('update', { skipLocked: true })
      if (!job) return null
      const maxAttempts = handlers.get(job.name)?.maxAttempts ?? job.maxAttempts
      if (job.status === 'running' && job.attempts >= maxAttempts) {
        // Its last attempt never finished: not tried again, in case the job itself stops the process.
        await settle(tx, job, { error: new Error('Stopped before finishing: the process running it may have exited') })
        return 'settled'
      }
      const [claimed] = await tx
        .update(jobs)
        .set({
          status: 'running',
          attempts: job.attempts + 1,
          maxAttempts,
          lockedUntil: sql`now() + make_interval(secs => ${leaseMs / 1000})`,
        })
        .where(eq(jobs.id, job.id))
        .returning()
      return claimed!
    })
  }

  /** Records how a claimed job ended: done, retried after back-off, failed, or (recurring) due at its next time. */
  async function settle(tx: Database, job: Job, failure: { error: unknown } | null) {
    const now = new Date()
    const definition = handlers.get(job.name)
    const schedule = job.uniqueKey === recurringKey(job.name) ? schedules.get(job.name) : undefined
    const error = failure?.error
    const lastError = !failure ? null : error instanceof Error ? error.message.slice(0, 500) : 'Unknown error'
    const retryAt = new Date(now.getTime() + (definition?.backoff ?? defaultBackoff)(job.attempts))
    const retry = failure !== null && job.attempts < (definition?.maxAttempts ?? job.maxAttempts)
    let change: Partial<Job>
    if (schedule) {
      const next = nextRun(schedule, now)
      change = retry
        ? { status: 'pending', runAt: retryAt < next ? retryAt : next }
        : { status: 'pending', runAt: next, attempts: 0, finishedAt: now }
    } else if (retry) {
      change = { status: 'pending', runAt: retryAt }
    } else {
      change = { status: failure ? 'failed' : 'done', finishedAt: now }
    }
    // Only if the claim still holds: after a lost lease, the process that took the job over records it.
    const updated = await tx
      .update(jobs)
      .set({ ...change, lastError, lockedUntil: null })
      .where(and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.attempts, job.attempts)))
      .returning({ id: jobs.id })
    if (!updated.length) onError(new Error('The job’s lease ended before it finished'), { name: job.name, id: job.id })
  }

  async function runOne(job: Job) {
    let failure: { error: unknown } | null = null
    try {
      const definition = handlers.get(job.name)
      if (!definition) throw new Error(`No handler for the job "${job.name}" in this process`)
      await definition.handler(db, job.payload, {
        id: job.id,
        name: job.name,
        attempt: job.attempts,
        partnershipId: job.partnershipId,
        baseUrl,
      })
    } catch (error) {
      failure = { error }
      onError(error, { name: job.name, id: job.id })
    }
    await settle(db, job, failure)
  }

  let stopped = false
  async function runBatch(limit = 100) {
    let ran = 0
    while (!stopped && ran < limit) {
      const job = await claim()
      if (job === null) break
      if (job !== 'settled') await runOne(job)
      ran++
    }
    return ran
  }

  // One batch at a time in this process: the timer's and runDue's queue behind each other.
  let chain: Promise<unknown> = ensureRecurring(db, [...schedules.values()]).catch((error) => onError(error))
  function queue<T>(work: () => Promise<T>): Promise<T> {
    const result = chain.then(() => work())
    chain = result.catch(() => {})
    return result
  }
  let timer: NodeJS.Timeout
  const arm = () => {
    timer = setTimeout(tick, pollMs)
    timer.unref()
  }
  const tick = () => {
    queue(runBatch)
      .catch((error) => onError(error))
      .finally(() => {
        if (!stopped) arm()
      })
  }
  arm()

  return {
    runDue: () => queue(runBatch),
    async stop() {
      stopped = true
      clearTimeout(timer)
      await chain
    },
  }
}
