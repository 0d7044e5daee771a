import { and, asc, between, eq, inArray, ne, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { londonInstant } from '../../../platform/london-time.ts'
import { courses, courseThemes, trainingEvents } from '../../learning/schema.ts'
import { themes } from '../../themes/schema.ts'
import { learningPointThemes, reviewCases, reviewLearningPoints } from '../schema.ts'

/**
 * Themes across reviews: how often each theme appears in the learning points of the reviews of a
 * period, ranked — the report's "ten most common learning points" — with the reviews behind each
 * count and the training on it in the period. A review belongs to a period by the day it was
 * published, or, for one never published (a learning review, a case audit), the day the board
 * signed it off: the seed paper ranks "the three recently published case reviews" of its year.
 */

/** London days, inclusive. */
export interface Period {
  from: string
  to: string
}

export interface RankedTheme {
  themeId: string
  name: string
  description: string | null
  /** Learning points tagged with the theme, across the period's reviews. */
  learningPoints: number
  /** Reviews with at least one such point. */
  reviews: number
  /** The reviews behind the count, by reference. */
  cases: { id: string; reference: string }[]
  /** Courses on the theme with events (not cancelled) in the period. */
  training: { courseId: string; title: string; events: number }[]
}

/** The day that puts a review in a period. */
export const reviewReportedOn = sql<string>`coalesce(${reviewCases.publishedOn}, ${reviewCases.signedOffOn})`

/**
 * Every theme found in the period's reviews, most learning points first (then most reviews, then
 * name). `visible` limits the cases (a person's confidential scope); the report passes none.
 */
export async function rankedThemes(
  db: Database,
  partnershipId: string,
  period: Period,
  options: { visible?: SQL } = {},
): Promise<RankedTheme[]> {
  const tagged = await db
    .select({
      themeId: themes.id,
      name: themes.name,
      description: themes.description,
      caseId: reviewCases.id,
      reference: reviewCases.reference,
      learningPointId: reviewLearningPoints.id,
    })
    .from(learningPointThemes)
    .innerJoin(themes, eq(themes.id, learningPointThemes.themeId))
    .innerJoin(reviewLearningPoints, eq(reviewLearningPoints.id, learningPointThemes.learningPointId))
    .innerJoin(reviewCases, eq(reviewCases.id, reviewLearningPoints.caseId))
    .where(
      and(
        eq(learningPointThemes.partnershipId, partnershipId),
        between(reviewReportedOn, period.from, period.to),
        options.visible,
      ),
    )
    .orderBy(asc(reviewCases.reference))
  const byTheme = new Map<string, RankedTheme & { points: Set<string> }>()
  for (const row of tagged) {
    let theme = byTheme.get(row.themeId)
    if (!theme) {
      theme = { ...row, learningPoints: 0, reviews: 0, cases: [], training: [], points: new Set() }
      byTheme.set(row.themeId, theme)
    }
    theme.points.add(row.learningPointId)
    if (!theme.cases.some((c) => c.id === row.caseId)) theme.cases.push({ id: row.caseId, reference: row.reference })
  }
  const training = await trainingOnThemes(db, partnershipId, period, [...byTheme.keys()])
  return [...byTheme.values()]
    .map(({ points, ...theme }) => ({
      themeId: theme.themeId,
      name: theme.name,
      description: theme.description,
      learningPoints: points.size,
      reviews: theme.cases.length,
      cases: theme.cases,
      training: training.get(theme.themeId) ?? [],
    }))
    .sort(
      (a, b) => b.learningPoints - a.learningPoints || b.reviews - a.reviews || a.name.localeCompare(b.name, 'en-GB'),
    )
}

/** Courses tagged with each theme that had events in the period, with how many. */
export async function trainingOnThemes(db: Database, partnershipId: string, period: Period, themeIds: string[]) {
  const byTheme = new Map<string, RankedTheme['training']>()
  if (!themeIds.length) return byTheme
  const rows = await db
    .select({
      themeId: courseThemes.themeId,
      courseId: courses.id,
      title: courses.title,
      events: sql<number>`count(${trainingEvents.id})::int`,
    })
    .from(courseThemes)
    .innerJoin(courses, eq(courses.id, courseThemes.courseId))
    .innerJoin(trainingEvents, eq(trainingEvents.courseId, courses.id))
    .where(
      and(
        eq(courseThemes.partnershipId, partnershipId),
        inArray(courseThemes.themeId, themeIds),
        ne(trainingEvents.status, 'cancelled'),
        sql`${trainingEvents.startsAt} >= ${londonInstant(period.from, '00:00')}`,
        sql`${trainingEvents.startsAt} < ${londonInstant(period.to, '23:59')}::timestamptz + interval '1 minute'`,
      ),
    )
    .groupBy(courseThemes.themeId, courses.id, courses.title)
    .orderBy(asc(courses.title))
  for (const row of rows) {
    const list = byTheme.get(row.themeId) ?? []
    list.push({ courseId: row.courseId, title: row.title, events: row.events })
    byTheme.set(row.themeId, list)
  }
  return byTheme
}
