import assert from 'node:assert/strict'
import { after, before, type TestContext } from 'node:test'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
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
  signIn(email: string, password?: string, options?: SessionOptions): Promise<Session>
  visitor(options?: SessionOptions): Promise<Session>
}

export interface TestAppOptions {
  /**
   * PostgreSQL, production's database, unless given. PGlite, the quick start's, has the suites that
   * run on both (`drivers`) and its own (docs/decisions/0032-tests-on-postgresql-first.md).
   */
  driver?: Driver
  env?: Record<string, string>
  emailAdapter?: EmailAdapter
}

/** The settings production insists on, with an SMTP server that nobody listens on. */
export const productionEnv = {
  NODE_ENV: 'production',
  SESSION_SECRET: 'a-production-secret-that-is-long-enough-to-use',
  EMAIL_ADAPTER: 'smtp',
  SMTP_URL: 'smtp://127.0.0.1:1',
}

export async function buildTestApp(
  t: TestContext | { after(fn: () => Promise<void>): void },
  options: TestAppOptions = {},
): Promise<TestApp> {
  const database = await createTestDatabase(options.driver ?? 'pg')
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    RUN_EMAIL_WORKER: 'false',
    RUN_JOB_WORKER: 'false',
    BASE_URL: 'http://hub.test',
    CHROMIUM_PATH: process.env.CHROMIUM_PATH,
    ...options.env,
  })
  const { partnershipId } = await seedDemoData(database.db)
  const app = await buildApp({ config, database, emailAdapter: options.emailAdapter, logger: false })
  t.after(async () => {
    await app.close()
    await database.close()
  })
  async function visitor(sessionOptions?: SessionOptions) {
    const session = new Session(app, sessionOptions)
    await session.get('/sign-in')
    return session
  }
  return {
    app,
    database,
    config,
    partnershipId,
    visitor,
    async signIn(email, password = demoPassword, sessionOptions) {
      const session = await visitor(sessionOptions)
      const response = await session.post('/sign-in', { email, password })
      if (response.statusCode !== 302) throw new Error(`Sign-in as ${email} failed with ${response.statusCode}`)
      // As a browser would: signing in renews the CSRF secret, so forms need the token of a page opened since.
      await session.get(response.headers.location as string)
      return session
    },
  }
}

/**
 * One app for every test in the enclosing describe: built before its first test, closed after its
 * last. Returns a getter, since the app exists only once the suite has started.
 */
export function appForSuite(options: TestAppOptions | (() => TestAppOptions) = {}): () => TestApp {
  const closers: (() => Promise<void>)[] = []
  let testApp: TestApp | undefined
  before(async () => {
    testApp = await buildTestApp(
      { after: (close: () => Promise<void>) => closers.push(close) },
      typeof options === 'function' ? options() : options,
    )
  })
  after(async () => {
    for (const close of closers) await close()
  })
  return () => {
    assert.ok(testApp, 'the suite’s app is built before its first test')
    return testApp
  }
}

export const demoEmail = Object.fromEntries(demoAccounts.map((a) => [a.role, a.email])) as Record<
  (typeof demoAccounts)[number]['role'],
  string
>

export interface SessionOptions {
  /**
   * The address requests come from: sign-in and the token forms are rate-limited per address, so
   * tests that sign in many times work from several computers. A function gives one per request.
   */
  remoteAddress?: string | (() => string)
}

export class Session {
  cookies = new Map<string, string>()
  csrfToken = ''

  constructor(
    readonly app: FastifyInstance,
    private readonly options: SessionOptions = {},
  ) {}

  private get remoteAddress() {
    const { remoteAddress } = this.options
    return typeof remoteAddress === 'function' ? remoteAddress() : remoteAddress
  }

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

  /** A request of any shape (a JSON body, an odd header), carrying this browser's cookies. */
  async request(options: InjectOptions & { url: string }) {
    return this.remember(
      await this.app.inject({
        ...options,
        headers: { cookie: this.cookieHeader, ...options.headers },
        remoteAddress: this.remoteAddress,
      }),
    )
  }

  async get(url: string) {
    return this.request({ method: 'GET', url })
  }

  /** Posts a form as a browser would, with the CSRF token unless `_csrf` is given. */
  async post(url: string, form: Record<string, string | string[]> = {}) {
    const body = new URLSearchParams()
    for (const [key, value] of Object.entries({ _csrf: this.csrfToken, ...form })) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(key, item)
    }
    return this.request({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    })
  }
}
