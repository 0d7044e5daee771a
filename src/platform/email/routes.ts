import type { FastifyInstance } from 'fastify'
import { NotFoundError } from '../errors.ts'
import { sendCsv } from '../exports.ts'
import { requireActor } from '../http.ts'
import { formatDateTime } from '../views.ts'
import { getOutboxMessage, listOutbox } from './outbox.ts'

/**
 * The email outbox: what was queued, sent or failed. Message bodies carry sign-in links,
 * so they are shown only with the development adapter, where nothing is really sent.
 */
export async function outboxRoutes(app: FastifyInstance) {
  const showBodies = app.config.email.adapter === 'development'

  app.get('/outbox', { config: { permission: 'outbox:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const messages = await listOutbox(app.db, actor.partnershipId)
    return reply.view('platform/email/views/outbox.njk', {
      showBodies,
      rows: messages.map((m) => [
        { text: formatDateTime(m.createdAt), attributes: { 'data-sort-value': m.createdAt.toISOString() } },
        { text: m.toAddress },
        showBodies
          ? { html: `<a class="govuk-link" href="/outbox/${m.id}">${escape(m.subject)}</a>` }
          : { text: m.subject },
        { text: m.template },
        {
          text:
            m.status === 'pending' && m.attempts > 0
              ? `Retrying (${m.attempts} ${m.attempts === 1 ? 'attempt' : 'attempts'})`
              : m.status,
        },
      ]),
    })
  })

  app.get('/outbox/download.csv', { config: { permission: 'outbox:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const messages = await listOutbox(app.db, actor.partnershipId, 100_000)
    // Never the bodies: they carry sign-in links.
    return sendCsv(reply, 'email-outbox.csv', [
      ['Queued', 'To', 'Subject', 'Kind', 'Status', 'Attempts', 'Sent', 'Last error'],
      ...messages.map((m) => [
        m.createdAt,
        m.toAddress,
        m.subject,
        m.template,
        m.status,
        m.attempts,
        m.sentAt,
        m.lastError,
      ]),
    ])
  })

  app.get('/outbox/:id', { config: { permission: 'outbox:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    if (!showBodies) throw new NotFoundError()
    const { id } = request.params as { id: string }
    const message = /^[0-9a-f-]{36}$/i.test(id) ? await getOutboxMessage(app.db, actor.partnershipId, id) : null
    if (!message) throw new NotFoundError()
    return reply.view('platform/email/views/message.njk', {
      message,
      links: message.bodyText.match(/https?:\/\/\S+/g) ?? [],
    })
  })
}

function escape(text: string) {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}
