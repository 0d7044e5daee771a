import { and, desc, eq, inArray } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { insertAudited, updateAudited } from '../../../platform/audited-writes.ts'
import { ValidationError } from '../../../platform/errors.ts'
import type { Registry } from '../../../platform/modules.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { boardChairIn } from '../../partnership/chair.ts'
import { groups } from '../../partnership/schema.ts'
import { cabinetPapers, reports, reportVersions } from '../schema.ts'
import { draftSnapshot, getVersion, type Report } from '../service.ts'
import { draftPaper, paperDocument, type CabinetPaperContent } from './content.ts'

/** The cabinet cover paper of an annual report: drafted from its approved version, edited, issued. */

export type CabinetPaper = typeof cabinetPapers.$inferSelect

export async function getPaper(db: Database, report: Report): Promise<CabinetPaper | null> {
  const [row] = await db
    .select()
    .from(cabinetPapers)
    .where(and(eq(cabinetPapers.reportId, report.id), eq(cabinetPapers.partnershipId, report.partnership.id)))
  return row ?? null
}

/** The latest approved version of each of the year's subgroup reports, by group name. */
async function approvedSubgroupReports(db: Database, report: Report) {
  const rows = await db
    .select({
      reportId: reports.id,
      groupName: groups.name,
      number: reportVersions.number,
      content: reportVersions.content,
    })
    .from(reports)
    .innerJoin(groups, eq(groups.id, reports.groupId))
    .innerJoin(reportVersions, eq(reportVersions.reportId, reports.id))
    .where(
      and(
        eq(reports.partnershipId, report.partnership.id),
        eq(reports.kind, 'subgroup'),
        eq(reports.startYear, report.startYear),
        inArray(reports.status, ['approved', 'published']),
      ),
    )
    .orderBy(groups.name, desc(reportVersions.number))
  const latest = new Map<string, (typeof rows)[number]>()
  for (const row of rows) if (!latest.has(row.reportId)) latest.set(row.reportId, row)
  return [...latest.values()].map((row) => ({ groupName: row.groupName, snapshot: row.content }))
}

/**
 * The paper's first draft, from the report's latest approved version, or from the report as it
 * stands while it is still a draft (version 0), so the business unit can prepare the paper
 * alongside the report. It can be issued only once drafted from an approved version.
 */
async function paperFrom(db: Database, registry: Registry, report: Report, meeting: string) {
  const version = await getVersion(db, report.id)
  const content = draftPaper({
    partnership: report.partnership,
    year: report.year.label,
    annual: version ? version.content : await draftSnapshot(db, registry, report),
    subgroups: await approvedSubgroupReports(db, report),
    chair: await boardChairIn(db, report.partnership.id, report.year),
    meeting,
    today: new Date(),
  })
  return { content, versionNumber: version?.number ?? 0 }
}

export async function draftCabinetPaper(
  db: Database,
  registry: Registry,
  actor: Actor,
  report: Report,
  meeting: string,
) {
  if (report.kind !== 'annual') throw new ValidationError({ meeting: 'Only an annual report goes to Cabinet' })
  const { content, versionNumber } = await paperFrom(db, registry, report, meeting)
  return insertAudited(
    db,
    actor,
    cabinetPapers,
    { reportId: report.id, versionNumber, meeting, content },
    {
      recordType: 'cabinet-paper',
      summary: `Drafted the cabinet paper for ${report.title}`,
      related: [{ recordType: 'report', recordId: report.id }],
      after: { meeting, versionNumber },
      conflict: { meeting: 'This report already has a cabinet paper' },
    },
  )
}

/** Drafts the paper again from the report's latest approved version, replacing what was there. */
export async function redraftCabinetPaper(
  db: Database,
  registry: Registry,
  actor: Actor,
  report: Report,
  paper: CabinetPaper,
  version: number,
) {
  if (paper.status !== 'draft') throw new ValidationError({ paper: 'An issued paper cannot be changed' })
  const { content, versionNumber } = await paperFrom(db, registry, report, paper.meeting)
  return updateAudited(
    db,
    actor,
    cabinetPapers,
    {
      id: paper.id,
      version,
      before: { content: paper.content, versionNumber: paper.versionNumber },
      set: { content, versionNumber },
    },
    {
      recordType: 'cabinet-paper',
      summary: `Drafted the cabinet paper for ${report.title} again from the report`,
      related: [{ recordType: 'report', recordId: report.id }],
    },
  )
}

export interface PaperEdit {
  meeting: string
  meetingDate: string | null
  content: CabinetPaperContent
}

export async function savePaper(
  db: Database,
  actor: Actor,
  report: Report,
  paper: CabinetPaper,
  version: number,
  edit: PaperEdit,
) {
  if (paper.status !== 'draft') throw new ValidationError({ paper: 'An issued paper cannot be changed' })
  return updateAudited(
    db,
    actor,
    cabinetPapers,
    {
      id: paper.id,
      version,
      before: { meeting: paper.meeting, meetingDate: paper.meetingDate, content: paper.content },
      set: edit,
    },
    {
      recordType: 'cabinet-paper',
      summary: `Changed the cabinet paper for ${report.title}`,
      related: [{ recordType: 'report', recordId: report.id }],
    },
  )
}

export async function issuePaper(db: Database, actor: Actor, report: Report, paper: CabinetPaper, version: number) {
  if (paper.status !== 'draft') throw new ValidationError({ paper: 'This paper has already been issued' })
  if (paper.versionNumber === 0 || !['approved', 'published'].includes(report.status))
    throw new ValidationError({
      paper:
        'The paper can be issued once the chair has approved the report and the paper has been drafted again from the approved version',
    })
  if (!paper.content.author.name.trim() || !paper.content.contactOfficer.trim())
    throw new ValidationError({ paper: 'Enter the author and the contact officer before issuing the paper' })
  return updateAudited(
    db,
    actor,
    cabinetPapers,
    { id: paper.id, version, before: { status: paper.status }, set: { status: 'issued', issuedAt: new Date() } },
    {
      recordType: 'cabinet-paper',
      action: 'issued',
      summary: `Issued the cabinet paper for ${report.title}`,
      related: [{ recordType: 'report', recordId: report.id }],
    },
  )
}

/** The paper as a document: for the page, the downloads and the command line. */
export function paperDocumentOf(paper: CabinetPaper) {
  return paperDocument(
    paper.content,
    { name: paper.meeting, date: paper.meetingDate },
    paper.status === 'issued' ? '' : 'Draft',
  )
}
