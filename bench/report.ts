import { elearningImportVerdict, renderElearningImport, type ElearningImportResults } from './elearning-import.ts'
import {
  performanceImportVerdict,
  renderPerformanceImport,
  type PerformanceImportResults,
} from './performance-import.ts'
import type { TestDatabaseTimings } from './test-databases.ts'
import { benchEventCount } from './catalogue-data.ts'
import { sequentialRuns, type Phases, type Plan, type QueryTiming } from './breakdown.ts'
import { searchTerm } from './directory-data.ts'
import type { RouteResult } from './load.ts'
import { beforeIssue12, issue12Target, type ScaleTimings } from './demo-scale.ts'
import { duration, ms, reportSection, reportTargets, times } from './report-outputs.ts'
import type { ReportsResults } from './reports.ts'

/** bench/RESULTS.md, from one run's numbers: the tables, the verdict on each target and why. */

export interface DriverResults {
  label: string
  version: string
  underLoad: RouteResult[]
  alone: Phases[]
  /** The people page by name without the platform (bench/plain-page.ts). */
  plain: { underLoad: RouteResult; alone: Phases }
  listPaths: Set<string>
  /** How many upcoming events the public catalogue counts (bench/catalogue-data.ts adds 1,000). */
  catalogueEvents: number
  queries: QueryTiming[]
  plans: Plan[]
}

export interface RunResults {
  date: Date
  machine: { cpu: string; cores: number; node: string; loadAtStart: number; loadAtEnd: number }
  load: { connections: number; warmUpSeconds: number; seconds: number }
  peopleCount: number
  /** Milliseconds from spawning `npm start` to /health answering; phases from bench/startup-phases.ts. */
  startup: { cold: number; warm: number[]; phases: [string, number][] }
  /** Each test file's own database, per driver (bench/test-databases.ts). */
  testDatabases: TestDatabaseTimings[]
  /** Issue 12's full demo beside the small one, in this run (bench/demo-scale.ts). */
  demoScale: ScaleTimings[]
  drivers: DriverResults[]
  /** The annual report's outputs on each database (bench/reports.ts). */
  reports: ReportsResults[]
  /** Importing 100,000 e-learning completions on PostgreSQL beside COPY (bench/elearning-import.ts). */
  elearningImport?: ElearningImportResults
  /** Importing a national file of the department's statistics on PostgreSQL beside COPY (bench/performance-import.ts). */
  performanceImport?: PerformanceImportResults
  seconds: number
}

export const listTarget = 3

export const warmStartTarget = 5000

const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`
const displayPath = (path: string) => path.replace(/\/directory\/people\/[0-9a-f-]{36}/, '/directory/people/:id')

const underLoad = (driver: DriverResults, path: string) => driver.underLoad.find((r) => r.path === path)!
const alone = (driver: DriverResults, path: string) => driver.alone.find((p) => p.path === path)!
const queryMs = (timings: QueryTiming[], name: string) => timings.find((q) => q.name === name)!.ms
const planOf = (driver: DriverResults, name: string) => driver.plans.find((p) => p.name === name)?.plan ?? ''
const firstIndex = (plan: string) => /Index (?:Only )?Scan (?:using|on) (\w+)/.exec(plan)?.[1] ?? 'a sequential scan'
const executionTime = (plan: string) => /Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? '?'

function loadTable(driver: DriverResults) {
  const bare = underLoad(driver, '/')
  const lines = [
    '| route | server median ms | server p95 ms | client p50 ms | client p97.5 ms | req/s | ratio to bare median |',
    '|---|--:|--:|--:|--:|--:|--:|',
  ]
  for (const r of withPlain(driver.underLoad, driver.plain.underLoad)) {
    const name =
      r === driver.plain.underLoad
        ? `${r.name} (baseline)`
        : driver.listPaths.has(r.path)
          ? `**${r.name}** (list)`
          : r.name
    const ratio = r === bare ? '1' : times(r.serverMedian / bare.serverMedian)
    const rate = Math.round(r.requestsPerSecond).toLocaleString('en-GB')
    lines.push(
      `| ${name} \`${displayPath(r.path)}\` | ${ms(r.serverMedian)} | ${ms(r.serverP95)} | ${r.clientP50} | ${r.clientP97_5} | ${rate} | ${ratio} |`,
    )
  }
  return lines.join('\n')
}

function aloneTable(driver: DriverResults) {
  const lines = [
    '| route | server median ms | waiting for the database ms | everything else ms | HTML KB |',
    '|---|--:|--:|--:|--:|',
  ]
  for (const p of withPlain(driver.alone, driver.plain.alone))
    lines.push(`| ${p.name} | ${ms(p.total)} | ${ms(p.database)} | ${ms(p.rest)} | ${(p.bytes / 1024).toFixed(1)} |`)
  return lines.join('\n')
}

/** The bare route first, then the page without the platform, then the app's routes. */
const withPlain = <T>(rows: T[], plain: T) => [rows[0]!, plain, ...rows.slice(1)]

function queryTable(driver: DriverResults) {
  const lines = ['| query | median ms |', '|---|--:|']
  for (const q of driver.queries) lines.push(`| ${q.name} | ${ms(q.ms)} |`)
  return lines.join('\n')
}

function phasesTable(phases: [string, number][]) {
  const lines = ['| step | took | finished at |', '|---|--:|--:|']
  phases.forEach(([step, at], i) =>
    lines.push(`| ${step} | ${seconds(at - (i ? phases[i - 1]![1] : 0))} | ${seconds(at)} |`),
  )
  return lines.join('\n')
}

function listVerdict(driver: DriverResults) {
  const bare = underLoad(driver, '/').serverMedian
  const lists = driver.underLoad.filter((r) => driver.listPaths.has(r.path)).map((r) => r.serverMedian)
  const met = lists.every((median) => median <= listTarget * bare)
  const byName = underLoad(driver, '/directory/people').serverMedian
  const plain = driver.plain.underLoad.serverMedian
  return `${driver.label}: the people list's median server time is ${ms(Math.min(...lists))}–${ms(Math.max(...lists))} ms against ${ms(bare)} ms for the bare route, ${times(Math.min(...lists) / bare)}–${times(Math.max(...lists) / bare)}: **${met ? 'met' : 'not met'}**.
    The same page without the platform takes ${ms(plain)} ms (${times(plain / bare)} the bare route); the app's page by name, ${ms(byName)} ms, is ${times(byName / plain)} that.`
}

function startVerdict(warm: number[]) {
  const within = warm.filter((time) => time <= warmStartTarget).length
  if (within === warm.length) return 'met'
  if (within === 0) return 'not met'
  return `met by ${within} of ${warm.length} starts`
}

export function renderResults(run: RunResults) {
  // The load at the end includes the bench's own work (server, autocannon's worker, PostgreSQL), so
  // only the load before it started says whether anything else was running.
  const busy = run.machine.loadAtStart > run.machine.cores / 2
  const listening = run.startup.phases.at(-1)![1]
  const warm = run.startup.warm
  const startMet = startVerdict(warm)
  const modulesLoaded = run.startup.phases.find(([step]) => step.startsWith('load the app'))![1]
  const sections: string[] = []

  sections.push(`# Benchmark results

Written by \`npm run bench\` (\`bench/run.ts\`) on ${run.date.toISOString().slice(0, 16).replace('T', ' ')} UTC; the run took ${Math.round(run.seconds)} s.
Run it again rather than editing this file; [README.md](README.md) says how it measures.

| machine | |
|---|---|
| CPU | ${run.machine.cpu}, ${run.machine.cores} cores |
| Node.js | ${run.machine.node} |
${run.drivers.map((d) => `| ${d.label} | ${d.version} |`).join('\n')}
| load average (1 min) at start / end (the end includes the bench's own work) | ${run.machine.loadAtStart.toFixed(1)} / ${run.machine.loadAtEnd.toFixed(1)} |
${busy ? `\n**Other work was running on this machine when the run began** (a load average above half the core count), so the absolute numbers are slower and noisier than on a quiet machine. Each route was measured minutes from its bare route, under the same conditions, so the ratios are the steadier figures.\n` : ''}
Data: the demo partnership plus ${run.peopleCount.toLocaleString('en-GB')} people spread over its agencies and ${benchEventCount.toLocaleString('en-GB')} upcoming training events; then \`ANALYZE\`, so the planner's
statistics are refreshed as in the product (on PGlite the app runs it 5 s after start and every six hours; PostgreSQL's
autovacuum does it itself). Load: autocannon, ${run.load.connections} connections
for ${run.load.seconds} s after a ${run.load.warmUpSeconds} s warm-up, from a worker thread of the same process. Server time is \`reply.elapsedTime\`
recorded by an \`onResponse\` hook. Signed-in pages carry the business unit demo account's session cookie. The app runs
as in production (\`NODE_ENV=production\`, templates cached) with request logging off, like the bare route.`)

  sections.push(`## Targets

- **List pages within ${listTarget}× the bare route's median server time.**
${run.drivers.map((d) => `  - ${listVerdict(d)}`).join('\n')}

  ${listWhy(run)}
- **\`npm start\` on an existing database listening within 5 s.** Warm \`npm start\`s answered \`/health\` after ${warm.map((time) => `${(time / 1000).toFixed(2)} s`).join(' and ')}: **${startMet}**${busy && startMet !== 'met' ? ' on this busy machine (see the steps under Start-up)' : ''}.
  The cold first start, which creates the database, took ${seconds(run.startup.cold)}.
${issue12Target(run)}
${reportTargets(run)}${run.elearningImport ? `\n- **Importing 100,000 e-learning completions at least half the speed of PostgreSQL's \`COPY\`.** ${elearningImportVerdict(run.elearningImport)}` : ''}${run.performanceImport ? `\n- **Importing a national performance file within 3 s.** ${performanceImportVerdict(run.performanceImport)}` : ''}
${reachPointer}
${scorecardPointer}
${assurancePointer}`)

  sections.push(`## Start-up

From spawning \`npm start\` on PGlite, as a user runs it (\`PORT\`, \`PGLITE_DATA_DIR\`, \`LOG_LEVEL=silent\`), until \`/health\`
answers 200. \`npm start\` runs \`tsx src/server.ts\`, which first refreshes \`public/\` (copying the scripts, and compiling
Sass only when the stylesheet is older than its sources).

| case | time | before issue 12 |
|---|--:|--:|
| cold: empty data directory (creates the database, migrates, loads the demo partnership) | ${seconds(run.startup.cold)} | ${seconds(beforeIssue12.cold)} (${times(run.startup.cold / beforeIssue12.cold)}) |
${warm.map((time, i) => `| warm: existing database (${i ? 'again' : 'first'}) | ${seconds(time)} | |`).join('\n')}

Each test file's own database (\`test/helpers/database.ts\`: PGlite loads a dump of the migrated template with the demo
partnership, PostgreSQL copies its template database), as \`npm test\` makes one per file. The first may build the
template once per change of the sources; the median of the next ${run.testDatabases[0]?.runs ?? 0} is what each file pays:

| driver | first (may build the template) | each file (median) | before issue 12 (median) |
|---|--:|--:|--:|
${run.testDatabases.map((d) => `| ${d.driver} | ${duration(d.first)} | ${duration(d.median)} | ${duration(beforeIssue12.testDatabases[d.driver]!)} (${times(d.median / beforeIssue12.testDatabases[d.driver]!)}) |`).join('\n')}

The full demo (issue 12, about 30,000 rows) beside the small one that test partnerships get, in this run, taking turns
(\`bench/demo-scale.ts\`, medians): seeding a fresh PGlite directory, the step of the cold start the demo's size changes;
loading the PGlite template's dump and copying the PostgreSQL template database, what each test file pays:

| step | small demo | full demo | added |
|---|--:|--:|--:|
${run.demoScale.map((s) => `| ${s.step} | ${duration(s.small)} | ${duration(s.full)} | ${duration(s.full - s.small)} (${times(s.full / s.small)}) |`).join('\n')}

The steps of another warm start, without npm (\`npx tsx bench/startup-phases.ts\` does what \`src/server.ts\` does
after the asset check, timing each step):

${phasesTable(run.startup.phases)}

Of the ${seconds(listening)}, ${seconds(modulesLoaded)} goes on starting \`npx\` and \`tsx\` and loading (transpiling) the modules; the app's own
start-up — opening the database, checking migrations and demo data, building the app, listening — takes ${seconds(listening - modulesLoaded)}.
\`npm start\` runs \`tsx\` without \`npx\` but puts npm itself and the asset check in front: its
warm starts answered after ${warm.map(seconds).join(' and ')} against ${seconds(listening)} for this one to listen.`)

  for (const driver of run.drivers) {
    sections.push(`## ${driver.label}

${driver.version}.

Under load (list pages in bold):

${loadTable(driver)}

One request at a time (medians of ${sequentialRuns} sequential requests through \`app.inject\`). "Waiting for the database" is the wall
time with a query in flight; "everything else" is routing, hooks, presenters, the Nunjucks render and sending:

${aloneTable(driver)}

The people list's queries, each on its own (medians of ${sequentialRuns}):

${queryTable(driver)}`)
  }

  sections.push(catalogueSection(run))

  sections.push(analysis(run))

  sections.push(reportSection(run))
  if (run.elearningImport) sections.push(renderElearningImport(run.elearningImport).trimEnd())
  if (run.performanceImport) sections.push(renderPerformanceImport(run.performanceImport).trimEnd())

  sections.push(`## Query plans

\`EXPLAIN ANALYZE\` of the SQL that \`listPeople\` (page 1) and \`countPeople\` send, as Drizzle writes it.

${run.drivers
  .map(
    (driver) => `<details><summary>${driver.label}</summary>

${driver.plans.map((p) => `**${p.name}**\n\n\`\`\`sql\n${p.sql}\n\`\`\`\n\n\`\`\`\n${p.plan}\n\`\`\``).join('\n\n')}

</details>`,
  )
  .join('\n\n')}`)
  return sections.join('\n\n') + '\n'
}

/** The reach figures have a bench of their own: it builds a million bookings, too long for every run. */
const reachPointer =
  '- **The reach figures for a year under 500 ms on 1,000,000 bookings (PostgreSQL).** Measured by `npm run bench:reach`, beside bare counts of the same rows: see [RESULTS-reach.md](RESULTS-reach.md).'

/** The quality assurance results pages: their own bench builds 500 schools' answers. */
const assurancePointer =
  '- **The section 11 results matrix and the schools’ results (500 schools × 60 questions) each under 100 ms median (PostgreSQL).** Measured by `npm run bench:assurance`, one request at a time beside the bare route and the page without the platform: see [RESULTS-assurance.md](RESULTS-assurance.md).'

/** The scorecard too: it loads every authority's values, longer than the other pages need. */
const scorecardPointer =
  '- **The performance scorecard under 100 ms with all of England loaded (PostgreSQL).** Measured by `npm run bench:scorecard`, beside the bare route: see [RESULTS-scorecard.md](RESULTS-scorecard.md).'

/** The public catalogue with 1,000 upcoming events beside the bare route. */
function catalogueSection(run: RunResults) {
  const rows = run.drivers.map((d) => {
    const page = d.underLoad.find((r) => r.path === '/training')!
    const one = alone(d, '/training')
    const bare = underLoad(d, '/').serverMedian
    return `| ${d.label} | ${d.catalogueEvents} | ${ms(page.serverMedian)} | ${ms(page.serverP95)} | ${Math.round(page.requestsPerSecond).toLocaleString('en-GB')} | ${times(page.serverMedian / bare)} | ${ms(one.total)} | ${ms(one.database)} | ${(one.bytes / 1024).toFixed(0)} |`
  })
  return `## The public training catalogue

\`/training\`, signed out, with ${benchEventCount.toLocaleString('en-GB')} upcoming events added to the demo's (\`bench/catalogue-data.ts\`), measured like the
other pages and beside the same bare route. The page counts every upcoming event and shows the soonest 50 (it pages
by 50), so its time is one count and one page of events, whatever the programme's size.

| database | upcoming events | server median ms | server p95 ms | req/s | ratio to bare median | one at a time ms | of which the database ms | HTML KB |
|---|--:|--:|--:|--:|--:|--:|--:|--:|
${rows.join('\n')}`
}

/** Why the 3× aim is not met, under the verdicts: the page without the platform is the fair floor. */
function listWhy(run: RunResults) {
  const pg = run.drivers.find((d) => d.label === 'PostgreSQL')!
  const pglite = run.drivers.find((d) => d.label === 'PGlite')!
  const bare = (d: DriverResults) => underLoad(d, '/').serverMedian
  const plain = (d: DriverResults) => d.plain.underLoad.serverMedian
  const page = (d: DriverResults) => underLoad(d, '/directory/people').serverMedian
  const met = run.drivers.every((d) =>
    d.underLoad.filter((r) => d.listPaths.has(r.path)).every((r) => r.serverMedian <= listTarget * bare(d)),
  )
  if (met) return `The aim is met on both databases.`
  return `**Not met, and not reachable by this page:** ${listTarget}× the bare route is ${ms(listTarget * bare(pg))} ms, less than one
  database round trip (the session lookup alone takes ${ms(queryMs(pg.queries, 'loadSession (every signed-in request)'))} ms on PostgreSQL), and the bare route returns a
  constant string. The same page without the platform — the same queries, presenters and template, with no session,
  security headers, cookies, CSRF or permission checks — is already ${times(plain(pg) / bare(pg))} the bare route on PostgreSQL and
  ${times(plain(pglite) / bare(pglite))} on PGlite: that is the cost of reading 1,000 people's page and rendering ${(pg.plain.alone.bytes / 1024).toFixed(0)} KB of HTML.
  What the platform itself costs is the ratio of the app's page to that one: ${times(page(pg) / plain(pg))} on PostgreSQL and
  ${times(page(pglite) / plain(pglite))} on PGlite under load (why below).`
}

function analysis(run: RunResults) {
  const pg = run.drivers.find((d) => d.label === 'PostgreSQL')!
  const pglite = run.drivers.find((d) => d.label === 'PGlite')!
  const bareAlone = alone(pg, '/')
  const signIn = alone(pg, '/sign-in')
  const people = alone(pg, '/directory/people')
  const plain = pg.plain.alone
  const peopleLoaded = underLoad(pg, '/directory/people')
  const pglitePeople = alone(pglite, '/directory/people')
  const pglitePlain = pglite.plain.alone
  const session = (d: DriverResults) => ms(queryMs(d.queries, 'loadSession (every signed-in request)'))
  const gain = (value: number) => ms(Math.max(0, value))
  const byName = 'listPeople, by name'
  const pglitePlan = planOf(pglite, byName)
  const pgliteNote = pglitePlan.includes('people_partnership_sort_name_idx')
    ? ` With statistics, its plan for the page by name reads \`people_partnership_sort_name_idx\` in order and stops after 100 rows, as PostgreSQL's does (${ms(queryMs(pglite.queries, byName))} ms as the app calls it).`
    : ` Even with statistics, its plan for the page by name reads every person of the partnership (through \`${firstIndex(pglitePlan)}\`) and sorts them all to find the first 100; see the plan below.`
  const pgNote = planOf(pg, byName).includes('people_partnership_sort_name_idx')
    ? ' The page by name reads `people_partnership_sort_name_idx` in order and stops after 100 rows, so the index the schema has is the right one.'
    : " This run's plan for the page by name did not use `people_partnership_sort_name_idx`; see the plan below."
  const search = `listPeople, search “${searchTerm}”`
  const countSearch = `countPeople, search “${searchTerm}”`
  const options = 'listAgencyOptions (the agency filter’s options)'

  return `## Why the list pages miss ${listTarget}×, and what would help

**The bar is lower than one database round trip.** The bare route takes ${ms(bareAlone.total)} ms one request at a time. Every
signed-in page first looks up its session (\`loadSession\`: ${session(pg)} ms on PostgreSQL, ${session(pglite)} ms on PGlite); the people
list then runs three more queries (the page of people, the count, the agency filter's options) and renders
${(people.bytes / 1024).toFixed(0)} KB of HTML. The sign-in page, with the same layout and no database at all, already takes ${ms(signIn.total)} ms,
${times(signIn.total / bareAlone.total)} the bare route, and the people page without the platform ${ms(plain.total)} ms, ${times(plain.total / bareAlone.total)}. No version of this page
comes within ${listTarget}× of a route that does nothing, so two other ratios are the ones to track: the app's page against the
same page without the platform (what the platform costs: now ${times(people.total / plain.total)} on PostgreSQL and ${times(pglitePeople.total / pglitePlain.total)} on PGlite,
one request at a time), and the page without the platform against the bare route (what the page's own work costs).

**Under load, server time is mostly queueing.** With ${run.load.connections} requests in flight on one Node.js thread, a request that awaits
the database resumes behind the others' rendering, so its server time includes their work: on PostgreSQL the people list
takes ${ms(people.total)} ms alone and ${ms(peopleLoaded.serverMedian)} ms (median) under load. The bare route never yields, so its queueing
happens in the socket before Fastify starts the clock. On PGlite the database runs inside the same thread (WebAssembly),
so every request's queries also hold up every other request; PGlite cannot use a second core, PostgreSQL runs queries in
its own processes: one more reason the design runs production on PostgreSQL.

**What the platform costs.** One request at a time on PostgreSQL, the app's people page takes ${ms(people.total)} ms and the same page
without the platform ${ms(plain.total)} ms. The difference, about ${gain(people.total - plain.total)} ms, is ${gain(people.database - plain.database)} ms more waiting for the database
(the session lookup, which must finish before the page's own queries start) and ${gain(people.rest - plain.rest)} ms more of everything else
(helmet's headers and CSP nonce, signed cookies, the CSRF token for the sign-out form, the permission check, the
navigation). On PGlite the page takes ${ms(pglitePeople.total)} ms against ${ms(pglitePlain.total)} ms without the platform, but PGlite's one-request times
move by several milliseconds from run to run, as much as the platform's share, so its ratio under load
(${times(underLoad(pglite, '/directory/people').serverMedian / pglite.plain.underLoad.serverMedian)}) is the steadier figure.

**Where the page's own time goes.** Without the platform, on PostgreSQL, the page waits ${ms(plain.database)} ms for its three queries
(run in parallel) and spends ${ms(plain.rest)} ms on everything else: the presenters and the Nunjucks render of a 100-row
\`govukTable\`, the agency \`<select>\` and pagination, ${(plain.bytes / 1024).toFixed(0)} KB of HTML against the sign-in page's ${(signIn.bytes / 1024).toFixed(0)} KB. On PGlite it
waits ${ms(pglitePlain.database)} ms and spends ${ms(pglitePlain.rest)} ms on the rest.

**The queries and indexes** (plans below):
- PGlite has no autovacuum; the app runs \`ANALYZE\` as a job every six hours, the first soon after a new database
  starts (\`src/platform/jobs/maintenance.ts\`), and the bench runs it after adding the people, before measuring.${pgliteNote}
  People added after the last \`ANALYZE\` are planned on the old statistics until the next one (at most six hours).
- PostgreSQL has statistics (the bench runs \`ANALYZE\` after its bulk insert, as autovacuum would within a minute).${pgNote}
  \`listPeople\` by name takes ${ms(queryMs(pg.queries, byName))} ms as the app calls it and PostgreSQL executes it in ${executionTime(planOf(pg, byName))} ms
  (\`EXPLAIN ANALYZE\`); the rest is the round trip and turning rows into objects.
- Sorting by agency sorts on a column of another table, so every person in the partnership is joined and the first 100
  picked by a top-N sort (${ms(queryMs(pg.queries, 'listPeople, by agency, descending'))} ms on PostgreSQL). No index on \`people\` can serve it; at a few thousand people it stays cheap.
- Search is \`ilike '%…%'\` on name, job title and email, which no b-tree index can serve, so every person of the
  partnership is checked (${ms(queryMs(pg.queries, search))} ms for the page, ${ms(queryMs(pg.queries, countSearch))} ms for the count on PostgreSQL). Fine at
  ${run.peopleCount.toLocaleString('en-GB')}; if the directory grows towards the whole workforce (~9,000 practitioners), a \`pg_trgm\` GIN index (PGlite ships
  \`pg_trgm\` as an extension) would serve it. **Proposed, not made** (schema changes are outside this change).
- The agency filter's options come from \`listAgencyOptions\`, ids and names only (${ms(queryMs(pg.queries, options))} ms on PostgreSQL,
  ${ms(queryMs(pglite.queries, options))} ms on PGlite); it replaced \`listAgencies\`, which also counted each agency's people for a page that never shows them.
- None of these queries is what separates the page from the bare route: on PostgreSQL the page without the platform
  waits ${ms(plain.database)} ms for them out of ${ms(plain.total)} ms.

**What would make the list page faster**: fewer rows to render — a 50-row page renders half the table; more than one
Node.js process (app processes keep no state, so several can run behind a load balancer, one per core) so that requests
stop queueing behind each other's rendering; and, for many users at once, PostgreSQL rather than PGlite.`
}
