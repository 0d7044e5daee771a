import { and, eq, sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import { buildApp } from '../src/app.ts'
import type { Database } from '../src/db/index.ts'
import { seedDemoData } from '../src/db/seed.ts'
import { englandCode, localAuthorities } from '../src/modules/performance/areas.ts'
import { standardIndicators } from '../src/modules/performance/catalogue.ts'
import { indicators, performanceSettings } from '../src/modules/performance/schema.ts'
import { scorecard } from '../src/modules/performance/scorecard.ts'
import { rowsOf } from '../src/modules/learning/reach/sources.ts'
import { bareRoute } from './bare-route.ts'
import { aloneTable, businessUnitSession, ms, provenance, runPageBench, writeResults } from './page-bench.ts'
import { databaseClock, measureAlone, type Phases } from './breakdown.ts'
import { benchAppConfig, load, measureRoute, serverTimer, type RouteResult } from './load.ts'

/**
 * `npm run bench:scorecard`: the scorecard page `/performance` on PostgreSQL with all of England
 * loaded — every local authority, England and the nine regions, 20 indicators, 10 years, inserted
 * directly — beside the bare Fastify route in the same run: under load (autocannon) and one request
 * at a time (split into database and the rest). The scorecard reads only the partnership's own
 * authority, England, its region and its ten neighbours, through `observations_area_idx`; the plan
 * of that query is in the results. Writes bench/RESULTS-scorecard.md. Aim: under 100 ms.
 */
const aim = 100
const years = 10
const indicatorCount = 20
/** The department publishes for about 152 authorities with children's services; areas.ts may not list them all yet. */
const authorityCount = 152
const own = 'E10000025'
const neighbours = [
  'E10000002',
  'E10000003',
  'E10000013',
  'E10000015',
  'E10000031',
  'E06000037',
  'E06000054',
  'E06000022',
  'E06000025',
  'E06000056',
]

/** Every authority's code: those areas.ts knows, then made-up ones ("E06099001") up to the national count. */
function authorityCodes() {
  const known = localAuthorities().map((a) => a.code)
  const made = Array.from(
    { length: Math.max(0, authorityCount - known.length) },
    (_, i) => `E06099${String(i + 1).padStart(3, '0')}`,
  )
  return [...new Set([...known, ...neighbours, own]), ...made]
}

/** 20 indicators (the ten standard ones and own measures), then ten years of each for every area, in the database. */
async function generate(db: Database, partnershipId: string) {
  await db
    .insert(indicators)
    .values(standardIndicators.map((s, i) => ({ ...s, partnershipId, standard: true, position: i + 1 })))
    .onConflictDoNothing()
  const existing = await db
    .select({ id: indicators.id })
    .from(indicators)
    .where(eq(indicators.partnershipId, partnershipId))
  const more = Array.from({ length: Math.max(0, indicatorCount - existing.length) }, (_, i) => ({
    partnershipId,
    code: `BENCH-${i + 1}`,
    name: `Bench measure ${i + 1}`,
    subject: `bench measure ${i + 1}`,
    definition: 'A measure made up for the bench',
    unit: 'rate-per-10000' as const,
    polarity: (['higher-is-better', 'lower-is-better', 'no-judgement'] as const)[i % 3]!,
    source: 'Bench',
    position: 100 + i,
  }))
  if (more.length) await db.insert(indicators).values(more)
  const areaCodes = [englandCode, ...Array.from({ length: 9 }, (_, i) => `E1200000${i + 1}`), ...authorityCodes()]
  const first = 2016 - years + 1
  // A value from a hash of area, indicator and year; one in 37 suppressed, as the department does.
  await db.execute(sql`
    insert into observations (partnership_id, indicator_id, area_code, period_type, period, period_start, value, suppressed, entered_by_name)
    select ${partnershipId}, i.id, a.code, 'year', y || '/' || lpad(((y + 1) % 100)::text, 2, '0'), make_date(y, 4, 1),
      case when h % 37 = 0 then null else round((20 + (h % 400) / 10.0 + (y - ${first}) * 0.8)::numeric, 1)::float8 end,
      case when h % 37 = 0 then 'c' end,
      'Bench'
    from indicators i
    cross join unnest(array[${sql.join(
      areaCodes.map((code) => sql`${code}`),
      sql`, `,
    )}]::text[]) a(code)
    cross join generate_series(${first}::int, 2016) y
    cross join lateral (select abs(hashtext(a.code || i.code || y)) as h) hashed
    where i.partnership_id = ${partnershipId} and i.retired_at is null
    on conflict do nothing`)
  await db
    .insert(performanceSettings)
    .values({ partnershipId, areaCode: own, neighbourCodes: neighbours })
    .onConflictDoUpdate({
      target: performanceSettings.partnershipId,
      set: { areaCode: own, neighbourCodes: neighbours },
    })
  // As autovacuum leaves a table after a bulk load: statistics, and the visibility map index-only scans use.
  await db.execute(sql`vacuum analyze`)
  return { areas: areaCodes.length }
}

/** The plan of every query the scorecard runs, as it runs them. */
async function scorecardPlans(url: string, partnershipId: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const statements: { sql: string; params: unknown[] }[] = []
  const logged = drizzle(client, {
    logger: { logQuery: (query, params) => statements.push({ sql: query, params }) },
  }) as unknown as Database
  await scorecard(logged, partnershipId)
  const explain = async (statement: { sql: string; params: unknown[] }, settings: string[] = []) => {
    await client.query('begin')
    for (const setting of settings) await client.query(setting)
    const result = await client.query(`explain (analyze, buffers off) ${statement.sql}`, statement.params)
    await client.query('commit')
    return [...settings.map((s) => `-- ${s}`), ...result.rows.map((r: Record<string, string>) => r['QUERY PLAN'])].join(
      '\n',
    )
  }
  const plans: string[] = []
  for (const statement of statements) plans.push(await explain(statement))
  // The plan the planner passed over, for comparison: the observations query with sequential scans off.
  const series = statements.find((s) => /from "observations"/.test(s.sql))
  const forced = series ? await explain(series, ['set local enable_seqscan = off']) : ''
  await client.end()
  return { plans, forced }
}

async function main() {
  await runPageBench('scorecard', async (run, connection, _dir, url) => {
    const { db } = connection
    const { partnershipId } = await seedDemoData(db)
    const made = await generate(db, partnershipId)
    const [counts] = rowsOf<{ observations: number; indicators: number }>(
      await db.execute(sql`select (select count(*) from observations)::int as observations,
        (select count(*) from indicators where partnership_id = ${partnershipId} and retired_at is null)::int as indicators`),
    )
    console.log(`${counts!.observations} observations of ${counts!.indicators} indicators for ${made.areas} areas`)

    const app = await buildApp({ config: benchAppConfig(), database: connection, logger: false })
    const timer = serverTimer(app)
    const clock = databaseClock(db)
    await app.listen({ port: 0, host: '127.0.0.1' })
    const baseUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`
    const { session, cookie } = await businessUnitSession(app)
    const page = await session.get('/performance')
    const shown = /([\d,]+) indicators/.exec(page.body)?.[1]
    if (page.statusCode !== 200 || Number(shown) !== counts!.indicators)
      throw new Error(`/performance shows ${shown} indicators (status ${page.statusCode})`)
    const [firstIndicator] = await db
      .select({ id: indicators.id })
      .from(indicators)
      .where(and(eq(indicators.partnershipId, partnershipId), eq(indicators.code, 'CPP-RATE')))

    console.log('bare route')
    const bare = await bareRoute()
    const routes = [
      { name: `Scorecard, ${counts!.indicators} indicators (/performance)`, path: '/performance' },
      { name: 'Exceptions (/performance/exceptions)', path: '/performance/exceptions' },
      { name: 'An indicator’s page with its chart', path: `/performance/indicators/${firstIndicator!.id}` },
    ]
    const underLoad: RouteResult[] = [bare.underLoad]
    const alone: Phases[] = [bare.alone]
    for (const route of routes) {
      console.log(route.path)
      underLoad.push(await measureRoute({ ...route, baseUrl, timer, headers: { cookie } }))
      alone.push(await measureAlone({ app, timer, clock, name: route.name, url: route.path, cookie }))
    }
    await app.close()
    const { plans, forced } = await scorecardPlans(url, partnershipId)
    const observationsPlan = plans.find((p) => /on observations/.test(p)) ?? ''
    const usesIndex = /observations_area_idx/.test(observationsPlan)
    const executionMs = (plan: string) => /Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? '?'

    const scorecardAlone = alone[1]!.total
    const scorecardLoaded = underLoad[1]!.serverMedian
    const lines = [
      '# The scorecard with all of England loaded',
      '',
      ...(await provenance(db, 'scorecard', run)),
      '',
      `Data: the demo partnership, then ${counts!.indicators} indicators × ${years} years (2007/08 to 2016/17) × ${made.areas} areas (England, the nine regions and ${made.areas - 10} local authorities: those \`areas.ts\` lists, and made-up codes up to ${authorityCount}), inserted in the database, one value in 37 suppressed: ${counts!.observations.toLocaleString('en-GB')} observations; then \`VACUUM ANALYZE\`. The partnership's authority is Oxfordshire with its ten statistical neighbours, so the scorecard reads 13 of the areas.`,
      '',
      `**Aim: the scorecard under ${aim} ms. Median server time ${ms(scorecardAlone)} ms one request at a time, ${ms(scorecardLoaded)} ms under load (${load.connections} connections): ${scorecardAlone < aim ? 'met' : 'not met'}.** The observations query (the 13 areas' rows of every indicator) ${usesIndex ? 'uses `observations_area_idx`' : 'is planned as a sequential scan, not `observations_area_idx`'}: ${executionMs(observationsPlan)} ms; forced onto the index, ${executionMs(forced)} ms (plans below).`,
      '',
      `Under load: autocannon, ${load.connections} connections for ${load.seconds} s after a ${load.warmUpSeconds} s warm-up; server time is \`reply.elapsedTime\`.`,
      '',
      '| route | requests | server median | server p95 | client p50 | requests/s |',
      '|---|--:|--:|--:|--:|--:|',
      ...underLoad.map(
        (r) =>
          `| ${r.name} | ${r.requests.toLocaleString('en-GB')} | ${ms(r.serverMedian)} ms | ${ms(r.serverP95)} ms | ${r.clientP50} ms | ${r.requestsPerSecond.toFixed(0)} |`,
      ),
      '',
      'One request at a time (median of 40 after 5 unrecorded), split into time waiting for the database and the rest (routing, session, judgements, presenters, the template; for the indicator page, drawing the chart):',
      '',
      ...aloneTable(alone),
      '',
      '## The plans of the scorecard’s queries',
      '',
      ...plans.flatMap((plan, i) => [`Query ${i + 1}:`, '', '```', plan, '```', '']),
      `The observations query with sequential scans off, for comparison (${executionMs(forced)} ms against ${executionMs(observationsPlan)} ms as planned):`,
      '',
      '```',
      forced,
      '```',
      '',
    ]
    await writeResults('scorecard', lines)
    console.log(lines.slice(0, 30).join('\n'))
  })
}

await main()
