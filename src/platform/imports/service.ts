import { createHash } from 'node:crypto'
import { and, desc, eq, inArray } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Database } from '../../db/index.ts'
import { recordAudit } from '../audit.ts'
import { isConflict } from '../audited-writes.ts'
import { NotFoundError, ValidationError } from '../errors.ts'
import { enqueueJob } from '../jobs/index.ts'
import type { Actor } from '../permissions.ts'
import { users } from '../schema.ts'
import { formatDateTime } from '../views.ts'
import { checkFile } from './check.ts'
import type { ImportDefinition, ImportOptionValues, ImportSummary } from './definition.ts'
import { detectFormat } from './read.ts'
import { importBatches, type ImportBatch } from './schema.ts'

/**
 * An import's life: upload (stored with its hash, audited), check (here for a small file, by the
 * `check-import` job for a large one, counting `checked_rows` up as it goes), apply (once, in one
 * transaction, audited). Plain functions on a database handle; routes.ts is the HTTP side.
 */
export const checkImportJobName = 'check-import'
/** Files up to this size are checked while the upload waits; larger ones by the job, with a progress page. */
export const checkInlineBytes = 256 * 1024

export class ImportRefusedError extends Error {
  constructor(
    readonly reason: 'applied' | 'errors' | 'not-ready',
    message: string,
  ) {
    super(message)
  }
}

export interface UploadedFile {
  fileName: string
  content: Buffer
}

/**
 * Stores the file as a new batch, with the options chosen: refused (a ValidationError on `file`)
 * when it is not CSV or XLSX, or was applied already, or (on the option's field) when a value
 * chosen is not one the option offers.
 */
export async function uploadImport(
  db: Database,
  actor: Actor,
  definition: ImportDefinition<unknown>,
  file: UploadedFile,
  chosen: ImportOptionValues = {},
): Promise<{ batchId: string; checkNow: boolean }> {
  const options = await validOptions(db, actor, definition, chosen)
  const detected = detectFormat(file.content)
  if ('problem' in detected) throw new ValidationError({ file: detected.problem })
  const fileHash = createHash('sha256').update(file.content).digest('hex')
  const applied = await appliedCopy(db, actor.partnershipId, definition.kind, fileHash)
  if (applied) throw new ValidationError({ file: `The selected file was already imported on ${appliedWhen(applied)}` })
  const checkNow = file.content.length <= checkInlineBytes
  const fileName = file.fileName.replace(/^.*[\\/]/, '').slice(0, 200) || 'upload'
  const batchId = await db.transaction(async (tx) => {
    const [batch] = await tx
      .insert(importBatches)
      .values({
        partnershipId: actor.partnershipId,
        kind: definition.kind,
        fileName,
        fileHash,
        content: file.content,
        format: detected.format,
        options,
        createdBy: actor.id,
      })
      .returning({ id: importBatches.id })
    await recordAudit(tx, actor, {
      action: 'uploaded',
      recordType: 'import',
      recordId: batch!.id,
      summary: `Uploaded ${fileName} for ${definition.label.toLowerCase()}`,
      after: {
        kind: definition.kind,
        file: fileName,
        format: detected.format,
        bytes: file.content.length,
        ...(Object.keys(options).length && { options }),
      },
    })
    if (!checkNow)
      await enqueueJob(tx, {
        name: checkImportJobName,
        payload: { batchId: batch!.id },
        partnershipId: actor.partnershipId,
        uniqueKey: `${checkImportJobName}:${batch!.id}`,
      })
    return batch!.id
  })
  return { batchId, checkNow }
}

/** Each option's values, de-duplicated, every one among its items; options not asked for are left out. */
async function validOptions(
  db: Database,
  actor: Actor,
  definition: ImportDefinition<unknown>,
  chosen: ImportOptionValues,
): Promise<ImportOptionValues> {
  const options: ImportOptionValues = {}
  for (const option of definition.options ?? []) {
    const values = [...new Set(chosen[option.key] ?? [])]
    if (!values.length) continue
    const offered = new Set((await option.items(db, actor)).map((item) => item.value))
    if (values.some((value) => !offered.has(value)))
      throw new ValidationError({ [option.key]: `${option.label}: select from the list` })
    options[option.key] = values
  }
  return options
}

/** Checks a batch and stores the outcome; safe to run again (a job may). Only `uploaded` or `checking` batches are checked. */
export async function checkImport(db: Database, actor: Actor, definition: ImportDefinition<unknown>, batchId: string) {
  const [batch] = await db
    .update(importBatches)
    .set({ status: 'checking', checkedRows: 0 })
    .where(and(eq(importBatches.id, batchId), inArray(importBatches.status, ['uploaded', 'checking'])))
    .returning()
  if (!batch) return
  const outcome = await checkFile(db, actor, definition, batch, async (checkedRows) => {
    await db.update(importBatches).set({ checkedRows }).where(eq(importBatches.id, batchId))
  })
  await db
    .update(importBatches)
    .set({
      status: outcome.status,
      totalRows: outcome.totalRows,
      checkedRows: outcome.totalRows,
      errorCount: outcome.errorCount,
      errors: outcome.errors,
      notes: outcome.notes,
      preview: outcome.preview,
    })
    .where(and(eq(importBatches.id, batchId), eq(importBatches.status, 'checking')))
}

/**
 * Applies a checked batch without errors, all or nothing: the file is checked again (the
 * database may have changed since), then the batch is marked applied and the definition writes
 * its rows, in one transaction. A second confirm, or another upload of the same file, is refused.
 */
export async function applyImport(
  db: Database,
  actor: Actor,
  definition: ImportDefinition<unknown>,
  batchId: string,
): Promise<ImportSummary> {
  const batch = await getImportBatch(db, actor, definition.kind, batchId)
  if (batch.status === 'applied') throw new ImportRefusedError('applied', 'This file has already been imported')
  if (batch.status !== 'checked') throw new ImportRefusedError('not-ready', 'This file has not been checked yet')
  if (batch.errorCount > 0) throw new ImportRefusedError('errors', 'Correct the errors in the file and upload it again')
  const outcome = await checkFile(db, actor, definition, batch)
  if (outcome.status !== 'checked' || outcome.errorCount > 0) {
    await db
      .update(importBatches)
      .set({ errorCount: outcome.errorCount, errors: outcome.errors, notes: outcome.notes })
      .where(and(eq(importBatches.id, batchId), eq(importBatches.status, 'checked')))
    throw new ImportRefusedError('errors', 'The file has errors now: correct them and upload it again')
  }
  try {
    return await db.transaction(async (tx) => {
      // First, so a second confirm of this batch waits here and then finds it applied.
      const [claimed] = await tx
        .update(importBatches)
        .set({ status: 'applied', appliedBy: actor.id, appliedAt: new Date() })
        .where(and(eq(importBatches.id, batchId), eq(importBatches.status, 'checked')))
        .returning({ id: importBatches.id })
      if (!claimed) throw new ImportRefusedError('applied', 'This file has already been imported')
      const summary = await definition.apply(
        tx,
        actor,
        outcome.rows.map((r) => r.row),
        { id: batch.id, fileName: batch.fileName, options: batch.options },
      )
      await tx.update(importBatches).set({ summary }).where(eq(importBatches.id, batchId))
      await recordAudit(tx, actor, {
        action: 'applied',
        recordType: 'import',
        recordId: batch.id,
        summary: `Imported ${batch.fileName} for ${definition.label.toLowerCase()}: ${summary.added} added, ${summary.unchanged} unchanged${summary.replaced ? `, ${summary.replaced} replaced` : ''}`,
        after: { kind: definition.kind, file: batch.fileName, rows: outcome.totalRows, ...summary },
      })
      return summary
    })
  } catch (error) {
    // The same file, uploaded twice and confirmed in both: the unique index lets one through.
    if (isConflict(error)) throw new ImportRefusedError('applied', 'This file has already been imported')
    throw error
  }
}

export async function getImportBatch(db: Database, actor: Actor, kind: string, batchId: string): Promise<ImportBatch> {
  const [batch] = await db
    .select()
    .from(importBatches)
    .where(
      and(
        eq(importBatches.id, batchId),
        eq(importBatches.partnershipId, actor.partnershipId),
        eq(importBatches.kind, kind),
      ),
    )
  if (!batch) throw new NotFoundError()
  return batch
}

const uploader = alias(users, 'uploader')
const applier = alias(users, 'applier')

/** The history of one kind's imports, newest first, without the files themselves. */
export async function listImportBatches(db: Database, actor: Actor, kind: string, limit = 50) {
  return db
    .select({
      id: importBatches.id,
      fileName: importBatches.fileName,
      status: importBatches.status,
      totalRows: importBatches.totalRows,
      errorCount: importBatches.errorCount,
      createdAt: importBatches.createdAt,
      createdBy: uploader.name,
      appliedAt: importBatches.appliedAt,
      appliedBy: applier.name,
      summary: importBatches.summary,
    })
    .from(importBatches)
    .leftJoin(uploader, eq(uploader.id, importBatches.createdBy))
    .leftJoin(applier, eq(applier.id, importBatches.appliedBy))
    .where(and(eq(importBatches.partnershipId, actor.partnershipId), eq(importBatches.kind, kind)))
    .orderBy(desc(importBatches.createdAt))
    .limit(limit)
}

export type ImportBatchSummary = Awaited<ReturnType<typeof listImportBatches>>[number]

/** The applied batch holding the same file, if any: when and by whom. */
export async function appliedCopy(db: Database, partnershipId: string, kind: string, fileHash: string) {
  const [row] = await db
    .select({ id: importBatches.id, appliedAt: importBatches.appliedAt, appliedBy: users.name })
    .from(importBatches)
    .leftJoin(users, eq(users.id, importBatches.appliedBy))
    .where(
      and(
        eq(importBatches.partnershipId, partnershipId),
        eq(importBatches.kind, kind),
        eq(importBatches.fileHash, fileHash),
        eq(importBatches.status, 'applied'),
      ),
    )
  return row ?? null
}

export function appliedWhen(applied: { appliedAt: Date | null; appliedBy: string | null }) {
  return `${formatDateTime(applied.appliedAt)}${applied.appliedBy ? ` by ${applied.appliedBy}` : ''}`
}
