import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { londonInstant } from '../../../platform/london-time.ts'
import type { SectionContext } from '../../../platform/sections.ts'
import { courses, courseThemes, trainingEvents } from '../../learning/schema.ts'
import { getPartnership } from '../../partnership/settings/service.ts'
import { rankedThemes, type RankedTheme } from '../themes-across/ranking.ts'
import { reviewFigureByKey, type RecordsByKind } from './definitions.ts'
import { yearPeriod } from './figures.ts'
import { decisionsWords, learningPointsWords, reviewsWords, summariesWords, type PartnershipWords } from './wording.ts'

/**
 * The section's starting narrative, drafted for the report's year (platform/sections.ts
 * `starting`): each slot reads the records behind its figures — the same functions the figures
 * count — and words them (wording.ts). The officer edits from there.
 */

/** The records of the year's figures, each read once while one slot is drafted. */
function yearRecords(db: Database, { partnershipId, year }: SectionContext) {
  const period = yearPeriod(year)
  const read = new Map<string, Promise<unknown[]>>()
  return <K extends keyof RecordsByKind>(key: string) => {
    if (!read.has(key)) read.set(key, reviewFigureByKey.get(key)!.records(db, partnershipId, period))
    return read.get(key)! as Promise<RecordsByKind[K]>
  }
}

async function partnershipWords(db: Database, partnershipId: string): Promise<PartnershipWords> {
  const partnership = await getPartnership(db, partnershipId)
  return {
    The: `The ${partnership.shortName}`,
    the: `the ${partnership.shortName}`,
    since: partnership.terminology === 'board' ? 'since the last report to the Board' : 'since its last annual report',
  }
}

/** ¶20: the reviews worked on and where each stood at the year's end. */
export async function reviewsParagraph(db: Database, context: SectionContext) {
  const records = yearRecords(db, context)
  const [worked, published, earlier, inYear, active, completed, held, words] = await Promise.all([
    records<'reviews'>('worked-on'),
    records<'reviews'>('published'),
    records<'reviews'>('published-signed-off-earlier'),
    records<'reviews'>('published-signed-off-in-year'),
    records<'reviews'>('active'),
    records<'reviews'>('completed'),
    records<'reviews'>('awaiting-parallel-process'),
    partnershipWords(db, context.partnershipId),
  ])
  return reviewsWords({ worked, published, earlier, inYear, active, completed, held }, words, context.year)
}

/** The decisions taken in the year and the statutory deadlines that fell in it. */
export async function decisionsParagraph(db: Database, context: SectionContext) {
  const records = yearRecords(db, context)
  const [decided, met, notMet, learning, notReviewed, due, onTime, words] = await Promise.all([
    records<'decisions'>('decisions'),
    records<'decisions'>('criteria-met'),
    records<'decisions'>('criteria-not-met'),
    records<'decisions'>('learning-reviews'),
    records<'decisions'>('not-reviewed'),
    records<'clocks'>('clocks-due'),
    records<'clocks'>('clocks-met-on-time'),
    partnershipWords(db, context.partnershipId),
  ])
  return decisionsWords({ decided, met, notMet, learning, notReviewed, due, onTime }, words, context.year)
}

/** ¶21: the learning summaries, and the learning events and conference on the reviews' themes. */
export async function summariesParagraph(db: Database, context: SectionContext) {
  const records = yearRecords(db, context)
  const [published, summarised, ranked, words] = await Promise.all([
    records<'reviews'>('published'),
    records<'reviews'>('learning-summaries'),
    rankedThemes(db, context.partnershipId, yearPeriod(context.year)),
    partnershipWords(db, context.partnershipId),
  ])
  const events = await learningEventsOn(db, context, ranked)
  return summariesWords({ published: published.length, summarised: summarised.length, ...events }, words, context.year)
}

/** ¶16: the ten most common learning points, from the ranking of the themes of the year's reviews. */
export async function learningPointsParagraph(db: Database, context: SectionContext) {
  const [ranked, reviews] = await Promise.all([
    rankedThemes(db, context.partnershipId, yearPeriod(context.year)),
    yearRecords(db, context)<'reviews'>('reviews-ranked'),
  ])
  return learningPointsWords(ranked, reviews, context.year)
}

/**
 * The year's learning events and conferences (completed), as learning's `learning.learning-events`
 * figure counts them, and whether any covered a theme of the year's reviews.
 */
async function learningEventsOn(db: Database, { partnershipId, year }: SectionContext, ranked: RankedTheme[]) {
  const rows = await db
    .select({ courseId: courses.id, format: courses.format })
    .from(trainingEvents)
    .innerJoin(courses, eq(courses.id, trainingEvents.courseId))
    .where(
      and(
        eq(trainingEvents.partnershipId, partnershipId),
        eq(trainingEvents.status, 'completed'),
        inArray(courses.format, ['learning-event', 'conference']),
        sql`${trainingEvents.startsAt} >= ${londonInstant(year.start, '00:00')}`,
        sql`${trainingEvents.startsAt} < ${londonInstant(year.endExclusive, '00:00')}`,
      ),
    )
  const themeIds = ranked.map((t) => t.themeId)
  const covered =
    rows.length && themeIds.length
      ? await db
          .select({ courseId: courseThemes.courseId })
          .from(courseThemes)
          .where(
            and(
              eq(courseThemes.partnershipId, partnershipId),
              inArray(
                courseThemes.courseId,
                rows.map((r) => r.courseId),
              ),
              inArray(courseThemes.themeId, themeIds),
            ),
          )
          .limit(1)
      : []
  return {
    learningEvents: rows.filter((r) => r.format === 'learning-event').length,
    conferences: rows.filter((r) => r.format === 'conference').length,
    onReviewThemes: covered.length > 0,
  }
}
