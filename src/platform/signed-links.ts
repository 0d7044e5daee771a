import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm'
import type { Database } from '../db/index.ts'
import { signedLinks } from './schema.ts'
import { hashSecret, isSecretShaped, isUuid, newSecret } from './tokens.ts'

/**
 * Signed links for people without accounts: "manage your booking", "confirm your subscription",
 * "unsubscribe", "tell us how the training went". Each link is
 *
 * - unguessable: 256 random bits (tokens.ts), the same secrets as sessions and password links;
 * - hashed at rest: only its SHA-256 is stored, so a copy of the table is not a set of links, and
 *   the lookup is by hash, so how long it takes says nothing about how much of a token was right;
 * - purpose-bound: a link made to unsubscribe never reads as one to manage a booking;
 * - for one record: it carries its record, so a route takes the record from the link, never from
 *   the address, and `readSignedLink` can also be told which record the page is about;
 * - expiring and revocable: cancelling a booking revokes its links.
 *
 * Unlike accounts' one-time links (accounts/one-time-links.ts), these are not spent on first use:
 * a booking is managed more than once. A module that needs a single use revokes the link when it
 * is used. Writing the audit row is the caller's: the link is made and revoked inside the change
 * it belongs to (a booking, a cancellation), which is audited.
 */

export interface SignedLinkInput {
  partnershipId: string
  /** kebab-case: "manage-booking". */
  purpose: string
  /** As in the audit log: "booking". */
  recordType: string
  recordId: string
  expiresAt: Date
}

export interface SignedLink {
  id: string
  partnershipId: string
  recordType: string
  recordId: string
  expiresAt: Date
}

/** After expiring (or being revoked), a link's row is kept this long, then deleted by the daily job. */
export const keepSignedLinksDays = 90

const purposePattern = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/

/** Makes a link and returns its token: put it in the emailed address; it cannot be read back later. */
export async function createSignedLink(db: Database, input: SignedLinkInput): Promise<string> {
  if (!purposePattern.test(input.purpose)) throw new Error(`Signed link purpose ${input.purpose} is not kebab-case`)
  if (!isUuid(input.recordId)) throw new Error('A signed link is for a record with a UUID')
  if (!(input.expiresAt.getTime() > Date.now())) throw new Error('A signed link must expire in the future')
  const token = newSecret()
  await db.insert(signedLinks).values({
    partnershipId: input.partnershipId,
    purpose: input.purpose,
    recordType: input.recordType,
    recordId: input.recordId,
    tokenHash: hashSecret(token),
    expiresAt: input.expiresAt,
  })
  return token
}

/**
 * What a link is for, when it is a link for this purpose, in date and not revoked; otherwise null,
 * the same for every reason, so a page can say only "this link has expired or is not valid".
 * With `record`, also null unless the link is for that very record.
 */
export async function readSignedLink(
  db: Database,
  token: string,
  purpose: string,
  record?: { recordType: string; recordId: string },
): Promise<SignedLink | null> {
  // Anything not shaped like a token is not one: no query for it.
  if (!isSecretShaped(token)) return null
  const [link] = await db
    .select({
      id: signedLinks.id,
      partnershipId: signedLinks.partnershipId,
      recordType: signedLinks.recordType,
      recordId: signedLinks.recordId,
      expiresAt: signedLinks.expiresAt,
    })
    .from(signedLinks)
    .where(
      and(
        eq(signedLinks.tokenHash, hashSecret(token)),
        eq(signedLinks.purpose, purpose),
        isNull(signedLinks.revokedAt),
        gt(signedLinks.expiresAt, sql`now()`),
      ),
    )
  if (!link) return null
  if (record && (link.recordType !== record.recordType || link.recordId !== record.recordId)) return null
  return link
}

/** Notes that a link was used (for support questions: "did they open it?"). */
export async function touchSignedLink(db: Database, token: string): Promise<void> {
  if (!isSecretShaped(token)) return
  await db
    .update(signedLinks)
    .set({ lastUsedAt: sql`now()` })
    .where(eq(signedLinks.tokenHash, hashSecret(token)))
}

/** Revokes every live link to a record (of one purpose, or all): after a cancellation, say. Returns how many. */
export async function revokeSignedLinks(
  db: Database,
  { recordType, recordId, purpose }: { recordType: string; recordId: string; purpose?: string },
): Promise<number> {
  const revoked = await db
    .update(signedLinks)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(signedLinks.recordType, recordType),
        eq(signedLinks.recordId, recordId),
        purpose ? eq(signedLinks.purpose, purpose) : undefined,
        isNull(signedLinks.revokedAt),
      ),
    )
    .returning({ id: signedLinks.id })
  return revoked.length
}

/** Deletes links that expired, or were revoked, more than 90 days ago (the daily maintenance job). */
export async function deleteOldSignedLinks(db: Database, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - keepSignedLinksDays * 86_400_000)
  const deleted = await db
    .delete(signedLinks)
    .where(or(lt(signedLinks.expiresAt, before), lt(signedLinks.revokedAt, before)))
    .returning({ id: signedLinks.id })
  return deleted.length
}
