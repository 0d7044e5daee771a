import { and, asc, eq, exists, gte, inArray, lt, or, sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { confidentialCondition } from '../../../platform/confidential/index.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { reportingYear, type ReportingYear } from '../../../platform/reporting-years.ts'
import { getPartnership } from '../../partnership/settings/service.ts'
import { indicatorThemes, priorityIndicators } from '../../performance/schema.ts'
import { priorityChoices } from '../../performance/plan/service.ts'
import { scorecard } from '../../performance/scorecard.ts'
import { indicatorHref, ragText, travelText, valueOrSuppressed } from '../../performance/scorecard/presenters.ts'
import { themes } from '../../themes/schema.ts'
import { caseAuditRecordType } from '../access.ts'
import {
  caseAuditCases,
  caseAuditLearningPoints,
  caseAuditLearningPointThemes,
  caseAudits,
} from '../case-audit-schema.ts'
import { voiceRecords, voiceRecordThemes, type VoiceAudience, type VoiceMethod } from '../voice-schema.ts'
import {
  audienceLabels,
  caseAuditSummary,
  gradeWords,
  indicatorSummary,
  noGrades,
  voiceSummary,
  type GradeCounts,
  type RagCounts,
} from './wording.ts'

/**
 * The quadrant of evidence (the seed paper's ¶14) for a theme or a business plan priority and a
 * reporting year: quantitative data (the performance module's indicators for the theme or the
 * priority, read through its scorecard), qualitative data (case audits on the theme, or with
 * learning on it, or commissioned for the priority, held in the year), practitioner views and
 * child and family views (voice records tagged with the theme or linked to the priority, held in
 * the year), each with its summary line. Case audits are confidential: only those the actor may
 * see are listed and counted, so a reader outside them sees fewer (never a count of what is
 * hidden); the report's system actor counts every one, and quotes aggregates only.
 */
export type QuadrantSubject = { themeId: string } | { priorityId: string }

export interface QuadrantItem {
  title: string
  href: string
  /** One line under the title: "Red · Worsening", "12 cases: 2 good, 10 requires improvement". */
  detail: string
  /** More lines: an indicator's exceptions, an audit's learning points on the theme. */
  notes: string[]
}

export interface Quarter {
  key: 'quantitative' | 'qualitative' | 'practitioners' | 'families'
  title: string
  summary: string
  items: QuadrantItem[]
}

export interface Quadrant {
  subject: { kind: 'theme' | 'priority'; id: string; name: string }
  year: ReportingYear
  quarters: Quarter[]
  /** Quarters with at least one item. */
  evidenced: number
}

/** The theme or priority by its id in the partnership; null when there is none. */
export async function quadrantSubject(db: Database, partnershipId: string, subject: QuadrantSubject) {
  if ('themeId' in subject) {
    const [theme] = await db
      .select({ id: themes.id, name: themes.name })
      .from(themes)
      .where(and(eq(themes.partnershipId, partnershipId), eq(themes.id, subject.themeId)))
    return theme ? { kind: 'theme' as const, ...theme } : null
  }
  const [priority] = await priorityChoices(db, partnershipId, subject.priorityId)
  return priority ? { kind: 'priority' as const, id: priority.id, name: priority.title } : null
}

const inYear = (column: typeof caseAudits.heldOn | typeof voiceRecords.heldOn, year: ReportingYear) =>
  and(gte(column, year.start), lt(column, year.endExclusive))

async function quantitative(db: Database, partnershipId: string, subject: QuadrantSubject, year: ReportingYear) {
  const ids = (
    'themeId' in subject
      ? await db
          .select({ id: indicatorThemes.indicatorId })
          .from(indicatorThemes)
          .where(and(eq(indicatorThemes.partnershipId, partnershipId), eq(indicatorThemes.themeId, subject.themeId)))
      : await db
          .select({ id: priorityIndicators.indicatorId })
          .from(priorityIndicators)
          .where(eq(priorityIndicators.priorityId, subject.priorityId))
  ).map((r) => r.id)
  const title = 'Quantitative data'
  if (!ids.length)
    return {
      key: 'quantitative' as const,
      title,
      summary:
        'themeId' in subject ? 'No indicators are tagged with this theme' : 'No indicators measure this priority',
      items: [],
    }
  // The performance data is in April-to-March years, whatever month the reporting year starts.
  const card = await scorecard(db, partnershipId, { startYear: year.startYear, indicatorIds: ids })
  const rags: RagCounts = { red: 0, amber: 0, green: 0, notJudged: 0 }
  const items = card.rows.map((row): QuadrantItem => {
    if (row.rag) rags[row.rag.rag]++
    else rags.notJudged++
    const value = row.period ? valueOrSuppressed(row.value, row.suppressed, row.indicator.unit) : 'No data'
    return {
      title: row.indicator.name,
      href: indicatorHref(row.indicator.id),
      detail: [`${row.period ?? year.label}: ${value}`, ragText(row.rag), travelText(row)].join(' · '),
      notes: row.exceptions.map((e) => e.sentence),
    }
  })
  return { key: 'quantitative' as const, title, summary: indicatorSummary(items.length, rags), items }
}

async function qualitative(db: Database, actor: Actor, subject: QuadrantSubject, year: ReportingYear) {
  const { partnershipId } = actor
  const taggedPoint = (themeId: string) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(caseAuditLearningPoints)
        .innerJoin(
          caseAuditLearningPointThemes,
          eq(caseAuditLearningPointThemes.learningPointId, caseAuditLearningPoints.id),
        )
        .where(
          and(eq(caseAuditLearningPoints.auditId, caseAudits.id), eq(caseAuditLearningPointThemes.themeId, themeId)),
        ),
    )
  const about =
    'themeId' in subject
      ? or(eq(caseAudits.themeId, subject.themeId), taggedPoint(subject.themeId))
      : eq(caseAudits.planPriorityId, subject.priorityId)
  const audits = await db
    .select({ id: caseAudits.id, title: caseAudits.title, heldOn: caseAudits.heldOn })
    .from(caseAudits)
    .where(
      and(
        eq(caseAudits.partnershipId, partnershipId),
        about,
        inYear(caseAudits.heldOn, year),
        confidentialCondition(actor, caseAuditRecordType, caseAudits.id),
      ),
    )
    .orderBy(asc(caseAudits.heldOn), asc(caseAudits.title))
  const auditIds = audits.map((a) => a.id)
  const [cases, points] = auditIds.length
    ? await Promise.all([
        db
          .select({ auditId: caseAuditCases.auditId, grade: caseAuditCases.grade })
          .from(caseAuditCases)
          .where(inArray(caseAuditCases.auditId, auditIds)),
        db
          .selectDistinct({
            auditId: caseAuditLearningPoints.auditId,
            number: caseAuditLearningPoints.number,
            text: caseAuditLearningPoints.text,
          })
          .from(caseAuditLearningPoints)
          .leftJoin(
            caseAuditLearningPointThemes,
            eq(caseAuditLearningPointThemes.learningPointId, caseAuditLearningPoints.id),
          )
          .where(
            and(
              inArray(caseAuditLearningPoints.auditId, auditIds),
              // For a priority, all of the audit's learning; for a theme, its learning on the theme.
              'themeId' in subject ? eq(caseAuditLearningPointThemes.themeId, subject.themeId) : undefined,
            ),
          )
          .orderBy(asc(caseAuditLearningPoints.auditId), asc(caseAuditLearningPoints.number)),
      ])
    : [[], []]
  const total = noGrades()
  const items = audits.map((audit): QuadrantItem => {
    const own = cases.filter((c) => c.auditId === audit.id)
    const grades: GradeCounts = noGrades()
    for (const c of own) grades[c.grade ?? 'not-graded']++
    for (const [grade, n] of Object.entries(grades)) total[grade as keyof GradeCounts] += n
    const graded = gradeWords(grades)
    return {
      title: audit.title,
      href: `/assurance/case-audits/${audit.id}`,
      detail: `${own.length} ${own.length === 1 ? 'case' : 'cases'}${graded ? `: ${graded}` : ''}`,
      notes: points.filter((p) => p.auditId === audit.id).map((p) => p.text),
    }
  })
  return {
    key: 'qualitative' as const,
    title: 'Qualitative data',
    summary: caseAuditSummary(items.length, cases.length, total),
    items,
  }
}

const methodOrAudience = (audience: VoiceAudience, method: VoiceMethod, responses: number, invited: number | null) =>
  `${audienceLabels[audience]} · ${method.replace(/-/g, ' ')} · ${responses} ${responses === 1 ? 'response' : 'responses'}${invited ? ` of ${invited} asked` : ''}`

async function voice(db: Database, partnershipId: string, subject: QuadrantSubject, year: ReportingYear) {
  const about =
    'themeId' in subject
      ? exists(
          db
            .select({ one: sql`1` })
            .from(voiceRecordThemes)
            .where(
              and(eq(voiceRecordThemes.recordId, voiceRecords.id), eq(voiceRecordThemes.themeId, subject.themeId)),
            ),
        )
      : eq(voiceRecords.planPriorityId, subject.priorityId)
  const records = await db
    .select({
      id: voiceRecords.id,
      title: voiceRecords.title,
      audience: voiceRecords.audience,
      method: voiceRecords.method,
      responses: voiceRecords.responses,
      invited: voiceRecords.invited,
    })
    .from(voiceRecords)
    .where(and(eq(voiceRecords.partnershipId, partnershipId), about, inYear(voiceRecords.heldOn, year)))
    .orderBy(asc(voiceRecords.heldOn), asc(voiceRecords.title))
  const quarter = (key: 'practitioners' | 'families', title: string, audiences: VoiceAudience[]): Quarter => {
    const chosen = records.filter((r) => audiences.includes(r.audience))
    return {
      key,
      title,
      summary: voiceSummary(chosen),
      items: chosen.map((r) => ({
        title: r.title,
        href: `/assurance/voice/${r.id}`,
        detail: methodOrAudience(r.audience, r.method, r.responses, r.invited),
        notes: [],
      })),
    }
  }
  return [
    quarter('practitioners', 'Practitioner views', ['practitioners']),
    quarter('families', 'Child and family views', ['children-and-young-people', 'parents-and-carers']),
  ]
}

/** The four quarters for the subject and the reporting year starting in `startYear`; null when the subject is not the partnership's. */
export async function quadrantFor(
  db: Database,
  actor: Actor,
  subject: QuadrantSubject,
  startYear: number,
): Promise<Quadrant | null> {
  const found = await quadrantSubject(db, actor.partnershipId, subject)
  if (!found) return null
  const { yearStartMonth } = await getPartnership(db, actor.partnershipId)
  const year = reportingYear(startYear, yearStartMonth)
  const [numbers, audits, views] = await Promise.all([
    quantitative(db, actor.partnershipId, subject, year),
    qualitative(db, actor, subject, year),
    voice(db, actor.partnershipId, subject, year),
  ])
  const quarters: Quarter[] = [numbers, audits, ...views]
  return { subject: found, year, quarters, evidenced: quarters.filter((q) => q.items.length).length }
}
