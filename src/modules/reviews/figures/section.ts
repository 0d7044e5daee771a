import type { Database } from '../../../db/index.ts'
import { formatDate } from '../../../platform/views.ts'
import type { ReportTable, SectionContext, SectionDefinition } from '../../../platform/sections.ts'
import { clockDefinitions } from '../clocks.ts'
import { rankedThemes } from '../themes-across/ranking.ts'
import { reviewFigureByKey, type RecordsByKind } from './definitions.ts'
import { yearPeriod } from './figures.ts'
import { decisionsParagraph, learningPointsParagraph, reviewsParagraph, summariesParagraph } from './narrative.ts'

/**
 * The annual report's "Case reviews and learning" section, and the Case Review and Governance
 * subgroup's (every subgroup report may include it: the seed paper's quality assurance subgroup
 * reports the ten most common learning points too). Its tables count the same records as its
 * figures; its narrative starts in the seed paper's words, drafted for the year (narrative.ts).
 */
async function countsOf(db: Database, { partnershipId, year }: SectionContext, keys: readonly string[]) {
  const period = yearPeriod(year)
  const counts = await Promise.all(
    keys.map(async (key) => (await reviewFigureByKey.get(key)!.records(db, partnershipId, period)).length),
  )
  return new Map(keys.map((key, index) => [key, counts[index]!]))
}

async function statusTable(db: Database, context: SectionContext): Promise<ReportTable> {
  const rows = [
    ['published', 'Published in the year'],
    ['completed', 'Completed, awaiting publication'],
    ['awaiting-parallel-process', 'Completed as far as possible, awaiting a parallel process'],
    ['active', 'Active'],
    ['worked-on', 'Total worked on'],
  ] as const
  const counts = await countsOf(
    db,
    context,
    rows.map(([key]) => key),
  )
  return {
    caption: `Serious case reviews and practice reviews worked on in ${context.year.label}, by where they stood on ${formatDate(context.year.end)}`,
    head: ['Where the review stood', 'Reviews'],
    rows: rows.map(([key, label]) => [label, counts.get(key)!]),
    numericColumns: [1],
  }
}

async function decisionsTable(db: Database, context: SectionContext): Promise<ReportTable> {
  const rows = [
    ['criteria-met', 'Criteria met'],
    ['learning-reviews', 'Criteria not met: reviewed as a learning review'],
    ['not-reviewed', 'Criteria not met: not reviewed'],
    ['decisions', 'Total decided'],
  ] as const
  const counts = await countsOf(
    db,
    context,
    rows.map(([key]) => key),
  )
  return {
    caption: `Decisions on whether to review a case, ${context.year.label}`,
    head: ['Decision', 'Cases'],
    rows: rows.map(([key, label]) => [label, counts.get(key)!]),
    numericColumns: [1],
  }
}

async function deadlinesTable(db: Database, { partnershipId, year }: SectionContext): Promise<ReportTable> {
  const due = (await reviewFigureByKey
    .get('clocks-due')!
    .records(db, partnershipId, yearPeriod(year))) as RecordsByKind['clocks']
  return {
    caption: `Statutory deadlines due in ${year.label} (Working Together 2018 onwards)`,
    head: ['Deadline', 'Due', 'Met on time', 'Met late', 'Not met'],
    rows: clockDefinitions.map((definition) => {
      const clocks = due.filter((r) => r.clock.key === definition.key).map((r) => r.clock)
      const count = (test: (state: string) => boolean) => clocks.filter((c) => test(c.state)).length
      return [
        `${definition.label} (${definition.workingDays} working days)`,
        clocks.length,
        count((s) => s === 'met'),
        count((s) => s === 'met-late'),
        count((s) => s === 'overdue' || s === 'due'),
      ]
    }),
    numericColumns: [1, 2, 3, 4],
  }
}

async function recommendationsTable(db: Database, { partnershipId, year }: SectionContext): Promise<ReportTable> {
  const period = yearPeriod(year)
  const inYear = (await reviewFigureByKey
    .get('recommendations-completed')!
    .records(db, partnershipId, period)) as RecordsByKind['recommendations']
  const open = (await reviewFigureByKey
    .get('recommendations-open')!
    .records(db, partnershipId, period)) as RecordsByKind['recommendations']
  const agencies = [...new Set([...open, ...inYear].map((r) => r.agency))].sort((a, b) => a.localeCompare(b, 'en-GB'))
  const row = (label: string, keep: (agency: string) => boolean) => [
    label,
    open.filter((r) => keep(r.agency)).length,
    inYear.filter((r) => keep(r.agency)).length,
    open.filter((r) => keep(r.agency) && r.overdueAtEnd).length,
  ]
  return {
    caption: `Case review recommendations by the agency that owns them, ${year.label}`,
    head: [`Agency`, `Open on ${formatDate(year.end)}`, 'Completed in the year', `Overdue on ${formatDate(year.end)}`],
    rows: [...agencies.map((agency) => row(agency, (a) => a === agency)), row('All agencies', () => true)],
    numericColumns: [1, 2, 3],
  }
}

async function themesTables(db: Database, { partnershipId, year }: SectionContext): Promise<ReportTable[]> {
  const ranked = await rankedThemes(db, partnershipId, yearPeriod(year))
  if (!ranked.length) return []
  return [
    {
      caption: `The ten most common themes in the learning points of the reviews of ${year.label}, and the training on each`,
      head: ['Rank', 'Theme', 'Learning points', 'Reviews', 'Training in the year'],
      rows: ranked
        .slice(0, 10)
        .map((theme, index) => [
          index + 1,
          theme.name,
          theme.learningPoints,
          theme.reviews,
          theme.training.length ? theme.training.map((t) => t.title).join('; ') : 'None',
        ]),
      numericColumns: [0, 2, 3],
    },
  ]
}

export const caseReviewSection: SectionDefinition = {
  key: 'case-reviews',
  title: 'Case reviews and learning',
  order: 50,
  figures: [
    'worked-on',
    'published',
    'published-signed-off-earlier',
    'published-signed-off-in-year',
    'signed-off',
    'active',
    'completed',
    'awaiting-parallel-process',
    'learning-summaries',
    'decisions',
    'criteria-met',
    'criteria-not-met',
    'learning-reviews',
    'not-reviewed',
    'clocks-due',
    'clocks-met-on-time',
    'recommendations-open',
    'recommendations-completed',
    'recommendations-overdue',
    'reviews-ranked',
    'themes-ranked',
    'learning-points',
  ],
  narrative: [
    {
      key: 'reviews-worked-on',
      label: 'Reviews worked on',
      hint: 'The reviews worked on since the last report and where each stands. It starts from the figures: check the words, keep the placeholders.',
      required: true,
      starting: reviewsParagraph,
    },
    {
      key: 'review-decisions',
      label: 'Decisions and statutory deadlines',
      hint: 'Which cases were reviewed, where the criteria were met and where they were not, and how the deadlines for the national panel were kept.',
      required: false,
      starting: decisionsParagraph,
    },
    {
      key: 'learning-summaries',
      label: 'Learning summaries and learning events',
      hint: 'The learning summaries for practitioners and managers, and the learning events and conference on the themes of the reviews.',
      required: false,
      starting: summariesParagraph,
    },
    {
      key: 'learning-points',
      label: 'The most common learning points',
      hint: 'The ten most common learning points across the year’s reviews, from the ranking of their themes.',
      required: false,
      starting: learningPointsParagraph,
    },
    {
      key: 'review-recommendations',
      label: 'Recommendations and their progress',
      hint: 'What changed in practice because of the recommendations, and any that are overdue and why.',
      required: false,
    },
  ],
  build: async (db, context) => ({
    tables: (
      await Promise.all([
        statusTable(db, context),
        decisionsTable(db, context),
        deadlinesTable(db, context),
        recommendationsTable(db, context),
        themesTables(db, context),
      ])
    ).flat(),
    charts: [],
    problems: [],
  }),
}
