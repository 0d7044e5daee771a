import { and, asc, count, desc, eq } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { matchesWords } from '../../../platform/lists.ts'
import { can, type Actor } from '../../../platform/permissions.ts'
import { agencies } from '../../partnership/schema.ts'
import { currentLeads } from './import.ts'

/** The directory's schools and colleges (agencies of type `school`), with their designated safeguarding leads. */
export interface SchoolFilter {
  /** Words of the name, or the URN. */
  search?: string
  sort: 'name' | 'urn'
  direction: 'asc' | 'desc'
}

export interface SchoolListRow {
  id: string
  urn: string | null
  name: string
  active: boolean
  dslName: string | null
  /** Only for those who keep the schools (assurance:manage); null for the rest. */
  dslEmail: string | null
  emailShown: boolean
}

const isSchool = (partnershipId: string) => and(eq(agencies.partnershipId, partnershipId), eq(agencies.type, 'school'))

function conditions(actor: Actor, filter: Pick<SchoolFilter, 'search'>) {
  return and(
    isSchool(actor.partnershipId),
    filter.search ? matchesWords(filter.search, [agencies.name, agencies.urn]) : undefined,
  )
}

export async function listSchools(
  db: Database,
  actor: Actor,
  filter: SchoolFilter,
  page: { limit: number; offset: number } | null,
): Promise<SchoolListRow[]> {
  const leads = currentLeads(db, actor.partnershipId).as('leads')
  const order = { name: agencies.name, urn: agencies.urn }[filter.sort]
  const emailShown = can(actor, 'assurance:manage')
  const query = db
    .select({
      id: agencies.id,
      urn: agencies.urn,
      name: agencies.name,
      active: agencies.active,
      dslName: leads.name,
      dslEmail: leads.email,
    })
    .from(agencies)
    .leftJoin(leads, eq(leads.agencyId, agencies.id))
    .where(conditions(actor, filter))
    .orderBy(filter.direction === 'desc' ? desc(order) : asc(order), asc(agencies.name))
  const rows = page ? await query.limit(page.limit).offset(page.offset) : await query
  return rows.map((row) => ({ ...row, dslEmail: emailShown ? row.dslEmail : null, emailShown }))
}

export async function countSchools(db: Database, actor: Actor, filter: Pick<SchoolFilter, 'search'> = {}) {
  const [row] = await db.select({ count: count() }).from(agencies).where(conditions(actor, filter))
  return row?.count ?? 0
}
