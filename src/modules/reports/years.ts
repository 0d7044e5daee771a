import { eq, max } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import type { Registry } from '../../platform/modules.ts'
import { parseYear, reportingYear, yearContaining, yearsBetween } from '../../platform/reporting-years.ts'
import { getPartnership } from '../partnership/settings/service.ts'
import { reports } from './schema.ts'

/**
 * The years the year pickers offer: every year any module holds records for, every year with a
 * report, and the current year; newest first. The year shown is the one asked for, else the
 * latest year with a report (what the business unit is working on), else the current year.
 */
export async function reportYears(db: Database, registry: Registry, partnershipId: string, asked?: string) {
  const partnership = await getPartnership(db, partnershipId)
  const startMonth = partnership.yearStartMonth
  const [dates, [latest]] = await Promise.all([
    Promise.all(registry.modules.map((m) => m.recordDates?.(db, partnershipId) ?? [])),
    db
      .select({ startYear: max(reports.startYear) })
      .from(reports)
      .where(eq(reports.partnershipId, partnershipId)),
  ])
  const latestReport = latest?.startYear == null ? null : reportingYear(latest.startYear, startMonth)
  const years = yearsBetween([...dates.flat(), latestReport?.start], startMonth)
  const year = (asked && parseYear(asked, startMonth)) || latestReport || yearContaining(new Date(), startMonth)
  return { years, year, startMonth }
}
