import type { Config } from '../../config.ts'

export interface EmailMessage {
  from: string
  to: string
  subject: string
  text: string
}

/** Sends one message and returns the provider's reference for it. Throws on failure; the outbox retries. */
export interface EmailAdapter {
  name: Config['email']['adapter']
  send(message: EmailMessage): Promise<string>
}

/**
 * Development: nothing leaves the machine. Messages stay in the outbox table and are
 * read at /outbox, so invites and password resets can be followed by hand.
 */
export function developmentAdapter(): EmailAdapter {
  return { name: 'development', send: async () => 'kept-in-outbox' }
}

// The provider libraries are loaded on first use, so an app that never sends through them starts faster.
export function smtpAdapter(smtpUrl: string): EmailAdapter {
  const transport = import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(smtpUrl))
  return {
    name: 'smtp',
    async send(message) {
      const info = await (await transport).sendMail(message)
      return info.messageId
    },
  }
}

/**
 * GOV.UK Notify sends only through templates made in its own web interface. We use one
 * template whose subject is ((subject)) and whose body is ((body)), so every message is
 * written here and reviewed in code.
 */
export function notifyAdapter(apiKey: string, templateId: string): EmailAdapter {
  const client = import('notifications-node-client').then(({ NotifyClient }) => new NotifyClient(apiKey))
  return {
    name: 'notify',
    async send(message) {
      const response = await (
        await client
      ).sendEmail(templateId, message.to, {
        personalisation: { subject: message.subject, body: message.text },
      })
      return response.data.id
    },
  }
}

export function emailAdapterFor(config: Config['email']): EmailAdapter {
  switch (config.adapter) {
    case 'smtp':
      return smtpAdapter(config.smtpUrl!)
    case 'notify':
      return notifyAdapter(config.notifyApiKey!, config.notifyTemplateId!)
    default:
      return developmentAdapter()
  }
}
