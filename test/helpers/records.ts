import assert from 'node:assert/strict'
import { before } from 'node:test'
import { and, asc, eq } from 'drizzle-orm'
import { agencies, groups, people } from '../../src/modules/partnership/schema.ts'
import { auditLog, users } from '../../src/platform/schema.ts'
import { appForSuite, demoEmail, type Session, type TestApp } from './app.ts'
import type { Driver, TestDatabase } from './database.ts'

/** The id of a directory record by its name, in the test's partnership or another; fails the test when there is none. */
export async function idOf(
  testApp: TestApp,
  table: typeof agencies | typeof people | typeof groups,
  name: string,
  partnershipId = testApp.partnershipId,
) {
  const [row] = await testApp.database.db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.partnershipId, partnershipId), eq(table.name, name)))
  assert.ok(row, `no ${name}`)
  return row.id
}

/** One app for a describe block, with the business unit's officer signed in to it. */
export function officerForSuite(driver: Driver = 'pglite') {
  const app = appForSuite({ driver })
  const shared = {} as { testApp: TestApp; officer: Session }
  before(async () => {
    shared.testApp = app()
    shared.officer = await shared.testApp.signIn(demoEmail['business-unit'])
  })
  return shared
}

/** An account by its email; fails the test when there is none. */
export async function userByEmail(database: TestDatabase, email: string) {
  const [user] = await database.db.select().from(users).where(eq(users.email, email))
  assert.ok(user, `no account for ${email}`)
  return user
}

/** The audit actions recorded against one account since the demo data made it, oldest first. */
export async function auditActions(database: TestDatabase, userId: string) {
  const rows = await database.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.recordType, 'user'), eq(auditLog.recordId, userId)))
    .orderBy(asc(auditLog.id))
  return rows.map((r) => r.action).filter((action) => action !== 'created')
}
