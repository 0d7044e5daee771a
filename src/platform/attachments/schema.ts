import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { partnerships, users } from '../schema.ts'

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
})

/**
 * A file attached to a record (src/platform/attachments/): stored in PostgreSQL with the
 * partnership's id, so backups, tenancy and transactions cover it like any other row. The record
 * it belongs to is named by type and id (as in the audit log); when that record type is
 * confidential, the attachment is read only through it and every download is audited.
 * The type is the one its content says (magic bytes), never the name's.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    /** As in the audit log: "audit-answer". */
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    /** The name it was uploaded with, cleaned for a Content-Disposition header. */
    fileName: text('file_name').notNull(),
    /** Detected from the content: "application/pdf". */
    contentType: text('content_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    /** sha256 of the content, hex. */
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attachments_record_idx').on(t.partnershipId, t.recordType, t.recordId)],
)

export type Attachment = typeof attachments.$inferSelect
