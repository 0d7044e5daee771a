import { and, asc, desc, eq, max, sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { recordAudit } from '../../../platform/audit.ts'
import { insertAudited, updateAudited } from '../../../platform/audited-writes.ts'
import { NotFoundError, ValidationError } from '../../../platform/errors.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { isUuid, newSecret } from '../../../platform/tokens.ts'
import {
  surveyQuestions,
  surveyResponses,
  surveys,
  type Survey,
  type SurveyQuestion,
  type SurveyQuestionKind,
} from '../voice-schema.ts'

/**
 * Practitioner surveys run from the hub: built while draft (questions added, changed, removed),
 * opened (the public link answers), closed (by hand, or by its closing date passing). Every change audited.
 */

export const surveyRecordType = 'survey'
export const surveyHref = (id: string) => `/assurance/surveys/${id}`
export const publicSurveyPath = (slug: string) => `/survey/${slug}`

/** The default scale: five points from strongly disagree to strongly agree. */
export const agreeScale = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree']

export type SurveySort = 'title' | 'status' | 'closesOn' | 'responses'

const responseCount = sql<number>`(select count(*)::int from ${surveyResponses} where ${surveyResponses.surveyId} = ${surveys.id})`

export async function listSurveys(
  db: Database,
  partnershipId: string,
  order: { sort: SurveySort; direction: 'asc' | 'desc' },
) {
  const by = order.sort === 'responses' ? responseCount : surveys[order.sort]
  return db
    .select({
      id: surveys.id,
      title: surveys.title,
      status: surveys.status,
      closesOn: surveys.closesOn,
      responses: responseCount,
    })
    .from(surveys)
    .where(eq(surveys.partnershipId, partnershipId))
    .orderBy(order.direction === 'desc' ? desc(by) : asc(by), asc(surveys.title))
}
export type SurveyRow = Awaited<ReturnType<typeof listSurveys>>[number]

export async function getSurvey(db: Database, partnershipId: string, id: string) {
  if (!isUuid(id)) throw new NotFoundError()
  const [survey] = await db
    .select()
    .from(surveys)
    .where(and(eq(surveys.id, id), eq(surveys.partnershipId, partnershipId)))
  if (!survey) throw new NotFoundError()
  return survey
}

export function questionsOf(db: Database, surveyId: string) {
  return db
    .select()
    .from(surveyQuestions)
    .where(eq(surveyQuestions.surveyId, surveyId))
    .orderBy(asc(surveyQuestions.number))
}

export async function getQuestion(db: Database, survey: Survey, questionId: string) {
  const [question] = isUuid(questionId)
    ? await db
        .select()
        .from(surveyQuestions)
        .where(and(eq(surveyQuestions.id, questionId), eq(surveyQuestions.surveyId, survey.id)))
    : []
  if (!question) throw new NotFoundError()
  return question
}

export async function responseTotal(db: Database, surveyId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, surveyId))
  return row?.n ?? 0
}

export interface SurveyInput {
  title: string
  introduction: string | null
  closesOn: string
}

/** A new draft survey, with an unguessable slug for its public link. */
export function createSurvey(db: Database, actor: Actor, input: SurveyInput) {
  const values = { ...input, slug: newSecret(), status: 'draft' as const }
  const { slug: _, ...after } = values
  return insertAudited(db, actor, surveys, values, {
    recordType: surveyRecordType,
    summary: `Created survey ${input.title}`,
    after,
  })
}

export function changeSurvey(db: Database, actor: Actor, survey: Survey, version: number, input: SurveyInput) {
  return updateAudited(
    db,
    actor,
    surveys,
    { id: survey.id, version, before: survey, set: input },
    { recordType: surveyRecordType, summary: `Changed survey ${input.title}` },
  )
}

function mustBeDraft(survey: Survey) {
  if (survey.status !== 'draft')
    throw new ValidationError({ form: 'Questions can only be changed while the survey is a draft' })
}

export interface QuestionInput {
  kind: SurveyQuestionKind
  text: string
  options: string[]
  required: boolean
}

const questionAudit = (survey: Survey) => ({ related: [{ recordType: surveyRecordType, recordId: survey.id }] })

export async function addQuestion(db: Database, actor: Actor, survey: Survey, input: QuestionInput) {
  mustBeDraft(survey)
  return db.transaction(async (tx) => {
    // One writer at a time numbers the survey's questions.
    await tx.select({ id: surveys.id }).from(surveys).where(eq(surveys.id, survey.id)).for('update')
    const [last] = await tx
      .select({ n: max(surveyQuestions.number) })
      .from(surveyQuestions)
      .where(eq(surveyQuestions.surveyId, survey.id))
    const values = { ...input, number: (last?.n ?? 0) + 1 }
    const [row] = await tx
      .insert(surveyQuestions)
      .values({ ...values, surveyId: survey.id, partnershipId: actor.partnershipId })
      .returning({ id: surveyQuestions.id })
    await recordAudit(tx, actor, {
      action: 'created',
      recordType: 'survey-question',
      recordId: row!.id,
      summary: `Added question ${values.number} to survey ${survey.title}`,
      after: values,
      ...questionAudit(survey),
    })
    return row!.id
  })
}

export async function changeQuestion(
  db: Database,
  actor: Actor,
  survey: Survey,
  question: SurveyQuestion,
  input: QuestionInput,
) {
  mustBeDraft(survey)
  const before = { kind: question.kind, text: question.text, options: question.options, required: question.required }
  if (JSON.stringify(before) === JSON.stringify(input)) return false
  await db.transaction(async (tx) => {
    await tx.update(surveyQuestions).set(input).where(eq(surveyQuestions.id, question.id))
    await recordAudit(tx, actor, {
      action: 'updated',
      recordType: 'survey-question',
      recordId: question.id,
      summary: `Changed question ${question.number} of survey ${survey.title}`,
      before,
      after: input,
      ...questionAudit(survey),
    })
  })
  return true
}

/** Removes a question and numbers the ones after it down by one. */
export async function removeQuestion(db: Database, actor: Actor, survey: Survey, question: SurveyQuestion) {
  mustBeDraft(survey)
  await db.transaction(async (tx) => {
    await tx.select({ id: surveys.id }).from(surveys).where(eq(surveys.id, survey.id)).for('update')
    await tx.delete(surveyQuestions).where(eq(surveyQuestions.id, question.id))
    const later = await tx
      .select({ id: surveyQuestions.id, number: surveyQuestions.number })
      .from(surveyQuestions)
      .where(and(eq(surveyQuestions.surveyId, survey.id), sql`${surveyQuestions.number} > ${question.number}`))
      .orderBy(asc(surveyQuestions.number))
    for (const q of later)
      await tx
        .update(surveyQuestions)
        .set({ number: q.number - 1 })
        .where(eq(surveyQuestions.id, q.id))
    await recordAudit(tx, actor, {
      action: 'deleted',
      recordType: 'survey-question',
      recordId: question.id,
      summary: `Removed question ${question.number} from survey ${survey.title}`,
      before: { number: question.number, kind: question.kind, text: question.text },
      ...questionAudit(survey),
    })
  })
}

/** draft → open (it needs a question, and a closing date not yet passed) → closed. */
export async function openSurvey(db: Database, actor: Actor, survey: Survey, version: number, today: string) {
  if (survey.status !== 'draft') throw new ValidationError({ form: 'Only a draft survey can be opened' })
  if (!(await questionsOf(db, survey.id)).length)
    throw new ValidationError({ form: 'Add at least one question before opening the survey' })
  if (survey.closesOn < today)
    throw new ValidationError({ form: 'The closing date has passed: change it before opening the survey' })
  await updateAudited(
    db,
    actor,
    surveys,
    { id: survey.id, version, before: survey, set: { status: 'open', openedAt: new Date() } },
    { recordType: surveyRecordType, action: 'opened', summary: `Opened survey ${survey.title}` },
  )
}

/** Closes it; the audit row records how many had answered, never who. */
export async function closeSurvey(db: Database, actor: Actor, survey: Survey, version: number) {
  if (survey.status !== 'open') throw new ValidationError({ form: 'Only an open survey can be closed' })
  const responses = await responseTotal(db, survey.id)
  await updateAudited(
    db,
    actor,
    surveys,
    {
      id: survey.id,
      version,
      before: survey,
      set: { status: 'closed' },
      described: { before: {}, after: { responses } },
    },
    {
      recordType: surveyRecordType,
      action: 'closed',
      summary: `Closed survey ${survey.title} (${responses} responses)`,
    },
  )
}
