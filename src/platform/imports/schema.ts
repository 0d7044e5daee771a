import { sql } from 'drizzle-orm'
import { customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { partnerships, users } from '../schema.ts'

/** The uploaded file itself, kept with its batch so checking and applying read exactly what was checked. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
})

export const importFormats = ['csv', 'xlsx'] as const
export const importStatuses = ['uploaded', 'checking', 'checked', 'failed', 'applied'] as const
export type ImportStatus = (typeof importStatuses)[number]

/** One problem in an uploaded file: its line (the header is line 1), the column as the file names it, and what is wrong. */
export interface ImportProblem {
  line: number | null
  column: string | null
  problem: string
}

/**
 * One uploaded file of one import kind (src/platform/imports/): uploaded, checked (status `checking`
 * while `checked_rows` counts up), then applied once. An applied file's hash is unique per
 * partnership and kind, so the same file cannot be applied twice, even by two confirms at once.
 */
export const importBatches = pgTable(
  'import_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    /** The import definition's kind: `learning-completions`. */
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    /** sha256 of the content, hex. */
    fileHash: text('file_hash').notNull(),
    content: bytea('content').notNull(),
    format: text('format', { enum: importFormats }).notNull(),
    status: text('status', { enum: importStatuses }).notNull().default('uploaded'),
    /** Data rows (not the header); known once checked. */
    totalRows: integer('total_rows'),
    checkedRows: integer('checked_rows').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    /** The first problems found (importErrorsKept), in file order. */
    errors: jsonb('errors').$type<ImportProblem[]>().notNull().default([]),
    /** Whole-file observations that do not stop the import (unmatched agencies, ignored columns). */
    notes: jsonb('notes').$type<string[]>().notNull().default([]),
    /** What the officer chose on the upload page (the definition's `options`), by option key. */
    options: jsonb('options').$type<Record<string, string[]>>().notNull().default({}),
    /** The header and first rows as read, for the preview. */
    preview: jsonb('preview').$type<{ headers: string[]; rows: string[][] }>(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    appliedBy: uuid('applied_by').references(() => users.id),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    /** What apply() returned: rows added and unchanged (and replaced, for an import that supersedes). */
    summary: jsonb('summary').$type<{ added: number; unchanged: number; replaced?: number }>(),
  },
  (t) => [
    index('import_batches_list_idx').on(t.partnershipId, t.kind, t.createdAt),
    uniqueIndex('import_batches_applied_once')
      .on(t.partnershipId, t.kind, t.fileHash)
      .where(sql`${t.status} = 'applied'`),
  ],
)

export type ImportBatch = typeof importBatches.$inferSelect
