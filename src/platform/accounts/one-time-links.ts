import { and, eq, gt, isNull, lt } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import { recordAudit } from '../audit.ts'
import { NotFoundError, ValidationError } from '../errors.ts'
import { hashPassword, passwordProblem } from '../passwords.ts'
import { oneTimeTokens, sessions, users } from '../schema.ts'
import { hashSecret, newSecret } from '../tokens.ts'
import { queuePasswordResetEmail, resetValidMinutes } from './emails.ts'
import { accountHolder, createSession, normaliseEmail } from './sessions.ts'

/** One-time links sent by email: an invitation to set a first password, or a password reset. */

export type LinkPurpose = 'invite' | 'password-reset'

export async function issueToken(db: Database, userId: string, purpose: LinkPurpose, validMinutes: number) {
  const token = newSecret()
  await db
    .insert(oneTimeTokens)
    .values({ id: hashSecret(token), userId, purpose, expiresAt: new Date(Date.now() + validMinutes * 60_000) })
  return token
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

/** Sets the password from an invite or reset link. The link is spent in the same transaction. */
export async function setPasswordWithToken(db: Database, token: string, purpose: LinkPurpose, password: string) {
  const user = await findTokenUser(db, token, purpose)
  if (!user) throw new NotFoundError('This link has expired or has already been used')
  const problem = passwordProblem(password, user.email)
  if (problem) throw new ValidationError({ password: problem })
  const passwordHash = await hashPassword(password)
  return db.transaction(async (tx) => {
    const spent = await tx
      .update(oneTimeTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(oneTimeTokens.id, hashSecret(token)), isNull(oneTimeTokens.usedAt)))
      .returning({ id: oneTimeTokens.id })
    if (!spent.length) throw new NotFoundError('This link has expired or has already been used')
    await tx
      .update(users)
      .set({ passwordHash, status: 'active', failedSignInCount: 0, lockedUntil: null, updatedAt: new Date() })
      .where(eq(users.id, user.id))
    // A new password ends every existing session, in case the old one was known to someone else.
    await tx.delete(sessions).where(eq(sessions.userId, user.id))
    await recordAudit(tx, accountHolder(user), {
      action: purpose === 'invite' ? 'invite-accepted' : 'password-reset',
      recordType: 'user',
      recordId: user.id,
      summary: purpose === 'invite' ? 'Accepted invitation and set a password' : 'Reset password',
    })
    return createSession(tx, user.id)
  })
}

/** Always behaves the same whether or not the email has an account, so it cannot be used to find accounts. */
export async function requestPasswordReset(db: Database, email: string, baseUrl: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
  if (!user || user.status !== 'active') return
  await db.transaction(async (tx) => {
    const token = await issueToken(tx, user.id, 'password-reset', resetValidMinutes)
    await queuePasswordResetEmail(tx, user, `${baseUrl}/reset-password/${token}`)
    await recordAudit(tx, accountHolder(user), {
      action: 'password-reset-requested',
      recordType: 'user',
      recordId: user.id,
      summary: 'Asked for a password reset link',
    })
  })
}

export async function deleteSpentTokens(db: Database) {
  await db.delete(oneTimeTokens).where(lt(oneTimeTokens.expiresAt, new Date(Date.now() - 30 * 86_400_000)))
}
