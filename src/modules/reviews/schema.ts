import { sql } from 'drizzle-orm'
import { check, date, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { partnerships, timestamps } from '../../platform/schema.ts'
import { agencies, people } from '../partnership/schema.ts'
import { themes } from '../themes/schema.ts'

/**
 * Case reviews: a case from its referral (or notification) through the decision, the review, its
 * recommendations and learning, to publication. Every case is a confidential record
 * (platform/confidential, record type `case-review`): only the people it names see it or anything
 * under it. Children are named by a pseudonym only ("Child K").
 */

export const harmCategories = ['death', 'serious-harm', 'other'] as const
export type HarmCategory = (typeof harmCategories)[number]

/** The age bands of the national triennial analyses. */
export const ageBands = ['unborn', 'under-1', '1-5', '6-10', '11-15', '16-17'] as const
export type AgeBand = (typeof ageBands)[number]

export const concernCodes = [
  'neglect',
  'physical-abuse',
  'emotional-abuse',
  'sexual-abuse',
  'sexual-exploitation',
  'criminal-exploitation',
  'domestic-abuse',
  'parental-mental-health',
  'substance-misuse',
  'self-harm',
  'online-harm',
  'sudden-unexpected-death',
] as const
export type Concern = (typeof concernCodes)[number]

/** Working Together 2015 (serious case reviews) or 2018 onwards (rapid reviews and practice reviews). */
export const frameworks = ['working-together-2015', 'working-together-2018'] as const
export type Framework = (typeof frameworks)[number]

/** Whether the criteria are met, not met, or not met and the case is reviewed anyway as a learning review. */
export const decisionOutcomes = ['criteria-met', 'criteria-not-met', 'learning-review'] as const
export type DecisionOutcome = (typeof decisionOutcomes)[number]

export const reviewTypes = [
  'serious-case-review',
  'rapid-review',
  'practice-review',
  'learning-review',
  'multi-agency-case-audit',
] as const
export type ReviewType = (typeof reviewTypes)[number]

export const parallelProcesses = ['police-investigation', 'criminal-trial', 'inquest', 'family-court'] as const
export type ParallelProcess = (typeof parallelProcesses)[number]

/** The lifecycle (lifecycle.ts says which moves are allowed). */
export const caseStatuses = [
  'referred',
  'not-reviewed',
  'active',
  'completed',
  'awaiting-parallel-process',
  'published',
] as const
export type CaseStatus = (typeof caseStatuses)[number]

export const reviewCases = pgTable(
  'review_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    /** The pseudonym the subgroup chose ("Child K", "Family M"): never a real name. */
    reference: text('reference').notNull(),
    /** A short, pseudonymised account of what happened. */
    circumstances: text('circumstances'),
    incidentOn: date('incident_on'),
    /** The day the partnership became aware: the statutory clocks run from it. */
    awareOn: date('aware_on').notNull(),
    referredByAgencyId: uuid('referred_by_agency_id').references(() => agencies.id),
    /** Who referred it, in words ("Children's social care duty manager"). */
    referrer: text('referrer'),
    harm: text('harm', { enum: harmCategories }).notNull(),
    ageBand: text('age_band', { enum: ageBands }),
    concerns: text('concerns', { enum: concernCodes })
      .array()
      .notNull()
      .default(sql`'{}'`),
    /** The day the local authority notified the national panel (the 5-working-day clock). */
    notifiedOn: date('notified_on'),
    /** The day the rapid review went to the national panel (the 15-working-day clock). */
    rapidReviewOn: date('rapid_review_on'),
    // The decision
    framework: text('framework', { enum: frameworks }),
    decisionOutcome: text('decision_outcome', { enum: decisionOutcomes }),
    decisionRationale: text('decision_rationale'),
    decidedByPersonId: uuid('decided_by_person_id').references(() => people.id),
    decidedOn: date('decided_on'),
    /** The national panel's view, where it gave one. */
    panelView: text('panel_view'),
    panelViewOn: date('panel_view_on'),
    // The review
    reviewType: text('review_type', { enum: reviewTypes }),
    methodology: text('methodology'),
    /** The independent lead reviewer (often from outside the partnership's directory). */
    leadReviewer: text('lead_reviewer'),
    termsOfReference: text('terms_of_reference'),
    commissionedOn: date('commissioned_on'),
    panelMeetings: date('panel_meetings')
      .array()
      .notNull()
      .default(sql`'{}'`),
    draftReceivedOn: date('draft_received_on'),
    /** Signed off by the board: the reporting year it falls in is the year the review is reported in. */
    signedOffOn: date('signed_off_on'),
    /** Sent to the national panel and the department ahead of publication. */
    sentToPanelOn: date('sent_to_panel_on'),
    publishedOn: date('published_on'),
    takenDownOn: date('taken_down_on'),
    parallelProcess: text('parallel_process', { enum: parallelProcesses }),
    parallelStartedOn: date('parallel_started_on'),
    parallelEndedOn: date('parallel_ended_on'),
    status: text('status', { enum: caseStatuses }).notNull().default('referred'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('review_cases_reference_unique').on(t.partnershipId, sql`lower(${t.reference})`),
    index('review_cases_status_idx').on(t.partnershipId, t.status),
    check('review_cases_aware_before_decision', sql`${t.decidedOn} is null or ${t.awareOn} <= ${t.decidedOn}`),
    check(
      'review_cases_parallel_dates',
      sql`${t.parallelEndedOn} is null or ${t.parallelStartedOn} is null or ${t.parallelEndedOn} >= ${t.parallelStartedOn}`,
    ),
  ],
)

/** The agencies involved with the child and family. */
export const reviewCaseAgencies = pgTable(
  'review_case_agencies',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => reviewCases.id, { onDelete: 'cascade' }),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.agencyId] })],
)

/** The review panel: people from the directory. */
export const reviewPanelMembers = pgTable(
  'review_panel_members',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => reviewCases.id, { onDelete: 'cascade' }),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.personId] })],
)

export const recommendationStatuses = ['open', 'in-progress', 'complete'] as const
export type RecommendationStatus = (typeof recommendationStatuses)[number]

/** A review's numbered recommendations, each owned by one agency; their actions are the action tracker's. */
export const reviewRecommendations = pgTable(
  'review_recommendations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => reviewCases.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    text: text('text').notNull(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    /** The owning agency's response. */
    response: text('response'),
    dueOn: date('due_on'),
    status: text('status', { enum: recommendationStatuses }).notNull().default('open'),
    /** Required to close it. */
    evidence: text('evidence'),
    completedOn: date('completed_on'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('review_recommendations_number_unique').on(t.caseId, t.number),
    index('review_recommendations_agency_idx').on(t.partnershipId, t.agencyId),
    check(
      'review_recommendations_complete_has_evidence',
      sql`${t.status} <> 'complete' or (${t.evidence} is not null and ${t.completedOn} is not null)`,
    ),
  ],
)

/** What the review teaches, numbered, each tagged with themes from the shared taxonomy. */
export const reviewLearningPoints = pgTable(
  'review_learning_points',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => reviewCases.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    text: text('text').notNull(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('review_learning_points_number_unique').on(t.caseId, t.number)],
)

export const learningPointThemes = pgTable(
  'review_learning_point_themes',
  {
    learningPointId: uuid('learning_point_id')
      .notNull()
      .references(() => reviewLearningPoints.id, { onDelete: 'cascade' }),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    themeId: uuid('theme_id')
      .notNull()
      .references(() => themes.id),
  },
  (t) => [
    primaryKey({ columns: [t.learningPointId, t.themeId] }),
    index('review_learning_point_themes_theme_idx').on(t.themeId),
  ],
)

/**
 * The learning summary (a "7-minute briefing") for practitioners and managers: edited in the app,
 * public once the review is published. Markdown, pseudonymised.
 */
export const reviewSummaries = pgTable('review_summaries', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => reviewCases.id, { onDelete: 'cascade' }),
  partnershipId: uuid('partnership_id')
    .notNull()
    .references(() => partnerships.id),
  whatHappened: text('what_happened').notNull(),
  whatWeLearned: text('what_we_learned').notNull(),
  whatToDoDifferently: text('what_to_do_differently').notNull(),
  version: integer('version').notNull().default(1),
  ...timestamps,
})

/** Who, besides the business unit and the chair, sees the partnership's case reviews: its case review subgroup(s). */
export const reviewSettings = pgTable('review_settings', {
  partnershipId: uuid('partnership_id')
    .primaryKey()
    .references(() => partnerships.id),
  groupIds: uuid('group_ids')
    .array()
    .notNull()
    .default(sql`'{}'`),
  version: integer('version').notNull().default(1),
  ...timestamps,
})

export type ReviewCase = typeof reviewCases.$inferSelect
export type ReviewRecommendation = typeof reviewRecommendations.$inferSelect
export type ReviewLearningPoint = typeof reviewLearningPoints.$inferSelect
