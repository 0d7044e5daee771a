import type { Database } from '../../db/index.ts'
import type { Actor } from '../permissions.ts'
import type { ImportProblem } from './schema.ts'

/**
 * What a module declares to import one kind of file: its columns, how one row becomes a typed
 * record, whole-file checks, and how the records are written. The platform does the rest: reading
 * CSV and XLSX, matching headers, the error report, progress, the preview, and applying once, in
 * one transaction.
 */
export interface ImportColumn<K extends string = string> {
  key: K
  /** The header as the template file has it: "Completion date". */
  header: string
  /** Other headers that mean this column ("Date completed"). Matched ignoring case, spaces, - and _. */
  aliases?: string[]
  /** The column must be in the file and every row must give it a value. */
  required?: boolean
  /** What the column holds, shown on the upload page: "For example, 31/03/2025". */
  hint?: string
}

/** A row's problem as parseRow or check gives it: the column by its key (or null for the whole row). */
export interface RowProblem<K extends string = string> {
  column: K | null
  problem: string
}

export type ParsedRow<Row, K extends string = string> = { row: Row } | { errors: RowProblem<K>[] }

export interface LineRow<Row> {
  line: number
  row: Row
}

export interface ImportCheckResult<K extends string = string> {
  /**
   * Problems that stop the import, each on a line (duplicates within the file, say), the column by
   * its key or, for a column the definition does not declare (`otherColumns`), by its header.
   */
  errors?: { line: number | null; column: K | string | null; problem: string }[]
  /** Things the officer should know that do not stop it (agencies not in the directory). */
  notes?: string[]
}

export interface ImportBatchRef {
  id: string
  fileName: string
  /** What the officer chose on the upload page, by option key (none ticked: an empty list). */
  options: ImportOptionValues
}

/** An import's choices as stored with its batch: the values ticked, by option key. */
export type ImportOptionValues = Record<string, string[]>

/**
 * A choice the upload page asks for besides the file, as GOV.UK checkboxes (the measures to
 * take, say). The values ticked are checked against `items`, stored with the batch, shown on
 * its page, and given to `check` and `apply`.
 */
export interface ImportOption {
  /** The form field and the key in ImportOptionValues: `measures`. */
  key: string
  /** The question: "Which measures to take". */
  label: string
  hint?: string
  /** What ticking none means, for the batch page: "Every measure in the file the catalogue knows". */
  noneText: string
  items(db: Database, actor: Actor): Promise<{ value: string; text: string }[]>
}

/** What apply() wrote: rows added and rows already held; `replaced` when it supersedes earlier values. */
export interface ImportSummary {
  added: number
  unchanged: number
  replaced?: number
}

export interface ImportDefinition<Row = unknown, K extends string = string> {
  /** kebab-case, unique across modules: `learning-completions`. */
  kind: string
  /** "E-learning completions". */
  label: string
  columns: readonly ImportColumn<K>[]
  /**
   * The file's other columns are data too (the department's files have one column per measure,
   * known only at run time): they are not listed as unused, and parseRow gets them as its third
   * argument. `otherColumnsHint` describes them on the upload page.
   */
  otherColumns?: boolean
  otherColumnsHint?: { header: string; hint: string }
  /** Choices the upload page asks for besides the file. */
  options?: readonly ImportOption[]
  /**
   * One row's values by column key (trimmed; '' when empty or absent), to a record or its problems.
   * With `otherColumns`, `others` holds the undeclared columns' values by header, in file order.
   */
  parseRow(values: Record<K, string>, line: number, others: Record<string, string>): ParsedRow<Row, K>
  /** Checks across the whole file, with the database (read only: `db` is not the apply transaction). */
  check?(
    db: Database,
    actor: Actor,
    rows: LineRow<Row>[],
    options: ImportOptionValues,
  ): Promise<ImportCheckResult<K>> | ImportCheckResult<K>
  /**
   * Writes the rows inside the one transaction `tx` (use insertInChunks for speed). Throwing
   * rolls everything back. Must not commit or open connections of its own.
   */
  apply(tx: Database, actor: Actor, rows: Row[], batch: ImportBatchRef): Promise<ImportSummary>
}

export function defineImport<Row, K extends string = string>(
  definition: ImportDefinition<Row, K>,
): ImportDefinition<Row, K> {
  // Options are fields of the upload form, beside the file and the CSRF token.
  const fields = new Set<string>(['file', '_csrf'])
  for (const option of definition.options ?? []) {
    if (fields.has(option.key)) throw new Error(`Import ${definition.kind} has two fields called ${option.key}`)
    fields.add(option.key)
  }
  const keys = new Set<string>()
  const headers = new Set<string>()
  for (const column of definition.columns) {
    if (keys.has(column.key)) throw new Error(`Import ${definition.kind} has two columns called ${column.key}`)
    keys.add(column.key)
    for (const header of [column.header, ...(column.aliases ?? [])]) {
      const name = normaliseHeader(header)
      if (headers.has(name)) throw new Error(`Import ${definition.kind} uses the header "${header}" twice`)
      headers.add(name)
    }
  }
  return definition
}

/** Headers compare without case, spaces, hyphens or underscores: "Completion date" = "completion_date". */
export function normaliseHeader(header: string) {
  return header.toLowerCase().replace(/[\s_-]+/g, '')
}

export interface HeaderMatch {
  /** The file's column index for each definition column found. */
  indexes: Map<string, number>
  /** The header as the file writes it, by column key, for the error report. */
  fileHeaders: Map<string, string>
  problems: ImportProblem[]
  /** Headers in the file that no column takes. */
  ignored: string[]
  /** The same, with their indexes: an `otherColumns` definition's data. */
  others: { index: number; header: string }[]
}

/** Finds each declared column in the header row. Missing required columns and repeated headers are problems. */
export function matchHeaders(columns: readonly ImportColumn[], header: string[], otherColumns = false): HeaderMatch {
  const byName = new Map<string, ImportColumn>()
  for (const column of columns)
    for (const name of [column.header, ...(column.aliases ?? [])]) byName.set(normaliseHeader(name), column)
  const indexes = new Map<string, number>()
  const fileHeaders = new Map<string, string>()
  const problems: ImportProblem[] = []
  const ignored: string[] = []
  const others: HeaderMatch['others'] = []
  const otherNames = new Set<string>()
  header.forEach((text, index) => {
    const column = byName.get(normaliseHeader(text))
    if (!column) {
      if (!text) return
      ignored.push(text)
      // Other columns are data, named by their header: two alike would be one value twice.
      if (otherColumns && otherNames.has(normaliseHeader(text)))
        problems.push({ line: 1, column: text, problem: `Two columns are "${text}": remove one of them` })
      otherNames.add(normaliseHeader(text))
      others.push({ index, header: text })
      return
    }
    if (indexes.has(column.key)) {
      problems.push({ line: 1, column: text, problem: `Two columns are "${column.header}": remove one of them` })
      return
    }
    indexes.set(column.key, index)
    fileHeaders.set(column.key, text)
  })
  for (const column of columns)
    if (column.required && !indexes.has(column.key))
      problems.push({ line: 1, column: column.header, problem: `The file has no "${column.header}" column` })
  return { indexes, fileHeaders, problems, ignored, others }
}

/**
 * The import definitions in this process, by kind, so a background job can check a batch of a
 * kind a module declared. importRoutes adds each; registering another definition under a kind
 * already taken is a start-up error.
 */
const definitions = new Map<string, ImportDefinition<unknown>>()

export function registerImport(definition: ImportDefinition<never, string>) {
  const known = definitions.get(definition.kind)
  if (known && known !== (definition as unknown)) throw new Error(`Two imports are called ${definition.kind}`)
  definitions.set(definition.kind, definition as unknown as ImportDefinition<unknown>)
}

export function importDefinition(kind: string): ImportDefinition<unknown> | undefined {
  return definitions.get(kind)
}
