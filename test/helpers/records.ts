import assert from 'node:assert/strict'
import { before } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { agencies, groups, people } from '../../src/modules/partnership/schema.ts'
import { appForSuite, demoEmail, type Session, type TestApp } from './app.ts'
import type { Driver } from './database.ts'

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
