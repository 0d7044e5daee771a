import type { FastifyInstance } from 'fastify'
import { chromiumAvailable } from '../../../platform/documents/chromium.ts'
import { NotFoundError } from '../../../platform/errors.ts'
import { afterSave, formRoute, savedBanner } from '../../../platform/form-route.ts'
import { requireActor } from '../../../platform/http.ts'
import type { Query } from '../../../platform/lists.ts'
import { renderMarkdown } from '../../../platform/markdown.ts'
import { sendDocument } from '../../reports/outputs.ts'
import { caseRecordType, getCase } from '../access.ts'
import { nameCheck } from '../cases/name-check.ts'
import { caseFrame, changeHistory } from '../pages.ts'
import { caseConfidential } from '../recommendations/case-routes.ts'
import { summaryDocument, summaryParts } from './document.ts'
import { summarySchema } from './forms.ts'
import { getSummary, isPublic, saveSummary, summaryRecordType } from './service.ts'

const views = 'modules/reviews/views'
const summaryForm = `${views}/summary-form.njk`

/** A case's learning summary: the tab, its editing, and its DOCX and PDF downloads (each download audited). */
export async function summaryRoutes(app: FastifyInstance) {
  const db = app.db
  const tab = (caseId: string) => `/case-reviews/${caseId}/summary`

  app.get(
    '/case-reviews/:id/summary',
    { config: { permission: 'reviews:read', confidential: caseConfidential } },
    async (request, reply) => {
      const actor = requireActor(request)
      const reviewCase = await getCase(db, actor, (request.params as { id: string }).id)
      const [summary, history] = await Promise.all([
        getSummary(db, reviewCase.id),
        changeHistory(app, actor, summaryRecordType, reviewCase.id),
      ])
      return reply.view(`${views}/summary.njk`, {
        ...caseFrame(reviewCase),
        sections: summary
          ? summaryParts.map(({ key, heading }) => ({ heading, html: renderMarkdown(summary[key]) }))
          : [],
        onPublicSite: isPublic(reviewCase),
        pdf: chromiumAvailable(),
        history,
        flash: savedBanner(request.query as Query, 'Learning summary saved'),
      })
    },
  )

  formRoute(app, {
    path: '/case-reviews/:id/summary/edit',
    access: { permission: 'reviews:manage', confidential: caseConfidential },
    template: summaryForm,
    schema: summarySchema,
    context: async ({ actor, params }) => {
      const reviewCase = await getCase(db, actor, params.id!)
      return { ...caseFrame(reviewCase), summary: await getSummary(db, reviewCase.id) }
    },
    initialValues: (_request, { summary }) => summary ?? {},
    save: async (request, { version, confirmNames, ...input }, context) => {
      // It goes on the public site: a likely real name brings the form back with a warning first.
      const labels = Object.fromEntries(summaryParts.map(({ key, heading }) => [key, heading]))
      const warning = await nameCheck(request, { template: summaryForm, context, labels }, input, confirmNames)
      if (warning) return warning
      const { reviewCase } = context
      return afterSave(tab(reviewCase.id), await saveSummary(db, request.actor, reviewCase, version ?? null, input))
    },
  })

  for (const format of ['docx', 'pdf'] as const) {
    app.get(
      `/case-reviews/:id/summary.${format}`,
      { config: { permission: 'reviews:read', confidential: { recordType: caseRecordType, download: true } } },
      async (request, reply) => {
        const reviewCase = await getCase(db, requireActor(request), (request.params as { id: string }).id)
        const summary = await getSummary(db, reviewCase.id)
        if (!summary) throw new NotFoundError()
        return sendDocument(reply, summaryDocument(reviewCase, summary), format, false)
      },
    )
  }
}
