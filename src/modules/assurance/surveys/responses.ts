import { and, asc, eq, sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import type { FieldErrors } from '../../../platform/errors.ts'
import { normaliseText } from '../../../platform/forms.ts'
import { londonParts } from '../../../platform/london-time.ts'
import {
  surveyAnswers,
  surveyQuestions,
  surveyResponses,
  surveys,
  type Survey,
  type SurveyQuestion,
} from '../voice-schema.ts'
import { questionsOf } from './service.ts'

/**
 * Answering a survey through its public link, and reading the answers. A response holds its
 * answers and the London day it came in: no account, address, browser, session or time, so no
 * response identifies its author. No audit row is written for it either: an audit row carries
 * the moment it was written, which is the time of the response (decision in voice/README.md).
 */

/** Today's date in London: the day a survey's closing date is compared with, and a response's only date. */
export const londonToday = (now = new Date()) => londonParts(now).date

export const freeTextMax = 5000

/** The survey behind a public link, with its questions, or null when there is none. */
export async function surveyBySlug(db: Database, partnershipId: string, slug: string) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(slug)) return null
  const [survey] = await db
    .select()
    .from(surveys)
    .where(and(eq(surveys.slug, slug), eq(surveys.partnershipId, partnershipId)))
  if (!survey || survey.status === 'draft') return null
  return { survey, questions: await questionsOf(db, survey.id) }
}

/** Taking answers: open, and its closing day not yet past in London. */
export const isAnswerable = (survey: Survey, today = londonToday()) =>
  survey.status === 'open' && survey.closesOn >= today

/** Each question's posted field: `q<number>`, so a question's id is not in the page. */
export const fieldOf = (question: SurveyQuestion) => `q${question.number}`

/**
 * Checks a posted form against the questions: required ones answered, a choice among its
 * options, a scale point 1..N, free text within its length. Unknown fields are ignored.
 */
export function readAnswers(questions: readonly SurveyQuestion[], body: Record<string, unknown>) {
  const errors: FieldErrors = {}
  const answers: { questionId: string; value: string }[] = []
  for (const question of questions) {
    const field = fieldOf(question)
    const posted = body[field]
    const raw = typeof posted === 'string' ? normaliseText(posted).trim() : ''
    if (!raw) {
      if (question.required)
        errors[field] =
          question.kind === 'text'
            ? `Answer question ${question.number}`
            : `Select an answer to question ${question.number}`
      continue
    }
    if (question.kind === 'choice' && !question.options.includes(raw))
      errors[field] = `Select an answer to question ${question.number} from the list`
    else if (
      question.kind === 'scale' &&
      !(/^\d+$/.test(raw) && Number(raw) >= 1 && Number(raw) <= question.options.length)
    )
      errors[field] = `Select an answer to question ${question.number} from the scale`
    else if (question.kind === 'text' && raw.length > freeTextMax)
      errors[field] = `Your answer to question ${question.number} must be ${freeTextMax} characters or less`
    else answers.push({ questionId: question.id, value: raw })
  }
  return { errors, answers }
}

/**
 * Stores one response, refusing (false) when the survey closed meanwhile: the survey row is read
 * under a share lock, so a close waits for a response being written and no response lands after it.
 */
export async function storeResponse(
  db: Database,
  survey: Survey,
  answers: readonly { questionId: string; value: string }[],
  today = londonToday(),
) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(surveys).where(eq(surveys.id, survey.id)).for('share')
    if (!current || !isAnswerable(current, today)) return false
    const [response] = await tx
      .insert(surveyResponses)
      .values({ partnershipId: survey.partnershipId, surveyId: survey.id, receivedOn: today })
      .returning({ id: surveyResponses.id })
    if (answers.length)
      await tx
        .insert(surveyAnswers)
        .values(answers.map((a) => ({ ...a, responseId: response!.id, partnershipId: survey.partnershipId })))
    return true
  })
}

/** How many chose each answer of each scale and choice question. */
export async function answerCounts(db: Database, surveyId: string) {
  return db
    .select({ questionId: surveyAnswers.questionId, value: surveyAnswers.value, n: sql<number>`count(*)::int` })
    .from(surveyAnswers)
    .innerJoin(surveyQuestions, eq(surveyQuestions.id, surveyAnswers.questionId))
    .where(and(eq(surveyQuestions.surveyId, surveyId), sql`${surveyQuestions.kind} <> 'text'`))
    .groupBy(surveyAnswers.questionId, surveyAnswers.value)
}

/** A free-text question's answers, a page at a time, in the order they came (by the day, then at random within it). */
export async function textAnswers(db: Database, questionId: string, page: { limit: number; offset: number }) {
  const where = eq(surveyAnswers.questionId, questionId)
  const [rows, [count]] = await Promise.all([
    db
      .select({ value: surveyAnswers.value, receivedOn: surveyResponses.receivedOn })
      .from(surveyAnswers)
      .innerJoin(surveyResponses, eq(surveyResponses.id, surveyAnswers.responseId))
      .where(where)
      .orderBy(asc(surveyResponses.receivedOn), asc(surveyAnswers.responseId))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(surveyAnswers)
      .where(where),
  ])
  return { rows, total: count?.n ?? 0 }
}

/** Every response as a row: a number, the day, then each question's answer (a scale point as its label). */
export async function responsesCsv(db: Database, surveyId: string, questions: readonly SurveyQuestion[]) {
  const rows = await db
    .select({
      id: surveyResponses.id,
      receivedOn: surveyResponses.receivedOn,
      questionId: surveyAnswers.questionId,
      value: surveyAnswers.value,
    })
    .from(surveyResponses)
    .leftJoin(surveyAnswers, eq(surveyAnswers.responseId, surveyResponses.id))
    .where(eq(surveyResponses.surveyId, surveyId))
    .orderBy(asc(surveyResponses.receivedOn), asc(surveyResponses.id))
  const byResponse = new Map<string, { receivedOn: string; answers: Map<string, string> }>()
  for (const row of rows) {
    const entry = byResponse.get(row.id) ?? { receivedOn: row.receivedOn, answers: new Map() }
    if (row.questionId) entry.answers.set(row.questionId, row.value!)
    byResponse.set(row.id, entry)
  }
  const shown = (question: SurveyQuestion, value: string | undefined) =>
    value === undefined ? '' : question.kind === 'scale' ? (question.options[Number(value) - 1] ?? value) : value
  return [
    ['Response', 'Received on', ...questions.map((q) => `${q.number}. ${q.text}`)],
    ...[...byResponse.values()].map((entry, i) => [
      i + 1,
      entry.receivedOn,
      ...questions.map((q) => shown(q, entry.answers.get(q.id))),
    ]),
  ]
}
