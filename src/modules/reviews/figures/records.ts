import { and, asc, between, eq, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { londonParts } from '../../../platform/london-time.ts'
import { addDays, partnershipCalendar } from '../../../platform/working-days.ts'
import { actionsFrom, todayInLondon } from '../../actions/service.ts'
import { agencies } from '../../partnership/schema.ts'
import { recommendationRecordType } from '../access.ts'
import { withThemes } from '../learning/service.ts'
import { caseClocks, type Clock, type ClockFacts } from '../clocks.ts'
import {
  reviewCases,
  reviewLearningPoints,
  reviewRecommendations,
  reviewSummaries,
  type RecommendationStatus,
  type ReviewType,
} from '../schema.ts'
import { inPeriod, recommendationOverdueAt, type StatusFacts } from '../status-at.ts'
import { reviewReportedOn, type Period } from '../themes-across/ranking.ts'

/**
 * The records the case review figures count, read once per figure for a partnership and a period:
 * every case (the figures classify them by their key dates, status-at.ts), the statutory clocks
 * due in the period, the recommendations as they stood at its end, and the learning points of
 * the period's reviews. `visible` limits them to what a reader may see (the lists behind the
 * figures); the report passes none and counts every case.
 */

export interface CaseRecord extends StatusFacts, ClockFacts {
  id: string
  reference: string
  reviewType: ReviewType | null
  /** It has a learning summary. */
  hasSummary: boolean
}

export function caseRecords(db: Database, partnershipId: string, visible?: SQL): Promise<CaseRecord[]> {
  return db
    .select({
      id: reviewCases.id,
      reference: reviewCases.reference,
      reviewType: reviewCases.reviewType,
      status: reviewCases.status,
      awareOn: reviewCases.awareOn,
      harm: reviewCases.harm,
      framework: reviewCases.framework,
      notifiedOn: reviewCases.notifiedOn,
      rapidReviewOn: reviewCases.rapidReviewOn,
      decisionOutcome: reviewCases.decisionOutcome,
      decidedOn: reviewCases.decidedOn,
      commissionedOn: reviewCases.commissionedOn,
      signedOffOn: reviewCases.signedOffOn,
      publishedOn: reviewCases.publishedOn,
      parallelProcess: reviewCases.parallelProcess,
      parallelStartedOn: reviewCases.parallelStartedOn,
      parallelEndedOn: reviewCases.parallelEndedOn,
      hasSummary: sql<boolean>`${reviewSummaries.caseId} is not null`,
    })
    .from(reviewCases)
    .leftJoin(reviewSummaries, eq(reviewSummaries.caseId, reviewCases.id))
    .where(and(eq(reviewCases.partnershipId, partnershipId), visible))
    .orderBy(asc(reviewCases.reference))
}

export interface ClockRecord {
  caseId: string
  reference: string
  clock: Clock
}

/** The statutory clocks (notification, rapid review) due in the period, met or not, on the partnership's calendar. */
export async function clockRecords(db: Database, partnershipId: string, period: Period, visible?: SQL) {
  const [cases, calendar] = await Promise.all([
    caseRecords(db, partnershipId, visible),
    partnershipCalendar(db, partnershipId),
  ])
  const today = todayInLondon()
  return cases.flatMap((c): ClockRecord[] =>
    caseClocks(c, today, calendar)
      .filter((clock) => inPeriod(clock.dueOn, period))
      .map((clock) => ({ caseId: c.id, reference: c.reference, clock })),
  )
}

export interface RecommendationRecord {
  id: string
  caseId: string
  reference: string
  number: number
  text: string
  agency: string
  status: RecommendationStatus
  dueOn: string | null
  completedOn: string | null
  /** The day it was made: its review's sign-off by the board, or the day it was recorded for a review not signed off. */
  madeOn: string
  /** Made by the period's end and not completed by then. */
  openAtEnd: boolean
  completedInPeriod: boolean
  /** Open at the period's end and past its due day, or with an action of its own past due, by then (by today while it is not over). */
  overdueAtEnd: boolean
}

export async function recommendationRecords(
  db: Database,
  partnershipId: string,
  period: Period,
  visible?: SQL,
): Promise<RecommendationRecord[]> {
  const rows = await db
    .select({
      id: reviewRecommendations.id,
      caseId: reviewRecommendations.caseId,
      reference: reviewCases.reference,
      number: reviewRecommendations.number,
      text: reviewRecommendations.text,
      agency: agencies.name,
      status: reviewRecommendations.status,
      dueOn: reviewRecommendations.dueOn,
      completedOn: reviewRecommendations.completedOn,
      signedOffOn: reviewCases.signedOffOn,
      createdAt: reviewRecommendations.createdAt,
    })
    .from(reviewRecommendations)
    .innerJoin(reviewCases, eq(reviewCases.id, reviewRecommendations.caseId))
    .innerJoin(agencies, eq(agencies.id, reviewRecommendations.agencyId))
    .where(and(eq(reviewRecommendations.partnershipId, partnershipId), visible))
    .orderBy(asc(reviewCases.reference), asc(reviewRecommendations.number))
  const actions = await actionsFrom(
    db,
    partnershipId,
    recommendationRecordType,
    rows.map((r) => r.id),
  )
  // Overdue as at the end of the period's last day; as at today while the period is not over.
  const today = todayInLondon()
  const asAt = period.to < today ? addDays(period.to, 1) : today
  return rows.map(({ signedOffOn, createdAt, ...row }) => {
    const madeOn = signedOffOn ?? londonParts(createdAt).date
    const openAtEnd = madeOn <= period.to && !(row.completedOn && row.completedOn <= period.to)
    const own = actions.filter((a) => a.sourceId === row.id)
    return {
      ...row,
      madeOn,
      openAtEnd,
      completedInPeriod: inPeriod(row.completedOn, period),
      overdueAtEnd: openAtEnd && recommendationOverdueAt(row, own, asAt),
    }
  })
}

export interface LearningPointRecord {
  id: string
  caseId: string
  reference: string
  number: number
  text: string
  themes: string[]
}

/** The learning points of the period's reviews (published in it, or signed off in it when never published). */
export async function learningPointRecords(
  db: Database,
  partnershipId: string,
  period: Period,
  visible?: SQL,
): Promise<LearningPointRecord[]> {
  const points = await db
    .select({
      id: reviewLearningPoints.id,
      caseId: reviewLearningPoints.caseId,
      reference: reviewCases.reference,
      number: reviewLearningPoints.number,
      text: reviewLearningPoints.text,
    })
    .from(reviewLearningPoints)
    .innerJoin(reviewCases, eq(reviewCases.id, reviewLearningPoints.caseId))
    .where(
      and(
        eq(reviewLearningPoints.partnershipId, partnershipId),
        between(reviewReportedOn, period.from, period.to),
        visible,
      ),
    )
    .orderBy(asc(reviewCases.reference), asc(reviewLearningPoints.number))
  return (await withThemes(db, points)).map((point) => ({ ...point, themes: point.themes.map((t) => t.name) }))
}
