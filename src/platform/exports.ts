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
  await auditDownload(reply, filename, rows)
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send('\ufeff' + toCsv(rows))
}

/**
 * A table as an Excel workbook of one sheet: the header row bold and frozen, numbers kept as
 * numbers. Cells are written as values, never formulas, so text starting with = stays text.
 */
export async function toXlsx(rows: unknown[][], sheetName = 'Sheet 1'): Promise<Buffer> {
  // Loaded on the first workbook, not at start-up.
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(sheetName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  })
  for (const row of rows)
    sheet.addRow(
      row.map((value) =>
        value === null || value === undefined
          ? ''
          : typeof value === 'number'
            ? value
            : value instanceof Date
              ? value
              : String(value),
      ),
    )
  sheet.getRow(1).font = { bold: true }
  sheet.columns.forEach((column, i) => {
    const widest = Math.max(...rows.map((row) => String(row[i] ?? '').length))
    column.width = Math.min(60, Math.max(10, widest + 2))
  })
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** `rows` (the header first) as an XLSX download, audited as a CSV download is. */
export async function sendXlsx(reply: FastifyReply, filename: string, rows: unknown[][], sheetName?: string) {
  await auditDownload(reply, filename, rows)
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(await toXlsx(rows, sheetName))
}

async function auditDownload(reply: FastifyReply, filename: string, rows: unknown[][]) {
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
}
