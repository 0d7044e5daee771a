import { and, asc, eq, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import { insertAudited, updateAudited } from '../audited-writes.ts'
import { recordAudit } from '../audit.ts'
import { NotFoundError, ValidationError } from '../errors.ts'
import { matchesWords } from '../lists.ts'
import { isRole, type Actor, type Role } from '../permissions.ts'
import { partnerships, sessions, userRoles, users, userStatuses } from '../schema.ts'
import type { AccountDirectory } from './directory.ts'
import { inviteValidDays, queueInviteEmail } from './emails.ts'
import { issueToken, spendTokens } from './one-time-links.ts'
import { normaliseEmail, rolesOf } from './sessions.ts'

/** Accounts: who can sign in, with which roles, linked to which agency and directory entry. */

export interface UserInput {
  name: string
  email: string
  roles: Role[]
  agencyId: string | null
  personId: string | null
}

export interface UserFilter {
  /** Words of a name or email, in any order. */
  search?: string
  role?: Role
  status?: (typeof userStatuses)[number]
  sort: 'name' | 'email' | 'status' | 'lastSignedInAt'
  direction: 'asc' | 'desc'
}

export function listUsers(
  db: Database,
  partnershipId: string,
  filter: UserFilter = { sort: 'name', direction: 'asc' },
) {
  const conditions: (SQL | undefined)[] = [eq(users.partnershipId, partnershipId)]
  if (filter.search) conditions.push(matchesWords(filter.search, [users.name, users.email]))
  if (filter.role)
    conditions.push(sql`exists (select 1 from user_roles r where r.user_id = users.id and r.role = ${filter.role})`)
  if (filter.status) conditions.push(eq(users.status, filter.status))
  const column = { name: users.name, email: users.email, status: users.status, lastSignedInAt: users.lastSignedInAt }[
    filter.sort
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
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.partnershipId, partnershipId), eq(users.id, id)))
  if (!user) throw new NotFoundError()
  const roleRows = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, id))
  const { passwordHash, ...visible } = user
  return { ...visible, hasPassword: passwordHash !== null, roles: roleRows.map((r) => r.role).filter(isRole) }
}

/** An account with the names of its agency and directory entry, for its page. */
export async function describeUser(db: Database, directory: AccountDirectory, partnershipId: string, id: string) {
  const user = await getUser(db, partnershipId, id)
  return { ...user, ...(await directory.describe(db, partnershipId, user)) }
}

const duplicateEmail = { email: 'There is already an account with this email address' }

export async function inviteUser(
  db: Database,
  actor: Actor,
  directory: AccountDirectory,
  input: UserInput,
  baseUrl: string,
) {
  const email = normaliseEmail(input.email)
  const names = await directory.describe(db, actor.partnershipId, input)
  const [partnership] = await db
    .select({ name: partnerships.name })
    .from(partnerships)
    .where(eq(partnerships.id, actor.partnershipId))
  const account = { name: input.name, email, agencyId: input.agencyId, personId: input.personId }
  return insertAudited(
    db,
    actor,
    users,
    { ...account, status: 'invited' as const },
    {
      recordType: 'user',
      action: 'invited',
      summary: `Invited ${input.name}`,
      after: { ...account, roles: input.roles, ...names },
      conflict: duplicateEmail,
      alsoWrite: async (tx, id) => {
        if (input.roles.length) await tx.insert(userRoles).values(input.roles.map((role) => ({ userId: id, role })))
        const token = await issueToken(tx, id, 'invite', inviteValidDays * 24 * 60)
        await queueInviteEmail(
          tx,
          actor.name,
          { ...account, partnershipId: actor.partnershipId },
          partnership!.name,
          `${baseUrl}/accept-invite/${token}`,
        )
      },
    },
  )
}

export async function resendInvite(db: Database, actor: Actor, userId: string, baseUrl: string) {
  const user = await getUser(db, actor.partnershipId, userId)
  if (user.status !== 'invited')
    throw new ValidationError({ status: 'This person has already accepted their invitation' })
  const [partnership] = await db
    .select({ name: partnerships.name })
    .from(partnerships)
    .where(eq(partnerships.id, actor.partnershipId))
  await db.transaction(async (tx) => {
    await spendTokens(tx, userId)
    const token = await issueToken(tx, userId, 'invite', inviteValidDays * 24 * 60)
    await queueInviteEmail(tx, actor.name, user, partnership!.name, `${baseUrl}/accept-invite/${token}`)
    await recordAudit(tx, actor, {
      action: 'invite-resent',
      recordType: 'user',
      recordId: userId,
      summary: `Sent a new invitation to ${user.name}`,
    })
  })
}

/**
 * A partnership always keeps an active administrator: refused when this change would leave none.
 * Run inside the change's transaction, after its write, under a lock per partnership, so of two
 * such changes at once the second counts after the first has committed.
 */
async function keepAnAdministrator(db: Database, partnershipId: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`administrators:${partnershipId}`}))`)
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.partnershipId, partnershipId), eq(users.status, 'active'), eq(userRoles.role, 'administrator')))
  if (!row!.count)
    throw new ValidationError({
      roles: 'The partnership must keep at least one active administrator: give someone else the role first',
    })
}

export async function updateUser(
  db: Database,
  actor: Actor,
  directory: AccountDirectory,
  userId: string,
  version: number,
  input: Omit<UserInput, 'email'>,
) {
  const before = await getUser(db, actor.partnershipId, userId)
  const [names, beforeNames] = await Promise.all([
    directory.describe(db, actor.partnershipId, input),
    directory.describe(db, actor.partnershipId, before),
  ])
  const losesAdministrator = before.roles.includes('administrator') && !input.roles.includes('administrator')
  return updateAudited(
    db,
    actor,
    users,
    {
      id: userId,
      version,
      before,
      set: { name: input.name, agencyId: input.agencyId, personId: input.personId },
      described: {
        before: { roles: [...before.roles].sort(), ...beforeNames },
        after: { roles: [...input.roles].sort(), ...names },
      },
      alsoWrite: async (tx) => {
        await tx.delete(userRoles).where(eq(userRoles.userId, userId))
        if (input.roles.length) await tx.insert(userRoles).values(input.roles.map((role) => ({ userId, role })))
        if (losesAdministrator) await keepAnAdministrator(tx, actor.partnershipId)
      },
    },
    { recordType: 'user', summary: `Changed ${input.name}’s account` },
  )
}

/** Disabling ends every session of the account at once. */
export async function setUserDisabled(db: Database, actor: Actor, userId: string, version: number, disabled: boolean) {
  const before = await getUser(db, actor.partnershipId, userId)
  if (disabled && userId === actor.id) throw new ValidationError({ status: 'You cannot disable your own account' })
  const status = disabled ? 'disabled' : before.hasPassword ? 'active' : 'invited'
  return updateAudited(
    db,
    actor,
    users,
    {
      id: userId,
      version,
      before,
      set: { status },
      alsoWrite: async (tx) => {
        if (!disabled) return
        await tx.delete(sessions).where(eq(sessions.userId, userId))
        if (before.roles.includes('administrator')) await keepAnAdministrator(tx, actor.partnershipId)
      },
    },
    {
      recordType: 'user',
      action: disabled ? 'disabled' : 'enabled',
      summary: `${disabled ? 'Disabled' : 'Enabled'} ${before.name}’s account`,
    },
  )
}
