/**
 * The steps of src/server.ts, timed: run by bench/startup.ts as `npx tsx bench/startup-phases.ts`
 * on an existing PGlite database. Prints one JSON line: milliseconds since the parent spawned it
 * at the end of each step. Imports are dynamic so that loading the app's modules is timed too.
 */
const spawnedAt = Number(process.env.BENCH_SPAWNED_AT)
const laps: [string, number][] = []
const lap = (step: string) => laps.push([step, Date.now() - spawnedAt])

lap('npx and tsx start the script')
const { buildApp } = await import('../src/app.ts')
const { loadConfig } = await import('../src/config.ts')
const { openDatabase } = await import('../src/db/index.ts')
const { seedDemoData } = await import('../src/db/seed.ts')
lap('load the app’s modules')
const config = loadConfig(process.env)
const database = await openDatabase(config.database)
lap('open the PGlite database')
await database.migrate()
lap('check migrations (none to run)')
await seedDemoData(database.db)
lap('check the demo data (already there)')
const app = await buildApp({ config, database })
lap('build the app')
await app.listen({ port: config.port, host: config.host })
lap('listen')
await app.close()
await database.close()
console.log(JSON.stringify(laps))
