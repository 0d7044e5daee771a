import type { FastifyInstance } from 'fastify'
import { NotFoundError } from '../errors.ts'
import { sendCsv } from '../exports.ts'
import { requireActor } from '../http.ts'
import { escapeHtml } from '../html.ts'
import { codeToWords, formatDateTime } from '../views.ts'
import { getOutboxMessage, listOutbox } from './outbox.ts'

/** The kinds of email, in words; a module's new kind reads as its key in words until listed. */
const kindLabels: Record<string, string> = {
  invite: 'Invitation',
  'password-reset': 'Password reset',
  'password-changed': 'Password changed',
}
const kindLabel = (template: string) => kindLabels[template] ?? codeToWords(template)

/** What happened to a message; with the development adapter nothing leaves the machine. */
function statusText(message: { status: string; attempts: number }, development: boolean) {
  if (message.status === 'pending' && message.attempts > 0)
    return `Retrying (${message.attempts} ${message.attempts === 1 ? 'attempt' : 'attempts'})`
  if (message.status === 'sent') return development ? 'Kept, not sent' : 'Sent'
  return codeToWords(message.status)
}

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
          ? { html: `<a class="govuk-link" href="/outbox/${m.id}">${escapeHtml(m.subject)}</a>` }
          : { text: m.subject },
        { text: kindLabel(m.template) },
        { text: statusText(m, showBodies) },
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
        kindLabel(m.template),
        statusText(m, showBodies),
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
    const message = await getOutboxMessage(app.db, actor.partnershipId, id)
    if (!message) throw new NotFoundError()
    return reply.view('platform/email/views/message.njk', {
      message,
      kind: kindLabel(message.template),
      status: statusText(message, showBodies),
      links: message.bodyText.match(/https?:\/\/\S+/g) ?? [],
    })
  })
}
