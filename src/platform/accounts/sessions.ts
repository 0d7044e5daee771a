import { and, eq, gt, sql } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import { recordAudit } from '../audit.ts'
import { verifyPassword } from '../passwords.ts'
import { grantsFor, isRole, type Actor, type Grant, type Permission, type Role } from '../permissions.ts'
import { partnerships, sessions, users } from '../schema.ts'
import { hashSecret, newSecret } from '../tokens.ts'

/** Sign-in and sessions: who is asking, checked on every request. */

export const sessionIdleMinutes = 30
export const sessionAbsoluteHours = 12
export const failedAttemptsBeforeLock = 5
export const lockMinutes = 15

/** An account's roles as an array. Written out in full: Drizzle leaves single-table columns unqualified. */
export const rolesOf = sql<
  string[]
>`coalesce((select array_agg(r.role order by r.role) from user_roles r where r.user_id = users.id), '{}')`

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase()
}

export type SignInResult =
  { ok: true; sessionToken: string; userId: string } | { ok: false; reason: 'invalid' | 'locked' }

export async function signIn(db: Database, input: { email: string; password: string }): Promise<SignInResult> {
  const email = normaliseEmail(input.email)
  const [user] = await db.select().from(users).where(eq(users.email, email))
  const now = new Date()
  if (user?.lockedUntil && user.lockedUntil > now) {
    await recordAudit(
      db,
      null,
      {
        action: 'sign-in-refused-locked',
        recordType: 'user',
        recordId: user.id,
        summary: 'Sign-in refused: account temporarily locked',
      },
      user.partnershipId,
    )
    return { ok: false, reason: 'locked' }
  }
  const passwordMatches = await verifyPassword(user?.passwordHash ?? null, input.password)
  if (!user) return { ok: false, reason: 'invalid' }
  const actor = accountHolder(user)
  if (!passwordMatches || user.status !== 'active') {
    const failures = user.failedSignInCount + 1
    const lock = failures >= failedAttemptsBeforeLock
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({
          failedSignInCount: lock ? 0 : failures,
          lockedUntil: lock ? new Date(now.getTime() + lockMinutes * 60_000) : user.lockedUntil,
        })
        .where(eq(users.id, user.id))
      await recordAudit(tx, actor, {
        action: lock ? 'account-locked' : 'sign-in-failed',
        recordType: 'user',
        recordId: user.id,
        summary: lock
          ? `Account locked for ${lockMinutes} minutes after ${failures} failed sign-ins`
          : 'Sign-in failed',
      })
    })
    return { ok: false, reason: lock ? 'locked' : 'invalid' }
  }
  const sessionToken = await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedSignInCount: 0, lockedUntil: null, lastSignedInAt: now })
      .where(eq(users.id, user.id))
    await recordAudit(tx, actor, { action: 'signed-in', recordType: 'user', recordId: user.id, summary: 'Signed in' })
    return createSession(tx, user.id)
  })
  return { ok: true, sessionToken, userId: user.id }
}

/** The account holder as the actor of their own signed-out steps (sign-in, a reset link): no permissions. */
export function accountHolder(user: { id: string; name: string; partnershipId: string }): Actor {
  return {
    kind: 'user',
    id: user.id,
    name: user.name,
    partnershipId: user.partnershipId,
    roles: [],
    grants: new Map(),
    agencyId: null,
    personId: null,
  }
}

export async function createSession(db: Database, userId: string): Promise<string> {
  const token = newSecret()
  await db.insert(sessions).values({
    id: hashSecret(token),
    userId,
    expiresAt: new Date(Date.now() + sessionAbsoluteHours * 3_600_000),
  })
  return token
}

export interface SignedInUser extends Actor {
  kind: 'user'
  id: string
  email: string
  partnershipName: string
  partnershipShortName: string
  terminology: 'board' | 'partnership'
}

/**
 * The actor for a session cookie, with what their roles grant under the modules' declarations; or
 * null when the session is unknown, idle too long, past its 12 hours, or the account is not active.
 */
export async function loadSession(
  db: Database,
  token: string,
  declared: ReadonlyMap<Permission, Partial<Record<Role, Grant>>>,
): Promise<SignedInUser | null> {
  const id = hashSecret(token)
  const idleCutoff = new Date(Date.now() - sessionIdleMinutes * 60_000)
  const [row] = await db
    .select({
      lastSeenAt: sessions.lastSeenAt,
      user: users,
      partnershipName: partnerships.name,
      partnershipShortName: partnerships.shortName,
      terminology: partnerships.terminology,
      roles: rolesOf,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(partnerships, eq(partnerships.id, users.partnershipId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, new Date()), gt(sessions.lastSeenAt, idleCutoff)))
  if (!row || row.user.status !== 'active') return null
  // Write at most once a minute: enough for a 30-minute idle timeout, and list pages stay read-only.
  if (Date.now() - row.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, id))
  }
  const roles = row.roles.filter(isRole)
  return {
    kind: 'user',
    id: row.user.id,
    name: row.user.name,
    email: row.user.email,
    partnershipId: row.user.partnershipId,
    partnershipName: row.partnershipName,
    partnershipShortName: row.partnershipShortName,
    terminology: row.terminology,
    roles,
    grants: grantsFor(roles, declared),
    agencyId: row.user.agencyId,
    personId: row.user.personId,
  }
}

export async function signOut(db: Database, actor: Actor, token: string) {
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, hashSecret(token)))
    await recordAudit(tx, actor, {
      action: 'signed-out',
      recordType: 'user',
      recordId: actor.id,
      summary: 'Signed out',
    })
  })
}

export async function deleteExpiredSessions(db: Database) {
  const idleCutoff = new Date(Date.now() - sessionIdleMinutes * 60_000)
  await db.delete(sessions).where(sql`${sessions.expiresAt} < now() or ${sessions.lastSeenAt} < ${idleCutoff}`)
}
