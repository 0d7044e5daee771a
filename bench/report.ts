import { sequentialRuns, type Phases, type Plan, type QueryTiming } from './breakdown.ts'
import { searchTerm } from './directory-data.ts'
import type { RouteResult } from './load.ts'

/** bench/RESULTS.md, from one run's numbers: the tables, the verdict on each target and why. */

export interface DriverResults {
  label: string
  version: string
  underLoad: RouteResult[]
  alone: Phases[]
  listPaths: Set<string>
  queries: QueryTiming[]
  /** PGlite only: the same queries after ANALYZE, which nothing runs on PGlite otherwise. */
  queriesAfterAnalyze: QueryTiming[] | null
  plans: Plan[]
}

export interface RunResults {
  date: Date
  machine: { cpu: string; cores: number; node: string; loadAtStart: number; loadAtEnd: number }
  load: { connections: number; warmUpSeconds: number; seconds: number }
  peopleCount: number
  startup: { cold: number; warm: number; phases: [string, number][] }
  drivers: DriverResults[]
  seconds: number
}

export const listTarget = 3
export const warmStartTarget = 5000

const ms = (value: number) => (value < 1 ? value.toFixed(3) : value < 10 ? value.toFixed(2) : value.toFixed(1))
const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`
const times = (value: number) => `${value < 10 ? value.toFixed(1) : value.toFixed(0)}×`
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
  for (const r of driver.underLoad) {
    const name = driver.listPaths.has(r.path) ? `**${r.name}** (list)` : r.name
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
  for (const p of driver.alone)
    lines.push(`| ${p.name} | ${ms(p.total)} | ${ms(p.database)} | ${ms(p.rest)} | ${(p.bytes / 1024).toFixed(1)} |`)
  return lines.join('\n')
}

function queryTable(driver: DriverResults) {
  const after = driver.queriesAfterAnalyze
  const lines = after
    ? ['| query | median ms | after ANALYZE |', '|---|--:|--:|']
    : ['| query | median ms |', '|---|--:|']
  for (const [i, q] of driver.queries.entries())
    lines.push(`| ${q.name} | ${ms(q.ms)} |${after ? ` ${ms(after[i]!.ms)} |` : ''}`)
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
  return `${driver.label}: the people list's median server time is ${ms(Math.min(...lists))}–${ms(Math.max(...lists))} ms against ${ms(bare)} ms for the bare route, ${times(Math.min(...lists) / bare)}–${times(Math.max(...lists) / bare)}: **${met ? 'met' : 'not met'}**.`
}

export function renderResults(run: RunResults) {
  const busy = run.machine.loadAtStart > run.machine.cores / 2 || run.machine.loadAtEnd > run.machine.cores / 2
  const listening = run.startup.phases.at(-1)![1]
  const warmWorst = Math.max(run.startup.warm, listening)
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
| load average (1 min) at start / end | ${run.machine.loadAtStart.toFixed(1)} / ${run.machine.loadAtEnd.toFixed(1)} |
${busy ? `\n**Other work was running on this machine during the run** (a load average above half the core count), so the absolute numbers are slower and noisier than on a quiet machine. Each route was measured minutes from its bare route, under the same conditions, so the ratios are the steadier figures.\n` : ''}
Data: the demo partnership plus ${run.peopleCount.toLocaleString('en-GB')} people spread over its agencies. Load: autocannon, ${run.load.connections} connections
for ${run.load.seconds} s after a ${run.load.warmUpSeconds} s warm-up, from a worker thread of the same process. Server time is \`reply.elapsedTime\`
recorded by an \`onResponse\` hook. Signed-in pages carry the business unit demo account's session cookie. The app runs
as in production (\`NODE_ENV=production\`, templates cached) with request logging off, like the bare route.`)

  sections.push(`## Targets

- **List pages within ${listTarget}× the bare route's median server time.**
${run.drivers.map((d) => `  - ${listVerdict(d)}`).join('\n')}
- **\`npm start\` on an existing database listening within 5 s.** Warm starts took ${seconds(run.startup.warm)} to answer \`/health\` and ${seconds(listening)} to listen: **${warmWorst <= warmStartTarget ? 'met' : 'not met'}**${busy && warmWorst > warmStartTarget ? ' on this busy machine (see the steps under Start-up)' : ''}.
  The cold first start, which creates the database, took ${seconds(run.startup.cold)}.`)

  sections.push(`## Start-up

From spawning \`npx tsx src/server.ts\` on PGlite (\`LOG_LEVEL=silent\`) until \`/health\` answers 200.
\`npm start\` also builds the stylesheets (\`npm run build:assets\`) first; that is not included.

| case | time |
|---|--:|
| cold: empty data directory (creates the database, migrates, loads the demo partnership) | ${seconds(run.startup.cold)} |
| warm: existing database | ${seconds(run.startup.warm)} |

The steps of a second warm start (\`bench/startup-phases.ts\` does what \`src/server.ts\` does, timing each step):

${phasesTable(run.startup.phases)}

Of the ${seconds(listening)}, ${seconds(modulesLoaded)} goes on starting \`npx\` and \`tsx\` and loading (transpiling) the modules; the app's own
start-up — opening the database, checking migrations and demo data, building the app, listening — takes ${seconds(listening - modulesLoaded)}.
The first part is what running compiled JavaScript with plain \`node\` would shrink; that is not measured here.`)

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

  sections.push(analysis(run))

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

function analysis(run: RunResults) {
  const pg = run.drivers.find((d) => d.label === 'PostgreSQL')!
  const pglite = run.drivers.find((d) => d.label === 'PGlite')!
  const bareAlone = alone(pg, '/')
  const signIn = alone(pg, '/sign-in')
  const people = alone(pg, '/directory/people')
  const peopleLoaded = underLoad(pg, '/directory/people')
  const pglitePeople = alone(pglite, '/directory/people')
  const analysed = pglite.queriesAfterAnalyze!
  const byName = 'listPeople, by name'
  const pglitePlan = planOf(pglite, byName)
  const pgliteNote = pglitePlan.includes('people_partnership_name_idx')
    ? ''
    : ` Its plan for the page by name reads every person of the partnership (through \`${firstIndex(pglitePlan)}\`) and sorts them all to find the first 100.`
  const pgNote = planOf(pg, byName).includes('people_partnership_name_idx')
    ? ' The page by name reads `people_partnership_name_idx` in order and stops after 100 rows, so the index the schema has is the right one.'
    : " This run's plan for the page by name did not use `people_partnership_name_idx`; see the plan below."
  const search = `listPeople, search “${searchTerm}”`
  const countSearch = `countPeople, search “${searchTerm}”`

  return `## Why the list pages miss ${listTarget}×, and what would help

**The bar is lower than one database round trip.** The bare route takes ${ms(bareAlone.total)} ms one request at a time. Every
signed-in page first looks up its session (\`loadSession\`: ${ms(queryMs(pg.queries, 'loadSession (every signed-in request)'))} ms on PostgreSQL,
${ms(queryMs(pglite.queries, 'loadSession (every signed-in request)'))} ms on PGlite); the people list then runs three more queries (the page of people, the
count, the agency filter's options) and renders ${(people.bytes / 1024).toFixed(0)} KB of HTML. The sign-in page, with the same layout and no
database at all, already takes ${ms(signIn.total)} ms, ${times(signIn.total / bareAlone.total)} the bare route. No version of this page comes within
${listTarget}× of a route that does nothing, so the useful questions are where its time goes and what it would take to shrink it.
A target that can be tracked: the list page within ${listTarget}× the sign-in page one request at a time — now
${times(people.total / signIn.total)} on PostgreSQL and ${times(pglitePeople.total / alone(pglite, '/sign-in').total)} on PGlite.

**Under load, server time is mostly queueing.** With ${run.load.connections} requests in flight on one Node.js thread, a request that awaits
the database resumes behind the others' rendering, so its server time includes their work: on PostgreSQL the people list
takes ${ms(people.total)} ms alone and ${ms(peopleLoaded.serverMedian)} ms (median) under load. The bare route never yields, so its queueing
happens in the socket before Fastify starts the clock. On PGlite the database runs inside the same thread (WebAssembly),
so every request's queries also hold up every other request; PGlite cannot use a second core, PostgreSQL runs queries in
its own processes: one more reason the design runs production on PostgreSQL.

**Where one request's time goes.** On PostgreSQL the people list spends ${ms(people.database)} ms waiting for the database (the session
lookup, then the other three queries in parallel) and ${ms(people.rest)} ms on everything else. The sign-in page's everything else — the
same hooks and layout, no data — is ${ms(signIn.rest)} ms, so about ${ms(Math.max(0, people.rest - signIn.rest))} ms is the people page's own presenters and
the Nunjucks render of a 100-row \`govukTable\`, the agency \`<select>\` and pagination: ${(people.bytes / 1024).toFixed(0)} KB of HTML against
${(signIn.bytes / 1024).toFixed(0)} KB. On PGlite the same page spends ${ms(pglitePeople.database)} ms in the database and ${ms(pglitePeople.rest)} ms on the rest.

**The queries and indexes** (plans below):
- PGlite has no autovacuum and nothing in the app runs \`ANALYZE\`, so its planner has no statistics for \`people\`.${pgliteNote}
  After \`ANALYZE\`, \`listPeople\` by name takes ${ms(analysed.find((q) => q.name === byName)!.ms)} ms instead of ${ms(queryMs(pglite.queries, byName))} ms.
  **Proposed, not made** (\`src/db/\` is outside this change): run \`ANALYZE\` after migrations when the app opens a PGlite
  database, and after bulk imports.
- PostgreSQL has statistics (the bench runs \`ANALYZE\` after its bulk insert, as autovacuum would within a minute).${pgNote}
  \`listPeople\` by name takes ${ms(queryMs(pg.queries, byName))} ms as the app calls it and PostgreSQL executes it in ${executionTime(planOf(pg, byName))} ms
  (\`EXPLAIN ANALYZE\`); the rest is the round trip and turning rows into objects.
- Sorting by agency sorts on a column of another table, so every person in the partnership is joined and the first 100
  picked by a top-N sort (${ms(queryMs(pg.queries, 'listPeople, by agency, descending'))} ms on PostgreSQL). No index on \`people\` can serve it; at a few thousand people it stays cheap.
- Search is \`ilike '%…%'\` on name, job title and email, which no b-tree index can serve, so every person of the
  partnership is checked (${ms(queryMs(pg.queries, search))} ms for the page, ${ms(queryMs(pg.queries, countSearch))} ms for the count on PostgreSQL). Fine at
  ${run.peopleCount.toLocaleString('en-GB')}; if the directory grows towards the whole workforce (~9,000 practitioners), a \`pg_trgm\` GIN index (PGlite ships
  \`pg_trgm\` as an extension) would serve it. **Proposed, not made** (schema changes are outside this change).
- The agency filter's options come from \`listAgencies\`, which also counts each agency's people with a correlated subquery
  that the people page never shows (${ms(queryMs(pg.queries, 'listAgencies (the agency filter’s options)'))} ms on PostgreSQL, ${ms(queryMs(pglite.queries, 'listAgencies (the agency filter’s options)'))} ms on PGlite). A query of ids and names
  would do. **Proposed, not made**: it needs a change in \`routes.ts\`.
- No query in \`service.ts\` was changed: none of them is what separates the page from the bare route.

**What would make the list page faster**, largest first: on PGlite, \`ANALYZE\` (above); fewer rows to render — a 50-row page
renders half the table; more than one Node.js process (app processes keep no state, so several can run behind a load
balancer, one per core) so that requests stop queueing behind each other's rendering.`
}
