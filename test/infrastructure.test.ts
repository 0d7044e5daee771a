import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { buildApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import { partnerships, users } from '../src/db/schema.ts'
import { loggerOptions } from '../src/platform/logging.ts'
import { buildTestApp, demoEmail, productionEnv } from './helpers/app.ts'
import { createTestDatabase } from './helpers/database.ts'

/** How the app sits behind proxies, answers odd requests, caches pages and logs: one app per test, on PGlite. */

/** A failed sign-in from `remoteAddress`, with the given X-Forwarded-For; the limit counts every attempt. */
function signInAttempt(app: Awaited<ReturnType<typeof buildTestApp>>['app'], forwardedFor: string) {
  return app.inject({
    method: 'POST',
    url: '/sign-in',
    remoteAddress: '10.0.0.1',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': forwardedFor },
    payload: 'email=someone%40example.com&password=wrong',
  })
}

describe('client addresses behind proxies', () => {
  it('trusts no X-Forwarded-For by default, so a changing header does not reset the sign-in limit', async (t) => {
    const { app } = await buildTestApp(t, { env: productionEnv })
    const statuses = []
    for (let attempt = 0; attempt < 11; attempt++) {
      statuses.push((await signInAttempt(app, `198.51.100.${attempt}`)).statusCode)
    }
    assert.ok(!statuses.slice(0, 10).includes(429), `the first ten are not limited: ${statuses.join(',')}`)
    assert.equal(statuses[10], 429)
  })

  it('with TRUST_PROXY_HOPS=1 takes the address the proxy added (the rightmost), not one the client wrote', async (t) => {
    const { app } = await buildTestApp(t, { env: { ...productionEnv, TRUST_PROXY_HOPS: '1' } })
    app.get('/test/ip', { config: { public: true } }, async (request) => request.ip)
    const ip = await app.inject({
      url: '/test/ip',
      remoteAddress: '10.0.0.1',
      headers: { 'x-forwarded-for': '192.0.2.66, 203.0.113.9' },
    })
    assert.equal(ip.body, '203.0.113.9')

    const statuses = []
    for (let attempt = 0; attempt < 11; attempt++) {
      statuses.push((await signInAttempt(app, `192.0.2.${attempt}, 203.0.113.9`)).statusCode)
    }
    assert.equal(statuses[10], 429, 'a forged leftmost entry does not reset the limit')
    const other = await signInAttempt(app, '192.0.2.1, 203.0.113.10')
    assert.notEqual(other.statusCode, 429, 'another client behind the same proxy has its own limit')
  })
})

/** The app as src/server.ts builds it, its logger writing to `lines` (one JSON object a line). */
async function appWithLog(t: Parameters<typeof buildTestApp>[0], env: Record<string, string> = {}) {
  const database = await createTestDatabase('pglite')
  const config = loadConfig({ NODE_ENV: 'test', RUN_EMAIL_WORKER: 'false', ...env })
  const lines: Record<string, unknown>[] = []
  const stream = { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) }
  const app = await buildApp({ config, database, logger: { ...loggerOptions(config), stream } })
  t.after(async () => {
    await app.close()
    await database.close()
  })
  return { app, lines }
}

describe('logs', () => {
  it('never log a request for the stylesheet, scripts or images, which would drown the rest', async (t) => {
    const { app, lines } = await appWithLog(t)
    for (const url of ['/assets/application.css', '/assets/favicon.svg', '/assets/no-such-file.js']) {
      await app.inject(url)
    }
    assert.equal(lines.length, 0, JSON.stringify(lines))
    await app.inject('/sign-in')
    assert.ok(
      lines.some((line) => (line.req as { url?: string } | undefined)?.url === '/sign-in'),
      'pages are still logged',
    )
  })

  it('log a failed query by its code and SQL, never its parameters or the values the database quotes', async (t) => {
    const { app, lines } = await appWithLog(t)
    const [partnership] = await app.db.select({ id: partnerships.id }).from(partnerships).limit(1)
    const partnershipId = partnership!.id
    app.get('/test/duplicate-account', { config: { public: true } }, async () => {
      await app.db.insert(users).values({ partnershipId, email: demoEmail.administrator, name: 'Someone Unique-Name' })
    })
    const response = await app.inject('/test/duplicate-account')
    assert.equal(response.statusCode, 500)
    const logged = lines.find((line) => line.msg === 'unhandled error')
    assert.ok(logged, 'the failure is logged')
    const text = JSON.stringify(logged)
    assert.ok(!text.includes(demoEmail.administrator) && !text.includes('Unique-Name'), text)
    const err = logged.err as Record<string, unknown>
    assert.equal(err.code, '23505')
    assert.equal(err.constraint, 'users_email_unique')
    assert.match(String(err.query), /^insert into "users"/)
  })
})

describe('addresses the router cannot read', () => {
  it('answer with the service’s error page in HTML, not Fastify’s JSON: 400 for a malformed one, 414 for one too long', async (t) => {
    const { app } = await buildTestApp(t)
    const cases: [string, number, string][] = [
      ['/%E0%A4%A', 400, 'There is a problem with your request'],
      ['/directory/people/%E0%A4%A', 400, 'There is a problem with your request'],
      [`/reset-password/${'a'.repeat(500)}`, 414, 'This address is too long'],
    ]
    for (const [url, status, heading] of cases) {
      const response = await app.inject(url)
      assert.equal(response.statusCode, status, url)
      assert.match(String(response.headers['content-type']), /^text\/html/, url)
      assert.ok(response.body.includes(`<h1 class="govuk-heading-l">${heading}</h1>`), `${url}: ${response.body}`)
      assert.match(response.body, /Skip to main content/, 'in the service’s layout')
      assert.ok(!response.body.includes('FST_ERR'), 'no framework error code')
    }
  })
})

describe('caching', () => {
  it('tells browsers and proxies to store no page, so personal data does not outlive the session', async (t) => {
    const { app, signIn, visitor } = await buildTestApp(t)
    app.get('/test/cacheable', { config: { public: true } }, async (_request, reply) =>
      reply.header('cache-control', 'public, max-age=60').send('the same for everyone'),
    )
    const session = await signIn(demoEmail.administrator)
    for (const url of ['/directory/people', '/', '/users', '/no/such/page']) {
      const response = await session.get(url)
      assert.equal(response.headers['cache-control'], 'no-store', url)
    }
    const signInPage = await (await visitor()).get('/sign-in')
    assert.equal(signInPage.headers['cache-control'], 'no-store', 'signed-out pages too')
    const own = await app.inject('/test/cacheable')
    assert.equal(own.headers['cache-control'], 'public, max-age=60', 'a route that sets its own keeps it')
  })

  it('leaves the stylesheet, scripts and images their own caching', async (t) => {
    const { app } = await buildTestApp(t, { env: productionEnv })
    for (const url of ['/assets/application.css', '/assets/favicon.svg']) {
      const response = await app.inject(url)
      assert.equal(response.statusCode, 200, url)
      assert.equal(response.headers['cache-control'], 'public, max-age=86400', url)
    }
  })
})
