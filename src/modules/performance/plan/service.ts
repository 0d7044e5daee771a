import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { insertAudited, updateAudited } from '../../../platform/audited-writes.ts'
import { NotFoundError, ValidationError } from '../../../platform/errors.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { parseYear, reportingYear, yearSlug, type ReportingYear } from '../../../platform/reporting-years.ts'
import { isUuid } from '../../../platform/tokens.ts'
import { actionCountsBySource, actionsFrom, type SourceAction } from '../../actions/service.ts'
import { yearStartMonth } from '../../partnership/year-filters.ts'
import { businessPlans, indicators, planPriorities, priorityIndicators, type BusinessPlan } from '../schema.ts'
import { scorecard, type ScorecardRow } from '../scorecard.ts'

/**
 * The business plan per reporting year: reading plans and their priorities (with the indicators
 * that measure each and the actions raised under it, which are the action tracker's), creating a
 * year's plan, and what the year taught (areas for improvement, messages for multi-agency work).
 * Changes to priorities are in priorities.ts.
 */

/** The action tracker's source type, and the audit log's record types. */
export const prioritySource = 'plan-priority'
export const planRecordType = 'business-plan'
export const priorityRecordType = 'plan-priority'

export const planHref = (year: ReportingYear) => `/business-plan/${yearSlug(year)}`
export const priorityHref = (id: string) => `/business-plan/priorities/${id}`

/** "2017/18 priority 2: Improving practice in tackling neglect": how the tracker and the audit log name it. */
export const priorityLabel = (yearLabel: string, priority: { position: number; title: string }) =>
  `${yearLabel} priority ${priority.position}: ${priority.title}`

/** The action source of a priority, kept current when its number or title changes. */
export const priorityActionSource = (yearLabel: string, priority: { id: string; position: number; title: string }) => ({
  type: prioritySource,
  id: priority.id,
  label: priorityLabel(yearLabel, priority),
  href: priorityHref(priority.id),
})

export type PlanSort = 'year' | 'priorities' | 'evaluated' | 'open' | 'overdue'

/** Each plan with how many priorities it has, how many are evaluated, and its actions open and overdue. */
export async function listPlans(
  db: Database,
  partnershipId: string,
  order: { sort: PlanSort; direction: 'asc' | 'desc' } = { sort: 'year', direction: 'desc' },
) {
  const counts = actionCountsBySource(db, partnershipId, prioritySource)
  const columns = {
    id: businessPlans.id,
    startYear: businessPlans.startYear,
    priorities: sql<number>`count(${planPriorities.id})::int`,
    evaluated: sql<number>`count(${planPriorities.evaluation})::int`,
    open: sql<number>`coalesce(sum(${counts.total} - ${counts.complete}), 0)::int`,
    overdue: sql<number>`coalesce(sum(${counts.overdue}), 0)::int`,
  }
  const by = order.sort === 'year' ? columns.startYear : columns[order.sort]
  return db
    .select(columns)
    .from(businessPlans)
    .leftJoin(planPriorities, eq(planPriorities.planId, businessPlans.id))
    .leftJoin(counts, eq(counts.sourceId, planPriorities.id))
    .where(eq(businessPlans.partnershipId, partnershipId))
    .groupBy(businessPlans.id)
    .orderBy(order.direction === 'asc' ? asc(by) : desc(by), desc(businessPlans.startYear))
}
export type PlanRow = Awaited<ReturnType<typeof listPlans>>[number]

/** The reporting year an address names ("2016-17"), by the partnership's year; a 404 for anything else. */
export async function yearFromSlug(db: Database, partnershipId: string, slug: string) {
  const year = parseYear(slug, await yearStartMonth(db, partnershipId))
  if (!year) throw new NotFoundError()
  return year
}

/** The year's plan, or null when the year has none. */
export async function findPlan(db: Database, partnershipId: string, startYear: number) {
  const [plan] = await db
    .select()
    .from(businessPlans)
    .where(and(eq(businessPlans.partnershipId, partnershipId), eq(businessPlans.startYear, startYear)))
  return plan ?? null
}

export async function getPlan(db: Database, partnershipId: string, startYear: number) {
  const plan = await findPlan(db, partnershipId, startYear)
  if (!plan) throw new NotFoundError()
  return plan
}

/** The year the next plan is for: the one after the newest, or this reporting year when there is none. */
export function nextPlanYear(plans: readonly { startYear: number }[], current: ReportingYear) {
  if (!plans.length) return current
  return reportingYear(Math.max(...plans.map((p) => p.startYear)) + 1, current.startMonth)
}

export async function createPlan(db: Database, actor: Actor, year: ReportingYear) {
  await insertAudited(
    db,
    actor,
    businessPlans,
    { startYear: year.startYear },
    {
      recordType: planRecordType,
      summary: `Created the business plan for ${year.label}`,
      after: { year: year.label },
      conflict: { startYear: `There is already a business plan for ${year.label}` },
    },
  )
}

export interface ReviewInput {
  areasForImprovement: string
  messages: string
}

/** What the year taught: the areas for improvement and the messages for multi-agency work. */
export async function changeReview(
  db: Database,
  actor: Actor,
  plan: BusinessPlan,
  version: number,
  input: ReviewInput,
  yearLabel: string,
) {
  return updateAudited(
    db,
    actor,
    businessPlans,
    { id: plan.id, version, before: plan, set: input },
    { recordType: planRecordType, summary: `Changed what ${yearLabel} taught` },
  )
}

/** The indicators that measure each of these priorities, by their place in the catalogue. */
async function indicatorsOf(db: Database, priorityIds: string[]) {
  if (!priorityIds.length) return []
  return db
    .select({
      priorityId: priorityIndicators.priorityId,
      id: indicators.id,
      code: indicators.code,
      name: indicators.name,
      retiredAt: indicators.retiredAt,
    })
    .from(priorityIndicators)
    .innerJoin(indicators, eq(indicators.id, priorityIndicators.indicatorId))
    .where(inArray(priorityIndicators.priorityId, priorityIds))
    .orderBy(asc(indicators.position), asc(indicators.name))
}

export type PriorityIndicator = Awaited<ReturnType<typeof indicatorsOf>>[number]

/** The scorecard's row for the year of each indicator these priorities name, by indicator id. */
export type IndicatorScores = ReadonlyMap<string, ScorecardRow>

/** The indicators' values, direction of travel, RAG rating and exceptions in the plan's year: the scorecard's, never worked out again. */
export async function indicatorScores(
  db: Database,
  partnershipId: string,
  startYear: number,
  priorities: readonly { indicators: readonly { id: string }[] }[],
): Promise<IndicatorScores> {
  const indicatorIds = [...new Set(priorities.flatMap((p) => p.indicators.map((i) => i.id)))]
  if (!indicatorIds.length) return new Map()
  const { rows } = await scorecard(db, partnershipId, { startYear, indicatorIds })
  return new Map(rows.map((row) => [row.indicator.id, row]))
}

/** A plan's priorities in order, each with its indicators and its actions (the tracker's, with shown status). */
export async function planPrioritiesOf(db: Database, partnershipId: string, planId: string) {
  const priorities = await db
    .select()
    .from(planPriorities)
    .where(and(eq(planPriorities.partnershipId, partnershipId), eq(planPriorities.planId, planId)))
    .orderBy(asc(planPriorities.position))
  return withIndicatorsAndActions(db, partnershipId, priorities)
}

export async function withIndicatorsAndActions<P extends { id: string }>(
  db: Database,
  partnershipId: string,
  priorities: P[],
): Promise<(P & { indicators: PriorityIndicator[]; actions: SourceAction[] })[]> {
  const ids = priorities.map((p) => p.id)
  const [measured, actions] = await Promise.all([
    indicatorsOf(db, ids),
    actionsFrom(db, partnershipId, prioritySource, ids),
  ])
  return priorities.map((priority) => ({
    ...priority,
    indicators: measured.filter((i) => i.priorityId === priority.id),
    actions: actions.filter((a) => a.sourceId === priority.id),
  }))
}

/** One priority with its plan's year; a 404 for another partnership's, or none. */
export async function getPriority(db: Database, partnershipId: string, id: string) {
  if (!isUuid(id)) throw new NotFoundError()
  const [row] = await db
    .select({ priority: planPriorities, startYear: businessPlans.startYear })
    .from(planPriorities)
    .innerJoin(businessPlans, eq(businessPlans.id, planPriorities.planId))
    .where(and(eq(planPriorities.partnershipId, partnershipId), eq(planPriorities.id, id)))
  if (!row) throw new NotFoundError()
  const month = await yearStartMonth(db, partnershipId)
  const year = reportingYear(row.startYear, month)
  return { ...row.priority, year, label: priorityLabel(year.label, row.priority) }
}
export type PriorityRecord = Awaited<ReturnType<typeof getPriority>>

/**
 * The plans' priorities as other modules offer them (a case audit's or voice record's form, the
 * quadrant): every priority of every plan, newest plan first, each with its label as the tracker
 * and the audit log give it ("2016/17 priority 1: Tackling neglect"). `only` narrows to one id
 * (none when it is not the partnership's).
 */
export async function priorityChoices(db: Database, partnershipId: string, only?: string) {
  if (only !== undefined && !isUuid(only)) return []
  const [rows, month] = await Promise.all([
    db
      .select({
        id: planPriorities.id,
        title: planPriorities.title,
        position: planPriorities.position,
        startYear: businessPlans.startYear,
      })
      .from(planPriorities)
      .innerJoin(businessPlans, eq(businessPlans.id, planPriorities.planId))
      .where(and(eq(planPriorities.partnershipId, partnershipId), only ? eq(planPriorities.id, only) : undefined))
      .orderBy(desc(businessPlans.startYear), asc(planPriorities.position)),
    yearStartMonth(db, partnershipId),
  ])
  return rows.map((r) => ({ ...r, text: priorityLabel(reportingYear(r.startYear, month).label, r) }))
}

/** The label of a priority chosen on another module's form, checking it is the partnership's; null for none. */
export async function chosenPriority(db: Database, partnershipId: string, id: string | null | undefined) {
  if (!id) return null
  const [choice] = await priorityChoices(db, partnershipId, id)
  if (!choice) throw new ValidationError({ planPriorityId: 'Select a priority from the list' })
  return choice.text
}

/** One priority as its page shows it: with its indicators and actions. */
export async function priorityView(db: Database, partnershipId: string, id: string) {
  const priority = await getPriority(db, partnershipId, id)
  const [full] = await withIndicatorsAndActions(db, partnershipId, [priority])
  return full!
}

/** The catalogue's indicators a priority may be measured by: those in use, and any retired one it already has. */
export async function indicatorChoices(db: Database, partnershipId: string, kept: readonly string[] = []) {
  return db
    .select({ id: indicators.id, code: indicators.code, name: indicators.name, retiredAt: indicators.retiredAt })
    .from(indicators)
    .where(
      and(
        eq(indicators.partnershipId, partnershipId),
        kept.length
          ? or(isNull(indicators.retiredAt), inArray(indicators.id, [...kept]))
          : isNull(indicators.retiredAt),
      ),
    )
    .orderBy(asc(indicators.position), asc(indicators.name))
}
export type IndicatorChoice = Awaited<ReturnType<typeof indicatorChoices>>[number]

/**
 * The years a new plan may be for, newest first: from the year after next back to five years ago
 * (or the year before the oldest plan, if earlier), and the year after the newest plan, leaving out
 * those that have a plan.
 */
export function openYears(plans: readonly { startYear: number }[], current: ReportingYear) {
  const taken = new Set(plans.map((p) => p.startYear))
  const starts = plans.map((p) => p.startYear)
  const newest = Math.max(current.startYear + 2, ...starts.map((y) => y + 1))
  const oldest = Math.min(current.startYear - 5, ...starts.map((y) => y - 1))
  const years: ReportingYear[] = []
  for (let y = newest; y >= oldest; y--) if (!taken.has(y)) years.push(reportingYear(y, current.startMonth))
  return years
}
