import { and, eq, ne } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import { recordAudit } from '../audit.ts'
import { NotFoundError, ValidationError, type FieldErrors } from '../errors.ts'
import { hashPassword, passwordProblem, verifyPassword } from '../passwords.ts'
import { sessions, users } from '../schema.ts'
import { hashSecret } from '../tokens.ts'
import { afterNewPassword } from './one-time-links.ts'
import type { SignedInUser } from './sessions.ts'

/**
 * Someone signed in changes their own password. The current password is asked for, so a session
 * left open on a shared computer cannot be turned into the account. Every other session ends and
 * every emailed link is spent; this session carries on.
 */
export async function changePassword(
  db: Database,
  actor: SignedInUser,
  sessionToken: string,
  input: { currentPassword: string; password: string },
  baseUrl: string,
) {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, actor.id), eq(users.partnershipId, actor.partnershipId)))
  if (!user) throw new NotFoundError()
  const errors: FieldErrors = {}
  if (!(await verifyPassword(user.passwordHash, input.currentPassword)))
    errors.currentPassword = 'Your current password is not correct'
  const problem = passwordProblem(input.password, user.email)
  if (problem) errors.password = problem
  if (Object.keys(errors).length) throw new ValidationError(errors)

  const passwordHash = await hashPassword(input.password)
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, user.id))
    // Other sessions end, in case the old password was known to someone else; this one stays.
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, hashSecret(sessionToken))))
    await afterNewPassword(tx, user, { baseUrl })
    await recordAudit(tx, actor, {
      action: 'password-changed',
      recordType: 'user',
      recordId: user.id,
      summary: 'Changed their password',
    })
  })
}
