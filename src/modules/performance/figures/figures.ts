import type { FigureDefinition, FigureResult } from '../../../platform/figures.ts'
import { standardIndicators, type StandardIndicator } from '../catalogue.ts'
import type { Rag } from '../judgements.ts'
import type { ScorecardRow } from '../scorecard.ts'
import { indicatorHref } from '../scorecard/presenters.ts'
import { exceptionsHref, growthOf, scorecardHref, standardRow, yearScorecard, type YearScorecard } from './year.ts'

/**
 * The performance figures of the annual report, every one read from the year's scorecard
 * (scorecard.ts) and linking to exactly its records: the counts to the scorecard or the exceptions
 * for the year, a measure's values to its indicator page. For each standard measure: the
 * partnership's value, England's and the statistical neighbours' average (`cpp-rate`,
 * `cpp-rate-england`, `cpp-rate-neighbours`); and the growth of the child protection plan rate
 * over the partnership's growth years (`cpp-rate-growth`, `-england`, `-neighbours`).
 */
const exact = { kind: 'exact' } as const

function countFigure(
  key: string,
  label: string,
  definition: string,
  count: (card: YearScorecard) => number,
  href: typeof scorecardHref,
): FigureDefinition {
  return {
    key,
    label,
    definition,
    unit: 'count',
    rounding: exact,
    compute: async (db, { partnershipId, year }) => ({
      value: count(await yearScorecard(db, partnershipId, year.startYear)),
      link: href(year),
    }),
  }
}

const ragFigure = (rag: Rag, word: string) =>
  countFigure(
    `rag-${rag}`,
    `Indicators rated ${word}`,
    `The indicators on the scorecard for the year rated ${word}: against the partnership’s target where it has set one, otherwise against England and the statistical neighbours’ average. Measures of activity are not rated.`,
    (card) => card.rows.filter((r) => r.rag?.rag === rag).length,
    scorecardHref,
  )

const countFigures: FigureDefinition[] = [
  countFigure(
    'indicators',
    'Indicators on the scorecard',
    'The indicators in the partnership’s catalogue on the scorecard for the year (retired ones are left off).',
    (card) => card.rows.length,
    scorecardHref,
  ),
  ragFigure('red', 'red'),
  ragFigure('amber', 'amber'),
  ragFigure('green', 'green'),
  countFigure(
    'exceptions',
    'Exceptions',
    'Exceptions on the scorecard for the year: an indicator worse than both England and the statistical neighbours, moving the wrong way for several periods in a row, or growing faster than both.',
    (card) => card.rows.reduce((sum, r) => sum + r.exceptions.length, 0),
    exceptionsHref,
  ),
]

type Side = 'own' | 'england' | 'neighbours'
const sideWords: Record<Side, { key: string; label: (name: string) => string; whose: string }> = {
  own: { key: '', label: (name) => name, whose: 'The partnership’s own authority' },
  england: { key: '-england', label: (name) => `${name}: England`, whose: 'England' },
  neighbours: {
    key: '-neighbours',
    label: (name) => `${name}: statistical neighbours’ average`,
    whose: 'The average of the statistical neighbours that have a value',
  },
}

const valueOf = (row: ScorecardRow, side: Side) =>
  side === 'own' ? row.value : side === 'england' ? row.england : (row.neighbours?.value ?? null)

/** A standard measure's row, or why there is none. */
function rowFor(card: YearScorecard, code: string, yearLabel: string): { row: ScorecardRow } | FigureResult {
  const row = standardRow(card, code)
  if (!row) return { value: null, link: null, problem: `The scorecard has no indicator ${code}.` }
  if (!row.period) return { value: null, link: indicatorHref(row.indicator.id), problem: `No value for ${yearLabel}.` }
  return { row }
}

function measureFigure(standard: StandardIndicator, side: Side): FigureDefinition {
  const words = sideWords[side]
  return {
    key: `${standard.code.toLowerCase()}${words.key}`,
    label: words.label(standard.name),
    definition: `${words.whose}: ${standard.definition} From the ${standard.source}, for the reporting year.`,
    unit: standard.unit,
    rounding: exact,
    compute: async (db, { partnershipId, year }) => {
      const found = rowFor(await yearScorecard(db, partnershipId, year.startYear), standard.code, year.label)
      if (!('row' in found)) return found
      const { row } = found
      const value = valueOf(row, side)
      const link = indicatorHref(row.indicator.id)
      if (value !== null) return { value, link }
      const suppressed = side === 'own' && row.suppressed
      return {
        value: null,
        link,
        problem: suppressed
          ? `The value for ${row.period} is suppressed (“${row.suppressed}”).`
          : `No value for ${row.period}.`,
      }
    },
  }
}

const cpp = standardIndicators.find((s) => s.code === 'CPP-RATE')!

function growthFigure(side: Side): FigureDefinition {
  const words = sideWords[side]
  return {
    key: `cpp-rate-growth${words.key}`,
    label: words.label('Growth in the child protection plan rate'),
    definition: `${words.whose}: how much the rate of children subject to a child protection plan on 31 March per 10,000 children grew over the partnership’s growth years (three unless it has chosen otherwise) to the reporting year, as a percentage of the rate at the start.`,
    unit: 'percentage',
    rounding: exact,
    compute: async (db, { partnershipId, year }) => {
      const card = await yearScorecard(db, partnershipId, year.startYear)
      const found = rowFor(card, cpp.code, year.label)
      if (!('row' in found)) return found
      const over = growthOf(found.row, card.growthYears)!
      const value = over[side]
      return {
        value,
        link: indicatorHref(found.row.indicator.id),
        ...(value === null ? { problem: `The growth from ${over.from} to ${over.to} cannot be worked out.` } : {}),
      }
    },
  }
}

export const performanceFigures: FigureDefinition[] = [
  ...countFigures,
  ...standardIndicators.flatMap((standard) =>
    (['own', 'england', 'neighbours'] as const).map((side) => measureFigure(standard, side)),
  ),
  ...(['own', 'england', 'neighbours'] as const).map(growthFigure),
]

/**
 * The figures the section shows, in order: counts, which are 0 rather than missing in a year
 * without data, so a partnership with none can still approve a report with the section. The child
 * protection plan rate's figures are the narrative's placeholders, used only when the year has them.
 */
export const sectionFigureKeys = ['indicators', 'rag-red', 'rag-amber', 'rag-green', 'exceptions']
