import type { Database } from '../../db/index.ts'
import type { Actor } from '../permissions.ts'
import { matchHeaders, type ImportDefinition, type ImportOptionValues, type LineRow } from './definition.ts'
import { readRows, UnreadableFileError, type ImportFormat } from './read.ts'
import type { ImportProblem } from './schema.ts'

/**
 * Checks a whole file against an import definition: every row through parseRow, then the
 * definition's whole-file check. Used to build the preview and again, just before applying, so
 * what is applied is what passes now.
 */
/** Problems kept with a batch for its page and its download. A file with more is not worth listing further. */
export const importErrorsKept = 10_000
/** Rows shown in the preview. */
export const previewRowCount = 10
/** How often progress is reported, in rows. */
const progressEvery = 2_000

export interface CheckOutcome<Row> {
  /** failed: the file itself could not be read or lacks a required column; no row was checked. */
  status: 'checked' | 'failed'
  rows: LineRow<Row>[]
  totalRows: number
  errorCount: number
  /** The first importErrorsKept problems, by line. */
  errors: ImportProblem[]
  notes: string[]
  preview: { headers: string[]; rows: string[][] }
}

export async function checkFile<Row>(
  db: Database,
  actor: Actor,
  definition: ImportDefinition<Row>,
  file: { content: Buffer; format: ImportFormat; options?: ImportOptionValues },
  onProgress: (checkedRows: number) => Promise<void> = async () => {},
): Promise<CheckOutcome<Row>> {
  const rows: LineRow<Row>[] = []
  const errors: ImportProblem[] = []
  const notes: string[] = []
  const preview = { headers: [] as string[], rows: [] as string[][] }
  let header: string[] | null = null
  let match: ReturnType<typeof matchHeaders> | null = null
  let totalRows = 0
  const failed = (problems: ImportProblem[]): CheckOutcome<Row> => ({
    status: 'failed',
    rows: [],
    totalRows: 0,
    errorCount: problems.length,
    errors: problems,
    notes,
    preview,
  })

  try {
    for await (const { line, cells } of readRows(file.content, file.format)) {
      if (!header) {
        header = cells
        match = matchHeaders(definition.columns, cells, definition.otherColumns)
        preview.headers = cells
        if (match.problems.length) return failed(match.problems)
        if (match.ignored.length && !definition.otherColumns)
          notes.push(`These columns are not used: ${match.ignored.join(', ')}`)
        continue
      }
      totalRows++
      if (preview.rows.length < previewRowCount) preview.rows.push(cells)
      const problems = checkRow(definition, match!, header, line, cells, file.format)
      if (problems.errors) errors.push(...problems.errors)
      else rows.push({ line, row: problems.row })
      if (totalRows % progressEvery === 0) await onProgress(totalRows)
    }
  } catch (error) {
    if (error instanceof UnreadableFileError) return failed([{ line: null, column: null, problem: error.message }])
    throw error
  }
  if (!header) return failed([{ line: null, column: null, problem: 'The file has no header row and no data' }])
  if (totalRows === 0) return failed([{ line: null, column: null, problem: 'The file has a header row but no data' }])
  await onProgress(totalRows)

  // Whole-file checks only once every row reads: duplicates among broken rows would only confuse.
  if (!errors.length && definition.check) {
    const result = await definition.check(db, actor, rows, file.options ?? {})
    const header = (key: string | null) => (key === null ? null : columnName(definition, match!, key))
    for (const e of result.errors ?? []) errors.push({ line: e.line, column: header(e.column), problem: e.problem })
    notes.push(...(result.notes ?? []))
  }
  errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
  return {
    status: 'checked',
    rows,
    totalRows,
    errorCount: errors.length,
    errors: errors.slice(0, importErrorsKept),
    notes,
    preview,
  }
}

/** The header a person sees for a column: as their file writes it, or as the template does. */
function columnName(definition: ImportDefinition<unknown>, match: ReturnType<typeof matchHeaders>, key: string) {
  return match.fileHeaders.get(key) ?? definition.columns.find((c) => c.key === key)?.header ?? key
}

function checkRow<Row>(
  definition: ImportDefinition<Row>,
  match: ReturnType<typeof matchHeaders>,
  header: string[],
  line: number,
  cells: string[],
  format: ImportFormat,
): { errors: ImportProblem[]; row?: undefined } | { errors?: undefined; row: Row } {
  // A CSV row with more or fewer values than the header has lost or gained a comma somewhere.
  // (Spreadsheets leave empty cells off the end of a row, so XLSX rows may be shorter.)
  const used = cells.length - [...cells].reverse().findIndex((cell) => cell !== '')
  if (format === 'csv' && (cells.length < header.length || used > header.length)) {
    const count = cells.length < header.length ? cells.length : used
    return {
      errors: [
        {
          line,
          column: null,
          problem: `This row has ${count} ${count === 1 ? 'value' : 'values'} but the header has ${header.length} columns`,
        },
      ],
    }
  }
  const values = {} as Record<string, string>
  const missing: ImportProblem[] = []
  for (const column of definition.columns) {
    const index = match.indexes.get(column.key)
    values[column.key] = index === undefined ? '' : (cells[index] ?? '')
    if (column.required && values[column.key] === '')
      missing.push({
        line,
        column: columnName(definition, match, column.key),
        problem: `Enter the ${lower(column.header)}`,
      })
  }
  if (missing.length) return { errors: missing }
  const others: Record<string, string> = {}
  if (definition.otherColumns) for (const { index, header } of match.others) others[header] = cells[index] ?? ''
  const parsed = definition.parseRow(values, line, others)
  if ('errors' in parsed)
    return {
      errors: parsed.errors.map((e) => ({
        line,
        column: e.column === null ? null : columnName(definition, match, e.column),
        problem: e.problem,
      })),
    }
  return { row: parsed.row }
}

/** "Completion date" → "completion date", but "Email" → "email" and "DfE code" stays. */
function lower(header: string) {
  return /^[A-Z][a-z]/.test(header) ? header.charAt(0).toLowerCase() + header.slice(1) : header
}
