import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { insertAudited, updateAudited } from '../../../platform/audited-writes.ts'
import { NotFoundError, ValidationError } from '../../../platform/errors.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { formatDate } from '../../../platform/views.ts'
import { getGroup } from '../groups/service.ts'
import { membershipRoleLabels } from '../labels.ts'
import { agencies, groupMemberships, groups, people, type MembershipRole } from '../schema.ts'
import { groupScope, personScope } from '../scopes.ts'

/** Who sits on the board and its subgroups, in which role, from when until when. */

export interface MembershipInput {
  personId: string
  role: MembershipRole
  startsOn: string
  endsOn: string | null
}

/** Memberships of a group or of a person, through the same scopes as the groups and people themselves. */
export function listMemberships(db: Database, actor: Actor, by: { groupId?: string; personId?: string }) {
  const conditions: (SQL | undefined)[] = [
    eq(groupMemberships.partnershipId, actor.partnershipId),
    groupScope(actor),
    personScope(actor),
  ]
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
      sql`lower(${people.sortName})`,
      asc(groupMemberships.id),
    )
}

export async function getMembership(db: Database, actor: Actor, groupId: string, id: string) {
  const [row] = await db
    .select({ membership: groupMemberships, personName: people.name })
    .from(groupMemberships)
    .innerJoin(people, eq(people.id, groupMemberships.personId))
    .where(
      and(
        eq(groupMemberships.partnershipId, actor.partnershipId),
        eq(groupMemberships.groupId, groupId),
        eq(groupMemberships.id, id),
      ),
    )
  if (!row) throw new NotFoundError()
  return { ...row.membership, personName: row.personName }
}

/**
 * One person holds one seat on a group at a time. Checked inside the write's transaction with
 * the person's row locked, so parallel submits for one person run one after the other and the
 * second sees the first's seat.
 */
async function refuseOverlap(
  db: Database,
  partnershipId: string,
  groupId: string,
  input: MembershipInput,
  excludeId?: string,
) {
  const [person] = await db
    .select({ id: people.id, leftOn: people.leftOn })
    .from(people)
    .where(and(eq(people.id, input.personId), eq(people.partnershipId, partnershipId)))
    .for('update')
  if (!person) throw new ValidationError({ personId: 'Select a person from the list' })
  // Leaving ends a person's seats (people/service.ts): none may run past it afterwards.
  if (person.leftOn && (input.endsOn === null || input.endsOn > person.leftOn))
    throw new ValidationError({
      'endsOn-day': `They left on ${formatDate(person.leftOn)}: the end date must be on or before then`,
    })
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

function checkDates(input: { startsOn: string; endsOn: string | null }) {
  if (input.endsOn && input.endsOn < input.startsOn)
    throw new ValidationError({ 'endsOn-day': 'The end date must be the same as or after the start date' })
}

/** A membership is one record in the audit log, shown in the history of its group and of its person. */
const related = (groupId: string, personId: string) => [
  { recordType: 'group', recordId: groupId },
  { recordType: 'person', recordId: personId },
]

export async function addMembership(db: Database, actor: Actor, groupId: string, input: MembershipInput) {
  checkDates(input)
  const group = await getGroup(db, actor, groupId)
  return db.transaction(async (tx) => {
    await refuseOverlap(tx, actor.partnershipId, groupId, input)
    const [person] = await tx.select({ name: people.name }).from(people).where(eq(people.id, input.personId))
    return insertAudited(
      tx,
      actor,
      groupMemberships,
      { ...input, groupId },
      {
        recordType: 'membership',
        action: 'membership-added',
        summary: `Added ${person!.name} to ${group.name} as ${membershipRoleLabels[input.role].toLowerCase()}`,
        related: related(groupId, input.personId),
        after: { ...input, person: person!.name, group: group.name },
      },
    )
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
  checkDates(input)
  const group = await getGroup(db, actor, groupId)
  const before = await getMembership(db, actor, group.id, id)
  return db.transaction(async (tx) => {
    await refuseOverlap(tx, actor.partnershipId, groupId, { ...input, personId: before.personId }, id)
    return updateAudited(
      tx,
      actor,
      groupMemberships,
      { id, version, before, set: input },
      {
        recordType: 'membership',
        action: 'membership-updated',
        summary: `Changed ${before.personName}’s membership of ${group.name}`,
        related: related(groupId, before.personId),
      },
    )
  })
}

/** A person's seats still open on a day, with their groups' names: those they give up by leaving that day. */
export function membershipsOpenOn(db: Database, partnershipId: string, personId: string, day: string) {
  return db
    .select({
      id: groupMemberships.id,
      groupId: groupMemberships.groupId,
      groupName: groups.name,
      startsOn: groupMemberships.startsOn,
    })
    .from(groupMemberships)
    .innerJoin(groups, eq(groups.id, groupMemberships.groupId))
    .where(
      and(
        eq(groupMemberships.partnershipId, partnershipId),
        eq(groupMemberships.personId, personId),
        or(isNull(groupMemberships.endsOn), sql`${groupMemberships.endsOn} > ${day}::date`),
      ),
    )
    .orderBy(asc(groups.name))
}

/**
 * Ends seats on a day, inside the transaction of the change that ends them (a person leaving),
 * whose one audit row names the groups.
 */
export async function endMemberships(db: Database, partnershipId: string, ids: string[], day: string) {
  if (!ids.length) return
  await db
    .update(groupMemberships)
    .set({ endsOn: day, version: sql`${groupMemberships.version} + 1`, updatedAt: new Date() })
    .where(and(eq(groupMemberships.partnershipId, partnershipId), inArray(groupMemberships.id, ids)))
}
