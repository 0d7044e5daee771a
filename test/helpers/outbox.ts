import assert from 'node:assert/strict'
import { asc, eq } from 'drizzle-orm'
import type { Database } from '../../src/db/index.ts'
import { emailOutbox } from '../../src/platform/schema.ts'

/** The email queued for one address, oldest first: what that person would find in their inbox. */
export function outboxTo(db: Database, email: string) {
  return db
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, email))
    .orderBy(asc(emailOutbox.createdAt), asc(emailOutbox.id))
}

/** The path of the link in an email, as the person would click it (test apps run at http://hub.test). */
export function linkIn(body: string, path: 'accept-invite' | 'reset-password') {
  const match = body.match(new RegExp(`http://hub\\.test(/${path}/[A-Za-z0-9_-]+)`))
  assert.ok(match, `no ${path} link in:\n${body}`)
  return match[1]!
}
