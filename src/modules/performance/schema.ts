import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { importBatches } from '../../platform/imports/schema.ts'
import { partnerships, timestamps, users } from '../../platform/schema.ts'
import { themes } from '../themes/schema.ts'

/**
 * Plan and performance (issue 14): the indicator catalogue, observations of each indicator for an
 * area and a period (this authority, England, its region, any other authority), the partnership's
 * own area and statistical neighbours, commentary per period, and the business plan per reporting
 * year with its priorities (whose actions are the action tracker's, source type `plan-priority`).
 * Areas are reference data in code (areas.ts), named by their ONS code ("E10000025").
 */

export const indicatorUnits = ['rate-per-10000', 'percentage', 'count', 'days'] as const
export type IndicatorUnit = (typeof indicatorUnits)[number]

/** Which way is better: up, down, or neither (a measure of activity, not of quality). */
export const polarities = ['higher-is-better', 'lower-is-better', 'no-judgement'] as const
export type Polarity = (typeof polarities)[number]

export const frequencies = ['annual', 'quarterly', 'monthly'] as const
export type Frequency = (typeof frequencies)[number]

export const periodTypes = ['year', 'quarter', 'month'] as const
export type PeriodType = (typeof periodTypes)[number]

export const indicators = pgTable(
  'indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    /** Short and stable: "CPP-RATE". Unique in the partnership; the template import names indicators by it. */
    code: text('code').notNull(),
    /** "Child protection plans per 10,000 children". */
    name: text('name').notNull(),
    /** How prose names what is measured: "children subject to child protection plans". */
    subject: text('subject').notNull(),
    /** Plain English: what is counted, when, and per what. */
    definition: text('definition').notNull(),
    unit: text('unit', { enum: indicatorUnits }).notNull(),
    polarity: text('polarity', { enum: polarities }).notNull(),
    /** "Children in need census (DfE)", "Local data: children's social care". */
    source: text('source').notNull(),
    frequency: text('frequency', { enum: frequencies }).notNull().default('annual'),
    /** The column that holds it in the department's published CSV files, when it is published. */
    dfeColumn: text('dfe_column'),
    /** Shipped with the product (catalogue.ts); a partnership's own measures are not. */
    standard: boolean('standard').notNull().default(false),
    /** The partnership's target for the measure, in its unit; null when it sets none. */
    target: doublePrecision('target'),
    /** Where it comes on the scorecard: lower first. */
    position: integer('position').notNull().default(0),
    /** A retired indicator keeps its observations but leaves the scorecard. */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('indicators_code_idx').on(t.partnershipId, t.code),
    uniqueIndex('indicators_dfe_column_idx').on(t.partnershipId, t.dfeColumn),
  ],
)

/** Which shared themes an indicator speaks to (the quality assurance quadrant's quantitative quarter). */
export const indicatorThemes = pgTable(
  'indicator_themes',
  {
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    /** As every theme tag table has, so the themes module's `replaceThemeTags` writes it. */
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    themeId: uuid('theme_id')
      .notNull()
      .references(() => themes.id),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.themeId] })],
)

/**
 * One value of one indicator for one area and period. A later value for the same indicator, area
 * and period replaces the current one without deleting it: the old row gets `superseded_at` and
 * the batch that replaced it, so the history stays. A suppressed value ("c", "x", "z", "..") is
 * stored as suppressed with its symbol and a null value, never as zero.
 */
export const observations = pgTable(
  'observations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id),
    /** ONS code: this authority, another authority, a region or England (areas.ts). */
    areaCode: text('area_code').notNull(),
    periodType: text('period_type', { enum: periodTypes }).notNull(),
    /** "2016/17", "2016/17 Q1", "2016-04" (periods.ts). */
    period: text('period').notNull(),
    periodStart: date('period_start').notNull(),
    value: doublePrecision('value'),
    /** The department's symbol for a value it does not publish; null when the value is given. */
    suppressed: text('suppressed'),
    /** Provenance: the import that brought it, the file's name, or the person who entered it. */
    batchId: uuid('batch_id').references(() => importBatches.id),
    sourceFile: text('source_file'),
    enteredBy: uuid('entered_by').references(() => users.id),
    enteredByName: text('entered_by_name').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    supersededByBatchId: uuid('superseded_by_batch_id').references(() => importBatches.id),
  },
  (t) => [
    uniqueIndex('observations_current_idx')
      .on(t.partnershipId, t.indicatorId, t.areaCode, t.period)
      .where(sql`${t.supersededAt} is null`),
    index('observations_area_idx')
      .on(t.partnershipId, t.areaCode, t.indicatorId, t.periodStart)
      .where(sql`${t.supersededAt} is null`),
    index('observations_history_idx').on(t.indicatorId, t.areaCode, t.period, t.enteredAt),
    check('observations_value_or_suppressed', sql`(${t.value} is null) = (${t.suppressed} is not null)`),
  ],
)

/** The partnership's own authority and its statistical neighbours (usually ten), in the order it lists them. */
export const performanceSettings = pgTable('performance_settings', {
  partnershipId: uuid('partnership_id')
    .primaryKey()
    .references(() => partnerships.id),
  /** ONS code of the partnership's local authority: "E10000025". */
  areaCode: text('area_code').notNull(),
  neighbourCodes: text('neighbour_codes')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  /** How many periods in a row moving the wrong way makes an exception. */
  wrongWayPeriods: integer('wrong_way_periods').notNull().default(3),
  /** How many years back "growth" is measured over (the seed's finding: three). */
  growthYears: integer('growth_years').notNull().default(3),
  version: integer('version').notNull().default(1),
  ...timestamps,
})

/** The business unit's "so what" for an indicator in a period. */
export const indicatorCommentary = pgTable(
  'indicator_commentary',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    markdown: text('markdown').notNull(),
    writtenBy: uuid('written_by').references(() => users.id),
    writtenByName: text('written_by_name').notNull(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('indicator_commentary_period_idx').on(t.indicatorId, t.period)],
)

/** A business plan per reporting year, with what the year taught (quoted by the annual report). */
export const businessPlans = pgTable(
  'business_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    /** The reporting year it covers, by its first calendar year: 2016 for 2016/17. */
    startYear: integer('start_year').notNull(),
    /** Markdown: "Areas for improvement" for the year. */
    areasForImprovement: text('areas_for_improvement').notNull().default(''),
    /** Markdown: "Messages for multi-agency work" going forward. */
    messages: text('messages').notNull().default(''),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('business_plans_year_idx').on(t.partnershipId, t.startYear)],
)

export const priorityEvaluations = ['achieved', 'partly-achieved', 'not-achieved'] as const
export type PriorityEvaluation = (typeof priorityEvaluations)[number]

export const planPriorities = pgTable(
  'plan_priorities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => businessPlans.id, { onDelete: 'cascade' }),
    /** 1, 2, 3: the priority's number in the plan. */
    position: integer('position').notNull(),
    /** "Improving practice in tackling neglect and safeguarding adolescents at risk of exploitation". */
    title: text('title').notNull(),
    /** Markdown: what the partnership means to change. */
    outcomes: text('outcomes').notNull().default(''),
    /** The year-end evaluation; null until it is made. */
    evaluation: text('evaluation', { enum: priorityEvaluations }),
    /** Markdown: the evidence behind the evaluation. */
    evidence: text('evidence'),
    evaluatedBy: uuid('evaluated_by').references(() => users.id),
    evaluatedByName: text('evaluated_by_name'),
    evaluatedAt: timestamp('evaluated_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('plan_priorities_position_idx').on(t.planId, t.position),
    check('plan_priorities_evaluated', sql`${t.evaluation} is null or ${t.evidence} is not null`),
  ],
)

/** The indicators that measure a priority. */
export const priorityIndicators = pgTable(
  'priority_indicators',
  {
    priorityId: uuid('priority_id')
      .notNull()
      .references(() => planPriorities.id, { onDelete: 'cascade' }),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id),
  },
  (t) => [primaryKey({ columns: [t.priorityId, t.indicatorId] })],
)

export type Indicator = typeof indicators.$inferSelect
export type Observation = typeof observations.$inferSelect
export type BusinessPlan = typeof businessPlans.$inferSelect
export type PlanPriority = typeof planPriorities.$inferSelect
