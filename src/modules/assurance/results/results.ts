import { and, eq, inArray, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Database } from '../../../db/index.ts'
import { confidentialCondition } from '../../../platform/confidential/index.ts'
import { NotFoundError } from '../../../platform/errors.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { actionsFrom, type SourceAction } from '../../actions/service.ts'
import { agencies } from '../../partnership/schema.ts'
import { returnRecordType } from '../access.ts'
import {
  auditAnswers,
  auditCycles,
  auditFrameworks,
  auditReturns,
  frameworkCriteria,
  frameworkStandards,
  frameworkVersions,
  type FrameworkKind,
  type ReturnStatus,
} from '../audit-schema.ts'
import { gradeRank, scales, type Grade, type ScaleCode } from '../scales.ts'
import { belowMinimumSql, rankSql } from './grade-sql.ts'

/**
 * A cycle's results (section 11), worked out in the database in two queries and one for the
 * actions arising. The rules, as the results page explains them:
 *
 * - **A standard's grade is the lowest of its criteria's grades**, each criterion counting its
 *   moderated grade where it has one and its self-grade otherwise; the standard's self-grade is the
 *   lowest of the self-grades. A cell is "not yet moderated" while any of its criteria is.
 * - A return still in draft shows no grades (they are the agency's work in progress).
 * - **The previous cycle** is the latest earlier cycle (by start year, then due date) whose framework
 *   is of the same kind. Standards are matched by number; when the previous version's standard of
 *   that number had another title, or the scale differs, the change is "not comparable".
 * - **Below the minimum**: a standard counts against an agency when its grade is below the scale's
 *   minimum (`belowMinimum`: red; partially or not met; 1 or 0). The standards are ranked by how
 *   many agencies that is, then by how many criteria.
 * - **Actions arising**: the action tracker's actions raised from the cycle's answers (source type
 *   `audit-answer`), with their shown status.
 */
export const answerSourceType = 'audit-answer'

export interface CycleHeader {
  id: string
  name: string
  startYear: number
  dueOn: string
  status: string
  kind: FrameworkKind
  frameworkName: string
  scale: ScaleCode
  versionId: string
  previous: { id: string; name: string; scale: ScaleCode } | null
}

const earlier = alias(auditCycles, 'earlier')
const earlierVersion = alias(frameworkVersions, 'earlier_version')
const earlierFramework = alias(auditFrameworks, 'earlier_framework')

/** The cycle, its framework, and the previous cycle of the same kind: one query. 404 when not the partnership's. */
export async function cycleHeader(db: Database, partnershipId: string, cycleId: string): Promise<CycleHeader> {
  const previous = db
    .select({
      value: sql`json_build_object('id', ${earlier.id}, 'name', ${earlier.name}, 'scale', ${earlierVersion.scale})`,
    })
    .from(earlier)
    .innerJoin(earlierVersion, eq(earlierVersion.id, earlier.frameworkVersionId))
    .innerJoin(earlierFramework, eq(earlierFramework.id, earlierVersion.frameworkId))
    .where(
      and(
        eq(earlier.partnershipId, partnershipId),
        eq(earlierFramework.kind, auditFrameworks.kind),
        sql`(${earlier.startYear}, ${earlier.dueOn}) < (${auditCycles.startYear}, ${auditCycles.dueOn})`,
      ),
    )
    .orderBy(sql`${earlier.startYear} desc, ${earlier.dueOn} desc`)
    .limit(1)
  const [row] = await db
    .select({
      id: auditCycles.id,
      name: auditCycles.name,
      startYear: auditCycles.startYear,
      dueOn: auditCycles.dueOn,
      status: auditCycles.status,
      kind: auditFrameworks.kind,
      frameworkName: auditFrameworks.name,
      scale: frameworkVersions.scale,
      versionId: frameworkVersions.id,
      previous: sql<CycleHeader['previous']>`(${previous})`,
    })
    .from(auditCycles)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, auditCycles.frameworkVersionId))
    .innerJoin(auditFrameworks, eq(auditFrameworks.id, frameworkVersions.frameworkId))
    .where(and(eq(auditCycles.id, cycleId), eq(auditCycles.partnershipId, partnershipId)))
  if (!row) throw new NotFoundError()
  return row
}

/** One agency's grade for one standard, as the matrix shows it. */
export interface Cell {
  standardNumber: number
  standardTitle: string
  status: ReturnStatus
  /** The standard's grade (moderated where moderated), or null: a draft, or nothing graded. */
  grade: Grade | null
  selfGrade: Grade | null
  /** Every criterion has a moderated grade. */
  moderated: boolean
  /** Criteria graded, of how many. */
  graded: number
  criteria: number
  /** Criteria whose grade the moderator changed, and reasons recorded (agreeing or changing). */
  changed: number
  reasons: number
  /** Criteria below the minimum. */
  below: number
  previous: Previous
}

export type Previous =
  | { kind: 'new' }
  | { kind: 'not-comparable' }
  | { kind: 'compared'; grade: Grade; change: 'improved' | 'worse' | 'same' }

export interface AgencyRow {
  agencyId: string
  agencyName: string
  returnId: string
  status: ReturnStatus
  /** The reader may open the return (its confidential scope names them). */
  canOpen: boolean
  cells: Cell[]
}

export interface Section11Results {
  cycle: CycleHeader
  standards: { number: number; title: string }[]
  agencies: AgencyRow[]
  /** Standards with at least one agency below the minimum, most often first. */
  belowMinimum: { number: number; title: string; agencies: number; criteria: number }[]
  actions: SourceAction[]
}

/** Per return and standard of the cycles, aggregated in the database. */
function standardGrades(db: Database, actor: Actor, cycleIds: string[]) {
  const moderatedOrSelf = sql`coalesce(${auditAnswers.moderatedGrade}, ${auditAnswers.selfGrade})`
  const scale = frameworkVersions.scale
  return db
    .select({
      cycleId: auditReturns.cycleId,
      returnId: auditReturns.id,
      agencyId: auditReturns.agencyId,
      agencyName: agencies.name,
      status: auditReturns.status,
      scale,
      standardNumber: frameworkStandards.number,
      standardTitle: frameworkStandards.title,
      criteria: sql<number>`count(*)::int`,
      graded: sql<number>`count(${auditAnswers.selfGrade})::int`,
      moderated: sql<number>`count(${auditAnswers.moderatedGrade})::int`,
      changed: sql<number>`(count(*) filter (where ${auditAnswers.moderatedGrade} <> ${auditAnswers.selfGrade}))::int`,
      reasons: sql<number>`count(${auditAnswers.moderationReason})::int`,
      rank: sql<number | null>`max(${rankSql(scale, moderatedOrSelf)})`,
      selfRank: sql<number | null>`max(${rankSql(scale, auditAnswers.selfGrade)})`,
      below: sql<number>`(count(*) filter (where ${belowMinimumSql(scale, moderatedOrSelf)}))::int`,
      answerIds: sql<string[] | null>`array_agg(${auditAnswers.id}) filter (where ${auditAnswers.id} is not null)`,
      canOpen: sql<boolean>`${confidentialCondition(actor, returnRecordType, auditReturns.id)}`,
    })
    .from(auditReturns)
    .innerJoin(agencies, eq(agencies.id, auditReturns.agencyId))
    .innerJoin(auditCycles, eq(auditCycles.id, auditReturns.cycleId))
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, auditCycles.frameworkVersionId))
    .innerJoin(frameworkStandards, eq(frameworkStandards.versionId, auditCycles.frameworkVersionId))
    .innerJoin(frameworkCriteria, eq(frameworkCriteria.standardId, frameworkStandards.id))
    .leftJoin(
      auditAnswers,
      and(eq(auditAnswers.returnId, auditReturns.id), eq(auditAnswers.criterionId, frameworkCriteria.id)),
    )
    .where(and(eq(auditReturns.partnershipId, actor.partnershipId), inArray(auditReturns.cycleId, cycleIds)))
    .groupBy(auditReturns.id, agencies.id, frameworkVersions.id, frameworkStandards.id)
}

type StandardRow = Awaited<ReturnType<typeof standardGrades>>[number]

const gradeAt = (scale: ScaleCode, rank: number | null) => (rank === null ? null : (scales[scale].grades[rank] ?? null))
const sameTitle = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()

function previousOf(
  row: StandardRow,
  grade: Grade | null,
  earlier: StandardRow | undefined,
  scale: ScaleCode,
): Previous {
  if (!earlier || earlier.status === 'draft' || earlier.rank === null) return { kind: 'new' }
  if (earlier.scale !== scale || !sameTitle(earlier.standardTitle, row.standardTitle)) return { kind: 'not-comparable' }
  const before = gradeAt(earlier.scale, earlier.rank)!
  if (!grade) return { kind: 'compared', grade: before, change: 'same' }
  const [now, then] = [gradeRank(scale, grade.code), earlier.rank]
  return { kind: 'compared', grade: before, change: now < then ? 'improved' : now > then ? 'worse' : 'same' }
}

/** The matrix, the ranking and the actions of a section 11 cycle (its header read by `cycleHeader`). */
export async function section11Results(db: Database, actor: Actor, cycle: CycleHeader): Promise<Section11Results> {
  const rows = await standardGrades(db, actor, cycle.previous ? [cycle.id, cycle.previous.id] : [cycle.id])
  const earlier = new Map(
    rows.filter((r) => r.cycleId !== cycle.id).map((r) => [`${r.agencyId}:${r.standardNumber}`, r] as const),
  )
  const byReturn = new Map<string, AgencyRow>()
  const standards = new Map<number, string>()
  const answerIds: string[] = []
  for (const row of rows) {
    if (row.cycleId !== cycle.id) continue
    standards.set(row.standardNumber, row.standardTitle)
    answerIds.push(...(row.answerIds ?? []))
    const draft = row.status === 'draft'
    const grade = draft ? null : gradeAt(row.scale, row.rank)
    let agency = byReturn.get(row.returnId)
    if (!agency) {
      const { agencyId, agencyName, returnId, status, canOpen } = row
      agency = { agencyId, agencyName, returnId, status, canOpen, cells: [] }
      byReturn.set(row.returnId, agency)
    }
    agency.cells.push({
      standardNumber: row.standardNumber,
      standardTitle: row.standardTitle,
      status: row.status,
      grade,
      selfGrade: draft ? null : gradeAt(row.scale, row.selfRank),
      moderated: row.moderated === row.criteria,
      graded: row.graded,
      criteria: row.criteria,
      changed: row.changed,
      reasons: row.reasons,
      below: draft ? 0 : row.below,
      previous: previousOf(row, grade, earlier.get(`${row.agencyId}:${row.standardNumber}`), row.scale),
    })
  }
  const agencyRows = [...byReturn.values()].sort((a, b) => a.agencyName.localeCompare(b.agencyName, 'en-GB'))
  for (const agency of agencyRows) agency.cells.sort((a, b) => a.standardNumber - b.standardNumber)
  const standardList = [...standards].sort(([a], [b]) => a - b).map(([number, title]) => ({ number, title }))
  return {
    cycle,
    standards: standardList,
    agencies: agencyRows,
    belowMinimum: belowMinimumRanking(standardList, agencyRows),
    actions: await actionsFrom(db, actor.partnershipId, answerSourceType, answerIds),
  }
}

/** The standards most often below the minimum: by agencies, then by criteria; none that no agency falls below. */
export function belowMinimumRanking(standards: { number: number; title: string }[], agencyRows: AgencyRow[]) {
  return standards
    .map((standard) => {
      const cells = agencyRows.flatMap((a) => a.cells.filter((c) => c.standardNumber === standard.number))
      return {
        ...standard,
        agencies: cells.filter((c) => c.grade?.belowMinimum).length,
        criteria: cells.reduce((sum, c) => sum + c.below, 0),
      }
    })
    .filter((s) => s.agencies > 0 || s.criteria > 0)
    .sort((a, b) => b.agencies - a.agencies || b.criteria - a.criteria || a.number - b.number)
}
