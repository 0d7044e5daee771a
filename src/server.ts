import { buildApp } from './app.ts'
import { ConfigError, loadConfig } from './config.ts'
import { migrateDatabase, openDatabase } from './db/index.ts'
import { DataDirectoryInUseError } from './db/lock.ts'
import { seedDemoData } from './db/seed.ts'
import { buildAssets } from './platform/assets/build.ts'
import { startMessage } from './start-message.ts'

/** The CLI entry: read the environment, build the assets if stale, open and migrate the database, listen, and close gracefully. */
async function main() {
  let config
  try {
    config = loadConfig(process.env)
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message)
      process.exit(1)
    }
    throw error
  }
  // The stylesheet is compiled only when its sources changed, so this is quick on a built checkout.
  await buildAssets()
  let database
  try {
    database = await openDatabase(config.database)
  } catch (error) {
    if (error instanceof DataDirectoryInUseError) {
      console.error(error.message)
      process.exit(1)
    }
    throw error
  }
  await migrateDatabase(database, config.database)
  if (config.seedDemoData) await seedDemoData(database.db)
  const app = await buildApp({ config, database })

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, async () => {
      app.log.info({ signal }, 'closing')
      // The app's onClose hooks stop the email and job workers, which wait for the work in hand; then the database closes.
      // (Not an onClose hook itself: Fastify runs those last-registered first, so it would close under the workers.)
      await app.close()
      await database.close()
      process.exit(0)
    })
  }
  await app.listen({ port: config.port, host: config.host })
  if (config.env === 'development') {
    const address = app.server.address()
    console.log(startMessage(config, typeof address === 'object' && address ? address.port : config.port))
  }
}

await main()
