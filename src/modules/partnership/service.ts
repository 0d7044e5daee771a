import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import { containing } from '../../platform/tables.ts'
import { isUuid } from '../../platform/tokens.ts'
import { changedFields, recordAudit } from '../../platform/audit.ts'
import { NotFoundError, StaleEditError, ValidationError } from '../../platform/errors.ts'
import { scopesFor, type Actor } from '../../platform/permissions.ts'
import { partnerships } from '../../platform/schema.ts'
import {
  agencies,
  groupMemberships,
  groups,
  people,
  type AgencyType,
  type GroupKind,
  type MembershipRole,
} from './schema.ts'

/**
 * The partnership directory. Every query is filtered by the actor's partnership, so a record
 * of another partnership is simply not found (404, never 403).
 */

export type SortDirection = 'asc' | 'desc'

function isUniqueViolation(error: unknown) {
  const e = error as { code?: string; cause?: { code?: string } }
  return e?.code === '23505' || e?.cause?.code === '23505'
}

function bump<T extends { version: unknown; updatedAt: unknown }>(table: T) {
  return { version: sql`${table.version} + 1`, updatedAt: new Date() }
}

// ---------------------------------------------------------------- the partnership

export interface PartnershipInput {
  name: string
  shortName: string
  area: string
  localAuthorityCode: string
  yearStartMonth: number
  terminology: 'board' | 'partnership'
}

export async function getPartnership(db: Database, partnershipId: string) {
  const [row] = await db.select().from(partnerships).where(eq(partnerships.id, partnershipId))
  if (!row) throw new NotFoundError()
  return row
}

export async function updatePartnership(db: Database, actor: Actor, version: number, input: PartnershipInput) {
  const before = await getPartnership(db, actor.partnershipId)
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(partnerships)
      .set({ ...input, ...bump(partnerships) })
      .where(and(eq(partnerships.id, actor.partnershipId), eq(partnerships.version, version)))
      .returning()
    if (!updated.length) throw new StaleEditError()
    const diff = changedFields(before, input)
    await recordAudit(tx, actor, {
      action: 'updated',
      recordType: 'partnership',
      recordId: actor.partnershipId,
      summary: 'Changed the partnership’s details',
      before: diff.before,
      after: diff.after,
    })
  })
}

// ---------------------------------------------------------------- agencies

export interface AgencyInput {
  name: string
  type: AgencyType
  contributesFunding: boolean
  active: boolean
}

export interface AgencyFilter {
  search?: string
  type?: AgencyType
  status?: 'active' | 'inactive'
  sort?: 'name' | 'type' | 'people'
  direction?: SortDirection
}

export async function listAgencies(db: Database, partnershipId: string, filter: AgencyFilter) {
  const conditions: SQL[] = [eq(agencies.partnershipId, partnershipId)]
  if (filter.search) conditions.push(ilike(agencies.name, containing(filter.search)))
  if (filter.type) conditions.push(eq(agencies.type, filter.type))
  if (filter.status) conditions.push(eq(agencies.active, filter.status === 'active'))
  // Correlated subqueries are written out in full: Drizzle leaves columns unqualified in a
  // single-table select, which inside a subquery would bind to the inner table.
  const peopleCount = sql<number>`(select count(*)::int from people p where p.agency_id = agencies.id)`
  const order = { name: agencies.name, type: agencies.type, people: peopleCount }[filter.sort ?? 'name']
  return db
    .select({
      id: agencies.id,
      name: agencies.name,
      type: agencies.type,
      contributesFunding: agencies.contributesFunding,
      active: agencies.active,
      peopleCount,
    })
    .from(agencies)
    .where(and(...conditions))
    .orderBy(filter.direction === 'desc' ? desc(order) : asc(order), asc(agencies.name))
}

/** Agencies as choices for a select: id and name only, in name order. */
export function listAgencyOptions(db: Database, partnershipId: string, options: { activeOnly?: boolean } = {}) {
  return db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(and(eq(agencies.partnershipId, partnershipId), options.activeOnly ? eq(agencies.active, true) : undefined))
    .orderBy(asc(agencies.name))
}

export async function getAgency(db: Database, partnershipId: string, id: string) {
  if (!isUuid(id)) throw new NotFoundError()
  const [row] = await db
    .select()
    .from(agencies)
    .where(and(eq(agencies.partnershipId, partnershipId), eq(agencies.id, id)))
  if (!row) throw new NotFoundError()
  return row
}

const duplicateAgency = () => new ValidationError({ name: 'There is already an agency with this name' })

export async function createAgency(db: Database, actor: Actor, input: AgencyInput) {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(agencies)
        .values({ ...input, partnershipId: actor.partnershipId })
        .returning()
      await recordAudit(tx, actor, {
        action: 'created',
        recordType: 'agency',
        recordId: row!.id,
        summary: `Added agency ${input.name}`,
        after: input,
      })
      return row!.id
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateAgency()
    throw error
  }
}

export async function updateAgency(db: Database, actor: Actor, id: string, version: number, input: AgencyInput) {
  const before = await getAgency(db, actor.partnershipId, id)
  try {
    await db.transaction(async (tx) => {
      const updated = await tx
        .update(agencies)
        .set({ ...input, ...bump(agencies) })
        .where(and(eq(agencies.id, id), eq(agencies.partnershipId, actor.partnershipId), eq(agencies.version, version)))
        .returning({ id: agencies.id })
      if (!updated.length) throw new StaleEditError()
      const diff = changedFields(before, input)
      await recordAudit(tx, actor, {
        action: 'updated',
        recordType: 'agency',
        recordId: id,
        summary: `Changed agency ${input.name}`,
        before: diff.before,
        after: diff.after,
      })
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateAgency()
    throw error
  }
}

// ---------------------------------------------------------------- people

export interface PersonInput {
  name: string
  jobTitle: string | null
  agencyId: string | null
  email: string | null
}

export interface PersonFilter {
  search?: string
  agencyId?: string
  sort?: 'name' | 'jobTitle' | 'agency'
  direction?: SortDirection
  limit?: number
  offset?: number
}

/** True when no scope limits what this actor reads in the directory. */
export function seesWholeDirectory(actor: Actor) {
  return scopesFor(actor.roles, 'directory:read').size === 0
}

/** An agency lead sees only people of their own agency. */
function personScope(actor: Actor | null): SQL | undefined {
  if (!actor) return undefined
  const scopes = scopesFor(actor.roles, 'directory:read')
  if (scopes.has('own-agency') && !scopes.has('own-groups')) {
    return actor.agencyId ? eq(people.agencyId, actor.agencyId) : sql`false`
  }
  return undefined
}

function personConditions(partnershipId: string, filter: PersonFilter, actor: Actor | null) {
  const conditions: SQL[] = [eq(people.partnershipId, partnershipId)]
  if (filter.search) {
    const term = containing(filter.search)
    conditions.push(or(ilike(people.name, term), ilike(people.jobTitle, term), ilike(people.email, term))!)
  }
  if (filter.agencyId)
    conditions.push(filter.agencyId === 'none' ? isNull(people.agencyId) : eq(people.agencyId, filter.agencyId))
  const scope = personScope(actor)
  if (scope) conditions.push(scope)
  return and(...conditions)
}

export async function listPeople(
  db: Database,
  partnershipId: string,
  filter: PersonFilter,
  actor: Actor | null = null,
) {
  const order = { name: people.name, jobTitle: people.jobTitle, agency: agencies.name }[filter.sort ?? 'name']
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
    .where(personConditions(partnershipId, filter, actor))
    .orderBy(
      filter.direction === 'desc' ? sql`${order} desc nulls last` : sql`${order} asc nulls last`,
      asc(people.name),
      asc(people.id),
    )
    .limit(filter.limit ?? 100)
    .offset(filter.offset ?? 0)
}

export async function countPeople(
  db: Database,
  partnershipId: string,
  filter: PersonFilter,
  actor: Actor | null = null,
) {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(people)
    .where(personConditions(partnershipId, filter, actor))
  return row!.count
}

export async function getPerson(db: Database, actor: Actor, id: string) {
  if (!isUuid(id)) throw new NotFoundError()
  const scope = personScope(actor)
  const [row] = await db
    .select({ person: people, agencyName: agencies.name })
    .from(people)
    .leftJoin(agencies, eq(agencies.id, people.agencyId))
    .where(and(eq(people.partnershipId, actor.partnershipId), eq(people.id, id), scope))
  if (!row) throw new NotFoundError()
  return { ...row.person, agencyName: row.agencyName }
}

/** The agency's name, checking it belongs to the partnership; null for no agency. */
export async function agencyNameFor(db: Database, partnershipId: string, agencyId: string | null, field = 'agencyId') {
  if (!agencyId) return null
  const [row] = await db
    .select({ name: agencies.name })
    .from(agencies)
    .where(and(eq(agencies.id, agencyId), eq(agencies.partnershipId, partnershipId)))
  if (!row) throw new ValidationError({ [field]: 'Select an agency from the list' })
  return row.name
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

const duplicatePerson = () => new ValidationError({ email: 'There is already a person with this email address' })

export async function createPerson(db: Database, actor: Actor, input: PersonInput) {
  // The agency's name goes into the audit row beside its id, so the history reads as it was.
  const agency = await agencyNameFor(db, actor.partnershipId, input.agencyId)
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(people)
        .values({ ...input, partnershipId: actor.partnershipId })
        .returning()
      await recordAudit(tx, actor, {
        action: 'created',
        recordType: 'person',
        recordId: row!.id,
        summary: `Added ${input.name}`,
        after: { ...input, agency },
      })
      return row!.id
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicatePerson()
    throw error
  }
}

export async function updatePerson(db: Database, actor: Actor, id: string, version: number, input: PersonInput) {
  const before = await getPerson(db, actor, id)
  const agency = await agencyNameFor(db, actor.partnershipId, input.agencyId)
  try {
    await db.transaction(async (tx) => {
      const updated = await tx
        .update(people)
        .set({ ...input, ...bump(people) })
        .where(and(eq(people.id, id), eq(people.partnershipId, actor.partnershipId), eq(people.version, version)))
        .returning({ id: people.id })
      if (!updated.length) throw new StaleEditError()
      const diff = changedFields({ ...before, agency: before.agencyName }, { ...input, agency })
      await recordAudit(tx, actor, {
        action: 'updated',
        recordType: 'person',
        recordId: id,
        summary: `Changed ${input.name}’s details`,
        before: diff.before,
        after: diff.after,
      })
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicatePerson()
    throw error
  }
}

// ---------------------------------------------------------------- groups and membership

export interface GroupInput {
  name: string
  kind: GroupKind
  purpose: string | null
  active: boolean
}

/** A subgroup member sees the board and the groups they sit on (now or in the past). */
function groupScope(actor: Actor | null): SQL | undefined {
  if (!actor) return undefined
  const scopes = scopesFor(actor.roles, 'directory:read')
  if (!scopes.has('own-groups')) return undefined
  if (!actor.personId) return eq(groups.kind, 'board')
  return or(eq(groups.kind, 'board'), inArray(groups.id, db_membershipGroupIds(actor.personId)))
}

function db_membershipGroupIds(personId: string) {
  return sql`(select ${groupMemberships.groupId} from ${groupMemberships} where ${groupMemberships.personId} = ${personId})`
}

export async function listGroups(
  db: Database,
  actor: Actor,
  filter: { sort?: 'name' | 'kind' | 'members'; direction?: SortDirection; status?: 'active' | 'inactive' } = {},
) {
  const memberCount = sql<number>`(select count(*)::int from group_memberships m where m.group_id = groups.id and (m.ends_on is null or m.ends_on >= current_date))`
  const order = { name: groups.name, kind: groups.kind, members: memberCount }[filter.sort ?? 'kind']
  const conditions: (SQL | undefined)[] = [eq(groups.partnershipId, actor.partnershipId), groupScope(actor)]
  if (filter.status) conditions.push(eq(groups.active, filter.status === 'active'))
  return db
    .select({
      id: groups.id,
      name: groups.name,
      kind: groups.kind,
      purpose: groups.purpose,
      active: groups.active,
      memberCount,
    })
    .from(groups)
    .where(and(...conditions))
    .orderBy(filter.direction === 'desc' ? desc(order) : asc(order), asc(groups.name))
}

export async function getGroup(db: Database, actor: Actor, id: string) {
  if (!isUuid(id)) throw new NotFoundError()
  const [row] = await db
    .select()
    .from(groups)
    .where(and(eq(groups.partnershipId, actor.partnershipId), eq(groups.id, id), groupScope(actor)))
  if (!row) throw new NotFoundError()
  return row
}

const duplicateGroup = () => new ValidationError({ name: 'There is already a group with this name' })

export async function createGroup(db: Database, actor: Actor, input: GroupInput) {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(groups)
        .values({ ...input, partnershipId: actor.partnershipId })
        .returning()
      await recordAudit(tx, actor, {
        action: 'created',
        recordType: 'group',
        recordId: row!.id,
        summary: `Added group ${input.name}`,
        after: input,
      })
      return row!.id
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateGroup()
    throw error
  }
}

export async function updateGroup(db: Database, actor: Actor, id: string, version: number, input: GroupInput) {
  const before = await getGroup(db, actor, id)
  try {
    await db.transaction(async (tx) => {
      const updated = await tx
        .update(groups)
        .set({ ...input, ...bump(groups) })
        .where(and(eq(groups.id, id), eq(groups.partnershipId, actor.partnershipId), eq(groups.version, version)))
        .returning({ id: groups.id })
      if (!updated.length) throw new StaleEditError()
      const diff = changedFields(before, input)
      await recordAudit(tx, actor, {
        action: 'updated',
        recordType: 'group',
        recordId: id,
        summary: `Changed group ${input.name}`,
        before: diff.before,
        after: diff.after,
      })
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateGroup()
    throw error
  }
}

export interface MembershipInput {
  personId: string
  role: MembershipRole
  startsOn: string
  endsOn: string | null
}

/** Memberships of a group or of a person, limited to the groups the actor may see. */
export function listMemberships(db: Database, actor: Actor, by: { groupId?: string; personId?: string }) {
  const conditions: (SQL | undefined)[] = [eq(groupMemberships.partnershipId, actor.partnershipId), groupScope(actor)]
  if (by.groupId) conditions.push(eq(groupMemberships.groupId, by.groupId))
  if (by.personId) conditions.push(eq(groupMemberships.personId, by.personId))
  return db
    .select({
      id: groupMemberships.id,
      groupId: groupMemberships.groupId,
      groupName: groups.name,
      personId: groupMemberships.personId,
      personName: people.name,
      jobTitle: people.jobTitle,
      agencyName: agencies.name,
      role: groupMemberships.role,
      startsOn: groupMemberships.startsOn,
      endsOn: groupMemberships.endsOn,
      version: groupMemberships.version,
      current: sql<boolean>`(${groupMemberships.endsOn} is null or ${groupMemberships.endsOn} >= current_date)`,
    })
    .from(groupMemberships)
    .innerJoin(people, eq(people.id, groupMemberships.personId))
    .innerJoin(groups, eq(groups.id, groupMemberships.groupId))
    .leftJoin(agencies, eq(agencies.id, people.agencyId))
    .where(and(...conditions))
    .orderBy(
      sql`case ${groupMemberships.role} when 'independent-chair' then 0 when 'chair' then 1 when 'vice-chair' then 2 when 'member' then 3 else 4 end`,
      asc(people.name),
    )
}

export async function getMembership(db: Database, partnershipId: string, groupId: string, id: string) {
  if (!isUuid(id)) throw new NotFoundError()
  const [row] = await db
    .select()
    .from(groupMemberships)
    .where(
      and(
        eq(groupMemberships.partnershipId, partnershipId),
        eq(groupMemberships.groupId, groupId),
        eq(groupMemberships.id, id),
      ),
    )
  if (!row) throw new NotFoundError()
  return row
}

async function checkMembership(
  db: Database,
  partnershipId: string,
  groupId: string,
  input: MembershipInput,
  excludeId?: string,
) {
  if (input.endsOn && input.endsOn < input.startsOn)
    throw new ValidationError({ 'endsOn-day': 'The end date must be the same as or after the start date' })
  const [person] = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.id, input.personId), eq(people.partnershipId, partnershipId)))
  if (!person) throw new ValidationError({ personId: 'Select a person from the list' })
  // One person holds one seat on a group at a time.
  const overlapping = await db
    .select({ id: groupMemberships.id })
    .from(groupMemberships)
    .where(
      and(
        eq(groupMemberships.groupId, groupId),
        eq(groupMemberships.personId, input.personId),
        excludeId ? sql`${groupMemberships.id} <> ${excludeId}` : undefined,
        sql`daterange(${groupMemberships.startsOn}, ${groupMemberships.endsOn}, '[]') && daterange(${input.startsOn}::date, ${input.endsOn}::date, '[]')`,
      ),
    )
  if (overlapping.length)
    throw new ValidationError({ personId: 'This person is already a member of this group for some of these dates' })
}

export async function addMembership(db: Database, actor: Actor, groupId: string, input: MembershipInput) {
  const group = await getGroup(db, actor, groupId)
  await checkMembership(db, actor.partnershipId, groupId, input)
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(groupMemberships)
      .values({ ...input, groupId, partnershipId: actor.partnershipId })
      .returning()
    const [person] = await tx.select({ name: people.name }).from(people).where(eq(people.id, input.personId))
    const entry = {
      summary: `Added ${person!.name} to ${group.name} as ${input.role.replace(/-/g, ' ')}`,
      after: input,
    }
    await recordAudit(tx, actor, { action: 'membership-added', recordType: 'group', recordId: groupId, ...entry })
    await recordAudit(tx, actor, {
      action: 'membership-added',
      recordType: 'person',
      recordId: input.personId,
      ...entry,
    })
    return row!.id
  })
}

export async function updateMembership(
  db: Database,
  actor: Actor,
  groupId: string,
  id: string,
  version: number,
  input: Omit<MembershipInput, 'personId'>,
) {
  const group = await getGroup(db, actor, groupId)
  const before = await getMembership(db, actor.partnershipId, groupId, id)
  await checkMembership(db, actor.partnershipId, groupId, { ...input, personId: before.personId }, id)
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(groupMemberships)
      .set({ ...input, ...bump(groupMemberships) })
      .where(and(eq(groupMemberships.id, id), eq(groupMemberships.version, version)))
      .returning({ id: groupMemberships.id })
    if (!updated.length) throw new StaleEditError()
    const [person] = await tx.select({ name: people.name }).from(people).where(eq(people.id, before.personId))
    const diff = changedFields(before, input)
    const entry = {
      summary: `Changed ${person!.name}’s membership of ${group.name}`,
      before: diff.before,
      after: diff.after,
    }
    await recordAudit(tx, actor, { action: 'membership-updated', recordType: 'group', recordId: groupId, ...entry })
    await recordAudit(tx, actor, {
      action: 'membership-updated',
      recordType: 'person',
      recordId: before.personId,
      ...entry,
    })
  })
}
