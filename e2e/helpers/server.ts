import { createServer } from 'node:net'
import { buildApp } from '../../src/app.ts'
import { loadConfig } from '../../src/config.ts'
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts'
import { startMailServer, type ReceivedEmail } from '../../test/helpers/mail-server.ts'

export { linksIn, type ReceivedEmail } from '../../test/helpers/mail-server.ts'

/**
 * The real app for browser tests: listening over HTTP on 127.0.0.1, on a fresh PGlite database
 * holding the demo partnership, with the real email worker delivering over SMTP to a real SMTP
 * server started here, so a test reads the invitation or reset email a person would get.
 */
export interface RunningHub {
  baseUrl: string
  /** The hub's database, for a story to set up what another part of the service would have made. */
  database: TestDatabase
  /** Waits (up to 15 s) for an email to `to` whose subject contains `subjectPart`. */
  waitForEmail(to: string, subjectPart: string): Promise<ReceivedEmail>
  /** The hub's database, for a story to set the scene (an event with one place left) before it starts. */
  db: TestDatabase['db']
  close(): Promise<void>
}

/** A port that was free a moment ago: BASE_URL must name the real address before the app is built. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export async function startHub(): Promise<RunningHub> {
  const mail = await startMailServer()
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  // PostgreSQL, production's database, as the other tests use unless they are about PGlite.
  const database = await createTestDatabase('pg')
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    RUN_EMAIL_WORKER: 'true',
    EMAIL_ADAPTER: 'smtp',
    SMTP_URL: `smtp://127.0.0.1:${mail.port}`,
    BASE_URL: baseUrl,
    CHROMIUM_PATH: process.env.CHROMIUM_PATH,
  })
  const app = await buildApp({ config, database, logger: false })
  await app.listen({ host: '127.0.0.1', port })
  return {
    baseUrl,
    database,
    waitForEmail: mail.waitFor,
    db: database.db,
    async close() {
      await app.close()
      await database.close()
      await mail.close()
    },
  }
}
