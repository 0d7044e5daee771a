import { writeFile } from 'node:fs/promises'
import { loadConfig } from '../../config.ts'
import { migrateDatabase, openDatabase } from '../../db/index.ts'
import { DataDirectoryInUseError } from '../../db/lock.ts'
import { configureChromium } from '../../platform/documents/chromium.ts'
import { closePdfBrowser } from '../../platform/documents/pdf.ts'
import { parseOptions, run, usage, UsageError } from './command.ts'

/**
 * `npm run report -- --year 2016/17 --kind annual|cabinet-paper|subgroup [--group NAME] --format html|docx|pdf --out FILE`
 * writes what the app would serve for that report, from the database the app would use;
 * `npm run report -- --year 2016/17 --figures --format json|csv [--out FILE]` writes every registered figure.
 * The work is in command.ts; this opens the database, writes the file and sets the exit status.
 */
const args = (() => {
  try {
    return parseOptions(process.argv.slice(2))
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`)
    process.exit(2)
  }
})()
if (args.help) {
  console.log(usage)
  process.exit(0)
}
const config = loadConfig(process.env)
configureChromium({ executablePath: config.chromiumPath })
const database = await openDatabase(config.database).catch((error: unknown) => {
  if (!(error instanceof DataDirectoryInUseError)) throw error
  console.error(error.message)
  process.exit(1)
})
try {
  await migrateDatabase(database, config.database)
  const output = await run(database.db, args, config.baseUrl)
  if (args.out) {
    await writeFile(args.out, output)
    console.error(`Wrote ${args.out}`)
  } else process.stdout.write(output)
} catch (error) {
  if (!(error instanceof UsageError)) throw error
  console.error(`${error.message}\n\n${usage}`)
  process.exitCode = 2
} finally {
  await closePdfBrowser()
  await database.close()
}
