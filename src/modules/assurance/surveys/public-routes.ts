import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { NotFoundError, ValidationError } from '../../../platform/errors.ts'
import { formRoute } from '../../../platform/form-route.ts'
import { renderMarkdown } from '../../../platform/markdown.ts'
import { publicPartnership } from '../../../platform/public-site.ts'
import { formatDate } from '../../../platform/views.ts'
import { fieldOf, isAnswerable, readAnswers, storeResponse, surveyBySlug } from './responses.ts'
import { publicSurveyPath } from './service.ts'

const views = 'modules/assurance/surveys/views'

/** Public answers are few per person: a burst from one address is not someone answering (as learning's public forms). */
const rateLimit = { max: 20, timeWindow: '1 minute' }

/**
 * The public survey: anyone with the link answers it without signing in, while it is open and
 * its closing day has not passed. Nothing about who answered is kept (responses.ts).
 */
export async function publicSurveyRoutes(app: FastifyInstance) {
  const db = app.db

  async function load(request: Parameters<typeof publicPartnership>[0], slug: string) {
    const partnership = await publicPartnership(request)
    const found = await surveyBySlug(db, partnership.id, slug)
    if (!found) throw new NotFoundError()
    return found
  }

  formRoute(app, {
    path: '/survey/:slug',
    access: { publicSite: true },
    rateLimit,
    template: `${views}/public-survey.njk`,
    // The questions are the survey's own, so the schema only lets the body through; readAnswers checks it.
    schema: z.record(z.string(), z.unknown()),
    context: async ({ raw, params }) => {
      const { survey, questions } = await load(raw, params.slug!)
      return {
        survey,
        open: isAnswerable(survey),
        closesOn: formatDate(survey.closesOn),
        introductionHtml: survey.introduction ? renderMarkdown(survey.introduction) : '',
        questions: questions.map((q) => ({
          ...q,
          field: fieldOf(q),
          items:
            q.kind === 'scale'
              ? q.options.map((label, i) => ({ value: String(i + 1), text: label }))
              : q.options.map((option) => ({ value: option, text: option })),
        })),
      }
    },
    initialValues: () => ({}),
    save: async (_request, body, { survey, questions, open }) => {
      if (!open) return { render: `${views}/public-survey.njk`, data: { survey, open: false } }
      const { errors, answers } = readAnswers(questions, body)
      if (Object.keys(errors).length) throw new ValidationError(errors)
      if (!(await storeResponse(db, survey, answers)))
        return { render: `${views}/public-survey.njk`, data: { survey, open: false } }
      return `${publicSurveyPath(survey.slug)}/thanks`
    },
  })

  app.get('/survey/:slug/thanks', { config: { publicSite: true } }, async (request, reply) => {
    const { survey } = await load(request, (request.params as { slug: string }).slug)
    return reply.view(`${views}/public-thanks.njk`, { survey })
  })
}
