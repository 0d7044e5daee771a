import type { FastifyInstance, FastifyRequest } from 'fastify'
import { presentDocument } from '../../../platform/documents/presenter.ts'
import { NotFoundError } from '../../../platform/errors.ts'
import { publicPartnership } from '../../../platform/public-site.ts'
import { formatDate } from '../../../platform/views.ts'
import { reportDocument } from '../document.ts'
import { documentFormats, sendDocument, type DocumentFormat } from '../outputs.ts'
import { statusLine } from '../presenters.ts'
import { listPublished, publishedVersion } from '../service.ts'

const views = 'modules/reports/views'

/**
 * Published reports are for everyone, signed in or not, on the public site: the public
 * partnership's reports only, the latest published version of each, as a page and in every
 * format. A correction in progress does not show until it is published.
 */
export async function publishedRoutes(app: FastifyInstance) {
  const db = app.db

  app.get('/published-reports', { config: { publicSite: true } }, async (request, reply) => {
    const rows = await listPublished(db, (await publicPartnership(request)).id)
    rows.sort((a, b) => b.startYear - a.startYear || a.kind.localeCompare(b.kind) || a.title.localeCompare(b.title))
    return reply.view(`${views}/published-list.njk`, {
      reports: rows.map((r) => ({
        href: `/published-reports/${r.id}`,
        title: r.title,
        published: formatDate(r.publishedAt),
      })),
    })
  })

  async function load(request: FastifyRequest, id: string) {
    const version = await publishedVersion(db, (await publicPartnership(request)).id, id)
    if (!version) throw new NotFoundError()
    return { version, document: reportDocument(version.content, statusLine({ status: 'published' }, version)) }
  }

  app.get('/published-reports/:id', { config: { publicSite: true } }, async (request, reply) => {
    const id = (request.params as { id: string }).id
    const { version, document } = await load(request, id)
    return reply.view(`${views}/published.njk`, {
      document: presentDocument(document),
      version,
      downloads: documentFormats.map((format) => ({ format, href: `/published-reports/${id}/download/${format}` })),
    })
  })

  app.get('/published-reports/:id/download/:format', { config: { publicSite: true } }, async (request, reply) => {
    const { id, format } = request.params as { id: string; format: string }
    if (!(documentFormats as readonly string[]).includes(format)) throw new NotFoundError()
    const { document } = await load(request, id)
    return sendDocument(reply, document, format as DocumentFormat, true)
  })
}
