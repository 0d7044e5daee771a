import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { eq, sql } from 'drizzle-orm'
import { seedDemoData } from '../src/db/seed.ts'
import { signedLinks } from '../src/platform/schema.ts'
import {
  createSignedLink,
  deleteOldSignedLinks,
  readSignedLink,
  revokeSignedLinks,
  touchSignedLink,
} from '../src/platform/signed-links.ts'
import { hashSecret } from '../src/platform/tokens.ts'
import { createTestDatabase, drivers, type TestDatabase } from './helpers/database.ts'

const day = 86_400_000
const inDays = (days: number) => new Date(Date.now() + days * day)

for (const driver of drivers) {
  describe(`signed links for people without accounts (${driver})`, () => {
    let database: TestDatabase
    let partnershipId: string
    const booking = (): { recordType: string; recordId: string } => ({ recordType: 'booking', recordId: randomUUID() })
    const link = (record = booking(), overrides: { purpose?: string; expiresAt?: Date } = {}) =>
      createSignedLink(database.db, {
        partnershipId,
        purpose: 'manage-booking',
        expiresAt: inDays(30),
        ...record,
        ...overrides,
      })

    before(async () => {
      database = await createTestDatabase(driver)
      ;({ partnershipId } = await seedDemoData(database.db))
    })
    after(() => database.close())

    it('a practitioner’s link opens their booking, and says which partnership it belongs to', async () => {
      const record = booking()
      const token = await link(record)
      const read = await readSignedLink(database.db, token, 'manage-booking')
      assert.ok(read)
      assert.equal(read.partnershipId, partnershipId)
      assert.equal(read.recordType, 'booking')
      assert.equal(read.recordId, record.recordId)
      assert.ok(read.expiresAt > new Date())
    })

    it('cannot be guessed: 256 random bits, URL-safe, never the same twice', async () => {
      const tokens = await Promise.all(Array.from({ length: 50 }, () => link()))
      assert.equal(new Set(tokens).size, tokens.length)
      for (const token of tokens) assert.match(token, /^[A-Za-z0-9_-]{43}$/, '43 base64url characters: 256 bits')
      // Every character position varies across the links (no fixed prefix, no counter).
      const characters = new Set(tokens.join(''))
      assert.ok(characters.size > 50, `${characters.size} distinct characters`)
      for (const wrong of ['', 'x', tokens[0]!.slice(0, -1), `${tokens[0]}x`, tokens[0]!.toUpperCase(), randomUUID()])
        assert.equal(await readSignedLink(database.db, wrong, 'manage-booking'), null, `"${wrong}"`)
    })

    it('is kept only as its hash: the table holds nothing that works as a link', async () => {
      const token = await link()
      const rows = await database.db.select().from(signedLinks)
      const stored = JSON.stringify(rows)
      assert.ok(!stored.includes(token), 'the token is not in the table')
      assert.equal(rows.filter((row) => row.tokenHash === hashSecret(token)).length, 1)
      for (const row of rows)
        assert.equal(await readSignedLink(database.db, row.tokenHash, 'manage-booking'), null, 'a hash is no link')
    })

    it('is bound to its purpose: an unsubscribe link does not manage a booking', async () => {
      const record = { recordType: 'subscription', recordId: randomUUID() }
      const token = await link(record, { purpose: 'unsubscribe' })
      assert.ok(await readSignedLink(database.db, token, 'unsubscribe'))
      assert.equal(await readSignedLink(database.db, token, 'manage-booking'), null)
      assert.equal(await readSignedLink(database.db, token, 'confirm-subscription'), null)
    })

    it('never reads as another record’s link', async () => {
      const mine = booking()
      const theirs = booking()
      const myToken = await link(mine)
      const theirToken = await link(theirs)
      assert.equal((await readSignedLink(database.db, myToken, 'manage-booking'))!.recordId, mine.recordId)
      assert.equal((await readSignedLink(database.db, theirToken, 'manage-booking'))!.recordId, theirs.recordId)
      // A page about one booking, opened with the other's link.
      assert.equal(await readSignedLink(database.db, myToken, 'manage-booking', theirs), null)
      assert.equal(
        await readSignedLink(database.db, myToken, 'manage-booking', { ...mine, recordType: 'subscription' }),
        null,
      )
      assert.ok(await readSignedLink(database.db, myToken, 'manage-booking', mine))
    })

    it('works until the moment it expires, and not after', async () => {
      const token = await link(booking(), { expiresAt: new Date(Date.now() + 60_000) })
      assert.ok(await readSignedLink(database.db, token, 'manage-booking'), 'a minute before')
      // Move its expiry to the database's "now": expired means expires_at is not after now.
      await database.db
        .update(signedLinks)
        .set({ expiresAt: sql`now()` })
        .where(eq(signedLinks.tokenHash, hashSecret(token)))
      assert.equal(await readSignedLink(database.db, token, 'manage-booking'), null, 'at its expiry')
      await database.db
        .update(signedLinks)
        .set({ expiresAt: sql`now() + interval '2 seconds'` })
        .where(eq(signedLinks.tokenHash, hashSecret(token)))
      assert.ok(await readSignedLink(database.db, token, 'manage-booking'), 'two seconds before')
      await assert.rejects(link(booking(), { expiresAt: new Date(Date.now() - 1) }), /must expire in the future/)
    })

    it('is revoked with every other live link to its record, once the booking is cancelled', async () => {
      const record = booking()
      const manage = await link(record)
      const evaluate = await link(record, { purpose: 'answer-evaluation' })
      const other = await link()
      assert.equal(await revokeSignedLinks(database.db, { ...record, purpose: 'answer-evaluation' }), 1)
      assert.equal(await readSignedLink(database.db, evaluate, 'answer-evaluation'), null)
      assert.ok(await readSignedLink(database.db, manage, 'manage-booking'), 'the other purpose is untouched')
      assert.equal(await revokeSignedLinks(database.db, record), 1)
      assert.equal(await readSignedLink(database.db, manage, 'manage-booking'), null)
      assert.equal(await revokeSignedLinks(database.db, record), 0, 'nothing left to revoke')
      assert.ok(await readSignedLink(database.db, other, 'manage-booking'), 'another booking’s link still works')
    })

    it('records when a link was last used', async () => {
      const token = await link()
      const lastUsed = async () =>
        (
          await database.db
            .select()
            .from(signedLinks)
            .where(eq(signedLinks.tokenHash, hashSecret(token)))
        )[0]!.lastUsedAt
      assert.equal(await lastUsed(), null)
      await touchSignedLink(database.db, token)
      assert.ok((await lastUsed()) instanceof Date)
    })

    it('refuses a purpose that is not kebab-case, or a record without a UUID', async () => {
      await assert.rejects(link(booking(), { purpose: 'Manage Booking' }), /kebab-case/)
      await assert.rejects(link({ recordType: 'booking', recordId: '42' }), /UUID/)
    })

    it('deletes links 90 days after they expired or were revoked, and keeps the rest', async () => {
      const expiredLongAgo = await link()
      const revokedLongAgo = await link()
      const expiredLately = await link()
      const live = await link()
      const set = (token: string, values: Partial<typeof signedLinks.$inferInsert>) =>
        database.db
          .update(signedLinks)
          .set(values)
          .where(eq(signedLinks.tokenHash, hashSecret(token)))
      await set(expiredLongAgo, { expiresAt: inDays(-91) })
      await set(revokedLongAgo, { revokedAt: inDays(-91) })
      await set(expiredLately, { expiresAt: inDays(-89) })
      await deleteOldSignedLinks(database.db)
      const left = new Set((await database.db.select().from(signedLinks)).map((row) => row.tokenHash))
      assert.equal(left.has(hashSecret(expiredLongAgo)), false)
      assert.equal(left.has(hashSecret(revokedLongAgo)), false)
      assert.equal(left.has(hashSecret(expiredLately)), true)
      assert.equal(left.has(hashSecret(live)), true)
    })
  })
}
