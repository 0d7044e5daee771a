import { and, asc, desc, eq } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { ValidationError } from '../../../platform/errors.ts'
import { formatYear } from '../../../platform/reporting-years.ts'
import { yearStartMonth } from '../../partnership/year-filters.ts'
import { businessPlans, planPriorities } from '../../performance/schema.ts'

/** The business plan priorities an audit may give evidence for, named with their plan's year. */

/** Every priority of every plan, latest plan first: "2016/17: Tackling neglect". */
export async function priorityChoices(db: Database, partnershipId: string) {
  const [rows, startMonth] = await Promise.all([
    db
      .select({ id: planPriorities.id, title: planPriorities.title, startYear: businessPlans.startYear })
      .from(planPriorities)
      .innerJoin(businessPlans, eq(businessPlans.id, planPriorities.planId))
      .where(eq(planPriorities.partnershipId, partnershipId))
      .orderBy(desc(businessPlans.startYear), asc(planPriorities.position)),
    yearStartMonth(db, partnershipId),
  ])
  return rows.map((r) => ({ id: r.id, text: `${formatYear(r.startYear, startMonth)}: ${r.title}` }))
}

/** The priority's name for pages and the audit log, checking it is the partnership's; null for none. */
export async function priorityTitle(db: Database, partnershipId: string, id: string | null) {
  if (!id) return null
  const [row] = await db
    .select({ title: planPriorities.title, startYear: businessPlans.startYear })
    .from(planPriorities)
    .innerJoin(businessPlans, eq(businessPlans.id, planPriorities.planId))
    .where(and(eq(planPriorities.id, id), eq(planPriorities.partnershipId, partnershipId)))
  if (!row) throw new ValidationError({ planPriorityId: 'Select a priority from the list' })
  return `${formatYear(row.startYear, await yearStartMonth(db, partnershipId))}: ${row.title}`
}
