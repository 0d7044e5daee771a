import type { FastifyInstance } from 'fastify'
import { presentDocument } from '../../../platform/documents/presenter.ts'
import { NotFoundError } from '../../../platform/errors.ts'
import { formatDate } from '../../../platform/views.ts'
import { reportDocument } from '../document.ts'
import { documentFormats, sendDocument, type DocumentFormat } from '../outputs.ts'
import { statusLine } from '../presenters.ts'
import { listPublished, publishedVersion } from '../service.ts'

const views = 'modules/reports/views'

/**
 * Published reports are for everyone, signed in or not: the latest published version of each, as
 * a page and in every format. A correction in progress does not show until it is published.
 */
export async function publishedRoutes(app: FastifyInstance) {
  const db = app.db

  app.get('/published-reports', { config: { public: true } }, async (_request, reply) => {
    const rows = await listPublished(db)
    rows.sort((a, b) => b.startYear - a.startYear || a.kind.localeCompare(b.kind) || a.title.localeCompare(b.title))
    return reply.view(`${views}/published-list.njk`, {
      reports: rows.map((r) => ({
        href: `/published-reports/${r.id}`,
        title: r.title,
        published: formatDate(r.publishedAt),
      })),
    })
  })

  async function load(id: string) {
    const version = await publishedVersion(db, id)
    if (!version) throw new NotFoundError()
    return { version, document: reportDocument(version.content, statusLine({ status: 'published' }, version)) }
  }

  app.get('/published-reports/:id', { config: { public: true } }, async (request, reply) => {
    const id = (request.params as { id: string }).id
    const { version, document } = await load(id)
    return reply.view(`${views}/published.njk`, {
      document: presentDocument(document),
      version,
      downloads: documentFormats.map((format) => ({ format, href: `/published-reports/${id}/download/${format}` })),
    })
  })

  app.get('/published-reports/:id/download/:format', { config: { public: true } }, async (request, reply) => {
    const { id, format } = request.params as { id: string; format: string }
    if (!(documentFormats as readonly string[]).includes(format)) throw new NotFoundError()
    const { document } = await load(id)
    return sendDocument(reply, document, format as DocumentFormat, true)
  })
}
