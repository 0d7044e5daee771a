import { and, asc, eq } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { reportingYear, yearSlug } from '../../../platform/reporting-years.ts'
import { yearStartMonth } from '../../partnership/year-filters.ts'
import { businessPlans, planPriorities } from '../schema.ts'

/**
 * The permission matrix's ids: the partnership's first plan that has a priority (the demo's
 * 2016/17), creating none. A partnership without one walks with ids nobody has, which answer 404.
 */
export async function planMatrixIds(db: Database, partnershipId: string): Promise<Record<string, string>> {
  const [row] = await db
    .select({ startYear: businessPlans.startYear, priorityId: planPriorities.id })
    .from(businessPlans)
    .innerJoin(planPriorities, eq(planPriorities.planId, businessPlans.id))
    .where(and(eq(businessPlans.partnershipId, partnershipId)))
    .orderBy(asc(businessPlans.startYear), asc(planPriorities.position))
    .limit(1)
  const month = await yearStartMonth(db, partnershipId)
  return {
    '/business-plan/:year': yearSlug(reportingYear(row?.startYear ?? 2016, month)),
    '/business-plan/priorities/:id': row?.priorityId ?? '00000000-0000-4000-8000-000000000000',
  }
}
