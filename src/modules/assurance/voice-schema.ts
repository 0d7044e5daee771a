import { sql } from 'drizzle-orm'
import {
  boolean,
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
import { partnerships, timestamps } from '../../platform/schema.ts'
import { planPriorities } from '../performance/schema.ts'
import { agencies } from '../partnership/schema.ts'
import { themes } from '../themes/schema.ts'

/**
 * The voice of practitioners, children and families: surveys and consultations recorded as
 * evidence, and short practitioner surveys run from the app through an anonymous public link.
 * A survey response holds its answers and the day it came in, and nothing that identifies who gave it.
 */

/** Who was asked: the quadrant reads practitioners as "practitioner views", the others as "child and family views". */
export const voiceAudiences = ['practitioners', 'children-and-young-people', 'parents-and-carers'] as const
export type VoiceAudience = (typeof voiceAudiences)[number]

export const voiceAgeBands = ['under-5', '5-10', '11-15', '16-17', '18-25'] as const
export type VoiceAgeBand = (typeof voiceAgeBands)[number]

export const voiceMethods = [
  'survey',
  'focus-group',
  'interviews',
  'consultation-event',
  'feedback-forms',
  'other',
] as const
export type VoiceMethod = (typeof voiceMethods)[number]

export const voiceRecords = pgTable(
  'voice_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    title: text('title').notNull(),
    audience: text('audience', { enum: voiceAudiences }).notNull(),
    /** For children and young people: the age bands asked. */
    ageBands: text('age_bands')
      .array()
      .notNull()
      .default(sql`'{}'`),
    method: text('method', { enum: voiceMethods }).notNull(),
    /** When it was held or closed (its reporting year is read from this). */
    heldOn: date('held_on').notNull(),
    /** How many were asked, when known. */
    invited: integer('invited'),
    responses: integer('responses').notNull(),
    /** Markdown: the key findings; quotes allowed, pseudonymised. */
    findings: text('findings'),
    planPriorityId: uuid('plan_priority_id').references(() => planPriorities.id),
    /** The in-app survey it records, when it was run from the app (its responses are counted from it). */
    surveyId: uuid('survey_id').references(() => surveys.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('voice_records_partnership_idx').on(t.partnershipId, t.heldOn)],
)

/** For practitioners: which agencies' practitioners were asked. */
export const voiceRecordAgencies = pgTable(
  'voice_record_agencies',
  {
    recordId: uuid('record_id')
      .notNull()
      .references(() => voiceRecords.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
  },
  (t) => [primaryKey({ columns: [t.recordId, t.agencyId] })],
)

export const voiceRecordThemes = pgTable(
  'voice_record_themes',
  {
    recordId: uuid('record_id')
      .notNull()
      .references(() => voiceRecords.id, { onDelete: 'cascade' }),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    themeId: uuid('theme_id')
      .notNull()
      .references(() => themes.id),
  },
  (t) => [primaryKey({ columns: [t.recordId, t.themeId] }), index('voice_record_themes_theme_idx').on(t.themeId)],
)

export const surveyStatuses = ['draft', 'open', 'closed'] as const
export type SurveyStatus = (typeof surveyStatuses)[number]

/** A short practitioner survey run from the app; the public link is `/survey/:slug`. */
export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    title: text('title').notNull(),
    /** Markdown shown above the questions. */
    introduction: text('introduction'),
    /** Unguessable, in the public link: anyone with it may answer, once per visit. */
    slug: text('slug').notNull(),
    status: text('status', { enum: surveyStatuses }).notNull().default('draft'),
    /** The last day answers are taken (London date). */
    closesOn: date('closes_on').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('surveys_slug_unique').on(t.slug)],
)

export const surveyQuestionKinds = ['scale', 'choice', 'text'] as const
export type SurveyQuestionKind = (typeof surveyQuestionKinds)[number]

export const surveyQuestions = pgTable(
  'survey_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    kind: text('kind', { enum: surveyQuestionKinds }).notNull(),
    text: text('text').notNull(),
    /** Choice: the options offered. Scale: the labels of its points, lowest first ("Strongly disagree" … "Strongly agree"). */
    options: text('options')
      .array()
      .notNull()
      .default(sql`'{}'`),
    required: boolean('required').notNull().default(false),
  },
  (t) => [uniqueIndex('survey_questions_number_unique').on(t.surveyId, t.number)],
)

/** One anonymous response: the day only (no time, no account, no address), so no response identifies its author. */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    receivedOn: date('received_on').notNull(),
  },
  (t) => [index('survey_responses_survey_idx').on(t.surveyId)],
)

export const surveyAnswers = pgTable(
  'survey_answers',
  {
    responseId: uuid('response_id')
      .notNull()
      .references(() => surveyResponses.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id')
      .notNull()
      .references(() => surveyQuestions.id, { onDelete: 'cascade' }),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    /** Choice and scale: the option chosen (scale: its 1-based point as text). Free text: what was written. */
    value: text('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.responseId, t.questionId] }), index('survey_answers_question_idx').on(t.questionId)],
)

export type VoiceRecord = typeof voiceRecords.$inferSelect
export type Survey = typeof surveys.$inferSelect
export type SurveyQuestion = typeof surveyQuestions.$inferSelect
