import { parsePeriod } from './periods.ts'
import type { observations } from './schema.ts'

/**
 * One observation as a row to insert, from a period as people write it ("2016/17", "2016/17 Q4")
 * and a value or the department's suppression symbol ("c"), which is stored as suppressed, never
 * as zero.
 */
export function observationRow(
  partnershipId: string,
  indicatorId: string,
  areaCode: string,
  label: string,
  value: number | string,
  provenance: { enteredByName: string; sourceFile?: string | null },
): typeof observations.$inferInsert {
  const period = parsePeriod(label)
  if (!period) throw new Error(`Not a period: ${label}`)
  return {
    partnershipId,
    indicatorId,
    areaCode,
    periodType: period.type,
    period: period.label,
    periodStart: period.start,
    value: typeof value === 'number' ? value : null,
    suppressed: typeof value === 'string' ? value : null,
    ...provenance,
  }
}
