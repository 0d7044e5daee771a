import type { FastifyReply } from 'fastify'
import { stringify } from 'csv-stringify/sync'
import { recordAudit } from './audit.ts'

/**
 * Every table a user may take away downloads as CSV. Cells that start with = + - @ are
 * prefixed with an apostrophe so a spreadsheet does not run them as formulas (CSV injection).
 */
export function toCsv(rows: unknown[][]): string {
  return stringify(rows.map((row) => row.map(safeCell)))
}

function safeCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  const text = value instanceof Date ? value.toISOString() : String(value)
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

/**
 * Sends `rows` (the header first) as a download. A download takes personal data out of the
 * service, so each one by a signed-in person is written to the audit log before it is sent: the
 * address, the number of rows and the names of the filters set. Not the filters' values: a search
 * may hold someone's name, and the audit log must not become a copy of what was downloaded.
 */
export async function sendCsv(reply: FastifyReply, filename: string, rows: unknown[][]) {
  const { actor, url } = reply.request
  if (actor) {
    const [path, query = ''] = url.split('?')
    const filters = [...new Set(new URLSearchParams(query).keys())].sort()
    const count = Math.max(0, rows.length - 1)
    await recordAudit(reply.server.db, actor, {
      action: 'downloaded',
      recordType: 'download',
      summary: `Downloaded ${filename} (${count} ${count === 1 ? 'row' : 'rows'})`,
      after: { file: filename, path, rows: count, filters },
    })
  }
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send('\ufeff' + toCsv(rows))
}
