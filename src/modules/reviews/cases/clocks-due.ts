import { and, eq, isNull, ne, or, sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { partnershipCalendar } from '../../../platform/working-days.ts'
import { todayInLondon } from '../../actions/service.ts'
import { visibleCases } from '../access.ts'
import { caseClocks, dueSoonOrOverdue, type Clock } from '../clocks.ts'
import { reviewCases, type ReviewCase } from '../schema.ts'

/**
 * The clocks that need someone's attention: not met, and overdue or due within a week's working
 * days. The due soon / overdue page and the home page's panel both list these.
 */

/** "Due soon": due within this many working days. */
export const dueSoonWorkingDays = 5

export interface ClockDue {
  caseId: string
  reference: string
  clock: Clock
}

/** One case's clocks as of today, on the partnership's calendar. */
export async function clocksOf(db: Database, reviewCase: ReviewCase, today = todayInLondon()) {
  return caseClocks(reviewCase, today, await partnershipCalendar(db, reviewCase.partnershipId))
}

/** Every visible case's clocks that are overdue or due soon: by due date (so the overdue first), then reference. */
export async function clocksDue(db: Database, actor: Actor, today = todayInLondon()): Promise<ClockDue[]> {
  // Only cases whose clocks can apply and are not both met: the rest cannot be due.
  const cases = await db
    .select()
    .from(reviewCases)
    .where(
      and(
        eq(reviewCases.partnershipId, actor.partnershipId),
        visibleCases(actor),
        ne(reviewCases.harm, 'other'),
        sql`${reviewCases.framework} is distinct from 'working-together-2015'`,
        or(isNull(reviewCases.notifiedOn), isNull(reviewCases.rapidReviewOn)),
      ),
    )
  if (!cases.length) return []
  const calendar = await partnershipCalendar(db, actor.partnershipId)
  return cases
    .flatMap((reviewCase) =>
      caseClocks(reviewCase, today, calendar)
        .filter((clock) => dueSoonOrOverdue(clock, dueSoonWorkingDays))
        .map((clock) => ({ caseId: reviewCase.id, reference: reviewCase.reference, clock })),
    )
    .sort((a, b) => a.clock.dueOn.localeCompare(b.clock.dueOn) || a.reference.localeCompare(b.reference))
}
