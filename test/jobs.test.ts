import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it, type TestContext } from 'node:test'
import { eq, inArray, sql } from 'drizzle-orm'
import { openDatabase } from '../src/db/index.ts'
import {
  defaultBackoff,
  defineJob,
  enqueueJob,
  ensureRecurring,
  nextDailyRun,
  recurringKey,
  startJobWorker,
  type JobContext,
  type JobDefinition,
  type JobWorker,
  type JobWorkerOptions,
} from '../src/platform/jobs/index.ts'
import { registry } from '../src/app.ts'
import { jobs, oneTimeTokens, sessions, users } from '../src/platform/schema.ts'
import { buildTestApp, demoEmail } from './helpers/app.ts'
import { createTestDatabase, drivers, type TestDatabase } from './helpers/database.ts'

/**
 * The job scheduler: jobs queued with the change that causes them, claimed by one worker only,
 * retried with back-off, recurring jobs kept to their schedule, and the platform's own clean-up.
 */

function minutesFromNow(date: Date) {
  return (date.getTime() - Date.now()) / 60_000
}

function assertMinutesAway(date: Date, expected: number, what: string) {
  const minutes = minutesFromNow(date)
  // Generous below: only the schedule is checked, never how fast the test ran.
  assert.ok(minutes > expected - 0.5 && minutes <= expected, `${what}: ${minutes} minutes away, expected ${expected}`)
}

/** A job that records each run and fails while `failing` is set. */
function recordingJob(name: string, options: Parameters<typeof defineJob>[2] = {}) {
  const runs: { payload: unknown; context: JobContext }[] = []
  const state = { failing: false }
  const definition = defineJob(
    name,
    async (_db, payload, context) => {
      runs.push({ payload, context })
      if (state.failing) throw new Error('The provider said no')
    },
    options,
  )
  return { definition, runs, state }
}

describe('the default back-off', () => {
  it('doubles from a minute after each failed attempt and stops growing at an hour', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 20].map((attempt) => defaultBackoff(attempt) / 60_000),
      [1, 2, 4, 8, 16, 32, 60, 60, 60],
    )
  })
})

for (const driver of drivers) {
  describe(`the job scheduler, on ${driver}`, () => {
    let database: TestDatabase
    before(async () => {
      database = await createTestDatabase(driver)
    })
    after(async () => {
      await database.close()
    })
    // Each test starts from an empty queue, so no test runs another's jobs.
    beforeEach(async () => {
      await database.db.delete(jobs)
    })

    /** A worker that only runs when told to (runDue), stopped when the test ends; its errors are kept. */
    function worker(t: TestContext, definitions: JobDefinition[], options: JobWorkerOptions = {}, db = database.db) {
      const errors: { error: unknown; job?: { name: string; id: string } }[] = []
      const started = startJobWorker(db, definitions, {
        pollMs: 3_600_000,
        onError: (error, job) => errors.push({ error, job }),
        ...options,
      })
      t.after(() => started.stop())
      return Object.assign(started, { errors })
    }

    async function rowsNamed(name: string) {
      return database.db.select().from(jobs).where(eq(jobs.name, name))
    }

    async function onlyJob(name: string) {
      const rows = await rowsNamed(name)
      assert.equal(rows.length, 1, `one ${name} job`)
      return rows[0]!
    }

    /** Time passes until the job is due. */
    async function makeDue(name: string) {
      await database.db
        .update(jobs)
        .set({ runAt: new Date(Date.now() - 1000) })
        .where(eq(jobs.name, name))
    }

    it('runs a queued job once, with its payload, and marks it done', async (t) => {
      const { definition, runs } = recordingJob('send-reminder')
      const scheduler = worker(t, [definition])
      const id = await enqueueJob(database.db, { name: 'send-reminder', payload: { bookingId: 'b-1' } })
      assert.ok(id)
      assert.equal(runs.length, 0, 'nothing runs until the worker does')

      assert.equal(await scheduler.runDue(), 1)
      assert.equal(runs.length, 1)
      assert.deepEqual(runs[0]!.payload, { bookingId: 'b-1' })
      assert.deepEqual(runs[0]!.context, {
        id,
        name: 'send-reminder',
        attempt: 1,
        partnershipId: null,
        baseUrl: 'http://localhost',
      })
      const done = await onlyJob('send-reminder')
      assert.equal(done.status, 'done')
      assert.equal(done.attempts, 1)
      assert.equal(done.lastError, null)
      assert.equal(done.lockedUntil, null)
      assert.ok(done.finishedAt)

      assert.equal(await scheduler.runDue(), 0, 'a done job is not run again')
      assert.equal(runs.length, 1)
      assert.deepEqual(scheduler.errors, [])
    })

    it('waits for a job’s time before running it', async (t) => {
      const { definition, runs } = recordingJob('offer-deadline')
      const scheduler = worker(t, [definition])
      await enqueueJob(database.db, { name: 'offer-deadline', runAt: new Date(Date.now() + 3_600_000) })
      assert.equal(await scheduler.runDue(), 0)
      assert.equal(runs.length, 0)
      await makeDue('offer-deadline')
      assert.equal(await scheduler.runDue(), 1)
      assert.equal(runs.length, 1)
    })

    it('retries a failing job after growing delays, fails it after its last attempt, and logs only its name and id', async (t) => {
      const { definition, runs, state } = recordingJob('follow-up-email', { maxAttempts: 3 })
      state.failing = true
      const scheduler = worker(t, [definition])
      const id = await enqueueJob(database.db, {
        name: 'follow-up-email',
        payload: { to: 'nadia.rahman@oscb.example' },
      })

      assert.equal(await scheduler.runDue(), 1)
      const retrying = await onlyJob('follow-up-email')
      assert.equal(retrying.status, 'pending')
      assert.equal(retrying.attempts, 1)
      assert.equal(retrying.lastError, 'The provider said no')
      assertMinutesAway(retrying.runAt, 1, 'after the first attempt')
      assert.equal(await scheduler.runDue(), 0, 'not retried before it is due')

      await makeDue('follow-up-email')
      assert.equal(await scheduler.runDue(), 1)
      const again = await onlyJob('follow-up-email')
      assert.equal(again.status, 'pending')
      assert.equal(again.attempts, 2)
      assertMinutesAway(again.runAt, 2, 'after the second attempt')

      await makeDue('follow-up-email')
      assert.equal(await scheduler.runDue(), 1)
      const failed = await onlyJob('follow-up-email')
      assert.equal(failed.status, 'failed')
      assert.equal(failed.attempts, 3)
      assert.equal(failed.lastError, 'The provider said no')
      assert.ok(failed.finishedAt)

      await makeDue('follow-up-email')
      assert.equal(await scheduler.runDue(), 0, 'a failed job is not tried again')
      assert.deepEqual(
        runs.map((run) => run.context.attempt),
        [1, 2, 3],
      )
      assert.equal(scheduler.errors.length, 3)
      for (const { error, job } of scheduler.errors) {
        assert.deepEqual(job, { name: 'follow-up-email', id })
        assert.ok(!JSON.stringify({ error: String(error), job }).includes('nadia'), 'no payload in what is logged')
      }
    })

    it('never runs a job queued in a transaction that rolled back, and runs one whose transaction committed', async (t) => {
      const { definition, runs } = recordingJob('welcome-pack')
      const scheduler = worker(t, [definition])
      await assert.rejects(
        database.db.transaction(async (tx) => {
          await enqueueJob(tx, { name: 'welcome-pack', payload: { which: 'rolled back' } })
          throw new Error('the change that caused it failed')
        }),
        /the change that caused it failed/,
      )
      assert.equal((await rowsNamed('welcome-pack')).length, 0)
      assert.equal(await scheduler.runDue(), 0)

      await database.db.transaction(async (tx) => {
        await enqueueJob(tx, { name: 'welcome-pack', payload: { which: 'committed' } })
      })
      assert.equal(await scheduler.runDue(), 1)
      assert.deepEqual(
        runs.map((run) => run.payload),
        [{ which: 'committed' }],
      )
    })

    it('queues a job with a unique key once, even after it has run', async (t) => {
      const { definition, runs } = recordingJob('close-offer')
      const scheduler = worker(t, [definition])
      const first = await enqueueJob(database.db, { name: 'close-offer', uniqueKey: 'close-offer:o-1' })
      assert.ok(first)
      assert.equal(await enqueueJob(database.db, { name: 'close-offer', uniqueKey: 'close-offer:o-1' }), null)
      assert.equal(await scheduler.runDue(), 1)
      assert.equal(await enqueueJob(database.db, { name: 'close-offer', uniqueKey: 'close-offer:o-1' }), null)
      assert.ok(await enqueueJob(database.db, { name: 'close-offer', uniqueKey: 'close-offer:o-2' }))
      assert.equal(await scheduler.runDue(), 1)
      assert.equal(runs.length, 2)
    })

    it('fails a job no handler is known for with an error naming it, after retries (another process may know it)', async (t) => {
      const scheduler = worker(t, [])
      await enqueueJob(database.db, { name: 'renamed-job' })
      assert.equal(await scheduler.runDue(), 1)
      const retrying = await onlyJob('renamed-job')
      assert.equal(retrying.status, 'pending')
      assert.equal(retrying.lastError, 'No handler for the job "renamed-job" in this process')
      for (let attempt = 2; attempt <= retrying.maxAttempts; attempt++) {
        await makeDue('renamed-job')
        assert.equal(await scheduler.runDue(), 1)
      }
      const failed = await onlyJob('renamed-job')
      assert.equal(failed.status, 'failed')
      assert.equal(failed.attempts, 5)
      assert.match(failed.lastError ?? '', /No handler for the job "renamed-job"/)
    })

    it('runs again a job whose process stopped mid-run, once its lease has ended, and leaves a live lease alone', async (t) => {
      const { definition, runs } = recordingJob('rebuild-index')
      const scheduler = worker(t, [definition])
      const crashed = (await enqueueJob(database.db, { name: 'rebuild-index', payload: { which: 'crashed' } }))!
      const busy = (await enqueueJob(database.db, { name: 'rebuild-index', payload: { which: 'busy' } }))!
      // One process claimed the first and stopped; another is still running the second.
      await database.db
        .update(jobs)
        .set({ status: 'running', attempts: 1, lockedUntil: new Date(Date.now() - 1000) })
        .where(eq(jobs.id, crashed))
      await database.db
        .update(jobs)
        .set({ status: 'running', attempts: 1, lockedUntil: new Date(Date.now() + 600_000) })
        .where(eq(jobs.id, busy))

      assert.equal(await scheduler.runDue(), 1)
      assert.deepEqual(
        runs.map((run) => [run.payload, run.context.attempt]),
        [[{ which: 'crashed' }, 2]],
      )
      const rows = await database.db
        .select()
        .from(jobs)
        .where(inArray(jobs.id, [crashed, busy]))
      assert.equal(rows.find((row) => row.id === crashed)!.status, 'done')
      assert.equal(rows.find((row) => row.id === busy)!.status, 'running')
    })

    it('fails, without running again, a job whose last attempt never finished', async (t) => {
      const { definition, runs } = recordingJob('poison', { maxAttempts: 3 })
      const scheduler = worker(t, [definition])
      const id = (await enqueueJob(database.db, { name: 'poison' }))!
      await database.db
        .update(jobs)
        .set({ status: 'running', attempts: 3, lockedUntil: new Date(Date.now() - 1000) })
        .where(eq(jobs.id, id))
      assert.equal(await scheduler.runDue(), 1)
      assert.equal(runs.length, 0)
      const failed = await onlyJob('poison')
      assert.equal(failed.status, 'failed')
      assert.match(failed.lastError ?? '', /Stopped before finishing/)
    })

    it('does not record over the process that took a job over after its lease ended', async (t) => {
      const slow = defineJob('slow-export', async (db, _payload, context) => {
        // While this runs too long, its lease ends and another process claims the job.
        await db
          .update(jobs)
          .set({ attempts: context.attempt + 1, lockedUntil: new Date(Date.now() + 600_000) })
          .where(eq(jobs.id, context.id))
      })
      const scheduler = worker(t, [slow])
      await enqueueJob(database.db, { name: 'slow-export' })
      assert.equal(await scheduler.runDue(), 1)
      const row = await onlyJob('slow-export')
      assert.equal(row.status, 'running', 'left to the process that holds the lease')
      assert.equal(row.attempts, 2)
      assert.equal(scheduler.errors.length, 1)
      assert.match(String(scheduler.errors[0]!.error), /lease ended before it finished/)
    })

    it('two workers running at once run each job exactly once', async (t) => {
      // On PostgreSQL, as two app processes: a pool each. PGlite has one connection, so they share it.
      const other = driver === 'pg' ? await openDatabase({ kind: 'pg', url: database.url!, poolSize: 2 }) : database
      if (other !== database) t.after(() => other.close())
      const ran: string[] = []
      const definition = defineJob('notify', async (_db, _payload, context) => {
        ran.push(context.id)
        await new Promise((resolve) => setTimeout(resolve, 10))
      })
      const ids: string[] = []
      for (let i = 0; i < 12; i++) ids.push((await enqueueJob(database.db, { name: 'notify', payload: { i } }))!)

      const [first, second] = await Promise.all([
        worker(t, [definition]).runDue(),
        worker(t, [definition], {}, other.db).runDue(),
      ])
      assert.equal(first! + second!, ids.length)
      assert.deepEqual([...ran].sort(), [...ids].sort(), 'each job ran once')
      for (const row of await rowsNamed('notify')) assert.equal(row.status, 'done')
    })

    it('keeps one row per recurring job however many processes start, and runs an interval job at once', async (t) => {
      const hourly = recordingJob('tidy-up')
      const schedules = [{ name: 'tidy-up', every: { minutes: 30 } }]
      await Promise.all([ensureRecurring(database.db, schedules), ensureRecurring(database.db, schedules)])
      const scheduler = worker(t, [hourly.definition], { recurring: schedules })
      const row = await onlyJob('tidy-up')
      assert.equal(row.uniqueKey, recurringKey('tidy-up'))
      assert.ok(minutesFromNow(row.runAt) <= 0, 'due at once')
      assert.equal(await scheduler.runDue(), 1)
      assert.equal(hourly.runs.length, 1)
    })

    it('moves a recurring job to its next time after it runs, and after it fails', async (t) => {
      const tidy = recordingJob('tidy-up', { maxAttempts: 2 })
      const nightly = recordingJob('nightly-report')
      const recurring = [
        { name: 'tidy-up', every: { hours: 6 } },
        { name: 'nightly-report', dailyAt: '03:00' },
      ]
      const scheduler = worker(t, [tidy.definition, nightly.definition], { recurring })

      assert.equal(await scheduler.runDue(), 1, 'the interval job is due at once, the daily one at 03:00')
      const ran = await onlyJob('tidy-up')
      assert.equal(ran.status, 'pending')
      assert.equal(ran.attempts, 0)
      assert.ok(ran.finishedAt)
      assertMinutesAway(ran.runAt, 360, 'the interval job')
      const daily = await onlyJob('nightly-report')
      assert.equal(daily.status, 'pending')
      assert.equal(daily.runAt.getTime(), nextDailyRun(new Date(daily.runAt.getTime() - 60_000), '03:00').getTime())
      assert.ok(minutesFromNow(daily.runAt) > 0 && minutesFromNow(daily.runAt) <= 25 * 60)
      assert.equal(
        daily.runAt.toLocaleTimeString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' }),
        '03:00',
      )

      await makeDue('nightly-report')
      assert.equal(await scheduler.runDue(), 1)
      assert.equal(nightly.runs.length, 1)
      const nextNight = await onlyJob('nightly-report')
      assert.equal(nextNight.status, 'pending')
      assert.ok(minutesFromNow(nextNight.runAt) > 0)

      // Failing: retried after the back-off while it has attempts left, then left for its next time.
      tidy.state.failing = true
      await makeDue('tidy-up')
      assert.equal(await scheduler.runDue(), 1)
      const retrying = await onlyJob('tidy-up')
      assert.equal(retrying.status, 'pending')
      assert.equal(retrying.attempts, 1)
      assert.equal(retrying.lastError, 'The provider said no')
      assertMinutesAway(retrying.runAt, 1, 'the retry')
      await makeDue('tidy-up')
      assert.equal(await scheduler.runDue(), 1)
      const givenUp = await onlyJob('tidy-up')
      assert.equal(givenUp.status, 'pending', 'a recurring job is never failed for good')
      assert.equal(givenUp.attempts, 0)
      assert.equal(givenUp.lastError, 'The provider said no')
      assertMinutesAway(givenUp.runAt, 360, 'after its last attempt, the next time')

      tidy.state.failing = false
      await makeDue('tidy-up')
      assert.equal(await scheduler.runDue(), 1)
      assert.equal((await onlyJob('tidy-up')).lastError, null)
      assert.equal(tidy.runs.length, 4)
    })

    it('leaves a recurring job’s time alone when another process starts, and puts back one left done or failed', async (t) => {
      const definition = recordingJob('tidy-up').definition
      const recurring = [{ name: 'tidy-up', every: { hours: 6 } }]
      await worker(t, [definition], { recurring }).runDue()
      const scheduled = await onlyJob('tidy-up')
      await worker(t, [definition], { recurring }).runDue()
      assert.equal((await onlyJob('tidy-up')).runAt.getTime(), scheduled.runAt.getTime())

      // A process that did not know the schedule (an older version, mid-deploy) ran it as a one-off.
      await database.db.update(jobs).set({ status: 'done' }).where(eq(jobs.name, 'tidy-up'))
      await ensureRecurring(database.db, recurring)
      const restored = await onlyJob('tidy-up')
      assert.equal(restored.status, 'pending')
      assert.ok(minutesFromNow(restored.runAt) <= 0)
    })

    it('refuses a recurring job with no handler when the worker starts', () => {
      assert.throws(
        () => startJobWorker(database.db, [], { recurring: [{ name: 'orphan', every: { hours: 1 } }] }),
        /The recurring job "orphan" has no handler/,
      )
    })
  })

  describe(`the app's own recurring jobs, on ${driver}`, () => {
    it('delete expired sessions and spent tokens, and keep the live ones', async (t) => {
      const hub = await buildTestApp(t, { driver, env: { RUN_JOB_WORKER: 'true' } })
      const { db } = hub.database
      const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, demoEmail.trainer))
      const hour = 3_600_000
      const now = Date.now()
      await db.insert(sessions).values([
        { id: 'live-session', userId: user!.id, lastSeenAt: new Date(now), expiresAt: new Date(now + hour) },
        { id: 'expired-session', userId: user!.id, lastSeenAt: new Date(now - hour), expiresAt: new Date(now - 1000) },
        {
          id: 'idle-session',
          userId: user!.id,
          lastSeenAt: new Date(now - 48 * hour),
          expiresAt: new Date(now + hour),
        },
      ])
      await db.insert(oneTimeTokens).values([
        { id: 'live-token', userId: user!.id, purpose: 'invite', expiresAt: new Date(now + hour) },
        { id: 'lately-expired-token', userId: user!.id, purpose: 'invite', expiresAt: new Date(now - 24 * hour) },
        { id: 'spent-token', userId: user!.id, purpose: 'password-reset', expiresAt: new Date(now - 60 * 24 * hour) },
      ])
      const worker = hub.app.getDecorator<JobWorker>('jobWorker')
      const statistics = async () => {
        const result = (await db.execute(
          sql`select count(*)::int as n from pg_stats where schemaname = 'public' and tablename = 'people'`,
        )) as unknown as { rows: { n: number }[] }
        return result.rows[0]!.n
      }
      if (driver === 'pglite') assert.equal(await statistics(), 0, 'the new database has no planner statistics')

      await worker.runDue()
      if (driver === 'pglite') assert.ok((await statistics()) > 0, 'ANALYZE ran')
      const recurring = await db.select().from(jobs)
      // The platform's own; each module's schedules (registry.recurring) run beside them.
      const modules = new Set(registry.recurring.map((schedule) => schedule.name))
      for (const name of modules)
        assert.ok(
          recurring.some((row) => row.name === name),
          `${name} is scheduled`,
        )
      assert.deepEqual(
        recurring
          .map((row) => row.name)
          .filter((name) => !modules.has(name))
          .sort(),
        driver === 'pglite'
          ? ['analyze', 'delete-expired-sessions', 'delete-old-signed-links', 'delete-spent-tokens']
          : ['delete-expired-sessions', 'delete-old-signed-links', 'delete-spent-tokens'],
        'ANALYZE is scheduled on PGlite only: PostgreSQL runs autoanalyze',
      )
      for (const row of recurring) assert.equal(row.lastError, null, row.name)
      const sessionIds = await db.select({ id: sessions.id }).from(sessions)
      assert.deepEqual(
        sessionIds
          .map((row) => row.id)
          .filter((id) => id.endsWith('-session'))
          .sort(),
        ['live-session'],
      )

      // Spent tokens go at 03:00.
      assert.equal((await db.select().from(oneTimeTokens).where(eq(oneTimeTokens.id, 'spent-token'))).length, 1)
      await db
        .update(jobs)
        .set({ runAt: sql`now() - interval '1 second'` })
        .where(eq(jobs.name, 'delete-spent-tokens'))
      assert.equal(await worker.runDue(), 1)
      const tokenIds = await db.select({ id: oneTimeTokens.id }).from(oneTimeTokens)
      assert.deepEqual(
        tokenIds
          .map((row) => row.id)
          .filter((id) => id.endsWith('-token'))
          .sort(),
        ['lately-expired-token', 'live-token'],
      )
    })
  })
}
