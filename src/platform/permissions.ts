import { sql, type SQL } from 'drizzle-orm'

/**
 * Permissions are data. The platform names the roles a partnership's people hold; each module
 * declares its own `resource:action` permissions and which roles get them, whole or within one of
 * the module's scopes (platform/modules.ts). Every route declares the permission it needs
 * (platform/http.ts refuses to start otherwise), templates ask `can(...)`, and
 * test/permission-matrix.test.ts walks every route with every role.
 */
export type Permission = `${string}:${string}`

interface RoleDefinition {
  label: string
  description: string
}

export const roleDefinitions = {
  administrator: {
    label: 'Administrator',
    description: 'Manages accounts, roles and the partnership’s settings, and reads the audit log.',
  },
  'business-unit': {
    label: 'Business unit',
    description: 'Runs the partnership’s business: keeps the directory, runs accounts and reads the audit log.',
  },
  chair: {
    label: 'Independent chair',
    description: 'Reads everything the partnership holds, to challenge and sign off.',
  },
  'board-member': {
    label: 'Board member',
    description: 'A senior leader of a partner agency: reads papers and owns actions.',
  },
  'subgroup-member': {
    label: 'Subgroup member',
    description: 'Works on their own subgroups’ records only.',
  },
  'agency-lead': {
    label: 'Agency safeguarding lead',
    description: 'Works on their own agency’s records only.',
  },
  trainer: {
    label: 'Trainer',
    description: 'Runs training events and registers attendance.',
  },
  'read-only': {
    label: 'Read only',
    description: 'Reads the partnership directory.',
  },
} as const satisfies Record<string, RoleDefinition>

export type Role = keyof typeof roleDefinitions
export const roles = Object.keys(roleDefinitions) as Role[]

export function isRole(value: string): value is Role {
  return Object.hasOwn(roleDefinitions, value)
}

export function roleLabel(role: string) {
  return isRole(role) ? roleDefinitions[role].label : role
}

/**
 * What a set of roles may do: each permission, with the scopes that limit it. An empty set means
 * the whole of it; a user with several roles gets the widest view any one of them gives.
 */
export type Grants = ReadonlyMap<Permission, ReadonlySet<string>>

/** A role's grant of one permission: `true` for all of it, or the name of a scope declared by the module. */
export type Grant = true | string

export function grantsFor(userRoles: readonly Role[], declared: ReadonlyMap<Permission, Partial<Record<Role, Grant>>>) {
  const grants = new Map<Permission, Set<string>>()
  for (const [permission, byRole] of declared) {
    const given = userRoles.map((role) => byRole[role]).filter((grant) => grant !== undefined)
    if (!given.length) continue
    grants.set(permission, given.includes(true) ? new Set() : new Set(given as string[]))
  }
  return grants
}

/**
 * Who is acting: a signed-in user, the system itself (start-up seeding, background jobs), or
 * someone without an account acting through a signed link (`linkActor`).
 */
export interface Actor {
  kind: 'user' | 'system' | 'link'
  id: string | null
  name: string
  partnershipId: string
  roles: Role[]
  grants: Grants
  agencyId: string | null
  personId: string | null
  /** The directory groups the person sits on today (signed-in users): confidential records name groups. */
  groupIds?: readonly string[]
}

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  return !!actor && (actor.kind === 'system' || actor.grants.has(permission))
}

/** The scopes that limit what the actor may do under a permission: empty for all of it. */
export function scopesOf(actor: Actor, permission: Permission): ReadonlySet<string> {
  if (actor.kind === 'system') return new Set()
  return actor.grants.get(permission) ?? new Set(['none'])
}

/** True when no scope limits the actor's use of the permission. */
export function isUnscoped(actor: Actor, permission: Permission) {
  return scopesOf(actor, permission).size === 0
}

/**
 * The SQL condition a scoped actor's rows must meet, for services to add to every list, page,
 * count and download of a record type: undefined when unscoped, else any one of the conditions
 * the module gives for the actor's scopes (and nothing at all for a scope it does not list).
 */
export function scopeCondition(
  actor: Actor,
  permission: Permission,
  conditions: Record<string, (actor: Actor) => SQL | undefined>,
): SQL | undefined {
  const scopes = scopesOf(actor, permission)
  if (!scopes.size) return undefined
  const parts: SQL[] = []
  for (const scope of scopes) {
    const limit = conditions[scope]
    if (!limit) {
      parts.push(sql`false`)
      continue
    }
    const condition = limit(actor)
    // A scope that does not limit this record type gives the whole of it.
    if (!condition) return undefined
    parts.push(condition)
  }
  return sql`(${sql.join(parts, sql` or `)})`
}

export function systemActor(partnershipId: string, name = 'System'): Actor {
  return {
    kind: 'system',
    id: null,
    name,
    partnershipId,
    roles: ['administrator'],
    grants: new Map(),
    agencyId: null,
    personId: null,
  }
}

/**
 * Someone without an account acting through a signed link (an attendee returning their evaluation,
 * a subscriber confirming): a name for the audit log and no permissions at all, so a service that
 * checks one refuses them. Docs: docs/decisions/0020-changes-made-through-signed-links.md.
 */
export function linkActor(partnershipId: string, name: string): Actor {
  return { kind: 'link', id: null, name, partnershipId, roles: [], grants: new Map(), agencyId: null, personId: null }
}
