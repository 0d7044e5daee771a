import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { afterSave, actionRoute, formRoute, savedBanner } from '../../../platform/form-route.ts'
import { dateInput, dateParts, version } from '../../../platform/forms.ts'
import { requireActor } from '../../../platform/http.ts'
import { listRoute, wholeList } from '../../../platform/list-route.ts'
import { pagination, type Query } from '../../../platform/lists.ts'
import { sendCsv } from '../../../platform/exports.ts'
import { formatDate } from '../../../platform/views.ts'
import { NotFoundError, ValidationError } from '../../../platform/errors.ts'
import { defaultScaleLabels, questionSchema, surveySchema } from './forms.ts'
import { kindLabels, questionResults, surveyCsv, surveyRows, surveyStatusTag } from './presenters.ts'
import { answerCounts, londonToday, responsesCsv, textAnswers } from './responses.ts'
import {
  addQuestion,
  changeQuestion,
  changeSurvey,
  closeSurvey,
  createSurvey,
  getQuestion,
  getSurvey,
  listSurveys,
  openSurvey,
  publicSurveyPath,
  questionsOf,
  removeQuestion,
  responseTotal,
  surveyHref,
  type SurveySort,
} from './service.ts'
import { surveyEvidenceRoutes } from './evidence-routes.ts'

const views = 'modules/assurance/surveys/views'
const manage = { permission: 'assurance:manage' } as const
const textPageSize = 25

/** The closing date, from its date input: today or later for a survey still to run. */
function closesOn(body: Record<string, unknown>) {
  const date = dateInput(body, 'closesOn', 'the closing date', { required: true, min: '2000-01-01' })
  return date.error ? { errors: { 'closesOn-day': date.error } } : { values: { closesOn: date.value! } }
}

/** Practitioner surveys: the list, building one, opening and closing it, and its results. */
export async function surveyRoutes(app: FastifyInstance) {
  const db = app.db
  const baseUrl = app.config.baseUrl

  listRoute(app, {
    path: '/assurance/surveys',
    permission: 'assurance:read',
    template: `${views}/surveys.njk`,
    list: {
      columns: [
        { key: 'title', text: 'Title' },
        { key: 'status', text: 'Status' },
        { key: 'closesOn', text: 'Closes on' },
        { key: 'responses', text: 'Responses', format: 'numeric' },
      ],
      defaultSort: 'closesOn',
      defaultDirection: 'desc',
      download: '/assurance/surveys.csv',
      noun: ['survey', 'surveys'],
    },
    filter: () => ({}),
    load: async (actor, order) =>
      wholeList(
        await listSurveys(db, actor.partnershipId, { sort: order.sort as SurveySort, direction: order.direction }),
      ),
    rows: surveyRows,
    csv: surveyCsv,
  })

  formRoute(app, {
    path: '/assurance/surveys/new',
    access: manage,
    template: `${views}/survey-form.njk`,
    schema: surveySchema,
    extra: closesOn,
    fieldOrder: ['title', 'introduction', 'closesOn-day'],
    context: () => ({ survey: null }),
    initialValues: () => ({}),
    save: async ({ actor }, input) => {
      if (input.closesOn < londonToday())
        throw new ValidationError({ 'closesOn-day': 'The closing date must be today or in the future' })
      return `${surveyHref(await createSurvey(db, actor, input))}?created=1`
    },
  })

  formRoute(app, {
    path: '/assurance/surveys/:id/edit',
    access: manage,
    template: `${views}/survey-form.njk`,
    schema: surveySchema.extend({ version }),
    extra: closesOn,
    fieldOrder: ['title', 'introduction', 'closesOn-day'],
    context: async ({ actor, params }) => ({ survey: await getSurvey(db, actor.partnershipId, params.id!) }),
    initialValues: (_r, { survey }) => ({ ...survey, ...dateParts(survey!.closesOn, 'closesOn') }),
    save: async ({ actor }, { version: at, ...input }, { survey }) =>
      afterSave(surveyHref(survey!.id), await changeSurvey(db, actor, survey!, at, input)),
  })

  app.get('/assurance/surveys/:id', { config: { permission: 'assurance:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const survey = await getSurvey(db, actor.partnershipId, (request.params as { id: string }).id)
    const [questions, counts, responses] = await Promise.all([
      questionsOf(db, survey.id),
      answerCounts(db, survey.id),
      responseTotal(db, survey.id),
    ])
    const textTotals = new Map<string, number>()
    const samples = new Map<string, string[]>()
    for (const q of questions.filter((q) => q.kind === 'text')) {
      const { rows, total } = await textAnswers(db, q.id, { limit: 5, offset: 0 })
      textTotals.set(q.id, total)
      samples.set(
        q.id,
        rows.map((r) => r.value),
      )
    }
    const query = request.query as Query
    return reply.view(`${views}/survey.njk`, {
      survey,
      statusTag: surveyStatusTag(survey.status),
      closesOnText: formatDate(survey.closesOn),
      publicUrl: `${baseUrl}${publicSurveyPath(survey.slug)}`,
      questions: questions.map((q) => ({ ...q, kindLabel: kindLabels[q.kind] })),
      results: questionResults(questions, counts, textTotals).map((r) => ({
        ...r,
        samples: samples.get(r.question.id) ?? [],
      })),
      responses,
      flash: query.created
        ? 'Survey created: add its questions'
        : query.opened
          ? 'Survey opened: the public link now takes answers'
          : query.closed
            ? 'Survey closed'
            : savedBanner(query, 'Survey saved'),
    })
  })

  app.get(
    '/assurance/surveys/:id/answers/:questionId',
    { config: { permission: 'assurance:read' } },
    async (request, reply) => {
      const actor = requireActor(request)
      const params = request.params as { id: string; questionId: string }
      const survey = await getSurvey(db, actor.partnershipId, params.id)
      const question = await getQuestion(db, survey, params.questionId)
      if (question.kind !== 'text') throw new NotFoundError()
      const query = request.query as Query
      const page = Math.max(1, Math.min(100_000, Number.parseInt(query.page ?? '1', 10) || 1))
      const { rows, total } = await textAnswers(db, question.id, {
        limit: textPageSize,
        offset: (page - 1) * textPageSize,
      })
      return reply.view(`${views}/text-answers.njk`, {
        survey,
        question,
        answers: rows.map((r) => ({ ...r, receivedOnText: formatDate(r.receivedOn) })),
        total,
        from: total ? (page - 1) * textPageSize + 1 : 0,
        to: (page - 1) * textPageSize + rows.length,
        pagination: pagination(page, textPageSize, total, query),
      })
    },
  )

  app.get(
    '/assurance/surveys/:id/responses.csv',
    { config: { permission: 'assurance:read' } },
    async (request, reply) => {
      const actor = requireActor(request)
      const survey = await getSurvey(db, actor.partnershipId, (request.params as { id: string }).id)
      return sendCsv(reply, 'responses.csv', await responsesCsv(db, survey.id, await questionsOf(db, survey.id)))
    },
  )

  const questionForm = {
    access: manage,
    template: `${views}/question-form.njk`,
    fieldOrder: ['kind', 'text', 'options', 'scaleLabels', 'required'],
  }

  formRoute(app, {
    ...questionForm,
    path: '/assurance/surveys/:id/questions/new',
    schema: questionSchema,
    context: async ({ actor, params }) => ({
      survey: await getSurvey(db, actor.partnershipId, params.id!),
      question: null,
    }),
    initialValues: () => ({ scaleLabels: defaultScaleLabels, required: 'yes' }),
    save: async ({ actor }, input, { survey }) => {
      await addQuestion(db, actor, survey, input)
      return afterSave(surveyHref(survey.id))
    },
  })

  formRoute(app, {
    ...questionForm,
    path: '/assurance/surveys/:id/questions/:questionId/edit',
    schema: questionSchema,
    context: async ({ actor, params }) => {
      const survey = await getSurvey(db, actor.partnershipId, params.id!)
      return { survey, question: await getQuestion(db, survey, params.questionId!) }
    },
    initialValues: (_r, { question }) => ({
      kind: question!.kind,
      text: question!.text,
      options: question!.kind === 'choice' ? question!.options.join('\n') : '',
      scaleLabels: question!.kind === 'scale' ? question!.options.join('\n') : defaultScaleLabels,
      required: question!.required ? 'yes' : 'no',
    }),
    save: async ({ actor }, input, { survey, question }) =>
      afterSave(surveyHref(survey.id), await changeQuestion(db, actor, survey, question!, input)),
  })

  actionRoute(app, {
    path: '/assurance/surveys/:id/questions/:questionId/remove',
    access: manage,
    schema: z.object({ confirm: z.literal('yes', { error: 'Confirm you want to remove the question' }) }),
    run: async ({ actor, params }) => {
      const survey = await getSurvey(db, actor.partnershipId, params.id!)
      await removeQuestion(db, actor, survey, await getQuestion(db, survey, params.questionId!))
      return `${surveyHref(survey.id)}?saved=1`
    },
  })

  actionRoute(app, {
    path: '/assurance/surveys/:id/open',
    access: manage,
    schema: z.object({ version }),
    run: async ({ actor, params }, input) => {
      const survey = await getSurvey(db, actor.partnershipId, params.id!)
      await openSurvey(db, actor, survey, input.version, londonToday())
      return `${surveyHref(survey.id)}?opened=1`
    },
  })

  actionRoute(app, {
    path: '/assurance/surveys/:id/close',
    access: manage,
    schema: z.object({ version }),
    run: async ({ actor, params }, input) => {
      const survey = await getSurvey(db, actor.partnershipId, params.id!)
      await closeSurvey(db, actor, survey, input.version)
      return `${surveyHref(survey.id)}?closed=1`
    },
  })

  await surveyEvidenceRoutes(app)
}
