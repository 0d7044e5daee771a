/**
 * Permissions are data: a role is a set of `resource:action` permissions.
 * Every route declares the one it needs (platform/http.ts refuses to start otherwise),
 * templates ask `can(...)`, and test/permission-matrix.test.ts walks every route with every role.
 */
export const permissions = [
  'directory:read',
  'directory:manage',
  'partnership:manage',
  'users:read',
  'users:manage',
  'audit:read',
  'outbox:read',
] as const
export type Permission = (typeof permissions)[number]

/**
 * A scoped role sees only part of some records:
 * - `own-agency`: people of their own agency only;
 * - `own-groups`: the board and the subgroups they sit on only.
 * A user with several roles gets the widest view any of them gives.
 */
export type Scope = 'own-agency' | 'own-groups'

interface RoleDefinition {
  label: string
  description: string
  permissions: readonly Permission[]
  scope?: Scope
}

const read: Permission[] = ['directory:read']

export const roleDefinitions = {
  administrator: {
    label: 'Administrator',
    description: 'Manages accounts, roles and the partnership’s settings, and reads the audit log.',
    permissions: [...permissions],
  },
  'business-unit': {
    label: 'Business unit',
    description: 'Runs the partnership’s business: keeps the directory and reads the audit log.',
    permissions: ['directory:read', 'directory:manage', 'users:read', 'audit:read'],
  },
  chair: {
    label: 'Independent chair',
    description: 'Reads everything the partnership holds, to challenge and sign off.',
    permissions: ['directory:read', 'users:read', 'audit:read'],
  },
  'board-member': {
    label: 'Board member',
    description: 'A senior leader of a partner agency: reads papers and owns actions.',
    permissions: read,
  },
  'subgroup-member': {
    label: 'Subgroup member',
    description: 'Works on their own subgroups’ records only.',
    permissions: read,
    scope: 'own-groups',
  },
  'agency-lead': {
    label: 'Agency safeguarding lead',
    description: 'Works on their own agency’s records only.',
    permissions: read,
    scope: 'own-agency',
  },
  trainer: {
    label: 'Trainer',
    description: 'Runs training events and registers attendance.',
    permissions: read,
  },
  'read-only': {
    label: 'Read only',
    description: 'Reads the partnership directory.',
    permissions: read,
  },
} as const satisfies Record<string, RoleDefinition>

export type Role = keyof typeof roleDefinitions
export const roles = Object.keys(roleDefinitions) as Role[]

export function isRole(value: string): value is Role {
  return Object.hasOwn(roleDefinitions, value)
}

export function permissionsFor(userRoles: readonly Role[]): Set<Permission> {
  return new Set(userRoles.flatMap((role) => roleDefinitions[role].permissions))
}

/** The scopes that still apply: none if any one role is unscoped for this permission. */
export function scopesFor(userRoles: readonly Role[], permission: Permission): Set<Scope> {
  const granting: RoleDefinition[] = userRoles
    .map((role) => roleDefinitions[role] as RoleDefinition)
    .filter((role) => role.permissions.includes(permission))
  if (granting.some((role) => !role.scope)) return new Set()
  return new Set(granting.map((role) => role.scope as Scope))
}

/** Who is acting: a signed-in user, or the system itself (start-up seeding, the email worker). */
export interface Actor {
  kind: 'user' | 'system'
  id: string | null
  name: string
  partnershipId: string
  roles: Role[]
  permissions: Set<Permission>
  agencyId: string | null
  personId: string | null
}

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  return !!actor && actor.permissions.has(permission)
}

export function systemActor(partnershipId: string, name = 'System'): Actor {
  return {
    kind: 'system',
    id: null,
    name,
    partnershipId,
    roles: ['administrator'],
    permissions: new Set(permissions),
    agencyId: null,
    personId: null,
  }
}
