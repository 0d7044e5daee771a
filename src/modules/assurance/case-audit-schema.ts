import { sql } from 'drizzle-orm'
import { date, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { partnerships, timestamps } from '../../platform/schema.ts'
import { planPriorities } from '../performance/schema.ts'
import { agencies, people } from '../partnership/schema.ts'
import { themes } from '../themes/schema.ts'
import { practiceGrades } from './scales.ts'

/**
 * Single- and multi-agency case audits on a theme. Every audit is a confidential record (type
 * `case-audit`): its auditors, the audit subgroup and the business unit see it and everything under
 * it, and every view is in the audit log. Cases are named by a pseudonymised reference only.
 */

export const caseAuditScopes = ['single-agency', 'multi-agency'] as const
export type CaseAuditScope = (typeof caseAuditScopes)[number]

export const caseAuditStatuses = ['planned', 'in-progress', 'complete'] as const
export type CaseAuditStatus = (typeof caseAuditStatuses)[number]

export const caseAudits = pgTable(
  'case_audits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    title: text('title').notNull(),
    /** The theme it samples cases on (shared taxonomy): neglect, adolescents at risk, domestic abuse. */
    themeId: uuid('theme_id')
      .notNull()
      .references(() => themes.id),
    /** The business plan priority it gives evidence for, when it was commissioned for one. */
    planPriorityId: uuid('plan_priority_id').references(() => planPriorities.id),
    scope: text('scope', { enum: caseAuditScopes }).notNull(),
    /** The agency audited, for a single-agency audit. */
    agencyId: uuid('agency_id').references(() => agencies.id),
    status: text('status', { enum: caseAuditStatuses }).notNull().default('planned'),
    /** When the audit was held (its reporting year is read from this). */
    heldOn: date('held_on').notNull(),
    /** Markdown: what the audit found. */
    findings: text('findings'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('case_audits_partnership_idx').on(t.partnershipId, t.heldOn)],
)

export const caseAuditAuditors = pgTable(
  'case_audit_auditors',
  {
    auditId: uuid('audit_id')
      .notNull()
      .references(() => caseAudits.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
  },
  (t) => [primaryKey({ columns: [t.auditId, t.personId] })],
)

/** One case in the sample: a pseudonymised reference, never a name, and the grade of practice. */
export const caseAuditCases = pgTable(
  'case_audit_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    auditId: uuid('audit_id')
      .notNull()
      .references(() => caseAudits.id, { onDelete: 'cascade' }),
    /** "NEG-2016-04": the audit's own reference, not a case-management system's number. */
    reference: text('reference').notNull(),
    grade: text('grade', { enum: practiceGrades }),
    notes: text('notes'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('case_audit_cases_reference_unique').on(t.auditId, sql`lower(${t.reference})`)],
)

/** The grade of each agency's practice in one case. */
export const caseAuditAgencyGrades = pgTable(
  'case_audit_agency_grades',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseAuditCases.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    grade: text('grade', { enum: practiceGrades }).notNull(),
    comment: text('comment'),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.agencyId] })],
)

/** What the audit teaches, numbered, each tagged with themes from the shared taxonomy. */
export const caseAuditLearningPoints = pgTable(
  'case_audit_learning_points',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    auditId: uuid('audit_id')
      .notNull()
      .references(() => caseAudits.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    text: text('text').notNull(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('case_audit_learning_points_number_unique').on(t.auditId, t.number)],
)

export const caseAuditLearningPointThemes = pgTable(
  'case_audit_learning_point_themes',
  {
    learningPointId: uuid('learning_point_id')
      .notNull()
      .references(() => caseAuditLearningPoints.id, { onDelete: 'cascade' }),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    themeId: uuid('theme_id')
      .notNull()
      .references(() => themes.id),
  },
  (t) => [
    primaryKey({ columns: [t.learningPointId, t.themeId] }),
    index('case_audit_learning_point_themes_theme_idx').on(t.themeId),
  ],
)

export const caseAuditRecommendationStatuses = ['open', 'in-progress', 'complete'] as const
export type CaseAuditRecommendationStatus = (typeof caseAuditRecommendationStatuses)[number]

/**
 * An audit's numbered recommendations, each owned by one agency and tracked to completion as case
 * review recommendations are: a response, a due date, status, evidence to close, and actions in
 * the action tracker (source type `case-audit-recommendation`).
 */
export const caseAuditRecommendations = pgTable(
  'case_audit_recommendations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    auditId: uuid('audit_id')
      .notNull()
      .references(() => caseAudits.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    text: text('text').notNull(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    response: text('response'),
    dueOn: date('due_on'),
    status: text('status', { enum: caseAuditRecommendationStatuses }).notNull().default('open'),
    evidence: text('evidence'),
    completedOn: date('completed_on'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('case_audit_recommendations_number_unique').on(t.auditId, t.number)],
)

export type CaseAudit = typeof caseAudits.$inferSelect
export type CaseAuditCase = typeof caseAuditCases.$inferSelect
