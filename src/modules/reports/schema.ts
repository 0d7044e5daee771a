import { sql } from 'drizzle-orm'
import { check, date, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { partnerships, timestamps, users } from '../../platform/schema.ts'
import { groups } from '../partnership/schema.ts'
import type { CabinetPaperContent } from './cabinet-paper/content.ts'
import type { ReportSnapshot } from './snapshot.ts'

/** The annual report and subgroup reports: their narrative, their approved (frozen) versions and the cabinet paper. */

export const reportKinds = ['annual', 'subgroup'] as const
export type ReportKind = (typeof reportKinds)[number]

/** draft → submitted → approved → published; submitted → draft when returned; approved or published → draft for a correction. */
export const reportStatuses = ['draft', 'submitted', 'approved', 'published'] as const
export type ReportStatus = (typeof reportStatuses)[number]

export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    kind: text('kind', { enum: reportKinds }).notNull(),
    /** The calendar year the reporting year starts in: 2016 for 2016/17. */
    startYear: smallint('start_year').notNull(),
    /** The subgroup whose report this is; null for the annual report. */
    groupId: uuid('group_id').references(() => groups.id),
    /** The sections it includes, by name (`module.key`), in no particular order: the registry orders them. */
    sections: jsonb('sections').$type<string[]>().notNull(),
    status: text('status', { enum: reportStatuses }).notNull().default('draft'),
    /** The chair's comments when they returned it; cleared when it is submitted again. */
    returnComments: text('return_comments'),
    /** What a correction after approval is for; cleared when the corrected version is approved. */
    correctionReason: text('correction_reason'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('reports_one_per_year').on(
      t.partnershipId,
      t.kind,
      t.startYear,
      sql`coalesce(${t.groupId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
    check('reports_subgroup_has_group', sql`(${t.kind} = 'subgroup') = (${t.groupId} is not null)`),
  ],
)

/** One narrative slot of one section of one report, in Markdown with figure placeholders. */
export const reportNarratives = pgTable(
  'report_narratives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    section: text('section').notNull(),
    slot: text('slot').notNull(),
    markdown: text('markdown').notNull().default(''),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('report_narratives_slot').on(t.reportId, t.section, t.slot)],
)

/** An approved version: everything the report said, frozen. Never updated except to record publication. */
export const reportVersions = pgTable(
  'report_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    number: integer('number').notNull(),
    content: jsonb('content').$type<ReportSnapshot>().notNull(),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedByName: text('approved_by_name').notNull(),
    approvedAt: timestamp('approved_at', { withTimezone: true }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** Why this version replaced the one before, for a correction. */
    correctionReason: text('correction_reason'),
  },
  (t) => [uniqueIndex('report_versions_number').on(t.reportId, t.number)],
)

export const cabinetPaperStatuses = ['draft', 'issued'] as const

/** The cover paper that takes an approved annual report to Cabinet (and the other bodies). */
export const cabinetPapers = pgTable(
  'cabinet_papers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    /** The approved version it was drafted from. */
    versionNumber: integer('version_number').notNull(),
    meeting: text('meeting').notNull(),
    meetingDate: date('meeting_date'),
    content: jsonb('content').$type<CabinetPaperContent>().notNull(),
    status: text('status', { enum: cabinetPaperStatuses }).notNull().default('draft'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('cabinet_papers_report').on(t.reportId)],
)
