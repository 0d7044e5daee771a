import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { sendCsv } from '../exports.ts'
import { actionRoute, formRoute } from '../form-route.ts'
import { requireActor } from '../http.ts'
import type { Permission } from '../permissions.ts'
import { isUploadedFile, uploadRoutes, type UploadedFilePart } from '../uploads.ts'
import { registerImport, type ImportDefinition } from './definition.ts'
import {
  columnRows,
  errorRows,
  optionFields,
  optionRows,
  errorsShownOnPage,
  historyRows,
  previewTable,
  progress,
  statusTag,
  summaryRows,
} from './presenters.ts'
import {
  appliedCopy,
  appliedWhen,
  applyImport,
  checkImport,
  getImportBatch,
  ImportRefusedError,
  listImportBatches,
  uploadImport,
} from './service.ts'
import { users } from '../schema.ts'
import { eq } from 'drizzle-orm'

/**
 * The pages of one import, for a module to register in its routes: the upload form with the
 * history of uploads, each upload's progress and preview, confirm, and the error report as CSV.
 * Every route needs `permission`; the module gives matrixIds for `${basePath}/:batchId` if its
 * permission matrix walk should open a batch.
 */
export interface ImportRoutesOptions {
  basePath: string
  permission: Permission
  definition: ImportDefinition<never>
  /** "Import e-learning completions". */
  title: string
  backLink: { href: string; text: string }
  /** A file to start from, linked on the upload page: "Download the template (CSV)". */
  download?: { href: string; text: string }
}

/** An option's boxes as posted: none, one value, or many. */
const ticked = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))

const views = 'platform/imports/views'
const refusals: Record<string, string> = {
  applied: 'This file has already been imported.',
  errors: 'The file has errors: correct them and upload it again.',
  'not-ready': 'The file has not finished being checked.',
}

export async function importRoutes(app: FastifyInstance, options: ImportRoutesOptions) {
  const { basePath, permission, title, backLink, download } = options
  const definition = options.definition as unknown as ImportDefinition<unknown>
  registerImport(options.definition)
  const db = app.db
  const access = { permission }
  const maxMb = Math.round(app.config.uploadMaxBytes / 1024 / 1024)
  const select = 'Select a CSV or XLSX file'

  await uploadRoutes(app, (scope) =>
    formRoute(scope, {
      path: basePath,
      access,
      template: `${views}/upload.njk`,
      schema: z.object({
        file: z
          .custom<UploadedFilePart>((value) => isUploadedFile(value) && value.fileName !== '', { error: select })
          .refine((file) => !file.tooLarge, `The selected file must be smaller than ${maxMb}MB`)
          .refine((file) => file.content.length > 0, 'The selected file is empty'),
        ...Object.fromEntries((definition.options ?? []).map((option) => [option.key, ticked])),
      }),
      context: async ({ actor }) => ({
        title,
        backLink,
        download,
        label: definition.label,
        maxMb,
        columns: columnRows(definition),
        choices: await optionFields(db, actor, definition),
        history: historyRows(await listImportBatches(db, actor, definition.kind), basePath),
      }),
      initialValues: () => ({}),
      save: async ({ actor }, { file, ...chosen }) => {
        const { batchId, checkNow } = await uploadImport(
          db,
          actor,
          definition,
          file,
          chosen as Record<string, string[]>,
        )
        if (checkNow) await checkImport(db, actor, definition, batchId)
        return `${basePath}/${batchId}`
      },
    }),
  )

  app.get(`${basePath}/:batchId`, { config: access }, async (request, reply) => {
    const actor = requireActor(request)
    const { batchId } = request.params as { batchId: string }
    const query = request.query as Record<string, string>
    const batch = await getImportBatch(db, actor, definition.kind, batchId)
    const inProgress = batch.status === 'uploaded' || batch.status === 'checking'
    const appliedBy = batch.appliedBy
      ? ((await db.select({ name: users.name }).from(users).where(eq(users.id, batch.appliedBy)))[0]?.name ?? null)
      : null
    const sameFile =
      batch.status === 'applied' ? null : await appliedCopy(db, actor.partnershipId, definition.kind, batch.fileHash)
    return reply.view(`${views}/batch.njk`, {
      title,
      basePath,
      batch,
      tag: statusTag(batch),
      inProgress,
      progress: progress(batch),
      summary: [...summaryRows(batch, appliedBy), ...optionRows(batch, await optionFields(db, actor, definition))],
      preview: previewTable(batch),
      errors: errorRows(batch),
      moreErrors: batch.errorCount > errorsShownOnPage,
      errorsShownOnPage,
      sameFile: sameFile && { href: `${basePath}/${sameFile.id}`, when: appliedWhen(sameFile) },
      canApply: batch.status === 'checked' && batch.errorCount === 0 && !sameFile,
      refused: refusals[query.refused ?? ''] ?? null,
      imported: batch.status === 'applied' && query.imported === '1',
    })
  })

  actionRoute(app, {
    path: `${basePath}/:batchId/apply`,
    access,
    schema: z.object({}),
    run: async ({ actor, params }) => {
      const batchId = params.batchId!
      try {
        await applyImport(db, actor, definition, batchId)
        return `${basePath}/${batchId}?imported=1`
      } catch (error) {
        if (error instanceof ImportRefusedError) return `${basePath}/${batchId}?refused=${error.reason}`
        throw error
      }
    },
  })

  app.get(`${basePath}/:batchId/errors.csv`, { config: access }, async (request, reply) => {
    const actor = requireActor(request)
    const { batchId } = request.params as { batchId: string }
    const batch = await getImportBatch(db, actor, definition.kind, batchId)
    return sendCsv(reply, `${definition.kind}-errors.csv`, [
      ['Line', 'Column', 'Problem'],
      ...batch.errors.map((e) => [e.line ?? '', e.column ?? '', e.problem]),
    ])
  })
}
