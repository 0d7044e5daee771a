import type { FastifyInstance } from 'fastify'
import { presentDocument } from '../../../platform/documents/presenter.ts'
import { linkHtml } from '../../../platform/html.ts'
import { publicPartnership } from '../../../platform/public-site.ts'
import { formatDate } from '../../../platform/views.ts'
import { reviewTypeLabels } from '../labels.ts'
import { summaryDocument } from './document.ts'
import { listPublishedSummaries, publishedSummary } from './service.ts'

const views = 'modules/reviews/views'

/**
 * The public site's learning from reviews: the learning summary of each published review (not
 * taken down), and nothing else of the case. Any other case's address is a 404.
 */
export async function publicSummaryRoutes(app: FastifyInstance) {
  const db = app.db

  app.get('/learning-from-reviews', { config: { publicSite: true } }, async (request, reply) => {
    const partnership = await publicPartnership(request)
    const rows = await listPublishedSummaries(db, partnership.id)
    return reply.view(`${views}/public-summaries.njk`, {
      count: rows.length,
      rows: rows.map((r) => [
        { html: linkHtml(`/learning-from-reviews/${r.caseId}`, r.reference) },
        { text: r.reviewType ? reviewTypeLabels[r.reviewType] : 'Case review' },
        { text: formatDate(r.publishedOn) },
      ]),
    })
  })

  app.get('/learning-from-reviews/:id', { config: { publicSite: true } }, async (request, reply) => {
    const partnership = await publicPartnership(request)
    const found = await publishedSummary(db, partnership.id, (request.params as { id: string }).id)
    const document = summaryDocument(found, found.summary)
    return reply.view(`${views}/public-summary.njk`, { document: presentDocument(document), title: document.title })
  })
}
