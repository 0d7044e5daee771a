import { and, asc, desc, eq, inArray, isNotNull, ne, or, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { insertAudited, updateAudited } from '../../../platform/audited-writes.ts'
import { NotFoundError, ValidationError } from '../../../platform/errors.ts'
import { matchesWords } from '../../../platform/lists.ts'
import type { Actor } from '../../../platform/permissions.ts'
import type { ReportingYear } from '../../../platform/reporting-years.ts'
import { isUuid } from '../../../platform/tokens.ts'
import { peopleWhoSatOn } from '../memberships/in-year.ts'
import { currentPerson } from '../people/status.ts'
import { personScope } from '../scopes.ts'
import { agencies, people, type AgencyType } from '../schema.ts'

/** Partner agencies. Every query is filtered by the actor's partnership: another's record is "not found". */

export interface AgencyInput {
  name: string
  type: AgencyType
  contributesFunding: boolean
  active: boolean
}

export interface AgencyFilter {
  search?: string
  /** One type; 'all' for every type; unset for the partner agencies (every type but schools). */
  type?: AgencyType | 'all'
  status?: 'active' | 'inactive'
  /** Whether the agency contributes to the partnership's funding. */
  funding?: boolean
  /**
   * Only agencies one of whose people sat on the board at some time in the year, by the agency
   * each person is recorded with now (the directory keeps no history of a person's agency).
   */
  onBoardIn?: ReportingYear
  sort: 'name' | 'type' | 'people'
  direction: 'asc' | 'desc'
}

export async function listAgencies(db: Database, actor: Actor, filter: AgencyFilter) {
  const conditions: (SQL | undefined)[] = [eq(agencies.partnershipId, actor.partnershipId)]
  if (filter.search) conditions.push(matchesWords(filter.search, [agencies.name]))
  if (!filter.type) conditions.push(partnerAgency)
  else if (filter.type !== 'all') conditions.push(eq(agencies.type, filter.type))
  if (filter.status) conditions.push(eq(agencies.active, filter.status === 'active'))
  if (filter.funding !== undefined) conditions.push(eq(agencies.contributesFunding, filter.funding))
  if (filter.onBoardIn) conditions.push(inArray(agencies.id, boardAgencies(actor, filter.onBoardIn)))
  // Head counts of current people through the same scope as the people list, so a count never promises people the page will not show.
  const counts = db
    .select({ agencyId: people.agencyId, count: sql<number>`count(*)::int`.as('count') })
    .from(people)
    .where(and(eq(people.partnershipId, actor.partnershipId), personScope(actor), currentPerson))
    .groupBy(people.agencyId)
    .as('counts')
  const peopleCount = sql<number>`coalesce(${counts.count}, 0)`
  const order = { name: agencies.name, type: agencies.type, people: peopleCount }[filter.sort]
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
    .leftJoin(counts, eq(counts.agencyId, agencies.id))
    .where(and(...conditions))
    .orderBy(filter.direction === 'desc' ? desc(order) : asc(order), asc(agencies.name))
}

/** The agencies of the people who sat on the board in the year, as far as the actor sees them. */
function boardAgencies(actor: Actor, year: ReportingYear) {
  return sql`(select ${people.agencyId} from ${people} where ${and(
    eq(people.partnershipId, actor.partnershipId),
    isNotNull(people.agencyId),
    personScope(actor),
    inArray(people.id, peopleWhoSatOn(actor, 'board', year)),
  )})`
}

/**
 * The partnership's agencies other than schools. Schools are agencies too (the schools'
 * safeguarding audit's responding organisations, imported by the hundred), so every list or select
 * meant for the partner agencies filters with this; the directory's agencies page and the schools'
 * audit show them.
 */
export const partnerAgency = ne(agencies.type, 'school')

/**
 * Partner agencies as choices for a select: id and name only, in name order. `keep` is the
 * record's current agency (or agencies), offered even when it is a school (or inactive), so saving
 * the form does not lose it.
 */
export function listAgencyOptions(
  db: Database,
  partnershipId: string,
  options: { activeOnly?: boolean; keep?: string | readonly string[] | null } = {},
) {
  const offered = and(partnerAgency, options.activeOnly ? eq(agencies.active, true) : undefined)
  const kept = [options.keep ?? []].flat().filter(isUuid)
  return db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(
      and(eq(agencies.partnershipId, partnershipId), kept.length ? or(offered, inArray(agencies.id, kept)) : offered),
    )
    .orderBy(asc(agencies.name))
}

export async function getAgency(db: Database, partnershipId: string, id: string) {
  const [row] = await db
    .select()
    .from(agencies)
    .where(and(eq(agencies.partnershipId, partnershipId), eq(agencies.id, id)))
  if (!row) throw new NotFoundError()
  return row
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

const duplicate = { name: 'There is already an agency with this name' }

export function createAgency(db: Database, actor: Actor, input: AgencyInput) {
  return insertAudited(db, actor, agencies, input, {
    recordType: 'agency',
    summary: `Added agency ${input.name}`,
    conflict: duplicate,
  })
}

export async function updateAgency(db: Database, actor: Actor, id: string, version: number, input: AgencyInput) {
  const before = await getAgency(db, actor.partnershipId, id)
  return updateAudited(
    db,
    actor,
    agencies,
    { id, version, before, set: input },
    { recordType: 'agency', summary: `Changed agency ${input.name}`, conflict: duplicate },
  )
}
