import { and, desc, eq, inArray, or, sql } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import { insertAudited, updateAudited } from '../../platform/audited-writes.ts'
import { NotFoundError, StaleEditError, ValidationError } from '../../platform/errors.ts'
import type { Registry } from '../../platform/modules.ts'
import { scopeCondition, type Actor } from '../../platform/permissions.ts'
import { reportingYear, type ReportingYear } from '../../platform/reporting-years.ts'
import type { SectionContext } from '../../platform/sections.ts'
import { groups } from '../partnership/schema.ts'
import { groupsSatOnBy } from '../partnership/scopes.ts'
import { getPartnership } from '../partnership/settings/service.ts'
import { reportNarratives, reports, reportVersions, type ReportKind, type ReportStatus } from './schema.ts'
import { assembleSnapshot, figureDisplays, type ReportSnapshot } from './snapshot.ts'

/** Reports, their narrative and their versions: reading them within the reader's scope. */

export const reportScopes = {
  'own-group-reports': 'Only the reports of the subgroups they sit on (now or in the past)',
}

/** A subgroup member reads the drafts of the reports of the groups they sit on; published ones are for everyone. */
function reportScope(actor: Actor) {
  return scopeCondition(actor, 'reports:read', {
    'own-group-reports': (a) =>
      a.personId
        ? or(eq(reports.status, 'published'), inArray(reports.groupId, groupsSatOnBy(a.personId)))
        : eq(reports.status, 'published'),
  })
}

const reportColumns = {
  id: reports.id,
  kind: reports.kind,
  startYear: reports.startYear,
  groupId: reports.groupId,
  groupName: groups.name,
  sections: reports.sections,
  status: reports.status,
  returnComments: reports.returnComments,
  correctionReason: reports.correctionReason,
  version: reports.version,
  updatedAt: reports.updatedAt,
}

export type Report = Awaited<ReturnType<typeof getReport>>

/** Reports the reader may see, newest year first, each with its title. */
export async function listReports(
  db: Database,
  actor: Actor,
  filter: { startYear?: number; statuses?: ReportStatus[] },
) {
  const rows = await db
    .select(reportColumns)
    .from(reports)
    .leftJoin(groups, eq(groups.id, reports.groupId))
    .where(
      and(
        eq(reports.partnershipId, actor.partnershipId),
        filter.startYear === undefined ? undefined : eq(reports.startYear, filter.startYear),
        filter.statuses ? inArray(reports.status, filter.statuses) : undefined,
        reportScope(actor),
      ),
    )
    .orderBy(desc(reports.startYear), reports.kind, groups.name)
  if (!rows.length) return []
  const partnership = await getPartnership(db, actor.partnershipId)
  return rows.map((row) => ({
    ...row,
    title: reportTitle(partnership.name, row.groupName, reportingYear(row.startYear, partnership.yearStartMonth)),
  }))
}

/** A report through the reader's scope; 404 when it is not theirs to read. */
export async function getReport(db: Database, actor: Actor, id: string) {
  const [row] = await db
    .select(reportColumns)
    .from(reports)
    .leftJoin(groups, eq(groups.id, reports.groupId))
    .where(and(eq(reports.partnershipId, actor.partnershipId), eq(reports.id, id), reportScope(actor)))
  if (!row) throw new NotFoundError()
  const partnership = await getPartnership(db, actor.partnershipId)
  const year = reportingYear(row.startYear, partnership.yearStartMonth)
  return { ...row, year, partnership, title: reportTitle(partnership.name, row.groupName, year) }
}

export function reportTitle(partnershipName: string, groupName: string | null, year: ReportingYear) {
  return `${groupName ?? partnershipName} annual report ${year.label}`
}

export interface NewReport {
  kind: ReportKind
  startYear: number
  groupId: string | null
  sections: string[]
}

export async function createReport(db: Database, actor: Actor, input: NewReport) {
  if (input.kind === 'subgroup') {
    const [group] = await db
      .select({ id: groups.id })
      .from(groups)
      .where(and(eq(groups.partnershipId, actor.partnershipId), eq(groups.id, input.groupId ?? '')))
    if (!group) throw new ValidationError({ groupId: 'Select the subgroup' })
  }
  return insertAudited(
    db,
    actor,
    reports,
    {
      kind: input.kind,
      startYear: input.startYear,
      groupId: input.kind === 'subgroup' ? input.groupId : null,
      sections: input.sections,
    },
    {
      recordType: 'report',
      summary: 'Started a report',
      conflict: {
        startYear:
          input.kind === 'annual'
            ? 'There is already an annual report for this year'
            : 'There is already a report for this subgroup and year',
      },
    },
  )
}

/** The narrative of a report, by `section/slot`, with each slot's row version for the editor. */
export async function loadNarrative(db: Database, reportId: string) {
  const rows = await db.select().from(reportNarratives).where(eq(reportNarratives.reportId, reportId))
  return new Map(rows.map((row) => [`${row.section}/${row.slot}`, row]))
}

export interface SlotEdit {
  slot: string
  markdown: string
  /** The version the editor opened; null when the slot had never been written. */
  version: number | null
  /** Save an empty slot never written (one with starting text: otherwise that text would show again). */
  keepEmpty?: boolean
}

/**
 * Saves a section's narrative at the versions the editor opened. Someone else's save since then
 * is a StaleEditError, never a silent overwrite. Returns whether anything changed.
 */
export async function saveNarrative(db: Database, actor: Actor, report: Report, section: string, edits: SlotEdit[]) {
  const existing = await loadNarrative(db, report.id)
  let changed = false
  await db.transaction(async (tx) => {
    for (const edit of edits) {
      const row = existing.get(`${section}/${edit.slot}`)
      const audit = {
        recordType: 'report-narrative',
        summary: `Changed the narrative of ${report.title}`,
        related: [{ recordType: 'report', recordId: report.id }],
      }
      if (!row) {
        if (edit.version !== null) throw new StaleEditError()
        if (!edit.markdown.trim() && !edit.keepEmpty) continue
        await insertAudited(
          tx,
          actor,
          reportNarratives,
          { reportId: report.id, section, slot: edit.slot, markdown: edit.markdown },
          audit,
        ).catch((error: unknown) => {
          // Someone else wrote the slot first.
          if ((error as { code?: string; cause?: { code?: string } })?.cause?.code === '23505')
            throw new StaleEditError()
          throw error
        })
        changed = true
      } else {
        if (edit.version !== row.version) throw new StaleEditError()
        const updated = await updateAudited(
          tx,
          actor,
          reportNarratives,
          { id: row.id, version: row.version, before: { markdown: row.markdown }, set: { markdown: edit.markdown } },
          audit,
        )
        changed ||= updated
      }
    }
  })
  return changed
}

/** Approved versions, newest first. */
export function listVersions(db: Database, reportId: string) {
  return db
    .select({
      number: reportVersions.number,
      approvedByName: reportVersions.approvedByName,
      approvedAt: reportVersions.approvedAt,
      publishedAt: reportVersions.publishedAt,
      correctionReason: reportVersions.correctionReason,
    })
    .from(reportVersions)
    .where(eq(reportVersions.reportId, reportId))
    .orderBy(desc(reportVersions.number))
}

export async function getVersion(db: Database, reportId: string, number?: number) {
  const [row] = await db
    .select()
    .from(reportVersions)
    .where(
      and(eq(reportVersions.reportId, reportId), number === undefined ? undefined : eq(reportVersions.number, number)),
    )
    .orderBy(desc(reportVersions.number))
    .limit(1)
  return row ?? null
}

/** The latest published version of one of a partnership's reports (for its public site). */
export async function publishedVersion(db: Database, partnershipId: string, reportId: string) {
  const [row] = await db
    .select({ version: reportVersions })
    .from(reportVersions)
    .innerJoin(reports, eq(reports.id, reportVersions.reportId))
    .where(
      and(
        eq(reportVersions.reportId, reportId),
        eq(reports.partnershipId, partnershipId),
        sql`${reportVersions.publishedAt} is not null`,
      ),
    )
    .orderBy(desc(reportVersions.number))
    .limit(1)
  return row?.version ?? null
}

/**
 * Last year's figures for the side-by-side view: from last year's report of the same kind as
 * approved (what was said then), or computed from the records when there is none.
 */
async function previousFigures(db: Database, report: Report): Promise<Record<string, string> | null> {
  const [last] = await db
    .select({ content: reportVersions.content })
    .from(reportVersions)
    .innerJoin(reports, eq(reports.id, reportVersions.reportId))
    .where(
      and(
        eq(reports.partnershipId, report.partnership.id),
        eq(reports.kind, report.kind),
        eq(reports.startYear, report.startYear - 1),
        report.groupId ? eq(reports.groupId, report.groupId) : sql`${reports.groupId} is null`,
      ),
    )
    .orderBy(desc(reportVersions.number))
    .limit(1)
  if (!last) return null
  return figureDisplays(last.content.sections.flatMap((s) => s.figures))
}

/** What the report's sections are built for: its partnership and year and, for a subgroup's report, the group. */
export function sectionContext(report: Report): SectionContext {
  return {
    partnershipId: report.partnership.id,
    year: report.year,
    group: report.groupId ? { id: report.groupId, name: report.groupName ?? '' } : null,
  }
}

/** The report as the records say now: what a draft shows, and what approval freezes. */
export async function draftSnapshot(db: Database, registry: Registry, report: Report): Promise<ReportSnapshot> {
  const narrative = await loadNarrative(db, report.id)
  return assembleSnapshot(db, registry, report.partnership.id, {
    title: report.title,
    year: report.year,
    group: sectionContext(report).group,
    sections: report.sections,
    narrative: new Map([...narrative].map(([key, row]) => [key, row.markdown])),
    previousFigures: await previousFigures(db, report),
  })
}

/**
 * What the report says now: the live draft while it is being written or read by the chair, the
 * latest approved version once approved or published.
 */
export async function currentContent(db: Database, registry: Registry, report: Report) {
  if (report.status === 'approved' || report.status === 'published') {
    const version = await getVersion(db, report.id)
    if (version) return { snapshot: version.content, version }
  }
  return { snapshot: await draftSnapshot(db, registry, report), version: null }
}

/** A partnership's published reports, for its public site: the latest published version of each. */
export async function listPublished(db: Database, partnershipId: string) {
  return db
    .selectDistinctOn([reports.id], {
      id: reports.id,
      kind: reports.kind,
      startYear: reports.startYear,
      groupName: groups.name,
      partnershipId: reports.partnershipId,
      title: sql<string>`${reportVersions.content}->>'title'`,
      publishedAt: reportVersions.publishedAt,
    })
    .from(reports)
    .innerJoin(reportVersions, eq(reportVersions.reportId, reports.id))
    .leftJoin(groups, eq(groups.id, reports.groupId))
    .where(and(eq(reports.partnershipId, partnershipId), sql`${reportVersions.publishedAt} is not null`))
    .orderBy(reports.id, desc(reportVersions.number))
}
