import { loadConfig } from './config.ts'
import { migrateDatabase, openDatabase } from './db/index.ts'
import { DataDirectoryInUseError } from './db/lock.ts'
import { seedDemoData } from './db/seed.ts'

/** `npm run db:migrate` applies the committed migrations; `npm run db:seed` loads the demo partnership if it is not there. */
const command = process.argv[2]
const config = loadConfig(process.env)
const database = await openDatabase(config.database).catch((error: unknown) => {
  if (!(error instanceof DataDirectoryInUseError)) throw error
  console.error(error.message)
  process.exit(1)
})
try {
  if (command === 'migrate') {
    await migrateDatabase(database, config.database)
    console.log('Migrations applied')
  } else if (command === 'seed') {
    await migrateDatabase(database, config.database)
    const result = await seedDemoData(database.db)
    console.log(result.created ? 'Demo partnership loaded' : 'Demo partnership already present')
  } else {
    console.error('Usage: tsx src/cli.ts migrate|seed')
    process.exitCode = 1
  }
} finally {
  await database.close()
}
