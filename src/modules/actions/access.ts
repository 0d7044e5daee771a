import { eq, or, sql, type SQL } from 'drizzle-orm'
import { scopeCondition, type Actor, type Permission } from '../../platform/permissions.ts'
import { actions } from './schema.ts'

/**
 * Who sees and updates which actions, as SQL every list, count, page and download adds
 * (docs/decisions/0028-one-action-tracker.md). An action's owner always sees and updates
 * their own, whatever their role: "My actions" is for everyone signed in.
 */

export const actionScopes = { 'own-agency': 'Only the actions their own agency owns' }

/** An agency-scoped grant covers the actions its agency owns (the action's owner agency, not its owner's). */
const ownAgency = (actor: Actor) => (actor.agencyId ? eq(actions.ownerAgencyId, actor.agencyId) : sql`false`)

function grantedOrOwn(actor: Actor, permission: Permission): SQL | undefined {
  const granted = scopeCondition(actor, permission, { 'own-agency': ownAgency })
  if (!granted) return undefined
  return actor.personId ? or(granted, eq(actions.ownerPersonId, actor.personId)) : granted
}

/** The actions this person may read (`actions:read` within its scope, or their own): undefined for all. */
export const readableActions = (actor: Actor) => grantedOrOwn(actor, 'actions:read')

/** The actions this person may add progress to and complete (`actions:update` within its scope, or their own). */
export const updatableActions = (actor: Actor) => grantedOrOwn(actor, 'actions:update')

/** The actions the person owns: their "My actions". Nobody's when the account is not linked to a directory person. */
export const ownActions = (actor: Actor) =>
  actor.personId ? eq(actions.ownerPersonId, actor.personId) : sql<boolean>`false`
