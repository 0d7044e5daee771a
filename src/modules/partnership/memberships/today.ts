import { and, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { groupMemberships, people } from '../schema.ts'

/**
 * The people a form offers as checkboxes for a panel or a team (a case review's panel, a case
 * audit's auditors): those sitting today on the given groups, and the people already chosen, in
 * name order. Anyone else is added with a person picker.
 */
export async function sittingOnOrChosen(
  db: Database,
  partnershipId: string,
  groupIds: readonly string[],
  chosenIds: readonly string[],
  today: string,
) {
  const columns = { id: people.id, name: people.name, jobTitle: people.jobTitle, sortName: people.sortName }
  const [members, chosen] = await Promise.all([
    groupIds.length
      ? db
          .selectDistinct(columns)
          .from(groupMemberships)
          .innerJoin(people, eq(people.id, groupMemberships.personId))
          .where(
            and(
              eq(groupMemberships.partnershipId, partnershipId),
              inArray(groupMemberships.groupId, [...groupIds]),
              lte(groupMemberships.startsOn, today),
              or(isNull(groupMemberships.endsOn), gte(groupMemberships.endsOn, today)),
            ),
          )
      : [],
    chosenIds.length
      ? db
          .select(columns)
          .from(people)
          .where(and(eq(people.partnershipId, partnershipId), inArray(people.id, [...chosenIds])))
      : [],
  ])
  const byId = new Map([...members, ...chosen].map((person) => [person.id, person]))
  return [...byId.values()].sort((a, b) => a.sortName.localeCompare(b.sortName))
}
