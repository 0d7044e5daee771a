import { SMTPServer } from 'smtp-server'

/**
 * A real SMTP server on 127.0.0.1 for tests: it keeps every message it receives, so a test reads
 * the invitation or reset email a person would get.
 */
export interface ReceivedEmail {
  from: string
  to: string[]
  subject: string
  /** The plain-text body, decoded from its transfer encoding. */
  text: string
  /** The whole message: headers (unfolded) and the decoded body. */
  message: string
}

export async function startMailServer() {
  const received: ReceivedEmail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('error', callback)
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase())
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : ''
        received.push({ from, to, ...parseMessage(Buffer.concat(chunks).toString('utf8')) })
        callback()
      })
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.server.address() as { port: number }

  async function waitFor(to: string, subjectPart: string): Promise<ReceivedEmail> {
    const deadline = Date.now() + 15_000
    for (;;) {
      const found = received.find((m) => m.to.includes(to.toLowerCase()) && m.subject.includes(subjectPart))
      if (found) return found
      if (Date.now() > deadline) {
        const seen = received.map((m) => `${m.to.join(', ')}: ${m.subject}`).join('\n  ') || '(none)'
        throw new Error(`No email to ${to} about “${subjectPart}” within 15 seconds. Received:\n  ${seen}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    waitFor,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** Just enough MIME for the single-part plain-text messages the hub sends. */
export function parseMessage(raw: string): { subject: string; text: string; message: string } {
  const split = raw.indexOf('\r\n\r\n')
  // Long headers are folded onto continuation lines starting with white space.
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ')
  const body = raw.slice(split + 4)
  const header = (name: string) => head.match(new RegExp(`^${name}:\\s*(.*)$`, 'im'))?.[1]?.trim() ?? ''
  const encoding = header('Content-Transfer-Encoding').toLowerCase()
  return {
    subject: decodeWords(header('Subject')),
    text: decodeBody(body, encoding),
    message: `${head}\r\n\r\n${decodeBody(body, encoding)}`,
  }
}

function decodeQuotedPrintable(text: string): string {
  // Literal percent signs are escaped first, so that only the =XX sequences become bytes.
  const escaped = text
    .replace(/=\r?\n/g, '')
    .replace(/%/g, '%25')
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`)
  return decodeURIComponent(escaped)
}

function decodeBody(body: string, encoding: string): string {
  if (encoding === 'base64') return Buffer.from(body, 'base64').toString('utf8')
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body)
  return body
}

/** RFC 2047 encoded words in headers, such as =?UTF-8?Q?…?=. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?[^?]+\?([QB])\?([^?]*)\?=/gi, (_, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    )
}

/** The links in an email's text. */
export function linksIn(email: ReceivedEmail): string[] {
  return email.text.match(/https?:\/\/[^\s<>"]+/g) ?? []
}
