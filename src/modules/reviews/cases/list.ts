import { and, asc, eq, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import type { Actor } from '../../../platform/permissions.ts'
import type { ReportingYear } from '../../../platform/reporting-years.ts'
import { visibleCases } from '../access.ts'
import { caseStatuses, reviewCases, type CaseStatus, type ReviewType } from '../schema.ts'

/** The list of cases (`/case-reviews` and its CSV), only those the actor may see. */

export const caseSorts = ['reference', 'type', 'status', 'awareOn', 'signedOffOn', 'publishedOn'] as const
export type CaseSort = (typeof caseSorts)[number]

export interface CaseFilter {
  status?: CaseStatus
  reviewType?: ReviewType
  /** Cases open at some time in the year (openIn). */
  year?: ReportingYear
  sort: CaseSort
  direction: 'asc' | 'desc'
}

/** What the list's "open in a year" means, in words for the page (the report's "reviews worked on" is status-at.ts's, for reviews only). */
export const openMeaning =
  'A case is open in a year when it was open at any time in it: from the day the partnership became aware of it until it was published, or closed without a review. A case signed off or published in the year is one.'

/**
 * The day a case closed: published, or decided not to be reviewed (on the day of the decision);
 * null while it is open (referred, active, completed, or waiting for a parallel process).
 */
export const closedOn = sql<string | null>`case ${reviewCases.status}
  when 'published' then ${reviewCases.publishedOn}
  when 'not-reviewed' then coalesce(${reviewCases.decidedOn}, ${reviewCases.awareOn})
  end`

/** Cases open in the year (openMeaning): at some time between its first and last day. */
export function openIn(year: ReportingYear): SQL {
  return sql`(${reviewCases.awareOn} <= ${year.end} and (${closedOn} is null or ${closedOn} >= ${year.start}))`
}

/** Statuses sort in the order a case moves through them, not alphabetically. */
const statusOrder = sql`array_position(array[${sql.join(
  caseStatuses.map((s) => sql`${s}`),
  sql`, `,
)}]::text[], ${reviewCases.status})`

const orderColumn: Record<CaseSort, SQL> = {
  reference: sql`lower(${reviewCases.reference})`,
  type: sql`${reviewCases.reviewType}`,
  status: statusOrder,
  awareOn: sql`${reviewCases.awareOn}`,
  signedOffOn: sql`${reviewCases.signedOffOn}`,
  publishedOn: sql`${reviewCases.publishedOn}`,
}

export async function listCases(db: Database, actor: Actor, filter: CaseFilter) {
  const conditions: (SQL | undefined)[] = [eq(reviewCases.partnershipId, actor.partnershipId), visibleCases(actor)]
  if (filter.status) conditions.push(eq(reviewCases.status, filter.status))
  if (filter.reviewType) conditions.push(eq(reviewCases.reviewType, filter.reviewType))
  if (filter.year) conditions.push(openIn(filter.year))
  const order = orderColumn[filter.sort]
  return db
    .select({
      id: reviewCases.id,
      reference: reviewCases.reference,
      reviewType: reviewCases.reviewType,
      status: reviewCases.status,
      awareOn: reviewCases.awareOn,
      signedOffOn: reviewCases.signedOffOn,
      publishedOn: reviewCases.publishedOn,
    })
    .from(reviewCases)
    .where(and(...conditions))
    .orderBy(
      filter.direction === 'desc' ? sql`${order} desc nulls last` : sql`${order} asc nulls last`,
      asc(sql`lower(${reviewCases.reference})`),
    )
}
export type CaseListRow = Awaited<ReturnType<typeof listCases>>[number]

/** The earliest and latest days of the partnership's cases, so the year filter offers their years. */
export async function caseDates(db: Database, partnershipId: string) {
  const [row] = await db
    .select({
      first: sql<string | null>`min(${reviewCases.awareOn})`,
      last: sql<
        string | null
      >`max(greatest(${reviewCases.awareOn}, ${reviewCases.signedOffOn}, ${reviewCases.publishedOn}))`,
    })
    .from(reviewCases)
    .where(eq(reviewCases.partnershipId, partnershipId))
  return [row?.first ?? null, row?.last ?? null]
}
