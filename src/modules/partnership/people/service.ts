import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { insertAudited, updateAudited } from '../../../platform/audited-writes.ts'
import { NotFoundError, ValidationError } from '../../../platform/errors.ts'
import { matchesWords } from '../../../platform/lists.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { users } from '../../../platform/schema.ts'
import { formatDate } from '../../../platform/views.ts'
import { agencyNameFor } from '../agencies/service.ts'
import type { ReportingYear } from '../../../platform/reporting-years.ts'
import { peopleWhoSatOn } from '../memberships/in-year.ts'
import { endMemberships, membershipsOpenOn } from '../memberships/service.ts'
import { agencies, people, type GroupKind } from '../schema.ts'
import { personScope } from '../scopes.ts'
import { sortNameFor } from './sort-name.ts'
import { currentPerson, erasedName } from './status.ts'

/** People of the partnership's agencies, with or without accounts. */

export interface PersonInput {
  name: string
  /** "Sort as": empty to work it out from the name. */
  sortName?: string | null
  jobTitle: string | null
  agencyId: string | null
  email: string | null
}

export interface PersonFilter {
  /** Words of a name, job title or email, in any order. */
  search?: string
  /** An agency's id, or "none" for people of no agency. */
  agencyId?: string
  /** People who have left too; only current people otherwise. */
  includeLeft?: boolean
  /** With includeLeft: erased entries too (a list shows them; a choice of whom to link an account to does not). */
  includeErased?: boolean
  /**
   * Only people who sat on the board (or any subgroup) at some time in the year, whether or not
   * they have left since: a year's membership is history, so it lists everyone it counts.
   */
  satOn?: { kind: GroupKind; year: ReportingYear }
  sort: 'name' | 'jobTitle' | 'agency'
  direction: 'asc' | 'desc'
  limit?: number
  offset?: number
}

function personConditions(actor: Actor, filter: Omit<PersonFilter, 'sort' | 'direction'>) {
  const conditions: (SQL | undefined)[] = [eq(people.partnershipId, actor.partnershipId), personScope(actor)]
  if (filter.satOn) conditions.push(inArray(people.id, peopleWhoSatOn(actor, filter.satOn.kind, filter.satOn.year)))
  else if (!filter.includeLeft) conditions.push(currentPerson)
  else if (!filter.includeErased) conditions.push(isNull(people.erasedAt))
  if (filter.search) conditions.push(matchesWords(filter.search, [people.name, people.jobTitle, people.email]))
  if (filter.agencyId)
    conditions.push(filter.agencyId === 'none' ? isNull(people.agencyId) : eq(people.agencyId, filter.agencyId))
  else conditions.push(notSchoolStaff)
  return and(...conditions)
}

/**
 * Not the staff of a school (its designated safeguarding lead, imported with the schools): people
 * lists are of the partner agencies' people unless they ask for one agency, a school among them.
 */
const notSchoolStaff = sql`not exists (select 1 from ${agencies} where ${agencies.id} = ${people.agencyId} and ${agencies.type} = 'school')`

/** Their last day has come: "left", not "leaving". */
const hasLeft = sql<boolean>`coalesce(${people.leftOn} <= current_date, false)`

/** Filed by family name ("Lyons, Kate"), whatever their title; case aside, so both drivers agree. */
const bySortName = sql`lower(${people.sortName})`

export async function listPeople(db: Database, actor: Actor, filter: PersonFilter) {
  const order = { name: bySortName, jobTitle: people.jobTitle, agency: agencies.name }[filter.sort]
  return db
    .select({
      id: people.id,
      name: people.name,
      jobTitle: people.jobTitle,
      email: people.email,
      agencyId: people.agencyId,
      agencyName: agencies.name,
      leftOn: people.leftOn,
      hasLeft,
      erasedAt: people.erasedAt,
    })
    .from(people)
    .leftJoin(agencies, eq(agencies.id, people.agencyId))
    .where(personConditions(actor, filter))
    .orderBy(
      filter.direction === 'desc' ? sql`${order} desc nulls last` : sql`${order} asc nulls last`,
      bySortName,
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
    .select({ person: people, agencyName: agencies.name, hasLeft })
    .from(people)
    .leftJoin(agencies, eq(agencies.id, people.agencyId))
    .where(and(eq(people.partnershipId, actor.partnershipId), eq(people.id, id), personScope(actor)))
  if (!row) throw new NotFoundError()
  return { ...row.person, agencyName: row.agencyName, hasLeft: row.hasLeft }
}

/** A person whose details may still change: erased entries have nothing left to change. */
export async function getUnerasedPerson(db: Database, actor: Actor, id: string) {
  const person = await getPerson(db, actor, id)
  if (person.erasedAt) throw new NotFoundError()
  return person
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
  const values = { ...input, sortName: input.sortName || sortNameFor(input.name) }
  return insertAudited(db, actor, people, values, {
    recordType: 'person',
    summary: `Added ${input.name}`,
    after: { ...values, agency },
    conflict: duplicate,
  })
}

export async function updatePerson(db: Database, actor: Actor, id: string, version: number, input: PersonInput) {
  const before = await getUnerasedPerson(db, actor, id)
  const agency = await agencyNameFor(db, actor.partnershipId, input.agencyId)
  // "Sort as" left as it was worked out follows a change of name; one typed in stays.
  const given = input.sortName && input.sortName !== sortNameFor(before.name) ? input.sortName : null
  const set = { ...input, sortName: given ?? sortNameFor(input.name) }
  return updateAudited(
    db,
    actor,
    people,
    { id, version, before, set, described: { before: { agency: before.agencyName }, after: { agency } } },
    { recordType: 'person', summary: `Changed ${input.name}’s details`, conflict: duplicate },
  )
}

/**
 * Marks a person as having left on their last day: kept for history, gone from current lists
 * after it, and their seats on groups still open that day end then, in one audit row that shows
 * in each of those groups' histories too.
 */
export async function markAsLeft(db: Database, actor: Actor, id: string, version: number, leftOn: string) {
  const before = await getUnerasedPerson(db, actor, id)
  return db.transaction(async (tx) => {
    // Locked first, as adding a membership does, so a seat added meanwhile is seen and ended too.
    await tx.select({ id: people.id }).from(people).where(eq(people.id, id)).for('update')
    const open = await membershipsOpenOn(tx, actor.partnershipId, id, leftOn)
    const later = open.find((m) => m.startsOn > leftOn)
    if (later)
      throw new ValidationError({
        'leftOn-day': `The date they left must be the same as or after ${formatDate(later.startsOn)}, when they joined ${later.groupName}`,
      })
    const groupIds = [...new Set(open.map((m) => m.groupId))]
    return updateAudited(
      tx,
      actor,
      people,
      {
        id,
        version,
        before,
        set: { leftOn },
        described: {
          before: { membershipsEnded: null },
          after: { membershipsEnded: open.length ? open.map((m) => m.groupName) : null },
        },
        alsoWrite: (write) =>
          endMemberships(
            write,
            actor.partnershipId,
            open.map((m) => m.id),
            leftOn,
          ),
      },
      {
        recordType: 'person',
        action: 'left',
        summary: `Marked ${before.name} as left`,
        related: groupIds.map((groupId) => ({ recordType: 'group', recordId: groupId })),
      },
    )
  })
}

/** Accounts that point at this directory entry: while there are any, it cannot be erased. */
export function accountsLinkedTo(db: Database, partnershipId: string, personId: string) {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.partnershipId, partnershipId), eq(users.personId, personId)))
    .orderBy(asc(users.name))
}

/** Why a person's details cannot be erased yet, or null when they can. */
export function erasureBlocker(person: { hasLeft: boolean }, linkedAccounts: unknown[]) {
  if (linkedAccounts.length) return 'account'
  if (!person.hasLeft) return 'not-left'
  return null
}

const erasureRefusals = {
  account: 'You cannot erase this person’s details while an account is linked to them',
  'not-left': 'You cannot erase this person’s details until they have left',
}

/**
 * Erases a person's details at their request: name, sort name, job title and email give way to
 * "Erased person". The audit row says that it happened, by whom and when, and holds none of what
 * was removed (docs/decisions/0008-leaving-and-erasure.md).
 */
export async function erasePerson(db: Database, actor: Actor, id: string, version: number) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ person: people, hasLeft })
      .from(people)
      .where(and(eq(people.partnershipId, actor.partnershipId), eq(people.id, id), isNull(people.erasedAt)))
      .for('update', { of: people })
    if (!row) throw new NotFoundError()
    const blocker = erasureBlocker(row, await accountsLinkedTo(tx, actor.partnershipId, id))
    if (blocker) throw new ValidationError({ confirm: erasureRefusals[blocker] })
    return updateAudited(
      tx,
      actor,
      people,
      {
        id,
        version,
        before: row.person,
        set: { name: erasedName, sortName: erasedName, jobTitle: null, email: null, erasedAt: new Date() },
      },
      {
        recordType: 'person',
        action: 'erased',
        summary: 'Erased this person’s name, job title and email',
        withoutValues: true,
      },
    )
  })
}
