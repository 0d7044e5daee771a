import { and, asc, eq, gt, ilike, isNull, lt, or, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import { recordAudit } from '../audit.ts'
import { enqueueEmail } from '../email/outbox.ts'
import { NotFoundError, StaleEditError, ValidationError } from '../errors.ts'
import { hashPassword, passwordProblem, verifyPassword } from '../passwords.ts'
import { isRole, permissionsFor, type Actor, type Role } from '../permissions.ts'
import { agencyNameFor, personNameFor } from '../../modules/partnership/service.ts'
import { oneTimeTokens, partnerships, sessions, userRoles, users, userStatuses } from '../schema.ts'
import { containing } from '../tables.ts'
import { hashSecret, isUuid, newSecret } from '../tokens.ts'

/** Accounts: sign-in, sessions, invitations, password resets and roles. */

/** An account's roles as an array. Written out in full: see the note in partnership/service.ts. */
const rolesOf = sql<
  string[]
>`coalesce((select array_agg(r.role order by r.role) from user_roles r where r.user_id = users.id), '{}')`

export const sessionIdleMinutes = 30
export const sessionAbsoluteHours = 12
export const failedAttemptsBeforeLock = 5
export const lockMinutes = 15
export const inviteValidDays = 7
export const resetValidMinutes = 60

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase()
}

// ---------------------------------------------------------------- sign-in and sessions

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
  const actor = { ...anonymousFor(user.partnershipId), id: user.id, name: user.name }
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

function anonymousFor(partnershipId: string): Actor {
  return {
    kind: 'user',
    id: null,
    name: 'Signed-out visitor',
    partnershipId,
    roles: [],
    permissions: new Set(),
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

/** The actor for a session cookie, or null when it is unknown, idle too long, past its 12 hours, or the account is not active. */
export async function loadSession(db: Database, token: string): Promise<SignedInUser | null> {
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
    permissions: permissionsFor(roles),
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

// ---------------------------------------------------------------- users

export interface UserInput {
  name: string
  email: string
  roles: Role[]
  agencyId: string | null
  personId: string | null
}

export interface UserFilter {
  /** Part of a name or email. */
  search?: string
  role?: Role
  status?: (typeof userStatuses)[number]
  sort?: 'name' | 'email' | 'status' | 'lastSignedInAt'
  direction?: 'asc' | 'desc'
}

export function listUsers(db: Database, partnershipId: string, filter: UserFilter = {}) {
  const conditions: (SQL | undefined)[] = [eq(users.partnershipId, partnershipId)]
  if (filter.search) {
    const term = containing(filter.search)
    conditions.push(or(ilike(users.name, term), ilike(users.email, term)))
  }
  if (filter.role)
    conditions.push(sql`exists (select 1 from user_roles r where r.user_id = users.id and r.role = ${filter.role})`)
  if (filter.status) conditions.push(eq(users.status, filter.status))
  const column = { name: users.name, email: users.email, status: users.status, lastSignedInAt: users.lastSignedInAt }[
    filter.sort ?? 'name'
  ]
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      status: users.status,
      lastSignedInAt: users.lastSignedInAt,
      roles: rolesOf,
    })
    .from(users)
    .where(and(...conditions))
    .orderBy(
      filter.direction === 'desc' ? sql`${column} desc nulls last` : sql`${column} asc nulls last`,
      asc(users.name),
    )
}

export async function getUser(db: Database, partnershipId: string, id: string) {
  if (!isUuid(id)) throw new NotFoundError()
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.partnershipId, partnershipId), eq(users.id, id)))
  if (!user) throw new NotFoundError()
  const roleRows = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, id))
  const { passwordHash: _hidden, ...visible } = user
  return { ...visible, roles: roleRows.map((r) => r.role).filter(isRole) }
}

export async function inviteUser(db: Database, actor: Actor, input: UserInput, baseUrl: string) {
  const email = normaliseEmail(input.email)
  const names = await directoryNames(db, actor.partnershipId, input)
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email))
    if (existing) throw new ValidationError({ email: 'There is already an account with this email address' })
    const [user] = await tx
      .insert(users)
      .values({
        partnershipId: actor.partnershipId,
        email,
        name: input.name,
        agencyId: input.agencyId,
        personId: input.personId,
        status: 'invited',
      })
      .returning()
    if (input.roles.length) await tx.insert(userRoles).values(input.roles.map((role) => ({ userId: user!.id, role })))
    await recordAudit(tx, actor, {
      action: 'invited',
      recordType: 'user',
      recordId: user!.id,
      summary: `Invited ${input.name}`,
      after: {
        name: input.name,
        email,
        roles: input.roles,
        agencyId: input.agencyId,
        personId: input.personId,
        ...names,
      },
    })
    await sendInvite(tx, actor, user!, baseUrl)
    return user!.id
  })
}

async function sendInvite(
  db: Database,
  actor: Actor,
  user: { id: string; name: string; email: string; partnershipId: string },
  baseUrl: string,
) {
  const token = await issueToken(db, user.id, 'invite', inviteValidDays * 24 * 60)
  const [partnership] = await db
    .select({ name: partnerships.name })
    .from(partnerships)
    .where(eq(partnerships.id, user.partnershipId))
  await enqueueEmail(db, {
    partnershipId: user.partnershipId,
    to: user.email,
    template: 'invite',
    subject: `You have been invited to ${partnership!.name}`,
    body: [
      `Dear ${user.name},`,
      '',
      `${actor.name} has given you an account on ${partnership!.name}'s hub.`,
      '',
      `To set your password and sign in, open this link within ${inviteValidDays} days:`,
      `${baseUrl}/accept-invite/${token}`,
      '',
      'The link works once. If you were not expecting this email, you can ignore it.',
    ].join('\n'),
  })
}

export async function resendInvite(db: Database, actor: Actor, userId: string, baseUrl: string) {
  const user = await getUser(db, actor.partnershipId, userId)
  if (user.status !== 'invited')
    throw new ValidationError({ status: 'This person has already accepted their invitation' })
  await db.transaction(async (tx) => {
    await tx
      .update(oneTimeTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(oneTimeTokens.userId, userId), isNull(oneTimeTokens.usedAt)))
    await sendInvite(tx, actor, user, baseUrl)
    await recordAudit(tx, actor, {
      action: 'invite-resent',
      recordType: 'user',
      recordId: userId,
      summary: `Sent a new invitation to ${user.name}`,
    })
  })
}

export async function updateUser(
  db: Database,
  actor: Actor,
  userId: string,
  version: number,
  input: Omit<UserInput, 'email'>,
) {
  const before = await getUser(db, actor.partnershipId, userId)
  const [names, beforeNames] = await Promise.all([
    directoryNames(db, actor.partnershipId, input),
    directoryNames(db, actor.partnershipId, before),
  ])
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({
        name: input.name,
        agencyId: input.agencyId,
        personId: input.personId,
        version: sql`${users.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(users.id, userId), eq(users.version, version)))
      .returning({ id: users.id })
    if (!updated.length) throw new StaleEditError()
    await tx.delete(userRoles).where(eq(userRoles.userId, userId))
    if (input.roles.length) await tx.insert(userRoles).values(input.roles.map((role) => ({ userId, role })))
    await recordAudit(tx, actor, {
      action: 'updated',
      recordType: 'user',
      recordId: userId,
      summary: `Changed ${input.name}’s account`,
      before: {
        name: before.name,
        roles: before.roles,
        agencyId: before.agencyId,
        personId: before.personId,
        ...beforeNames,
      },
      after: { name: input.name, roles: input.roles, agencyId: input.agencyId, personId: input.personId, ...names },
    })
  })
}

/** Disabling ends every session of the account at once. */
export async function setUserDisabled(db: Database, actor: Actor, userId: string, disabled: boolean) {
  const before = await getUser(db, actor.partnershipId, userId)
  if (disabled && userId === actor.id) throw new ValidationError({ status: 'You cannot disable your own account' })
  const [{ hasPassword } = { hasPassword: false }] = await db
    .select({ hasPassword: sql<boolean>`${users.passwordHash} is not null` })
    .from(users)
    .where(eq(users.id, userId))
  const status = disabled ? 'disabled' : hasPassword ? 'active' : 'invited'
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ status, version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(eq(users.id, userId))
    if (disabled) await tx.delete(sessions).where(eq(sessions.userId, userId))
    await recordAudit(tx, actor, {
      action: disabled ? 'disabled' : 'enabled',
      recordType: 'user',
      recordId: userId,
      summary: `${disabled ? 'Disabled' : 'Enabled'} ${before.name}’s account`,
      before: { status: before.status },
      after: { status },
    })
  })
}

/**
 * The names of the agency and directory entry an account points at. It also checks they belong
 * to the actor's partnership: an id from another partnership is refused as not on the list.
 */
async function directoryNames(
  db: Database,
  partnershipId: string,
  input: { agencyId: string | null; personId: string | null },
) {
  const [agency, directoryEntry] = await Promise.all([
    agencyNameFor(db, partnershipId, input.agencyId),
    personNameFor(db, partnershipId, input.personId),
  ])
  return { agency, directoryEntry }
}

// ---------------------------------------------------------------- one-time links

async function issueToken(db: Database, userId: string, purpose: 'invite' | 'password-reset', validMinutes: number) {
  const token = newSecret()
  await db
    .insert(oneTimeTokens)
    .values({ id: hashSecret(token), userId, purpose, expiresAt: new Date(Date.now() + validMinutes * 60_000) })
  return token
}

/** The account a link is for, if the link is unused and in date. */
export async function findTokenUser(db: Database, token: string, purpose: 'invite' | 'password-reset') {
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
export async function setPasswordWithToken(
  db: Database,
  token: string,
  purpose: 'invite' | 'password-reset',
  password: string,
) {
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
    await recordAudit(
      tx,
      { ...anonymousFor(user.partnershipId), id: user.id, name: user.name },
      {
        action: purpose === 'invite' ? 'invite-accepted' : 'password-reset',
        recordType: 'user',
        recordId: user.id,
        summary: purpose === 'invite' ? 'Accepted invitation and set a password' : 'Reset password',
      },
    )
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
    await enqueueEmail(tx, {
      partnershipId: user.partnershipId,
      to: user.email,
      template: 'password-reset',
      subject: 'Reset your password',
      body: [
        `Dear ${user.name},`,
        '',
        `Someone asked to reset the password for your account. To choose a new password, open this link within ${resetValidMinutes} minutes:`,
        `${baseUrl}/reset-password/${token}`,
        '',
        'The link works once. If you did not ask for this, you can ignore this email: your password has not changed.',
      ].join('\n'),
    })
    await recordAudit(
      tx,
      { ...anonymousFor(user.partnershipId), id: user.id, name: user.name },
      {
        action: 'password-reset-requested',
        recordType: 'user',
        recordId: user.id,
        summary: 'Asked for a password reset link',
      },
    )
  })
}

export async function deleteSpentTokens(db: Database) {
  await db.delete(oneTimeTokens).where(lt(oneTimeTokens.expiresAt, new Date(Date.now() - 30 * 86_400_000)))
}
