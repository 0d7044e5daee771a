import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { confidentialCondition } from '../../../platform/confidential/index.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { agencies } from '../../partnership/schema.ts'
import { returnRecordType } from '../access.ts'
import {
  auditAnswers,
  auditReturns,
  frameworkCriteria,
  frameworkStandards,
  type ReturnStatus,
} from '../audit-schema.ts'
import { scales, type ScaleCode } from '../scales.ts'

/**
 * The schools' audit results, counted in the database so 500 schools × 60 questions stay fast:
 * the return rate, each question's distribution of grades, and the schools needing follow-up. A
 * school has returned once its return is submitted (or moderated, or closed); each answer counts
 * its moderated grade where it has one and its self-grade otherwise, as section 11's do.
 */

/** How many schools the cycle went to, and how many returned. */
export async function returnRate(db: Database, partnershipId: string, cycleId: string) {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      returned: sql<number>`(count(*) filter (where ${auditReturns.status} <> 'draft'))::int`,
    })
    .from(auditReturns)
    .where(and(eq(auditReturns.partnershipId, partnershipId), eq(auditReturns.cycleId, cycleId)))
  return row!
}

const answerGrade = sql<string>`coalesce(${auditAnswers.moderatedGrade}, ${auditAnswers.selfGrade})`

export interface QuestionDistribution {
  criterionId: string
  /** "3.2". */
  number: string
  text: string
  /** Answers per grade code, of returned schools. */
  counts: Record<string, number>
  answered: number
}

/** Each question of the cycle's framework version with its answers counted per grade (GROUP BY criterion, grade). */
export async function questionDistribution(
  db: Database,
  partnershipId: string,
  cycle: { id: string; versionId: string },
): Promise<QuestionDistribution[]> {
  const counts = db
    .select({
      criterionId: auditAnswers.criterionId,
      grade: answerGrade.as('grade'),
      count: sql<number>`count(*)::int`.as('count'),
    })
    .from(auditAnswers)
    .innerJoin(auditReturns, eq(auditReturns.id, auditAnswers.returnId))
    .where(
      and(
        eq(auditReturns.partnershipId, partnershipId),
        eq(auditReturns.cycleId, cycle.id),
        ne(auditReturns.status, 'draft'),
        sql`${answerGrade} is not null`,
      ),
    )
    .groupBy(auditAnswers.criterionId, answerGrade)
    .as('counts')
  const rows = await db
    .select({
      criterionId: frameworkCriteria.id,
      standardNumber: frameworkStandards.number,
      criterionNumber: frameworkCriteria.number,
      text: frameworkCriteria.text,
      grade: counts.grade,
      count: counts.count,
    })
    .from(frameworkCriteria)
    .innerJoin(frameworkStandards, eq(frameworkStandards.id, frameworkCriteria.standardId))
    .leftJoin(counts, eq(counts.criterionId, frameworkCriteria.id))
    .where(and(eq(frameworkCriteria.partnershipId, partnershipId), eq(frameworkCriteria.versionId, cycle.versionId)))
    .orderBy(asc(frameworkStandards.number), asc(frameworkCriteria.number))
  const questions = new Map<string, QuestionDistribution>()
  for (const row of rows) {
    let question = questions.get(row.criterionId)
    if (!question) {
      question = {
        criterionId: row.criterionId,
        number: `${row.standardNumber}.${row.criterionNumber}`,
        text: row.text,
        counts: {},
        answered: 0,
      }
      questions.set(row.criterionId, question)
    }
    if (row.grade && row.count) {
      question.counts[row.grade] = row.count
      question.answered += row.count
    }
  }
  return [...questions.values()]
}

export const followUpSorts = ['school', 'urn', 'status', 'questions'] as const
export type FollowUpSort = (typeof followUpSorts)[number]

export interface FollowUpRow {
  returnId: string
  school: string
  urn: string | null
  status: ReturnStatus
  canOpen: boolean
  /** The questions answered below the minimum ("2.1", "5.3"), none for a school that has not returned. */
  questions: string[]
}

/**
 * Schools needing follow-up: not returned, or any answer below the minimum. Sorted and paged in
 * the database (`page` null: all of them, for the download); `total` is how many in all.
 */
export async function schoolsNeedingFollowUp(
  db: Database,
  actor: Actor,
  cycle: { id: string; scale: ScaleCode },
  options: { sort: FollowUpSort; direction: 'asc' | 'desc'; page: { limit: number; offset: number } | null },
) {
  // The cycle's scale is known, so "below the minimum" is a list of codes: only those answers are
  // joined to their questions, before the returns are.
  const belowCodes = scales[cycle.scale].grades.filter((g) => g.belowMinimum).map((g) => g.code)
  const below = db
    .select({
      returnId: auditAnswers.returnId,
      count: sql<number>`count(*)::int`.as('below_count'),
      questions: sql<string[]>`array_agg(${frameworkStandards.number} || '.' || ${frameworkCriteria.number}
        order by ${frameworkStandards.number}, ${frameworkCriteria.number})`.as('questions'),
    })
    .from(auditAnswers)
    .innerJoin(auditReturns, eq(auditReturns.id, auditAnswers.returnId))
    .innerJoin(frameworkCriteria, eq(frameworkCriteria.id, auditAnswers.criterionId))
    .innerJoin(frameworkStandards, eq(frameworkStandards.id, frameworkCriteria.standardId))
    .where(
      and(
        eq(auditReturns.partnershipId, actor.partnershipId),
        eq(auditReturns.cycleId, cycle.id),
        ne(auditReturns.status, 'draft'),
        inArray(answerGrade, belowCodes),
      ),
    )
    .groupBy(auditAnswers.returnId)
    .as('below')
  const belowCount = sql<number>`coalesce(${below.count}, 0)`
  const questions = below.questions
  const order = { asc, desc }[options.direction]
  const sortBy = {
    school: [order(agencies.name)],
    urn: [sql`${agencies.urn} ${sql.raw(options.direction)} nulls last`],
    status: [order(sql`(${auditReturns.status} = 'draft')`), desc(belowCount)],
    questions: [order(belowCount)],
  }[options.sort]
  const query = db
    .select({
      returnId: auditReturns.id,
      school: agencies.name,
      urn: agencies.urn,
      status: auditReturns.status,
      canOpen: sql<boolean>`${confidentialCondition(actor, returnRecordType, auditReturns.id)}`,
      questions,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(auditReturns)
    .innerJoin(agencies, eq(agencies.id, auditReturns.agencyId))
    .leftJoin(below, eq(below.returnId, auditReturns.id))
    .where(
      and(
        eq(auditReturns.partnershipId, actor.partnershipId),
        eq(auditReturns.cycleId, cycle.id),
        sql`(${auditReturns.status} = 'draft' or ${below.count} > 0)`,
      ),
    )
    .orderBy(...sortBy, asc(agencies.name), asc(auditReturns.id))
  const rows = await (options.page ? query.limit(options.page.limit).offset(options.page.offset) : query)
  return {
    total: rows[0]?.total ?? 0,
    rows: rows.map(({ total: _total, questions, ...row }): FollowUpRow => ({ ...row, questions: questions ?? [] })),
  }
}
