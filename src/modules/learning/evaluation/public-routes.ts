import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { formRoute } from '../../../platform/form-route.ts'
import { choice, requiredText } from '../../../platform/forms.ts'
import { publicPartnership } from '../../../platform/public-site.ts'
import { touchSignedLink } from '../../../platform/signed-links.ts'
import { formatDate } from '../../../platform/views.ts'
import { openCertificateLink, sendCertificate } from './certificate.ts'
import { paths } from './links.ts'
import { confidenceWords, ratingWords } from './presenters.ts'
import { linkNotValid } from '../links/not-valid.ts'
import { answerImpact, openEvaluationLink, openImpactLink, submitEvaluation } from './service.ts'

const views = 'modules/learning/views'

const scale = ['1', '2', '3', '4', '5'] as const
const rating = (message: string) => choice(scale, message).transform(Number)

export const evaluationSchema = z.object({
  overallRating: rating('Select how you rate the training overall'),
  confidenceBefore: rating('Select how confident you felt about the topic before the training'),
  confidenceAfter: rating('Select how confident you feel about the topic after the training'),
  willDoDifferently: requiredText('what you will do differently', 2000),
})

export const impactSchema = z.object({
  impact: requiredText('the difference the training has made to your practice', 2000),
})

const radioItems = (words: Record<number, string>) =>
  scale.map((value) => ({ value, text: `${value}: ${words[Number(value)]}` }))

/** Public answers are few per person: a burst from one address is not someone answering. */
const rateLimit = { max: 20, timeWindow: '1 minute' }

/**
 * The attendee's side of evaluation, on the public site: the form from the emailed link, the
 * follow-up question, and the certificate. The record always comes from the link, never the address.
 */
export async function evaluationPublicRoutes(app: FastifyInstance) {
  const db = app.db
  const baseUrl = app.config.baseUrl

  formRoute(app, {
    path: '/training/evaluation/:token',
    access: { publicSite: true },
    rateLimit,
    template: `${views}/evaluation-form.njk`,
    schema: evaluationSchema,
    context: async ({ raw, params }) => {
      const partnership = await publicPartnership(raw)
      const opened = await openEvaluationLink(db, partnership.id, params.token!)
      if (!opened) throw linkNotValid()
      await touchSignedLink(db, params.token!)
      return {
        attendee: opened.attendee,
        event: { courseTitle: opened.attendee.courseTitle, date: formatDate(opened.attendee.startsAt) },
        returned: !!opened.evaluation,
        ratingItems: radioItems(ratingWords),
        confidenceItems: radioItems(confidenceWords),
      }
    },
    initialValues: () => ({}),
    save: async (_request, input, { attendee, ...context }) => {
      const token = context.returned ? null : await submitEvaluation(db, attendee, input, baseUrl)
      return {
        render: `${views}/evaluation-form.njk`,
        data: { ...context, returned: true, certificateHref: token ? paths.certificate(token) : null },
      }
    },
  })

  formRoute(app, {
    path: '/training/evaluation/impact/:token',
    access: { publicSite: true },
    rateLimit,
    template: `${views}/evaluation-impact.njk`,
    schema: impactSchema,
    context: async ({ raw, params }) => {
      const partnership = await publicPartnership(raw)
      const opened = await openImpactLink(db, partnership.id, params.token!)
      if (!opened) throw linkNotValid()
      await touchSignedLink(db, params.token!)
      return {
        evaluation: opened.evaluation,
        event: { courseTitle: opened.attendee.courseTitle, date: formatDate(opened.attendee.startsAt) },
        answered: !!opened.evaluation.impactAnsweredAt,
      }
    },
    initialValues: () => ({}),
    save: async (_request, input, { evaluation, ...context }) => {
      if (!context.answered) await answerImpact(db, evaluation, input.impact)
      return { render: `${views}/evaluation-impact.njk`, data: { ...context, answered: true } }
    },
  })

  app.get('/training/certificates/:token', { config: { publicSite: true } }, async (request, reply) => {
    const partnership = await publicPartnership(request)
    const { token } = request.params as { token: string }
    const attendee = await openCertificateLink(db, partnership.id, token)
    if (!attendee) throw linkNotValid()
    await touchSignedLink(db, token)
    return sendCertificate(reply, attendee)
  })
}
