import { sql } from 'drizzle-orm'
import {
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { partnerships, timestamps, users } from '../../platform/schema.ts'
import { agencies, groups, people } from '../partnership/schema.ts'
import { scaleCodes } from './scales.ts'

/**
 * Section 11 and schools' safeguarding audits: one machinery. A framework (its standards, their
 * criteria and its grading scale) is data and versioned; a cycle sends one version to the agencies
 * (or schools) taking part; each returns self-grades with evidence, attachments and actions; the
 * business unit or a peer from another agency moderates. Answers keep the criterion (and so the
 * version) they were given against.
 */

/** Section 11 (agencies) or the schools' audit (section 175/157; schools are agencies of type `school`). */
export const frameworkKinds = ['section-11', 'schools'] as const
export type FrameworkKind = (typeof frameworkKinds)[number]

export const auditFrameworks = pgTable('audit_frameworks', {
  id: uuid('id').primaryKey().defaultRandom(),
  partnershipId: uuid('partnership_id')
    .notNull()
    .references(() => partnerships.id),
  kind: text('kind', { enum: frameworkKinds }).notNull(),
  name: text('name').notNull(),
  version: integer('version').notNull().default(1),
  ...timestamps,
})

/**
 * One version of a framework. Editing a version no cycle uses changes it in place; editing one a
 * cycle uses copies it to the next version number (and the edit goes there).
 */
export const frameworkVersions = pgTable(
  'framework_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => auditFrameworks.id),
    number: integer('number').notNull(),
    scale: text('scale', { enum: scaleCodes }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    ...timestamps,
  },
  (t) => [uniqueIndex('framework_versions_number_unique').on(t.frameworkId, t.number)],
)

export const frameworkStandards = pgTable(
  'framework_standards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    versionId: uuid('version_id')
      .notNull()
      .references(() => frameworkVersions.id, { onDelete: 'cascade' }),
    /** 1-based, as numbered on the page ("Standard 3"). */
    number: integer('number').notNull(),
    title: text('title').notNull(),
    description: text('description'),
  },
  (t) => [uniqueIndex('framework_standards_number_unique').on(t.versionId, t.number)],
)

export const frameworkCriteria = pgTable(
  'framework_criteria',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    versionId: uuid('version_id')
      .notNull()
      .references(() => frameworkVersions.id, { onDelete: 'cascade' }),
    standardId: uuid('standard_id')
      .notNull()
      .references(() => frameworkStandards.id, { onDelete: 'cascade' }),
    /** Within the standard, 1-based: shown as "3.2". */
    number: integer('number').notNull(),
    text: text('text').notNull(),
  },
  (t) => [
    uniqueIndex('framework_criteria_number_unique').on(t.standardId, t.number),
    index('framework_criteria_version_idx').on(t.versionId),
  ],
)

export const cycleStatuses = ['planned', 'open', 'closed'] as const
export type CycleStatus = (typeof cycleStatuses)[number]

export const auditCycles = pgTable(
  'audit_cycles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    /** "Section 11 2016/17". */
    name: text('name').notNull(),
    frameworkVersionId: uuid('framework_version_id')
      .notNull()
      .references(() => frameworkVersions.id),
    /** The reporting year it reports in (its first calendar year: 2016 for 2016/17). */
    startYear: integer('start_year').notNull(),
    opensOn: date('opens_on').notNull(),
    dueOn: date('due_on').notNull(),
    status: text('status', { enum: cycleStatuses }).notNull().default('planned'),
    /** Reminder emails this many days before and after the due date, each sent once per return. */
    remindDaysBefore: integer('remind_days_before')
      .array()
      .notNull()
      .default(sql`'{7}'`),
    remindDaysAfter: integer('remind_days_after')
      .array()
      .notNull()
      .default(sql`'{3}'`),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    openedBy: uuid('opened_by').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
    /** How many returns were still in draft when it was closed (the closer confirmed it). */
    closedWithDrafts: integer('closed_with_drafts'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('audit_cycles_partnership_idx').on(t.partnershipId, t.startYear)],
)

export const returnStatuses = ['draft', 'submitted', 'moderated', 'closed'] as const
export type ReturnStatus = (typeof returnStatuses)[number]

/**
 * One agency's (or school's) return to a cycle: a confidential record (type `audit-return`) that
 * names its agency's safeguarding lead, its moderator, the audit subgroup and the business unit.
 */
export const auditReturns = pgTable(
  'audit_returns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => auditCycles.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    status: text('status', { enum: returnStatuses }).notNull().default('draft'),
    /** A peer from another agency who moderates it; null: the business unit does. */
    moderatorPersonId: uuid('moderator_person_id').references(() => people.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => users.id),
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
    moderatedBy: uuid('moderated_by').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('audit_returns_agency_unique').on(t.cycleId, t.agencyId),
    index('audit_returns_agency_idx').on(t.partnershipId, t.agencyId),
  ],
)

/** The answer to one criterion: the self-grade and evidence, then the moderated grade with its reason. */
export const auditAnswers = pgTable(
  'audit_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    returnId: uuid('return_id')
      .notNull()
      .references(() => auditReturns.id, { onDelete: 'cascade' }),
    criterionId: uuid('criterion_id')
      .notNull()
      .references(() => frameworkCriteria.id),
    selfGrade: text('self_grade'),
    evidence: text('evidence'),
    moderatedGrade: text('moderated_grade'),
    /** Required whenever a moderated grade is recorded (agreeing or changing). */
    moderationReason: text('moderation_reason'),
    moderatedBy: uuid('moderated_by').references(() => users.id),
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('audit_answers_criterion_unique').on(t.returnId, t.criterionId),
    index('audit_answers_criterion_idx').on(t.criterionId),
    check(
      'audit_answers_moderated_has_reason',
      sql`${t.moderatedGrade} is null or (${t.moderationReason} is not null and length(trim(${t.moderationReason})) > 0)`,
    ),
  ],
)

/** Peer challenge: a moderator's question on a return, and the agency's answer. */
export const auditChallenges = pgTable(
  'audit_challenges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    returnId: uuid('return_id')
      .notNull()
      .references(() => auditReturns.id, { onDelete: 'cascade' }),
    /** The criterion it is about, when it is about one. */
    criterionId: uuid('criterion_id').references(() => frameworkCriteria.id),
    question: text('question').notNull(),
    askedBy: uuid('asked_by').references(() => users.id),
    askedAt: timestamp('asked_at', { withTimezone: true }).notNull().defaultNow(),
    answer: text('answer'),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('audit_challenges_return_idx').on(t.returnId)],
)

/** Reminders sent, so each ("before-7", "after-3") goes once per return. */
export const auditReminders = pgTable(
  'audit_reminders',
  {
    returnId: uuid('return_id')
      .notNull()
      .references(() => auditReturns.id, { onDelete: 'cascade' }),
    reminder: text('reminder').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.returnId, t.reminder] })],
)

/** Which group is the audit subgroup (it sees every return and case audit), and the upload limit's words. */
export const assuranceSettings = pgTable('assurance_settings', {
  partnershipId: uuid('partnership_id')
    .primaryKey()
    .references(() => partnerships.id),
  auditGroupId: uuid('audit_group_id').references(() => groups.id),
  version: integer('version').notNull().default(1),
  ...timestamps,
})

export type AuditFramework = typeof auditFrameworks.$inferSelect
export type FrameworkVersion = typeof frameworkVersions.$inferSelect
export type AuditCycle = typeof auditCycles.$inferSelect
export type AuditReturn = typeof auditReturns.$inferSelect
export type AuditAnswer = typeof auditAnswers.$inferSelect
