import { eq } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import type { Registry } from '../../platform/modules.ts'
import { reportingYear, yearsBetween } from '../../platform/reporting-years.ts'
import { reports } from './schema.ts'

/**
 * The years the year pickers offer: every year any module holds records for, every year with a
 * report, and the current year; newest first.
 */
export async function reportYears(db: Database, registry: Registry, partnershipId: string, startMonth: number) {
  const [dates, reportRows] = await Promise.all([
    Promise.all(registry.modules.map((m) => m.recordDates?.(db, partnershipId) ?? [])),
    db.selectDistinct({ startYear: reports.startYear }).from(reports).where(eq(reports.partnershipId, partnershipId)),
  ])
  return yearsBetween(
    [...dates.flat(), ...reportRows.map((r) => reportingYear(r.startYear, startMonth).start)],
    startMonth,
  )
}
