import { randomBytes } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { openDatabase, type Database } from '../src/db/index.ts'
import { seedDemoData } from '../src/db/seed.ts'
import { computeReach } from '../src/modules/learning/reach/compute.ts'
import { yearRange } from '../src/modules/learning/reach/range.ts'
import { rowsOf } from '../src/modules/learning/reach/sources.ts'
import { reportingYear } from '../src/platform/reporting-years.ts'
import { startThrowAwayCluster } from '../test/helpers/postgres-cluster.ts'

/**
 * `npm run bench:reach`: the reach figures for a year on PostgreSQL at national scale — 1,000,000
 * bookings (on 20,000 events over four years, 2013/14 to 2016/17), 300,000 learners, 200,000
 * e-learning completions and 50,000 subscriptions, made by `generate_series` in the database — beside
 * baselines on the same rows: a bare `count(*)` of every booking, and of the year's bookings. Writes
 * bench/RESULTS-reach.md with the medians and the plans (EXPLAIN ANALYZE) of its queries.
 * Aim: under 500 ms for a year.
 */
const root = join(import.meta.dirname, '..')
const runs = Number(process.env.REACH_RUNS) || 7
/** REACH_KEEP=1 (with TEST_DATABASE_URL): keep the database and its million bookings for experiments. */
const keep = process.env.REACH_KEEP === '1' && Boolean(process.env.TEST_DATABASE_URL)
const year = reportingYear(2016)
const range = yearRange(year)

async function time<T>(work: () => Promise<T>) {
  const started = performance.now()
  const result = await work()
  return { ms: performance.now() - started, result }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/**
 * CPU used so far by each of the database's backends, in ms, from /proc (user + system, in ticks
 * of 10 ms): what a query costs whatever else the machine runs. Empty when the server is elsewhere.
 */
async function backendCpu(db: Database) {
  const pids = rowsOf<{ pid: number }>(
    await db.execute(sql`select pid from pg_stat_activity where datname = current_database()`),
  )
  const used = new Map<number, number>()
  for (const { pid } of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
      used.set(pid, (Number(fields[11]) + Number(fields[12])) * 10)
    } catch {
      // Not on this machine, or gone.
    }
  }
  return used
}

/** The CPU each backend used between two readings. */
const cpuBetween = (before: Map<number, number>, after: Map<number, number>) =>
  [...after].map(([pid, ms]) => ms - (before.get(pid) ?? 0))

async function generate(db: Database, partnershipId: string) {
  const p = partnershipId
  await db.execute(sql`insert into courses (partnership_id, title, summary, audience, level, format, duration_minutes)
    select ${p}, 'Bench ' || f, 'Bench course', 'Everyone', 'introductory', f, 180
    from unnest(array['face-to-face', 'virtual', 'e-learning', 'learning-event', 'conference']) f`)
  // 20,000 events, 5,000 a year from April 2013, a few cancelled; one in twenty-five a learning event.
  await db.execute(sql`insert into training_events (partnership_id, course_id, starts_at, ends_at, venue, capacity, status)
    select ${p}, c.id, t, t + interval '3 hours', 'Bench hall', 60, case when n % 50 = 0 then 'cancelled' else 'completed' end
    from generate_series(1, 20000) n
    cross join lateral (select timestamptz '2013-04-01 09:00+01' + (n - 1) * interval '6311 seconds' as t) moment
    join courses c on c.partnership_id = ${p} and c.title = 'Bench ' || (case when n % 25 = 0 then 'learning-event'
      when n % 7 = 0 then 'virtual' when n % 97 = 0 then 'conference' else 'face-to-face' end)`)
  await db.execute(sql`insert into learners (partnership_id, email, name, sector)
    select ${p}, 'bench' || n || '@bench.test', 'Bench learner ' || n,
      (array['early-years', 'education', 'health', 'childrens-social-care', 'police', 'voluntary-and-community', 'other'])[1 + n % 7]
    from generate_series(1, 300000) n`)
  // 1,000,000 bookings: 50 on each event, learners drawn so that people book several events.
  await db.execute(sql`with e as (select id, row_number() over (order by starts_at) as k from training_events where partnership_id = ${p} and venue = 'Bench hall'),
    l as (select id, row_number() over (order by email) as k from learners where partnership_id = ${p} and email like 'bench%')
    insert into bookings (partnership_id, event_id, learner_id, sector, agency_id, source, status)
    select ${p}, e.id, l.id,
      (array['early-years', 'education', 'health', 'childrens-social-care', 'police', 'voluntary-and-community', 'other'])[1 + (e.k + s) % 7],
      case when s % 3 = 0 then (select id from agencies where partnership_id = ${p} order by name offset (s % 10) limit 1) end,
      'public',
      case when s % 25 = 0 then 'no-show' when s % 33 = 0 then 'late-cancellation' when s % 20 = 0 then 'cancelled' else 'attended' end
    from e cross join generate_series(1, 50) s
    join l on l.k = 1 + ((e.k * 50 + s * 7919) % 300000)`)
  await db.execute(sql`insert into elearning_completions (partnership_id, learner_id, module_name, completed_on, agency_name)
    select ${p}, l.id, 'Module ' || (n % 12), date '2013-04-01' + (n % 1460), 'Somewhere'
    from generate_series(1, 200000) n join (select id, row_number() over (order by email) k from learners where partnership_id = ${p} and email like 'bench%') l
      on l.k = 1 + (n * 31) % 300000
    on conflict do nothing`)
  await db.execute(sql`insert into mailing_lists (partnership_id, name, description) values
    (${p}, 'Bench termly', 'Bench'), (${p}, 'Bench bulletin', 'Bench')`)
  await db.execute(sql`insert into subscriptions (partnership_id, list_id, email, consent_text, consented_at, confirmed_at, unsubscribed_at)
    select ${p}, m.id, 'sub' || n || '@bench.test', 'Yes', t, t, case when n % 10 = 0 then t + interval '400 days' end
    from generate_series(1, 50000) n
    cross join lateral (select timestamptz '2013-04-01 12:00+01' + n * interval '2500 seconds' as t) moment
    join mailing_lists m on m.partnership_id = ${p} and m.name = case when n % 8 = 0 then 'Bench bulletin' else 'Bench termly' end`)
  await db.execute(sql`insert into newsletter_issues (partnership_id, list_id, title, body, status, sent_at, recipients)
    select ${p}, m.id, 'Issue ' || n, 'News', 'sent', timestamptz '2013-05-01 09:00+01' + n * interval '30 days', 100
    from generate_series(1, 48) n join mailing_lists m on m.partnership_id = ${p} and m.name = 'Bench termly'`)
  // As autovacuum leaves a table after a bulk load: statistics, and the visibility map index-only scans use.
  await db.execute(sql`vacuum analyze`)
}

async function main() {
  const began = performance.now()
  const loadAtStart = loadavg()[0]!
  const cluster = process.env.TEST_DATABASE_URL ? null : await startThrowAwayCluster(join(root, '.test-tmp'))
  const serverUrl = process.env.TEST_DATABASE_URL ?? cluster!.url
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  const name = `sph_reach_${randomBytes(6).toString('hex')}`
  await admin.query(`create database ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const connection = await openDatabase({ kind: 'pg', url: url.toString() })
  try {
    await connection.migrate()
    const { db } = connection
    const { partnershipId } = await seedDemoData(db)
    console.log('generating a million bookings…')
    const made = await time(() => generate(db, partnershipId))
    const counts = rowsOf<Record<string, number>>(
      await db.execute(sql`select (select count(*) from bookings)::int as bookings, (select count(*) from learners)::int as learners,
        (select count(*) from training_events)::int as events, (select count(*) from elearning_completions)::int as completions,
        (select count(*) from subscriptions)::int as subscriptions`),
    )[0]!
    console.log(`made in ${(made.ms / 1000).toFixed(1)} s`, counts)

    const reach = () => computeReach(db, partnershipId, range)
    const allBookings = () => db.execute(sql`select count(*) from bookings`)
    const yearBookings = () =>
      db.execute(sql`select count(*) from bookings b join training_events e on e.id = b.event_id
        where e.starts_at >= timestamptz '2016-04-01 00:00+01' and e.starts_at < timestamptz '2017-04-01 00:00+01'`)
    const cases = [
      { name: 'Reach figures for 2016/17 (computeReach: five queries side by side)', work: reach },
      { name: 'Baseline: select count(*) from bookings (all 1,000,000)', work: allBookings },
      { name: 'Baseline: count of the 2016/17 bookings (one join)', work: yearBookings },
    ]
    for (const c of cases) await c.work() // warm
    const timings = new Map(cases.map((c) => [c.name, [] as number[]]))
    const cpu = { total: [] as number[], busiest: [] as number[] }
    for (let i = 0; i < runs; i++)
      for (const c of cases) {
        const before = c.work === reach ? await backendCpu(db) : null
        timings.get(c.name)!.push((await time(c.work)).ms)
        if (!before) continue
        const used = cpuBetween(before, await backendCpu(db))
        cpu.total.push(used.reduce((a, b) => a + b, 0))
        cpu.busiest.push(Math.max(0, ...used))
      }
    const figures = await reach()
    console.log(figures.events, figures.placesBooked, figures.peopleTrained, figures.subscribers)

    // The plans of the queries, as the app runs them.
    const plans: string[] = []
    const recorder = new pg.Client({ connectionString: url.toString() })
    await recorder.connect()
    const { drizzle } = await import('drizzle-orm/node-postgres')
    const statements: { sql: string; params: unknown[] }[] = []
    const logged = drizzle(recorder, {
      logger: { logQuery: (query, params) => statements.push({ sql: query, params }) },
    }) as unknown as Database
    await computeReach(logged, partnershipId, range)
    // Each query explained under the settings its transaction set (`set local`), as the app runs it.
    let open = 0
    let settings: string[] = []
    const explained: { sql: string; params: unknown[]; settings: string[] }[] = []
    for (const statement of statements) {
      if (/^\s*begin\b/i.test(statement.sql)) open++
      else if (/^\s*(commit|rollback)\b/i.test(statement.sql)) settings = --open ? settings : []
      // (The figures' transactions share this one client, so theirs interleave: each setting once.)
      else if (/^\s*set local\b/i.test(statement.sql)) settings = [...new Set([...settings, statement.sql])]
      else if (/^\s*(select|with)\b/i.test(statement.sql))
        explained.push({ ...statement, settings: open ? [...settings] : [] })
    }
    for (const statement of explained) {
      await recorder.query('begin')
      for (const setting of statement.settings) await recorder.query(setting)
      const result = await recorder.query(
        `explain (analyze, buffers off, costs off) ${statement.sql}`,
        statement.params as unknown[],
      )
      await recorder.query('commit')
      plans.push(
        [
          ...statement.settings.map((setting) => `-- ${setting}`),
          ...result.rows.map((r: Record<string, string>) => r['QUERY PLAN']),
        ].join('\n'),
      )
    }
    await recorder.end()

    const medianReach = median(timings.get(cases[0]!.name)!)
    const lines = [
      '# Reach figures at national scale',
      '',
      `Written by \`npm run bench:reach\` (\`bench/reach.ts\`) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; the run took ${((performance.now() - began) / 1000).toFixed(0)} s.`,
      '',
      `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}); load average (1 min) at start ${loadAtStart.toFixed(1)}, at the end ${loadavg()[0]!.toFixed(1)}. PostgreSQL: ${(await db.execute(sql`select version()`).then((r) => rowsOf<{ version: string }>(r)[0]!.version)).split(' on ')[0]}, ${process.env.TEST_DATABASE_URL ? 'TEST_DATABASE_URL' : 'a throw-away cluster (fsync off)'}.`,
      '',
      `Data, made in the database with \`generate_series\` in ${(made.ms / 1000).toFixed(1)} s and then \`VACUUM ANALYZE\`d (as autovacuum leaves a table after a bulk load): ${Object.entries(
        counts,
      )
        .map(([k, v]) => `${v.toLocaleString('en-GB')} ${k}`)
        .join(
          ', ',
        )} (the demo partnership's rows included). The bookings are on events from April 2013 to March 2017; 2016/17 holds a quarter of them.`,
      '',
      `2016/17 reads: ${figures.events.toLocaleString('en-GB')} events delivered, ${figures.placesBooked.toLocaleString('en-GB')} places booked, ${figures.attended.toLocaleString('en-GB')} attended, ${figures.peopleTrained.toLocaleString('en-GB')} people trained, ${figures.elearningCompletions.toLocaleString('en-GB')} e-learning completions, ${figures.subscribers.toLocaleString('en-GB')} subscribers at the end.`,
      '',
      `**Aim: the reach figures for a year under 500 ms. Median ${medianReach.toFixed(0)} ms: ${medianReach < 500 ? 'met' : 'not met'}.**`,
      '',
      ...(cpu.total.some((ms) => ms > 0)
        ? [
            `The database's CPU for the reach figures (user + system of its backends, read from /proc, so the same whatever else runs): median ${median(cpu.total)} ms in all, ${median(cpu.busiest)} ms of it on the busiest connection. On an idle machine of these ${cpus().length} cores the figures would take about the larger of the busiest connection's and the total shared among the cores: ~${Math.max(median(cpu.busiest), Math.round(median(cpu.total) / cpus().length))} ms.`,
            '',
          ]
        : []),
      `| what (${runs} runs after a warm-up, one at a time) | median | fastest | slowest |`,
      '|---|--:|--:|--:|',
      ...cases.map((c) => {
        const t = timings.get(c.name)!
        return `| ${c.name} | ${median(t).toFixed(1)} ms | ${Math.min(...t).toFixed(1)} ms | ${Math.max(...t).toFixed(1)} ms |`
      }),
      '',
      '## The plans',
      '',
      ...plans.flatMap((plan, i) => [`Query ${i + 1}:`, '', '```', plan, '```', '']),
    ]
    writeFileSync(join(root, 'bench', 'RESULTS-reach.md'), lines.join('\n'))
    console.log(lines.slice(0, 14).join('\n'))
  } finally {
    await connection.close()
    if (keep) console.log(`kept the database: ${url.toString()}`)
    else await admin.query(`drop database if exists ${name}`)
    await admin.end()
    cluster?.stop()
  }
}

await main()
