import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { PGlite } from '@electric-sql/pglite'
import { DrizzleQueryError, sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/pglite'
import { errorForLog, readableLogLine, requestForLog } from './logging.ts'

it('keeps one-time tokens and search terms out of request logs', () => {
  assert.deepEqual(requestForLog({ method: 'GET', url: '/accept-invite/abc123secret' }), {
    method: 'GET',
    url: '/accept-invite/[token]',
    route: undefined,
  })
  assert.deepEqual(
    requestForLog({ method: 'POST', url: '/reset-password/xyz?x=1', routeOptions: { url: '/reset-password/:token' } }),
    {
      method: 'POST',
      url: '/reset-password/[token]',
      route: '/reset-password/:token',
    },
  )
  assert.equal(requestForLog({ method: 'GET', url: '/directory/people?search=Jane+Smith' }).url, '/directory/people')
})

describe('errors in logs', () => {
  const email = 'someone@example.com'
  const name = 'Jane Smith'

  async function failedQueries() {
    const client = await PGlite.create()
    const db = drizzle(client)
    await client.exec('create table people (email text unique, name text)')
    const insert = () => db.execute(sql`insert into people (email, name) values (${email}, ${name})`)
    await insert()
    const failures: Record<string, unknown> = {}
    failures.duplicate = await insert().catch((error: unknown) => error)
    failures.badInput = await db.execute(sql`select ${email}::int`).catch((error: unknown) => error)
    failures.raw = await client.query('select $1::int', [email]).catch((error: unknown) => error)
    await client.close()
    return failures
  }

  it('keeps query parameters, values and database detail out of a failed query, and keeps its code, SQL and stack', async () => {
    const { duplicate, badInput, raw } = await failedQueries()
    assert.ok(duplicate instanceof DrizzleQueryError, 'a real Drizzle error')
    assert.ok(String((duplicate.cause as { detail?: string }).detail).includes(email), 'the database names the value')
    for (const [story, error] of Object.entries({ duplicate, badInput, raw })) {
      const logged = JSON.stringify(errorForLog(error))
      assert.ok(!logged.includes(email) && !logged.includes(name), `${story}: ${logged}`)
      assert.match(logged, /\\n {4}at /, `${story} keeps its stack`)
    }
    const logged = errorForLog(duplicate) as Record<string, unknown>
    assert.equal(logged.code, '23505')
    assert.equal(logged.constraint, 'people_email_key')
    assert.equal(logged.query, 'insert into people (email, name) values ($1, $2)')
    assert.equal((errorForLog(badInput) as Record<string, unknown>).code, '22P02')
  })

  it('keeps a plain error’s message and stack, without email addresses', () => {
    const error = new Error(`Can't send mail - all recipients were rejected: 550 <${email}>: no such user`)
    Object.assign(error, { code: 'EENVELOPE', rejected: [email] })
    const logged = errorForLog(error) as Record<string, unknown>
    assert.equal(logged.type, 'Error')
    assert.equal(logged.code, 'EENVELOPE')
    assert.equal(logged.message, `Can't send mail - all recipients were rejected: 550 <[email]>: no such user`)
    assert.ok(!JSON.stringify(logged).includes(email))
    assert.match(String(logged.stack), /^Error: Can't send mail[^\n]*\n {4}at /)
  })
})

describe('development’s console', () => {
  const at = Date.UTC(2025, 0, 2, 9, 5, 7)
  const time = new Date(at).toTimeString().slice(0, 8)

  it('shows a log entry as one readable line rather than JSON', () => {
    const line = JSON.stringify({
      level: 40,
      time: at,
      pid: 1,
      hostname: 'laptop',
      reqId: 'req-1',
      route: '/users',
      permission: 'users:read',
      msg: 'permission refused',
    })
    assert.equal(readableLogLine(`${line}\n`), `${time} WARN  permission refused route=/users permission=users:read`)
  })

  it('shows a request as its method and path, a response as its status and time, an error with its stack', () => {
    const request = {
      level: 30,
      time: at,
      req: { method: 'GET', url: '/directory', route: '/directory' },
      msg: 'incoming request',
    }
    assert.equal(readableLogLine(JSON.stringify(request)), `${time} INFO  incoming request GET /directory`)
    const response = { level: 30, time: at, res: { statusCode: 200 }, responseTime: 12.34, msg: 'request completed' }
    assert.equal(readableLogLine(JSON.stringify(response)), `${time} INFO  request completed 200 in 12 ms`)
    const failure = {
      level: 50,
      time: at,
      err: { type: 'Error', message: 'boom', stack: 'Error: boom\n    at handler (src/x.ts:1:1)' },
      msg: 'unhandled error',
    }
    assert.equal(
      readableLogLine(JSON.stringify(failure)),
      `${time} ERROR unhandled error\n  Error: boom\n      at handler (src/x.ts:1:1)`,
    )
  })
})
