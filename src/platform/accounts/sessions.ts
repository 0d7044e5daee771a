import { and, eq, gt, sql } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import { recordAudit } from '../audit.ts'
import { verifyPassword } from '../passwords.ts'
import type { Registry } from '../modules.ts'
import { grantsFor, isRole, type Actor } from '../permissions.ts'
import { partnerships, sessions, signInFailures, users } from '../schema.ts'
import { hashSecret, newSecret } from '../tokens.ts'

/** Sign-in and sessions: who is asking, checked on every request. */

export const sessionIdleMinutes = 30
export const sessionAbsoluteHours = 12
export const failedAttemptsBeforePause = 5
export const pauseMinutes = 15

/** An account's roles as an array. Written out in full: Drizzle leaves single-table columns unqualified. */
export const rolesOf = sql<
  string[]
>`coalesce((select array_agg(r.role order by r.role) from user_roles r where r.user_id = users.id), '{}')`

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase()
}

export type SignInResult = { ok: true; sessionToken: string; userId: string } | { ok: false }

/** What identifies one run of failures: the email as typed (normalised, hashed) and where the attempts come from. */
function failureKey(emailHash: string, clientAddress: string) {
  return and(eq(signInFailures.emailHash, emailHash), eq(signInFailures.clientAddress, clientAddress))
}

/**
 * Signs in, or refuses with one answer whatever the reason: no such account, a wrong password, an
 * account not active, or sign-in paused for this email from this address after 5 failures in 15
 * minutes (docs/decisions/0007-sign-in-throttling.md). Every refusal takes the same path, with or
 * without an account: one argon2 check (even while paused) and one transaction that counts the
 * failure and writes an audit row, so neither the words nor the time taken say whether the email
 * has an account. `verify` is the password check, passed in only by tests that count the checks.
 */
export async function signIn(
  db: Database,
  input: { email: string; password: string; clientAddress: string },
  verify: typeof verifyPassword = verifyPassword,
): Promise<SignInResult> {
  const email = normaliseEmail(input.email)
  const emailHash = hashSecret(email)
  const key = failureKey(emailHash, input.clientAddress)
  const [user] = await db.select().from(users).where(eq(users.email, email))
  const [run] = await db.select().from(signInFailures).where(key)
  const paused = !!run?.pausedUntil && run.pausedUntil > new Date()
  const passwordMatches = await verify(user?.passwordHash ?? null, input.password)

  if (!user || !passwordMatches || user.status !== 'active' || paused) {
    await db.transaction(async (tx) => {
      const pausedNow = !paused && (await countFailure(tx, emailHash, input.clientAddress))
      const action = paused ? 'sign-in-refused-paused' : pausedNow ? 'sign-in-paused' : 'sign-in-failed'
      if (!user) {
        // No partnership to show it to, and no email kept: a row for the deployment's own records.
        await recordAudit(tx, null, { action, recordType: 'user', summary: unknownSummaries[action] }, null)
        return
      }
      await recordAudit(tx, accountHolder(user), {
        action,
        recordType: 'user',
        recordId: user.id,
        summary: accountSummaries[action],
      })
    })
    return { ok: false }
  }

  const sessionToken = await db.transaction(async (tx) => {
    await tx.delete(signInFailures).where(key)
    await tx.update(users).set({ lastSignedInAt: new Date() }).where(eq(users.id, user.id))
    await recordAudit(tx, accountHolder(user), {
      action: 'signed-in',
      recordType: 'user',
      recordId: user.id,
      summary: 'Signed in',
    })
    return createSession(tx, user.id)
  })
  return { ok: true, sessionToken, userId: user.id }
}

type FailureAction = 'sign-in-failed' | 'sign-in-paused' | 'sign-in-refused-paused'

const accountSummaries: Record<FailureAction, string> = {
  'sign-in-failed': 'Sign-in failed',
  'sign-in-paused': `Sign-in from one address paused for ${pauseMinutes} minutes after ${failedAttemptsBeforePause} failed attempts`,
  'sign-in-refused-paused': 'Sign-in refused: paused after too many failed attempts from this address',
}

const unknownSummaries: Record<FailureAction, string> = {
  'sign-in-failed': 'Sign-in failed for an email address with no account',
  'sign-in-paused': `Sign-in paused for ${pauseMinutes} minutes for an email address with no account`,
  'sign-in-refused-paused': 'Sign-in refused for an email address with no account: paused',
}

/**
 * Counts one failure for this email from this address, in one statement so two attempts at once
 * both count; counting starts again when the run began more than the window ago. True when this
 * failure starts a pause.
 */
async function countFailure(db: Database, emailHash: string, clientAddress: string) {
  const windowStart = sql`now() - make_interval(mins => ${pauseMinutes})`
  const runIsOld = sql`${signInFailures.firstFailedAt} < ${windowStart}`
  const [row] = await db
    .insert(signInFailures)
    .values({ emailHash, clientAddress, failures: 1 })
    .onConflictDoUpdate({
      target: [signInFailures.emailHash, signInFailures.clientAddress],
      set: {
        failures: sql`case when ${runIsOld} then 1 else ${signInFailures.failures} + 1 end`,
        firstFailedAt: sql`case when ${runIsOld} then now() else ${signInFailures.firstFailedAt} end`,
      },
    })
    .returning({ failures: signInFailures.failures })
  if (row!.failures < failedAttemptsBeforePause) return false
  // The pause starts a new run: after it, five more tries before the next.
  await db
    .update(signInFailures)
    .set({ failures: 0, firstFailedAt: sql`now()`, pausedUntil: sql`now() + make_interval(mins => ${pauseMinutes})` })
    .where(failureKey(emailHash, clientAddress))
  return true
}

/** A new password lifts every pause on the account's email, from every address. */
export async function forgetSignInFailures(db: Database, email: string) {
  await db.delete(signInFailures).where(eq(signInFailures.emailHash, hashSecret(normaliseEmail(email))))
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
  registry: Pick<Registry, 'permissions' | 'accountDirectory'>,
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
      groupIds: registry.accountDirectory.currentGroupIds(users.personId),
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
    grants: grantsFor(roles, registry.permissions),
    agencyId: row.user.agencyId,
    personId: row.user.personId,
    groupIds: row.groupIds ?? [],
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

/**
 * Sign-in state past its time: sessions expired or idle too long, and sign-in failures that no
 * longer count (no pause in force, and their run older than the window), so client addresses are
 * not kept longer than they are needed. Run hourly by the job worker.
 */
export async function deleteExpiredSessions(db: Database) {
  const idleCutoff = new Date(Date.now() - sessionIdleMinutes * 60_000)
  await db.delete(sessions).where(sql`${sessions.expiresAt} < now() or ${sessions.lastSeenAt} < ${idleCutoff}`)
  await db
    .delete(signInFailures)
    .where(
      sql`(${signInFailures.pausedUntil} is null or ${signInFailures.pausedUntil} < now()) and ${signInFailures.firstFailedAt} < now() - make_interval(mins => ${pauseMinutes})`,
    )
}
