import { and, eq, gt, isNull, lt } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import { recordAudit } from '../audit.ts'
import { NotFoundError, ValidationError } from '../errors.ts'
import { hashPassword, passwordProblem } from '../passwords.ts'
import { oneTimeTokens, partnerships, sessions, users } from '../schema.ts'
import { hashSecret, newSecret } from '../tokens.ts'
import { queuePasswordChangedEmail, queuePasswordResetEmail, resetValidMinutes } from './emails.ts'
import { accountHolder, createSession, forgetSignInFailures, normaliseEmail } from './sessions.ts'

/** One-time links sent by email: an invitation to set a first password, or a password reset. */

export type LinkPurpose = 'invite' | 'password-reset'

export async function issueToken(db: Database, userId: string, purpose: LinkPurpose, validMinutes: number) {
  const token = newSecret()
  await storeToken(db, hashSecret(token), userId, purpose, validMinutes)
  return token
}

/** Only the token's hash is stored, so a copy of the table cannot be used as links. */
async function storeToken(db: Database, tokenHash: string, userId: string, purpose: LinkPurpose, validMinutes: number) {
  await db
    .insert(oneTimeTokens)
    .values({ id: tokenHash, userId, purpose, expiresAt: new Date(Date.now() + validMinutes * 60_000) })
}

/** Spends every outstanding link of an account (all purposes, or one). */
export async function spendTokens(db: Database, userId: string, purpose?: LinkPurpose) {
  await db
    .update(oneTimeTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(oneTimeTokens.userId, userId),
        isNull(oneTimeTokens.usedAt),
        purpose ? eq(oneTimeTokens.purpose, purpose) : undefined,
      ),
    )
}

/** The account a link is for, if the link is unused and in date. */
export async function findTokenUser(db: Database, token: string, purpose: LinkPurpose) {
  const [row] = await db
    .select({ user: users })
    .from(oneTimeTokens)
    .innerJoin(users, eq(users.id, oneTimeTokens.userId))
    .where(
      and(
        eq(oneTimeTokens.id, hashSecret(token)),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, new Date()),
      ),
    )
  if (!row || row.user.status === 'disabled') return null
  return row.user
}

/**
 * Sets the password from an invite or reset link, spending it in the same transaction. A reset
 * (not a first password from an invitation) also emails the owner that their password changed.
 */
export async function setPasswordWithToken(
  db: Database,
  token: string,
  purpose: LinkPurpose,
  password: string,
  baseUrl: string,
) {
  const user = await findTokenUser(db, token, purpose)
  if (!user) throw new NotFoundError('This link has expired or has already been used')
  const problem = passwordProblem(password, user.email)
  if (problem) throw new ValidationError({ password: problem })
  const passwordHash = await hashPassword(password)
  return db.transaction(async (tx) => {
    // This link first, on its own: of two requests with it at once, only one finds it unspent.
    const spent = await tx
      .update(oneTimeTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(oneTimeTokens.id, hashSecret(token)), isNull(oneTimeTokens.usedAt)))
      .returning({ id: oneTimeTokens.id })
    if (!spent.length) throw new NotFoundError('This link has expired or has already been used')
    await tx.update(users).set({ passwordHash, status: 'active', updatedAt: new Date() }).where(eq(users.id, user.id))
    // A new password ends every existing session, in case the old one was known to someone else.
    await tx.delete(sessions).where(eq(sessions.userId, user.id))
    await afterNewPassword(tx, user, purpose === 'password-reset' ? { baseUrl } : null)
    await recordAudit(tx, accountHolder(user), {
      action: purpose === 'invite' ? 'invite-accepted' : 'password-reset',
      recordType: 'user',
      recordId: user.id,
      summary: purpose === 'invite' ? 'Accepted invitation and set a password' : 'Reset password',
    })
    return createSession(tx, user.id)
  })
}

/**
 * What follows every new password, in the transaction that sets it: every other emailed link of
 * the account is spent, so an older reset link cannot set a password over this one; pauses on
 * its email are lifted; and, when `tell` is given, the owner is emailed that the password changed.
 */
export async function afterNewPassword(
  db: Database,
  user: { id: string; name: string; email: string; partnershipId: string },
  tell: { baseUrl: string } | null,
) {
  await spendTokens(db, user.id)
  await forgetSignInFailures(db, user.email)
  if (!tell) return
  const [partnership] = await db
    .select({ name: partnerships.name })
    .from(partnerships)
    .where(eq(partnerships.id, user.partnershipId))
  await queuePasswordChangedEmail(db, user, partnership!.name, tell.baseUrl, new Date())
}

/**
 * Does the same work whether or not the email has an active account, so neither the page nor the
 * time it takes says which emails have accounts: a token is made and hashed, and one transaction
 * writes an audit row. Only for an active account is the token stored and the email queued, two
 * inserts more in that transaction (docs/decisions/0007-sign-in-throttling.md).
 */
export async function requestPasswordReset(db: Database, email: string, baseUrl: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
  const token = newSecret()
  const tokenHash = hashSecret(token)
  await db.transaction(async (tx) => {
    if (!user) {
      // No partnership to show it to, and no email kept: a row for the deployment's own records.
      await recordAudit(
        tx,
        null,
        {
          action: 'password-reset-requested',
          recordType: 'user',
          summary: 'Asked for a password reset link for an email address with no account',
        },
        null,
      )
      return
    }
    if (user.status === 'active') {
      await storeToken(tx, tokenHash, user.id, 'password-reset', resetValidMinutes)
      await queuePasswordResetEmail(tx, user, `${baseUrl}/reset-password/${token}`)
    }
    await recordAudit(tx, accountHolder(user), {
      action: 'password-reset-requested',
      recordType: 'user',
      recordId: user.id,
      summary:
        user.status === 'active'
          ? 'Asked for a password reset link'
          : 'Asked for a password reset link: none sent, as the account is not active',
    })
  })
}

export async function deleteSpentTokens(db: Database) {
  await db.delete(oneTimeTokens).where(lt(oneTimeTokens.expiresAt, new Date(Date.now() - 30 * 86_400_000)))
}
