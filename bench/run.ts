import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { PGlite } from '@electric-sql/pglite'
import { eq, sql } from 'drizzle-orm'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import pg from 'pg'
import { buildApp } from '../src/app.ts'
import { fromPglite, openDatabase, type Database, type DatabaseConnection } from '../src/db/index.ts'
import * as schema from '../src/db/schema.ts'
import { demoAccounts, demoPassword, seedDemoData } from '../src/db/seed.ts'
import { countPeople, type PersonFilter } from '../src/modules/partnership/people/service.ts'
import { systemActor } from '../src/platform/permissions.ts'
import { Session } from '../test/helpers/app.ts'
import { startThrowAwayCluster } from '../test/helpers/postgres-cluster.ts'
import { addBenchEvents, benchEventCount } from './catalogue-data.ts'
import { databaseClock, explainPeopleQueries, measureAlone, queryRecorder, timePeopleQueries } from './breakdown.ts'
import { addBenchPeople, benchPeopleCount, benchPersonId, searchTerm } from './directory-data.ts'
import { bareRoute } from './bare-route.ts'
import { benchAppConfig, load, measureRoute, serverTimer } from './load.ts'
import { plainPeoplePage } from './plain-page.ts'
import { benchElearningImport, type ElearningImportResults } from './elearning-import.ts'
import { benchPerformanceImport, type PerformanceImportResults } from './performance-import.ts'
import { renderResults, type DriverResults } from './report.ts'
import { benchReports, type ReportsResults } from './reports.ts'
import { measureDemoScale, type ScaleTimings } from './demo-scale.ts'
import { measureStartup } from './startup.ts'
import { measureTestDatabases, type TestDatabaseTimings } from './test-databases.ts'

/**
 * `npm run bench`: start-up time, then the sign-in page, the people list (1,000 people) and a
 * person's record page under load on PGlite and on PostgreSQL, each beside a bare Fastify route
 * and beside the same people page without the platform, with a breakdown of where the list page's
 * time goes; then the 2016/17 annual report drafted as a page, HTML, DOCX and PDF at the demo's
 * size and at ten times it, on each database (bench/reports.ts). Writes bench/RESULTS.md.
 */
const root = join(import.meta.dirname, '..')
const began = performance.now()
const loadAtStart = loadavg()[0]!
const tmp = mkdtempSync(join(tmpdir(), 'sph-bench-'))
const log = (message: string) =>
  console.log(`[${((performance.now() - began) / 1000).toFixed(0).padStart(3)} s] ${message}`)

const businessUnit = demoAccounts.find((account) => account.role === 'business-unit')!
const peopleFilters: Record<string, PersonFilter> = {
  'by name': { sort: 'name', direction: 'asc' },
  'by agency, descending': { sort: 'agency', direction: 'desc' },
  [`search “${searchTerm}”`]: { search: searchTerm, sort: 'name', direction: 'asc' },
}

interface DriverUnderTest {
  label: string
  version: string
  connection: DatabaseConnection
  /** A second Drizzle handle on the same database whose logger records the SQL, and a way to run EXPLAIN. */
  explain: {
    db: Database
    recorded: { sql: string; params: unknown[] }[]
    run: (sql: string, params: unknown[]) => Promise<string[]>
  }
}

async function benchDriver({ label, version, connection, explain }: DriverUnderTest): Promise<DriverResults> {
  const { db } = connection
  const { partnershipId } = await seedDemoData(db)
  await addBenchPeople(db, partnershipId)
  await addBenchEvents(db, partnershipId)
  // Statistics refreshed as in the product: PostgreSQL's autovacuum analyses a table soon after a
  // bulk insert; on PGlite the app runs ANALYZE as a job every six hours
  // (src/platform/jobs/maintenance.ts). The bench does it at once rather than mid-run.
  await db.execute(sql`analyze`)
  const personId = await benchPersonId(db, partnershipId)
  // Request logging off, like the bare route; the app is otherwise as in production.
  const app = await buildApp({ config: benchAppConfig(), database: connection, logger: false })
  const timer = serverTimer(app)
  const clock = databaseClock(db)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const baseUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`

  const session = new Session(app)
  await session.get('/sign-in')
  const signedIn = await session.post('/sign-in', { email: businessUnit.email, password: demoPassword })
  if (signedIn.statusCode !== 302)
    throw new Error(`Signing in as ${businessUnit.email} failed with ${signedIn.statusCode}`)
  const cookie = [...session.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  const check = await session.get('/directory/people')
  // The people the list shows: everyone but those who have left (the demo has one).
  const total = (await countPeople(db, systemActor(partnershipId), {})).toLocaleString('en-GB')
  if (check.statusCode !== 200 || !check.body.includes(`of ${total} people`)) {
    throw new Error(`The people list does not show ${total} people (status ${check.statusCode})`)
  }
  const catalogue = await session.get('/training')
  // The count line: "1,012 events: showing 1 to 50."
  const catalogueEvents = Number(catalogue.body.match(/role="status">([\d,]+) events/)?.[1]?.replace(/,/g, '') ?? 0)
  if (catalogue.statusCode !== 200 || catalogueEvents < benchEventCount) {
    throw new Error(`The catalogue shows ${catalogueEvents} events (status ${catalogue.statusCode})`)
  }

  const routes = [
    { name: 'Sign-in page (signed out)', path: '/sign-in', signedIn: false, list: false },
    { name: 'People, by name (page 1)', path: '/directory/people', signedIn: true, list: true },
    {
      name: 'People, by agency descending',
      path: '/directory/people?sort=agency&direction=desc',
      signedIn: true,
      list: true,
    },
    {
      name: `People, search “${searchTerm}”`,
      path: `/directory/people?search=${searchTerm}`,
      signedIn: true,
      list: true,
    },
    { name: 'Person record page', path: `/directory/people/${personId}`, signedIn: true, list: false },
    {
      name: `Public training catalogue (${benchEventCount.toLocaleString('en-GB')} upcoming events)`,
      path: '/training',
      signedIn: false,
      list: false,
    },
  ]

  const [partnership] = await db
    .select({ name: schema.partnerships.name })
    .from(schema.partnerships)
    .where(eq(schema.partnerships.id, partnershipId))
  const plainName = 'People, by name, without the platform'
  const plainPage = await plainPeoplePage({
    db,
    partnershipId,
    actorName: businessUnit.name,
    partnershipName: partnership!.name,
  })
  const plainCheck = await plainPage.app.inject({ url: '/directory/people' })
  if (plainCheck.statusCode !== 200 || !plainCheck.body.includes(`of ${total} people`)) {
    throw new Error(`The page without the platform does not show ${total} people (status ${plainCheck.statusCode})`)
  }

  // Both people pages for a few seconds before anything is timed: the database (PGlite's WebAssembly
  // especially) and the compiled templates are warm for whichever is measured first.
  log(`${label}: warming up`)
  for (const until = performance.now() + 3000; performance.now() < until;) {
    await app.inject({ url: '/directory/people', headers: { cookie } })
    await plainPage.app.inject({ url: '/directory/people' })
  }

  log(`${label}: bare route`)
  const bare = await bareRoute()
  const underLoad = [bare.underLoad]
  const alone = [bare.alone]
  let plain: DriverResults['plain'] | null = null
  for (const route of routes) {
    if (route.path === '/directory/people') {
      // Measured just before the app's page, under the same conditions.
      log(`${label}: the people page without the platform`)
      plain = {
        underLoad: await measureRoute({ name: plainName, path: route.path, ...plainPage }),
        alone: await measureAlone({ ...plainPage, clock, name: plainName, url: route.path }),
      }
      await plainPage.app.close()
    }
    log(`${label}: ${route.path}`)
    underLoad.push(await measureRoute({ ...route, baseUrl, timer, headers: route.signedIn ? { cookie } : undefined }))
    alone.push(
      await measureAlone({
        app,
        timer,
        clock,
        name: route.name,
        url: route.path,
        cookie: route.signedIn ? cookie : undefined,
      }),
    )
  }
  await app.close()

  log(`${label}: queries and plans`)
  const token = app.unsignCookie(session.cookies.get('sph_session')!).value!
  const plans = await explainPeopleQueries(explain.db, explain.recorded, explain.run, partnershipId, peopleFilters)
  const queries = await timePeopleQueries(db, partnershipId, token, peopleFilters)
  return {
    label,
    version,
    underLoad,
    alone,
    plain: plain!,
    listPaths: new Set(routes.filter((r) => r.list).map((r) => r.path)),
    catalogueEvents,
    queries,
    plans,
  }
}

/** A throw-away database on the PostgreSQL server for `work`, dropped after it. */
async function withDatabase(admin: pg.Client, serverUrl: string, work: (url: string) => Promise<void>) {
  const name = `sph_bench_${randomBytes(6).toString('hex')}`
  await admin.query(`create database ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  try {
    await work(url.toString())
  } finally {
    // pg's pool.end() resolves before its connections have gone; a forced drop meanwhile would
    // make them emit an error nobody listens for.
    for (let i = 0; i < 100; i++) {
      const active = await admin.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name])
      if (active.rows[0].n === 0) break
      await sleep(50)
    }
    await admin.query(`drop database if exists ${name} with (force)`)
  }
}

const drivers: DriverResults[] = []
const reports: ReportsResults[] = []
let testDatabases: TestDatabaseTimings[] = []
let elearningImport: ElearningImportResults | undefined
let performanceImport: PerformanceImportResults | undefined
let demoScale: ScaleTimings[] = []
let cluster: Awaited<ReturnType<typeof startThrowAwayCluster>> | null = null
let postgresSource = 'TEST_DATABASE_URL'
try {
  // 1. Start-up, which also leaves a migrated PGlite database with the demo partnership behind.
  log('start-up: cold, then warm ×3')
  const pgliteDir = join(tmp, 'pglite')
  const startup = await measureStartup(pgliteDir)

  // 2. PGlite, on the data directory the server just created.
  {
    const client = await PGlite.create(pgliteDir)
    const recorder = queryRecorder()
    const version = (await client.query<{ version: string }>('select version()')).rows[0]!.version
    const pgliteVersion = JSON.parse(
      readFileSync(join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'),
    ).version
    drivers.push(
      await benchDriver({
        label: 'PGlite',
        version: `PGlite ${pgliteVersion} (${version.split(' ').slice(0, 2).join(' ')}), data in a temporary directory`,
        connection: fromPglite(client),
        explain: {
          db: drizzlePglite(client, { schema, logger: recorder.logger }) as unknown as Database,
          recorded: recorder.queries,
          run: async (text, params) =>
            (await client.query<{ 'QUERY PLAN': string }>(text, params)).rows.map((r) => r['QUERY PLAN']),
        },
      }),
    )
    await client.close()
  }

  // 3. PostgreSQL: TEST_DATABASE_URL, or a throw-away cluster.
  if (!process.env.TEST_DATABASE_URL) {
    log('PostgreSQL: starting a throw-away cluster')
    cluster = await startThrowAwayCluster(join(root, '.test-tmp'))
    postgresSource = 'a throw-away cluster (fsync off)'
  }
  const serverUrl = process.env.TEST_DATABASE_URL ?? cluster!.url
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  try {
    await withDatabase(admin, serverUrl, async (url) => {
      // The pool size the app uses in production (openDatabase's default).
      const connection = await openDatabase({ kind: 'pg', url })
      const explainPool = new pg.Pool({ connectionString: url, max: 1 })
      try {
        await connection.migrate()
        const recorder = queryRecorder()
        const version = (await explainPool.query('show server_version')).rows[0].server_version as string
        drivers.push(
          await benchDriver({
            label: 'PostgreSQL',
            version: `PostgreSQL ${version.split(' ')[0]}, ${postgresSource}, pool of 10`,
            connection,
            explain: {
              db: drizzlePg(explainPool, { schema, logger: recorder.logger }) as unknown as Database,
              recorded: recorder.queries,
              run: async (text, params) =>
                (await explainPool.query(text, params)).rows.map((r) => r['QUERY PLAN'] as string),
            },
          }),
        )
      } finally {
        await explainPool.end()
        await connection.close()
      }
    })

    // A test file's own database, on each driver (bench/test-databases.ts).
    log('a test file’s own database: PGlite and PostgreSQL, 5 runs each')
    testDatabases = await measureTestDatabases(serverUrl)
    log('the demo at full scale beside the small demo, taking turns')
    demoScale = await measureDemoScale(serverUrl)

    // 4. The annual report's outputs, on a fresh database of each kind (bench/reports.ts).
    {
      const connection = await openDatabase({ kind: 'pglite', dataDir: join(tmp, 'pglite-reports') })
      try {
        await connection.migrate()
        reports.push(await benchReports('PGlite', connection, log))
      } finally {
        await connection.close()
      }
    }
    await withDatabase(admin, serverUrl, async (url) => {
      const connection = await openDatabase({ kind: 'pg', url })
      try {
        await connection.migrate()
        reports.push(await benchReports('PostgreSQL', connection, log))
      } finally {
        await connection.close()
      }
    })

    // 5. Importing 100,000 e-learning completions, beside COPY (bench/elearning-import.ts).
    elearningImport = await benchElearningImport(serverUrl, log)
    // 6. Importing a national performance file, beside COPY (bench/performance-import.ts).
    performanceImport = await benchPerformanceImport(serverUrl, log)
  } finally {
    await admin.end()
  }

  const markdown = renderResults({
    date: new Date(),
    machine: {
      cpu: /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      node: process.version,
      loadAtStart,
      loadAtEnd: loadavg()[0]!,
    },
    load,
    peopleCount: benchPeopleCount,
    startup,
    testDatabases,
    demoScale,
    drivers,
    reports,
    elearningImport,
    performanceImport,
    seconds: (performance.now() - began) / 1000,
  })
  writeFileSync(join(import.meta.dirname, 'RESULTS.md'), markdown)
  log('wrote bench/RESULTS.md')
} finally {
  cluster?.stop()
  rmSync(tmp, { recursive: true, force: true })
}
