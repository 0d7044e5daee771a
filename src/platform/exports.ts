import type { FastifyReply } from 'fastify'
import { stringify } from 'csv-stringify/sync'

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

export function sendCsv(reply: FastifyReply, filename: string, rows: unknown[][]) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send('\ufeff' + toCsv(rows))
}
