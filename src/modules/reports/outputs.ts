import type { FastifyReply } from 'fastify'
import { renderDocx } from '../../platform/documents/docx.ts'
import type { DocumentModel } from '../../platform/documents/model.ts'
import { renderPdf } from '../../platform/documents/pdf.ts'
import { renderPrintHtml } from '../../platform/documents/print.ts'

/** A report or paper in each format people take away: the printable HTML page, DOCX and PDF. */
export const documentFormats = ['html', 'docx', 'pdf'] as const
export type DocumentFormat = (typeof documentFormats)[number]

const contentTypes: Record<DocumentFormat, string> = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
}

/** `linkBase`: the service's address, so the records links in a downloaded file lead back to the service. */
export async function renderDocument(
  model: DocumentModel,
  format: DocumentFormat,
  linkBase: string,
): Promise<Buffer | string> {
  if (format === 'docx') return renderDocx(model, { linkBase })
  const html = renderPrintHtml(model, { linkBase })
  return format === 'pdf' ? renderPdf(html) : html
}

/** "Oxfordshire Safeguarding Children Board annual report 2016/17" → "oxfordshire-…-2016-17.docx". */
export function fileName(title: string, format: DocumentFormat) {
  const stem = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return `${stem || 'document'}.${format}`
}

export async function sendDocument(
  reply: FastifyReply,
  model: DocumentModel,
  format: DocumentFormat,
  cacheable: boolean,
) {
  const body = await renderDocument(model, format, reply.server.config.baseUrl)
  return (
    reply
      .header('content-type', contentTypes[format])
      // Downloaded, never shown in place: the file is a standalone document with its own styles.
      .header('content-disposition', `attachment; filename="${fileName(model.title, format)}"`)
      .header('cache-control', cacheable ? 'public, max-age=300' : 'no-store')
      .send(body)
  )
}
