import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { LightMyRequestResponse } from 'fastify'
import { demoPassword } from '../src/db/seed.ts'
import { requestPasswordReset } from '../src/platform/accounts/one-time-links.ts'
import type { RouteDeclaration } from '../src/platform/http.ts'
import { insertUser } from './builders/index.ts'
import { buildTestApp, demoEmail, type Session, type TestApp } from './helpers/app.ts'
import type { Driver } from './helpers/database.ts'
import { formsOn, textOf } from './helpers/html.ts'
import { linkIn, outboxTo } from './helpers/outbox.ts'
import { routeIds, routeTable } from './helpers/routes.ts'

/**
 * Odd requests get a page, never a crash. Every route in the route table is sent the shapes of
 * input that have given 500s before: null bytes, repeated parameters, ids that are not ids,
 * versions past PostgreSQL's integers, a newline in returnTo, JSON where a form was expected and
 * fields far longer than any form allows. An administrator sends them to every route, a signed-out
 * visitor to the public ones, each form with a valid CSRF token so the input reaches the handler.
 * No answer may be a 5xx, and every refusal must be the service's HTML page, not Fastify's JSON.
 */

const notAUuid = '00000000-0000-0000-0000-00000000000g'
const repeatedQuery = 'search=a&search=b&page=1&page=2&sort=name&sort=x'
const overLong = 'x'.repeat(100_000)
/** Words, not one long string, so search splits them; 4 kB fits in an address a browser would send. */
const longSearch = 'safeguarding '.repeat(300)
const newlineReturnTo = '/\n//evil.example'
const badVersions = ['2147483648', '-1', '1e309']

/**
 * Crashes this test found outside the code its author could change, reported to that code's owners.
 * Each must still crash, so an entry is deleted the day its fix lands; any other failure fails the test.
 */
const knownCrashes: string[] = []

/** Any parameter that holds an id: the platform's own rule (http.ts) and the filters that take one. */
const holdsId = (name: string) => name === 'id' || name.endsWith('Id') || name === 'actor'

/** A probe: what it sends, described for the failure list, and how to send it. */
interface Probe {
  what: string
  send: (session: Session) => Promise<LightMyRequestResponse>
}

const query = (params: Record<string, string>) => new URLSearchParams(params).toString()

/** Every parameter of a route pattern given the same value. */
const everyParam = (pattern: string, value: string) => pattern.replace(/:\w+/g, value)

function getProbes(url: string, pattern: string, fieldNames: string[]): Probe[] {
  const get = (what: string, target: string): Probe => ({ what, send: (s) => s.get(target) })
  const names = [...new Set([...fieldNames, 'search', 'page', 'sort', 'direction', 'returnTo'])]
  const probes = names.map((name) => get(`a null byte in ?${name}`, `${url}?${name}=%00`))
  probes.push(
    get('repeated parameters', `${url}?${repeatedQuery}&${names.map((n) => `${n}=a&${n}=b`).join('&')}`),
    get('a newline in ?returnTo', `${url}?${query({ returnTo: newlineReturnTo })}`),
    get(
      'non-UUIDs in the id filters',
      `${url}?${query(Object.fromEntries(['agencyId', 'actor', ...names.filter(holdsId)].map((n) => [n, notAUuid])))}`,
    ),
    ...names.map((name) => get(`4 kB of words in ?${name}`, `${url}?${query({ [name]: longSearch })}`)),
  )
  if (pattern.includes(':')) {
    probes.push(get('a null byte in the path', everyParam(pattern, '%00')))
    probes.push(get('a non-UUID in the path', everyParam(pattern, notAUuid)))
  }
  return probes
}

function postProbes(url: string, pattern: string, form: Record<string, string>, fieldNames: string[]): Probe[] {
  const post =
    (target: string, fields: Record<string, string | string[]>): Probe['send'] =>
    (s) =>
      s.post(target, { ...form, ...fields })
  // The CSRF token in its header, so the body can be any JSON at all.
  const json =
    (body: unknown): Probe['send'] =>
    (s) =>
      s.request({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json', 'csrf-token': s.csrfToken },
        payload: JSON.stringify(body),
      })
  const names = fieldNames.filter((name) => name !== '_csrf')
  const every = (value: unknown) => Object.fromEntries([...names, 'email', 'password'].map((n) => [n, value]))
  const probes: Probe[] = [
    ...names.map((name) => ({ what: `a null byte in ${name}`, send: post(url, { [name]: '\u0000' }) })),
    { what: 'a null byte in the query', send: post(`${url}?returnTo=%00`, {}) },
    { what: 'repeated query parameters', send: post(`${url}?${repeatedQuery}`, {}) },
    { what: 'every field twice', send: post(url, Object.fromEntries(names.map((n) => [n, ['a', 'b']]))) },
    { what: 'a newline in returnTo', send: post(url, { returnTo: newlineReturnTo }) },
    ...badVersions.map((version) => ({ what: `version=${version}`, send: post(url, { version }) })),
    ...names.filter(holdsId).map((name) => ({ what: `a non-UUID in ${name}`, send: post(url, { [name]: notAUuid }) })),
    { what: 'JSON with numbers for strings', send: json({ ...every(123), password: 123, email: 5 }) },
    { what: 'JSON with objects for strings', send: json(every({ nested: 'value' })) },
    { what: 'JSON with arrays of numbers', send: json(every([1, 2])) },
    { what: 'JSON with nulls', send: json(every(null)) },
    { what: 'JSON with true', send: json(every(true)) },
    { what: 'JSON that is not an object', send: json(['a', 1]) },
    ...names.map((name) => ({ what: `100 kB in ${name}`, send: post(url, { [name]: overLong }) })),
  ]
  if (pattern.includes(':')) {
    probes.push({ what: 'a null byte in the path', send: post(everyParam(pattern, '%00'), {}) })
    probes.push({ what: 'a non-UUID in the path', send: post(everyParam(pattern, notAUuid), {}) })
  }
  return probes
}

/** What is wrong with an answer, or null: a crash, or a refusal that is not the service's HTML page. */
function problemWith(response: LightMyRequestResponse): string | null {
  const type = String(response.headers['content-type'] ?? '')
  if (response.statusCode >= 500) {
    const detail = response.body.match(/<pre[^>]*>([\s\S]*?)<\/pre>/)?.[1]
    return `${response.statusCode}: ${detail ? textOf(detail).slice(0, 600) : textOf(response.body).slice(0, 300)}`
  }
  if (response.statusCode >= 400 && !(type.startsWith('text/html') && response.body.includes('Skip to main content')))
    return `${response.statusCode} as ${type || 'no content type'}, not the service's error page: ${response.body.slice(0, 120)}`
  return null
}

/** Links that work, so the token pages' handlers run rather than stopping at "this link has expired". */
async function liveTokens(testApp: TestApp) {
  const db = testApp.database.db
  const invited = await insertUser(db, testApp.partnershipId)
  const resetting = await insertUser(db, testApp.partnershipId, { password: 'copper kettle meadow' })
  await requestPasswordReset(db, resetting.email, 'http://hub.test')
  const token = async (email: string, path: 'accept-invite' | 'reset-password') =>
    linkIn((await outboxTo(db, email)).at(-1)!.bodyText, path)
      .split('/')
      .at(-1)!
  return {
    '/accept-invite/:token': await token(invited.email, 'accept-invite'),
    '/reset-password/:token': await token(resetting.email, 'reset-password'),
  }
}

type Who = 'administrator' | 'signed-out visitor'

/**
 * Every page is opened on both databases. The odd requests go everywhere on PostgreSQL,
 * production's database; on PGlite, the quick start's, only the signed-out visitor's to the public
 * routes: the same PostgreSQL engine answers both, and what differs, the driver carrying values in
 * and errors out, the public forms' probes reach as well. The administrator's odd requests on PGlite
 * took two and a half minutes of CI and found nothing of their own.
 */
const walks: { driver: Driver; people: Who[]; atLeast: number }[] = [
  { driver: 'pg', people: ['administrator', 'signed-out visitor'], atLeast: 500 },
  { driver: 'pglite', people: ['signed-out visitor'], atLeast: 100 },
]

for (const { driver, people, atLeast } of walks) {
  describe(`odd requests, on ${driver}, as ${people.join(' and ')}`, () => {
    it('get a page from every route they may reach, never a crash or a framework error', async (t) => {
      const testApp = await buildTestApp(t, { driver })
      const concreteUrl = await routeIds(testApp, await liveTokens(testApp))
      // Each request from its own address, so the sign-in and token forms' rate limits never answer for the route.
      let requests = 0
      const from = {
        remoteAddress: () => {
          requests++
          return `10.${(requests >> 16) & 255}.${(requests >> 8) & 255}.${requests & 255}`
        },
      }
      const admin = await testApp.signIn(demoEmail.administrator, undefined, from)
      const visitor = await testApp.visitor(from)

      // Signing out goes last; HEAD is GET without a body; one stylesheet stands for the assets.
      const routes = routeTable(testApp.app)
        .filter((route) => route.method !== 'HEAD')
        .sort((a, b) => Number(a.url === '/sign-out') - Number(b.url === '/sign-out'))
      const urlOf = (route: RouteDeclaration) => concreteUrl(route.url.replace('*', 'application.css'))

      // Every page opened as it is, which gives the fields of every form on it, by where the form is
      // sent, and a page it is on.
      const everyone = [
        ['administrator', admin],
        ['signed-out visitor', visitor],
      ] as const
      const opening: string[] = []
      const fields = new Map<string, Set<string>>()
      const pageWith = new Map<string, string>()
      for (const route of routes) {
        if (route.method !== 'GET' || route.url.endsWith('.csv') || route.url.startsWith('/assets/')) continue
        for (const [who, session] of route.public ? everyone : everyone.slice(0, 1)) {
          const url = urlOf(route)
          const page = await session.get(url)
          const problem = problemWith(page)
          if (problem) opening.push(`GET ${route.url} as ${who}: ${problem}`)
          for (const form of formsOn(page.body, url)) {
            const key = `${form.method} ${form.action}`
            fields.set(key, new Set([...(fields.get(key) ?? []), ...form.names]))
            if (!pageWith.has(key) || form.action === url) pageWith.set(key, url)
          }
        }
      }
      assert.ok(fields.get('POST /sign-in')?.has('password'), 'the sign-in form was read')
      assert.deepEqual(opening, [], 'every page opens')

      const failures: string[] = []
      let probes = 0
      for (const [who, session] of everyone) {
        if (!people.includes(who)) continue
        for (const route of routes) {
          if (who === 'signed-out visitor' && !route.public) continue
          const url = urlOf(route)
          // A download takes the filters of the list it downloads (/directory/people.csv, /audit-log/download.csv).
          const list = url.replace(/(\/download)?\.csv$/, '')
          const names = [...(fields.get(`${route.method} ${url}`) ?? fields.get(`GET ${list}`) ?? [])]
          let probesOfRoute: Probe[]
          if (route.method === 'GET') probesOfRoute = getProbes(url, route.url, names)
          else {
            // The form as it opens now, on its own page or the record's (its version moves when a probe saves it).
            const page = pageWith.get(`POST ${url}`) ?? url
            const form = formsOn((await session.get(page)).body, page).find(
              (f) => f.method === 'POST' && f.action === url,
            )
            probesOfRoute = postProbes(url, route.url, form?.values ?? {}, names)
          }
          for (const probe of probesOfRoute) {
            if (who === 'administrator' && !session.cookies.has('sph_session')) {
              // A probe signed them out (signing out takes any form): sign in again to go on.
              await session.get('/sign-in')
              await session.post('/sign-in', { email: demoEmail.administrator, password: demoPassword })
            }
            const problem = problemWith(await probe.send(session))
            probes++
            if (problem) failures.push(`${route.method} ${route.url} as ${who}, ${probe.what}: ${problem}`)
          }
        }
      }
      assert.ok(probes > atLeast, `only ${probes} probes were sent`)
      const isKnown = (failure: string) => knownCrashes.some((known) => failure.startsWith(`${known}: 500`))
      assert.deepEqual(
        failures.filter((failure) => !isKnown(failure)),
        [],
        `${failures.length} of ${probes} odd requests were not answered well`,
      )
      assert.deepEqual(
        knownCrashes.filter((known) => !failures.some((failure) => failure.startsWith(`${known}: 500`))),
        [],
        'these known crashes are fixed: delete them from knownCrashes',
      )
    })
  })
}
