import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { insertAudited, updateAudited } from '../../../platform/audited-writes.ts'
import { NotFoundError, ValidationError } from '../../../platform/errors.ts'
import { matchesWords } from '../../../platform/lists.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { agencyNameFor } from '../agencies/service.ts'
import { agencies, people } from '../schema.ts'
import { personScope } from '../scopes.ts'

/** People of the partnership's agencies, with or without accounts. */

export interface PersonInput {
  name: string
  jobTitle: string | null
  agencyId: string | null
  email: string | null
}

export interface PersonFilter {
  /** Words of a name, job title or email, in any order. */
  search?: string
  /** An agency's id, or "none" for people of no agency. */
  agencyId?: string
  sort: 'name' | 'jobTitle' | 'agency'
  direction: 'asc' | 'desc'
  limit?: number
  offset?: number
}

function personConditions(actor: Actor, filter: Omit<PersonFilter, 'sort' | 'direction'>) {
  const conditions: (SQL | undefined)[] = [eq(people.partnershipId, actor.partnershipId), personScope(actor)]
  if (filter.search) conditions.push(matchesWords(filter.search, [people.name, people.jobTitle, people.email]))
  if (filter.agencyId)
    conditions.push(filter.agencyId === 'none' ? isNull(people.agencyId) : eq(people.agencyId, filter.agencyId))
  return and(...conditions)
}

export async function listPeople(db: Database, actor: Actor, filter: PersonFilter) {
  const order = { name: people.name, jobTitle: people.jobTitle, agency: agencies.name }[filter.sort]
  return db
    .select({
      id: people.id,
      name: people.name,
      jobTitle: people.jobTitle,
      email: people.email,
      agencyId: people.agencyId,
      agencyName: agencies.name,
    })
    .from(people)
    .leftJoin(agencies, eq(agencies.id, people.agencyId))
    .where(personConditions(actor, filter))
    .orderBy(
      filter.direction === 'desc' ? sql`${order} desc nulls last` : sql`${order} asc nulls last`,
      asc(people.name),
      asc(people.id),
    )
    .limit(filter.limit ?? 100)
    .offset(filter.offset ?? 0)
}

export async function countPeople(db: Database, actor: Actor, filter: Omit<PersonFilter, 'sort' | 'direction'>) {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(people)
    .where(personConditions(actor, filter))
  return row!.count
}

export async function getPerson(db: Database, actor: Actor, id: string) {
  const [row] = await db
    .select({ person: people, agencyName: agencies.name })
    .from(people)
    .leftJoin(agencies, eq(agencies.id, people.agencyId))
    .where(and(eq(people.partnershipId, actor.partnershipId), eq(people.id, id), personScope(actor)))
  if (!row) throw new NotFoundError()
  return { ...row.person, agencyName: row.agencyName }
}

/** The person's name, checking they belong to the partnership; null for no person. */
export async function personNameFor(db: Database, partnershipId: string, personId: string | null, field = 'personId') {
  if (!personId) return null
  const [row] = await db
    .select({ name: people.name })
    .from(people)
    .where(and(eq(people.id, personId), eq(people.partnershipId, partnershipId)))
  if (!row) throw new ValidationError({ [field]: 'Select a person from the list' })
  return row.name
}

const duplicate = { email: 'There is already a person with this email address' }

export async function createPerson(db: Database, actor: Actor, input: PersonInput) {
  // The agency's name goes into the audit row beside its id, so the history reads as it was.
  const agency = await agencyNameFor(db, actor.partnershipId, input.agencyId)
  return insertAudited(db, actor, people, input, {
    recordType: 'person',
    summary: `Added ${input.name}`,
    after: { ...input, agency },
    conflict: duplicate,
  })
}

export async function updatePerson(db: Database, actor: Actor, id: string, version: number, input: PersonInput) {
  const before = await getPerson(db, actor, id)
  const agency = await agencyNameFor(db, actor.partnershipId, input.agencyId)
  return updateAudited(
    db,
    actor,
    people,
    { id, version, before, set: input, described: { before: { agency: before.agencyName }, after: { agency } } },
    { recordType: 'person', summary: `Changed ${input.name}’s details`, conflict: duplicate },
  )
}
