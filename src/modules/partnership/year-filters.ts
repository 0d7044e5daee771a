import { eq } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import type { Query } from '../../platform/lists.ts'
import { parseYear, yearSlug, type ReportingYear } from '../../platform/reporting-years.ts'
import { partnerships } from '../../platform/schema.ts'

/**
 * Year filters on the directory's lists (`?onBoardIn=2016-17`): what a figure's "show records"
 * link opens. The year is read with the partnership's own start month, as the figure was worked
 * out; text that is not a year is ignored, as any unknown filter is.
 */

/** What each filter says on its tag, before the year: "Sat on the board in 2016/17". */
export const yearFilterLabels = {
  onBoardIn: 'Sat on the board in',
  onSubgroupIn: 'Sat on a subgroup in',
  activeIn: 'Had members in',
  startedIn: 'Started in',
  endedIn: 'Ended in',
} as const
export type YearFilterName = keyof typeof yearFilterLabels

export async function yearStartMonth(db: Database, partnershipId: string) {
  const [row] = await db
    .select({ month: partnerships.yearStartMonth })
    .from(partnerships)
    .where(eq(partnerships.id, partnershipId))
  return row?.month ?? 4
}

/** The named filters' years, from the query; only those given as a year. */
export async function readYears<K extends YearFilterName>(
  db: Database,
  partnershipId: string,
  query: Partial<Record<K, string | undefined>>,
  names: readonly K[],
): Promise<Partial<Record<K, ReportingYear>>> {
  const given = names.filter((name) => query[name])
  if (!given.length) return {}
  const month = await yearStartMonth(db, partnershipId)
  const years: Partial<Record<K, ReportingYear>> = {}
  for (const name of given) {
    const year = parseYear(query[name]!, month)
    if (year) years[name] = year
  }
  return years
}

/** A year filter's text as the query string carries it, or undefined. */
export const yearText = (value: string | undefined) => value?.trim().slice(0, 20) || undefined

/**
 * The tags above a list filtered by year, each with the list's address without it; and the hidden
 * fields that keep the filter when the filter form is sent.
 */
export function yearFilterTags(
  path: string,
  query: Query,
  years: Partial<Record<YearFilterName, ReportingYear>>,
  labels: Partial<Record<YearFilterName, string>> = {},
) {
  return (Object.entries(years) as [YearFilterName, ReportingYear][]).map(([name, year]) => {
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(query))
      if (typeof value === 'string' && value && key !== name && key !== 'page') params.set(key, value)
    const rest = params.toString()
    return {
      name,
      value: yearSlug(year),
      text: `${labels[name] ?? yearFilterLabels[name]} ${year.label}`,
      removeHref: rest ? `${path}?${rest}` : path,
    }
  })
}
