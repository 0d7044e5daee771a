import { and, asc, desc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import type { Database } from '../../../db/index.ts'
import { insertAudited, updateAudited } from '../../../platform/audited-writes.ts'
import { NotFoundError } from '../../../platform/errors.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { mailingLists, subscriptions } from '../schema.ts'

/**
 * Mailing lists and their subscribers, for the business unit. A subscription is current (counted,
 * and sent issues) once confirmed and until unsubscribed: double opt-in (schema.ts).
 */

export interface MailingListInput {
  name: string
  description: string
  publicSignUp: boolean
  active: boolean
}

/** A confirmed subscription not since unsubscribed: the people an issue goes to. */
export const currentSubscription = and(isNotNull(subscriptions.confirmedAt), isNull(subscriptions.unsubscribedAt))!

const confirmedCount = sql<number>`(select count(*)::int from ${subscriptions} where ${subscriptions.listId} = ${mailingLists.id} and ${currentSubscription})`

export async function listMailingLists(
  db: Database,
  partnershipId: string,
  order: { sort: 'name' | 'subscribers'; direction: 'asc' | 'desc' } = { sort: 'name', direction: 'asc' },
) {
  const column = order.sort === 'subscribers' ? confirmedCount : mailingLists.name
  return db
    .select({
      id: mailingLists.id,
      name: mailingLists.name,
      description: mailingLists.description,
      publicSignUp: mailingLists.publicSignUp,
      active: mailingLists.active,
      subscribers: confirmedCount,
    })
    .from(mailingLists)
    .where(eq(mailingLists.partnershipId, partnershipId))
    .orderBy(order.direction === 'desc' ? desc(column) : asc(column), asc(mailingLists.name))
}

export async function getMailingList(db: Database, partnershipId: string, id: string) {
  const [row] = await db
    .select()
    .from(mailingLists)
    .where(and(eq(mailingLists.partnershipId, partnershipId), eq(mailingLists.id, id)))
  if (!row) throw new NotFoundError()
  return row
}

const duplicate = { name: 'There is already a list with this name' }

export function createMailingList(db: Database, actor: Actor, input: MailingListInput) {
  return insertAudited(db, actor, mailingLists, input, {
    recordType: 'mailing-list',
    summary: `Added the mailing list ${input.name}`,
    conflict: duplicate,
  })
}

export async function updateMailingList(
  db: Database,
  actor: Actor,
  id: string,
  version: number,
  input: MailingListInput,
) {
  const before = await getMailingList(db, actor.partnershipId, id)
  return updateAudited(
    db,
    actor,
    mailingLists,
    { id, version, before, set: input },
    { recordType: 'mailing-list', summary: `Changed the mailing list ${input.name}`, conflict: duplicate },
  )
}

/** How many subscriptions are current, awaiting confirmation, and unsubscribed. */
export async function subscriberCounts(db: Database, partnershipId: string, listId: string) {
  const [row] = await db
    .select({
      confirmed: sql<number>`count(*) filter (where ${currentSubscription})::int`,
      awaiting: sql<number>`count(*) filter (where ${subscriptions.confirmedAt} is null and ${subscriptions.unsubscribedAt} is null)::int`,
      unsubscribed: sql<number>`count(*) filter (where ${subscriptions.unsubscribedAt} is not null)::int`,
    })
    .from(subscriptions)
    .where(and(eq(subscriptions.partnershipId, partnershipId), eq(subscriptions.listId, listId)))
  return row!
}

export type SubscriberSort = 'email' | 'name' | 'confirmed'

export interface SubscriberOrder {
  sort: SubscriberSort
  direction: 'asc' | 'desc'
}

/** A list's current subscribers (personal data: for learning:newsletters only), a page of them or all. */
export function listSubscribers(
  db: Database,
  partnershipId: string,
  listId: string,
  order: SubscriberOrder,
  page: { limit: number; offset: number } | null,
) {
  const column: SQL | PgColumn = {
    email: subscriptions.email,
    name: sql`lower(coalesce(${subscriptions.name}, ''))`,
    confirmed: subscriptions.confirmedAt,
  }[order.sort]
  const query = db
    .select({
      id: subscriptions.id,
      email: subscriptions.email,
      name: subscriptions.name,
      confirmedAt: subscriptions.confirmedAt,
      consentedAt: subscriptions.consentedAt,
    })
    .from(subscriptions)
    .where(and(eq(subscriptions.partnershipId, partnershipId), eq(subscriptions.listId, listId), currentSubscription))
    .orderBy(order.direction === 'desc' ? desc(column) : asc(column), asc(subscriptions.id))
  return page ? query.limit(page.limit).offset(page.offset) : query
}

export type Subscriber = Awaited<ReturnType<typeof listSubscribers>>[number]
