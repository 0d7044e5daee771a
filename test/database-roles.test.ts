import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import pg from 'pg'
import { buildApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import { migrateDatabase, openDatabase } from '../src/db/index.ts'
import { demoEmail } from './helpers/app.ts'
import { demoPassword, seedDemoData } from '../src/db/seed.ts'
import { testDatabaseUrl } from './helpers/database.ts'
import { Session } from './helpers/app.ts'

/**
 * On PostgreSQL the app runs as a role that does not own the tables: the owner migrates
 * (MIGRATION_DATABASE_URL), the grants in docs/postgresql-app-role.sql let the app work, and the
 * app's login cannot rewrite the audit log or switch off its append-only trigger.
 */
const grants = readFileSync(join(import.meta.dirname, '../docs/postgresql-app-role.sql'), 'utf8')

function urlFor(role: string, database: string) {
  const url = new URL(testDatabaseUrl())
  url.username = role
  url.password = role
  url.pathname = `/${database}`
  return url.toString()
}

describe('database roles on PostgreSQL', () => {
  it('the app works as a role that may only read and append to the audit log', async (t) => {
    const suffix = randomBytes(4).toString('hex')
    const owner = `sph_owner_${suffix}`
    const appRole = `sph_app_${suffix}`
    const database = `sph_roles_${suffix}`
    const admin = new pg.Client({ connectionString: testDatabaseUrl() })
    await admin.connect()
    await admin.query(`create role ${owner} login password '${owner}'`)
    await admin.query(`create role ${appRole} login password '${appRole}'`)
    await admin.query(`create database ${database} owner ${owner}`)
    // Undone last-in first-out: connections close before their database is dropped.
    const cleanUp: (() => Promise<unknown>)[] = []
    t.after(async () => {
      for (const step of cleanUp.reverse()) await step()
      await admin.query(`drop database if exists ${database} with (force)`)
      await admin.query(`drop role if exists ${appRole}`)
      await admin.query(`drop role if exists ${owner}`)
      await admin.end()
    })

    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      RUN_EMAIL_WORKER: 'false',
      RUN_JOB_WORKER: 'false',
      DATABASE_URL: urlFor(appRole, database),
      MIGRATION_DATABASE_URL: urlFor(owner, database),
    })
    assert.equal(config.database.kind, 'pg')
    const connection = await openDatabase({ kind: 'pg', url: urlFor(appRole, database), poolSize: 2 })
    cleanUp.push(() => connection.close())
    // Migrations through the owner; before the grants the app's role can read nothing.
    await migrateDatabase(connection, config.database)
    await assert.rejects(connection.db.execute('select 1 from audit_log'), (error: Error & { cause?: Error }) =>
      /permission denied/.test(error.cause?.message ?? ''),
    )
    const asOwner = new pg.Client({ connectionString: urlFor(owner, database) })
    await asOwner.connect()
    await asOwner.query(grants.replaceAll('hub_app', appRole))
    await asOwner.end()

    // The app seeds, serves and signs people in as its own role…
    await seedDemoData(connection.db)
    const app = await buildApp({ config, database: connection, logger: false })
    cleanUp.push(() => app.close())
    const session = new Session(app)
    await session.get('/sign-in')
    const signedIn = await session.post('/sign-in', { email: demoEmail.administrator, password: demoPassword })
    assert.equal(signedIn.statusCode, 302)
    assert.equal((await session.get('/audit-log')).statusCode, 200)

    // …and cannot rewrite the audit log, nor switch off or drop its trigger.
    const asApp = new pg.Client({ connectionString: urlFor(appRole, database) })
    await asApp.connect()
    cleanUp.push(() => asApp.end())
    for (const statement of [
      "update audit_log set summary = 'rewritten'",
      'delete from audit_log',
      'truncate audit_log',
      'alter table audit_log disable trigger user',
      'drop table audit_log',
    ]) {
      await assert.rejects(asApp.query(statement), /permission denied|must be owner/, statement)
    }
    const { rows } = await asApp.query("select count(*)::int as n from audit_log where action = 'signed-in'")
    assert.equal(rows[0].n, 1)
  })
})
