import { defineModule } from '../modules.ts'

/**
 * The import pipeline (README.md here). Its pages belong to the modules that import (importRoutes);
 * the platform declares only the audit log's record type for uploads and imports.
 */
export const importsModule = defineModule({
  name: 'imports',
  recordTypes: {
    import: {
      label: 'Import',
      fields: {
        kind: 'Kind',
        file: 'File',
        format: 'Format',
        bytes: 'Size (bytes)',
        rows: 'Rows',
        added: 'Added',
        unchanged: 'Unchanged',
        replaced: 'Replaced',
        options: 'Choices',
      },
    },
  },
})

export {
  defineImport,
  normaliseHeader,
  type ImportColumn,
  type ImportDefinition,
  type ImportOption,
  type ImportOptionValues,
  type ImportSummary,
  type LineRow,
  type ParsedRow,
  type RowProblem,
} from './definition.ts'
export { insertInChunks } from './insert.ts'
export { importRoutes, type ImportRoutesOptions } from './routes.ts'
export {
  applyImport,
  checkImport,
  getImportBatch,
  ImportRefusedError,
  listImportBatches,
  uploadImport,
} from './service.ts'
