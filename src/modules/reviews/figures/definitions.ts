import type { SQL } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import type { DecisionOutcome } from '../schema.ts'
import { inPeriod, statusAt, workedOnIn } from '../status-at.ts'
import { rankedThemes, type Period, type RankedTheme } from '../themes-across/ranking.ts'
import {
  caseRecords,
  clockRecords,
  learningPointRecords,
  recommendationRecords,
  type CaseRecord,
  type ClockRecord,
  type LearningPointRecord,
  type RecommendationRecord,
} from './records.ts'

/**
 * What each case review figure counts, as one function that returns exactly the records counted:
 * the figure is their number, and its list (`/case-reviews/figures/<key>`) shows and downloads
 * them, so the two cannot disagree. A "review" here is a serious case review (Working Together
 * 2015) or a local child safeguarding practice review (2018 onwards), the reviews the seed paper
 * counts; rapid reviews, learning reviews and case audits are counted by their decisions, clocks,
 * recommendations and learning, not as reviews worked on.
 */
export interface RecordsByKind {
  reviews: CaseRecord[]
  decisions: CaseRecord[]
  clocks: ClockRecord[]
  recommendations: RecommendationRecord[]
  themes: RankedTheme[]
  'learning-points': LearningPointRecord[]
}
export type RecordKind = keyof RecordsByKind

export interface ReviewFigure<K extends RecordKind = RecordKind> {
  key: string
  label: string
  definition: string
  kind: K
  records: (db: Database, partnershipId: string, period: Period, visible?: SQL) => Promise<RecordsByKind[K]>
}

const countedTypes = new Set(['serious-case-review', 'practice-review'])
export const isReview = (c: CaseRecord) => !!c.reviewType && countedTypes.has(c.reviewType)

const workedOn = (c: CaseRecord, period: Period) => isReview(c) && workedOnIn(c, period)
const publishedIn = (c: CaseRecord, period: Period) => workedOn(c, period) && inPeriod(c.publishedOn, period)

function reviews(
  key: string,
  label: string,
  definition: string,
  keep: (c: CaseRecord, period: Period) => boolean,
): ReviewFigure<'reviews'> {
  return {
    key,
    label,
    definition,
    kind: 'reviews',
    records: async (db, partnershipId, period, visible) =>
      (await caseRecords(db, partnershipId, visible)).filter((c) => keep(c, period)),
  }
}

function decisions(key: string, label: string, definition: string, outcomes: DecisionOutcome[]) {
  const figure: ReviewFigure<'decisions'> = {
    key,
    label,
    definition,
    kind: 'decisions',
    records: async (db, partnershipId, period, visible) =>
      (await caseRecords(db, partnershipId, visible)).filter(
        (c) => inPeriod(c.decidedOn, period) && !!c.decisionOutcome && outcomes.includes(c.decisionOutcome),
      ),
  }
  return figure
}

function recommendations(
  key: string,
  label: string,
  definition: string,
  keep: (r: RecommendationRecord) => boolean,
): ReviewFigure<'recommendations'> {
  return {
    key,
    label,
    definition,
    kind: 'recommendations',
    records: async (db, partnershipId, period, visible) =>
      (await recommendationRecords(db, partnershipId, period, visible)).filter(keep),
  }
}

const worked =
  'Serious case reviews and local child safeguarding practice reviews commissioned by the end of the year and not published before it began: under way (active, or held for a parallel process) at some time in the year, or signed off or published in it. A review that sat completed all year waiting to be published is not counted.'
const atYearEnd =
  'Of the reviews worked on in the year, those that stood here on its last day (today, while the year is not over), by their key dates.'

export const reviewFigures = [
  reviews('worked-on', 'Serious case reviews and practice reviews worked on', worked, workedOn),
  reviews(
    'published',
    'Reviews published',
    'Of the reviews worked on in the year, those published in it.',
    publishedIn,
  ),
  reviews(
    'published-signed-off-earlier',
    'Reviews published that were signed off in an earlier year',
    'Of the reviews published in the year, those the board signed off before the year began.',
    (c, p) => publishedIn(c, p) && !!c.signedOffOn && c.signedOffOn < p.from,
  ),
  reviews(
    'published-signed-off-in-year',
    'Reviews published that were signed off in the year',
    'Of the reviews published in the year, those the board signed off in it.',
    (c, p) => publishedIn(c, p) && inPeriod(c.signedOffOn, p),
  ),
  reviews(
    'signed-off',
    'Reviews signed off by the board',
    'Of the reviews worked on in the year, those the board signed off in it, published or not.',
    (c, p) => workedOn(c, p) && inPeriod(c.signedOffOn, p),
  ),
  reviews(
    'active',
    'Reviews active at the year’s end',
    `${atYearEnd} Active: commissioned, not yet signed off, and not held for a parallel process.`,
    (c, p) => workedOn(c, p) && statusAt(c, p.to) === 'active',
  ),
  reviews(
    'completed',
    'Reviews completed and awaiting publication at the year’s end',
    `${atYearEnd} Completed: signed off by the board, not yet published, and not held for a parallel process.`,
    (c, p) => workedOn(c, p) && statusAt(c, p.to) === 'completed',
  ),
  reviews(
    'awaiting-parallel-process',
    'Reviews completed as far as possible, awaiting a parallel process, at the year’s end',
    `${atYearEnd} Held: a police investigation, criminal trial, inquest or family court proceedings had started and not ended, so publication waits for it.`,
    (c, p) => workedOn(c, p) && statusAt(c, p.to) === 'awaiting-parallel-process',
  ),
  reviews(
    'learning-summaries',
    'Reviews published with a learning summary',
    'Of the reviews published in the year, those with a learning summary for practitioners and managers.',
    (c, p) => publishedIn(c, p) && c.hasSummary,
  ),
  decisions(
    'decisions',
    'Decisions on whether to review a case',
    'Cases decided in the year (by the day of the decision): the criteria met, not met, or not met and reviewed anyway as a learning review.',
    ['criteria-met', 'criteria-not-met', 'learning-review'],
  ),
  decisions(
    'criteria-met',
    'Decisions: criteria met',
    'Cases decided in the year as meeting the criteria for a serious case review or a local child safeguarding practice review.',
    ['criteria-met'],
  ),
  decisions(
    'criteria-not-met',
    'Decisions: criteria not met',
    'Cases decided in the year as not meeting the criteria, whether or not reviewed as a learning review.',
    ['criteria-not-met', 'learning-review'],
  ),
  decisions(
    'learning-reviews',
    'Decisions: criteria not met, reviewed as a learning review',
    'Cases decided in the year as not meeting the criteria and reviewed anyway as a learning review.',
    ['learning-review'],
  ),
  decisions(
    'not-reviewed',
    'Decisions: criteria not met, not reviewed',
    'Cases decided in the year as not meeting the criteria and not reviewed.',
    ['criteria-not-met'],
  ),
  {
    key: 'clocks-due',
    label: 'Statutory deadlines due',
    definition:
      'Deadlines due in the year for notifying the national panel (5 working days from the day the partnership became aware) and sending it the rapid review (15 working days), counted on the partnership’s calendar of working days. Cases under Working Together 2015, and those that were not a death or serious harm, have none.',
    kind: 'clocks',
    records: clockRecords,
  } satisfies ReviewFigure<'clocks'>,
  {
    key: 'clocks-met-on-time',
    label: 'Statutory deadlines met on time',
    definition: 'Of the deadlines due in the year, those met on or before the day they were due.',
    kind: 'clocks',
    records: async (db, partnershipId, period, visible) =>
      (await clockRecords(db, partnershipId, period, visible)).filter((r) => r.clock.state === 'met'),
  } satisfies ReviewFigure<'clocks'>,
  recommendations(
    'recommendations-open',
    'Recommendations open at the year’s end',
    'Recommendations made by the year’s end (on their review’s sign-off by the board) and not completed by then.',
    (r) => r.openAtEnd,
  ),
  recommendations(
    'recommendations-completed',
    'Recommendations completed',
    'Recommendations completed, with evidence, in the year.',
    (r) => r.completedInPeriod,
  ),
  recommendations(
    'recommendations-overdue',
    'Recommendations overdue at the year’s end',
    'Of the recommendations open at the year’s end, those past their due day by then (by today, while the year is not over), or with an action of their own past its due day and not complete.',
    (r) => r.overdueAtEnd,
  ),
  {
    key: 'themes-ranked',
    label: 'Themes in the learning of the year’s reviews',
    definition:
      'Themes tagged on the learning points of the reviews of the year (published in it, or signed off in it when never published), most learning points first: the ten most common learning points are the first ten.',
    kind: 'themes',
    records: (db, partnershipId, period, visible) => rankedThemes(db, partnershipId, period, { visible }),
  } satisfies ReviewFigure<'themes'>,
  {
    key: 'reviews-ranked',
    label: 'Reviews whose learning is ranked',
    definition:
      'Reviews of the year (published in it, or signed off in it when never published) with at least one learning point tagged with a theme: the reviews the themes are ranked from.',
    kind: 'reviews',
    records: async (db, partnershipId, period, visible) => {
      const [ranked, cases] = await Promise.all([
        rankedThemes(db, partnershipId, period, { visible }),
        caseRecords(db, partnershipId, visible),
      ])
      const ids = new Set(ranked.flatMap((theme) => theme.cases.map((c) => c.id)))
      return cases.filter((c) => ids.has(c.id))
    },
  } satisfies ReviewFigure<'reviews'>,
  {
    key: 'learning-points',
    label: 'Learning points from the year’s reviews',
    definition:
      'Learning points of the reviews of the year (published in it, or signed off in it when never published), each counted once however many themes it has.',
    kind: 'learning-points',
    records: learningPointRecords,
  } satisfies ReviewFigure<'learning-points'>,
] as ReviewFigure[]

export const reviewFigureByKey = new Map(reviewFigures.map((f) => [f.key, f]))
