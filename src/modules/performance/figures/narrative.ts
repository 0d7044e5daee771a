import type { Database } from '../../../db/index.ts'
import type { ReportingYear } from '../../../platform/reporting-years.ts'
import type { SectionContext } from '../../../platform/sections.ts'
import { formatDate } from '../../../platform/views.ts'
import type { ExceptionKind } from '../judgements.ts'
import { growthOf, rowsWithData, standardRow, yearScorecard, type YearScorecard } from './year.ts'

/**
 * The performance section's starting narrative, drafted for the report's year from the scorecard
 * in the shape of the seed paper's ¶15: the call to keep scrutinising activity; the measures
 * growing faster than England and similar authorities (the seed's finding), in sentences without
 * numbers (judgements.ts words them); the child protection plan rate's growth and level against
 * both, every number a figure placeholder; then the other exceptions. A year with no data says so.
 */
export const openingSentence =
  'The quantitative data indicates that the child protection partnership should continue to be rigorous in scrutinising activity.'

export function quantitativeWords(card: YearScorecard, year: ReportingYear): string {
  if (!rowsWithData(card).length) return `There is no performance data for ${year.label}.`
  const exceptions = card.rows.flatMap((row) => row.exceptions)
  const findings = (kinds: ExceptionKind[]) => [
    ...new Set(exceptions.filter((e) => kinds.includes(e.kind)).map((e) => e.narrative)),
  ]
  return [
    openingSentence,
    ...findings(['growing-faster']),
    ...childProtectionSentences(card),
    ...findings(['worse-than-comparators', 'wrong-way']),
    ...(exceptions.length ? [] : [`No indicator on the scorecard is an exception in ${year.label}.`]),
  ].join(' ')
}

/** The child protection plan rate's growth and level, when the scorecard has all three of each. */
function childProtectionSentences(card: YearScorecard): string[] {
  const row = standardRow(card, 'CPP-RATE')
  if (!row?.period) return []
  const sentences: string[] = []
  const growth = growthOf(row, card.growthYears)
  if (growth && growth.own !== null && growth.england !== null && growth.neighbours !== null)
    sentences.push(
      `Between ${growth.from} and ${growth.to} the rate of children subject to child protection plans ${growth.own >= 0 ? 'rose by' : 'changed by'} {{performance.cpp-rate-growth}}, against {{performance.cpp-rate-growth-england}} in England and {{performance.cpp-rate-growth-neighbours}} among similar authorities.`,
    )
  if (row.value !== null && row.england !== null && row.neighbours?.value != null && card.startYear !== null)
    sentences.push(
      `On ${formatDate(`${card.startYear + 1}-03-31`)} ${sentences.length ? 'it' : 'the rate of children subject to child protection plans'} stood at {{performance.cpp-rate}}, against {{performance.cpp-rate-england}} in England and {{performance.cpp-rate-neighbours}} among similar authorities.`,
    )
  return sentences
}

export async function quantitativeParagraph(db: Database, context: SectionContext) {
  return quantitativeWords(await yearScorecard(db, context.partnershipId, context.year.startYear), context.year)
}
