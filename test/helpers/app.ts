import type { TestContext } from 'node:test'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { buildApp } from '../../src/app.ts'
import { loadConfig, type Config } from '../../src/config.ts'
import { demoAccounts, demoPassword, seedDemoData } from '../../src/db/seed.ts'
import type { EmailAdapter } from '../../src/platform/email/adapters.ts'
import { createTestDatabase, type Driver, type TestDatabase } from './database.ts'

/**
 * The real app on a fresh migrated database with the demo partnership loaded, closed when the
 * test ends. `signIn` returns a browser-like session for app.inject: it keeps cookies and sends
 * the CSRF token with every form.
 */
export interface TestApp {
  app: FastifyInstance
  database: TestDatabase
  config: Config
  partnershipId: string
  signIn(email: string, password?: string): Promise<Session>
  visitor(): Promise<Session>
}

export async function buildTestApp(
  t: TestContext | { after(fn: () => Promise<void>): void },
  options: { driver?: Driver; env?: Record<string, string>; emailAdapter?: EmailAdapter } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(options.driver ?? 'pglite')
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    RUN_EMAIL_WORKER: 'false',
    RUN_JOB_WORKER: 'false',
    BASE_URL: 'http://hub.test',
    ...options.env,
  })
  const { partnershipId } = await seedDemoData(database.db)
  const app = await buildApp({ config, database, emailAdapter: options.emailAdapter, logger: false })
  t.after(async () => {
    await app.close()
    await database.close()
  })
  async function visitor() {
    const session = new Session(app)
    await session.get('/sign-in')
    return session
  }
  return {
    app,
    database,
    config,
    partnershipId,
    visitor,
    async signIn(email, password = demoPassword) {
      const session = await visitor()
      const response = await session.post('/sign-in', { email, password })
      if (response.statusCode !== 302) throw new Error(`Sign-in as ${email} failed with ${response.statusCode}`)
      // As a browser would: signing in renews the CSRF secret, so forms need the token of a page opened since.
      await session.get(response.headers.location as string)
      return session
    },
  }
}

export const demoEmail = Object.fromEntries(demoAccounts.map((a) => [a.role, a.email])) as Record<
  (typeof demoAccounts)[number]['role'],
  string
>

export class Session {
  cookies = new Map<string, string>()
  csrfToken = ''

  constructor(readonly app: FastifyInstance) {}

  private remember(response: LightMyRequestResponse) {
    for (const cookie of response.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      if (cookie.value === '' || (cookie.expires && cookie.expires.getTime() <= Date.now()) || cookie.maxAge === 0)
        this.cookies.delete(cookie.name)
      else this.cookies.set(cookie.name, cookie.value)
    }
    const token = response.body.match(/name="_csrf" value="([^"]+)"/)?.[1]
    if (token) this.csrfToken = token
    return response
  }

  private get cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  async get(url: string) {
    return this.remember(await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader } }))
  }

  /** Posts a form as a browser would, with the CSRF token unless `_csrf` is given. */
  async post(url: string, form: Record<string, string | string[]> = {}) {
    const body = new URLSearchParams()
    for (const [key, value] of Object.entries({ _csrf: this.csrfToken, ...form })) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(key, item)
    }
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { cookie: this.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
        payload: body.toString(),
      }),
    )
  }
}
