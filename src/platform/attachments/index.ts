import { createHash } from 'node:crypto'
import { and, desc, eq, inArray } from 'drizzle-orm'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { fileTypeFromBuffer } from 'file-type'
import { z } from 'zod'
import type { Database } from '../../db/index.ts'
import { recordAudit } from '../audit.ts'
import { ValidationError } from '../errors.ts'
import type { Actor } from '../permissions.ts'
import { isUploadedFile, uploadRoutes, type UploadedFilePart } from '../uploads.ts'
import { attachments, type Attachment } from './schema.ts'

/**
 * File attachments (README.md): evidence for a section 11 answer today, governance papers and portal
 * resources later. Stored in PostgreSQL beside the record they belong to; the type is read from the
 * content's magic bytes and must be on the allow-list, whatever the file is called; size-limited;
 * served as a download that is never cached. A module guards the routes that list and download them
 * with the owning record's permission and, for a confidential record, its `confidential` scope
 * (`download: true`), which writes every download to the audit log.
 */

/** What may be attached, by the type the content says it is. */
export const allowedTypes: Record<string, { label: string; extension: string }> = {
  'application/pdf': { label: 'PDF', extension: 'pdf' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    label: 'Word (DOCX)',
    extension: 'docx',
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { label: 'Excel (XLSX)', extension: 'xlsx' },
  'image/png': { label: 'PNG image', extension: 'png' },
  'image/jpeg': { label: 'JPEG image', extension: 'jpg' },
}

export const allowedTypesText = 'a PDF, Word document (DOCX), Excel spreadsheet (XLSX), or PNG or JPEG image'

/** The summary lists and pages show: never the content. */
export type AttachmentSummary = Pick<
  Attachment,
  'id' | 'recordType' | 'recordId' | 'fileName' | 'contentType' | 'byteSize' | 'createdAt'
>

const summaryColumns = {
  id: attachments.id,
  recordType: attachments.recordType,
  recordId: attachments.recordId,
  fileName: attachments.fileName,
  contentType: attachments.contentType,
  byteSize: attachments.byteSize,
  createdAt: attachments.createdAt,
}

export function megabytes(bytes: number) {
  return Math.round(bytes / 1024 / 1024)
}

/** The limit as a form's hint and error say it: "10MB" (GOV.UK's style), or "2 KB" below a megabyte. */
export function limitText(bytes: number) {
  return bytes >= 1024 * 1024 ? `${megabytes(bytes)}MB` : sizeText(bytes)
}

/** "240 KB": for lists. */
export function sizeText(bytes: number) {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/**
 * Why the file cannot be attached, in GOV.UK's words, or its detected type. The type comes from the
 * content: a program renamed "evidence.pdf" is refused, a PDF called "evidence" is taken.
 */
export async function checkAttachment(
  file: UploadedFilePart,
  maxBytes: number,
): Promise<{ problem: string } | { contentType: string }> {
  if (file.fileName === '' && file.content.length === 0) return { problem: 'Select a file' }
  if (file.tooLarge || file.content.length > maxBytes)
    return { problem: `The selected file must be smaller than ${limitText(maxBytes)}` }
  if (file.content.length === 0) return { problem: 'The selected file is empty' }
  const detected = await fileTypeFromBuffer(file.content)
  if (!detected || !allowedTypes[detected.mime]) return { problem: `The selected file must be ${allowedTypesText}` }
  return { contentType: detected.mime }
}

/** A name safe for a header and a file system: no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string, contentType: string) {
  const base = (name.split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex -- control characters are what it removes
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 200)
  return base || `attachment.${allowedTypes[contentType]?.extension ?? 'bin'}`
}

export interface AttachmentInput {
  recordType: string
  recordId: string
  file: unknown
  /** The form field the error belongs to. */
  field?: string
  maxBytes: number
}

/** Stores the file against its record, audited in the caller's transaction; a bad file is a ValidationError on its field. */
export async function storeAttachment(tx: Database, actor: Actor, input: AttachmentInput): Promise<AttachmentSummary> {
  const field = input.field ?? 'file'
  if (!isUploadedFile(input.file)) throw new ValidationError({ [field]: 'Select a file' })
  const checked = await checkAttachment(input.file, input.maxBytes)
  if ('problem' in checked) throw new ValidationError({ [field]: checked.problem })
  const fileName = cleanFileName(input.file.fileName, checked.contentType)
  const [stored] = await tx
    .insert(attachments)
    .values({
      partnershipId: actor.partnershipId,
      recordType: input.recordType,
      recordId: input.recordId,
      fileName,
      contentType: checked.contentType,
      byteSize: input.file.content.length,
      sha256: createHash('sha256').update(input.file.content).digest('hex'),
      content: input.file.content,
      uploadedBy: actor.kind === 'user' ? actor.id : null,
    })
    .returning(summaryColumns)
  await recordAudit(tx, actor, {
    action: 'created',
    recordType: 'attachment',
    recordId: stored!.id,
    summary: `Attached ${fileName}`,
    related: [{ recordType: input.recordType, recordId: input.recordId }],
    after: { fileName, contentType: checked.contentType, byteSize: stored!.byteSize },
  })
  return stored!
}

/** The attachments of these records, newest first, without their content. */
export async function attachmentsOf(db: Database, partnershipId: string, recordType: string, recordIds: string[]) {
  if (!recordIds.length) return []
  return db
    .select(summaryColumns)
    .from(attachments)
    .where(
      and(
        eq(attachments.partnershipId, partnershipId),
        eq(attachments.recordType, recordType),
        inArray(attachments.recordId, recordIds),
      ),
    )
    .orderBy(desc(attachments.createdAt))
}

/** One attachment with its content, or null when the partnership has none with that id. */
export async function readAttachment(db: Database, partnershipId: string, id: string): Promise<Attachment | null> {
  if (!z.uuid().safeParse(id).success) return null
  const [row] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.partnershipId, partnershipId), eq(attachments.id, id)))
  return row ?? null
}

export async function deleteAttachment(tx: Database, actor: Actor, attachment: AttachmentSummary) {
  await tx
    .delete(attachments)
    .where(and(eq(attachments.partnershipId, actor.partnershipId), eq(attachments.id, attachment.id)))
  await recordAudit(tx, actor, {
    action: 'deleted',
    recordType: 'attachment',
    recordId: attachment.id,
    summary: `Removed ${attachment.fileName}`,
    related: [{ recordType: attachment.recordType, recordId: attachment.recordId }],
    before: { fileName: attachment.fileName },
  })
}

/** RFC 6266: an ASCII fallback and the UTF-8 name, always as a download. */
export function contentDisposition(fileName: string) {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}

/** Sends the file as a download: never shown inline, never cached, never sniffed as another type. */
export function sendAttachment(reply: FastifyReply, attachment: Attachment) {
  return reply
    .header('Content-Type', attachment.contentType)
    .header('Content-Disposition', contentDisposition(attachment.fileName))
    .header('Content-Length', attachment.byteSize)
    .header('Cache-Control', 'no-store')
    .header('X-Content-Type-Options', 'nosniff')
    .send(attachment.content)
}

/** The multipart scope for routes that take an attachment (one file, up to the attachment limit). */
export async function attachmentRoutes(
  app: FastifyInstance,
  register: (scope: FastifyInstance) => void | Promise<void>,
) {
  await uploadRoutes(app, register, { maxBytes: app.config.attachmentMaxBytes })
}

/** For the attachments macro (views/macros/attachments.njk): each file with its download link and, when removable, the form's action. */
export function attachmentItems(
  items: AttachmentSummary[],
  hrefOf: (attachment: AttachmentSummary) => string,
  removeActionOf?: (attachment: AttachmentSummary) => string,
) {
  return items.map((item) => ({
    fileName: item.fileName,
    description: `${allowedTypes[item.contentType]?.label ?? item.contentType}, ${sizeText(item.byteSize)}`,
    href: hrefOf(item),
    removeAction: removeActionOf?.(item),
  }))
}
