import { parse } from 'csv-parse'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { PassThrough, Readable } from 'node:stream'

/**
 * Reads an uploaded file, whatever its name says, by its content: an XLSX file is a zip (it
 * starts "PK\x03\x04"); anything else that decodes as text is read as CSV. Rows come one at a
 * time, so a large file is never held as parsed rows, with the line a person sees in a
 * spreadsheet: the header is line 1.
 */
export type ImportFormat = 'csv' | 'xlsx'

export interface FileRow {
  line: number
  cells: string[]
}

export class UnreadableFileError extends Error {}

const zipMagic = Buffer.from([0x50, 0x4b, 0x03, 0x04])
/** Excel 97–2003 (.xls) and other OLE files. */
const oleMagic = Buffer.from([0xd0, 0xcf, 0x11, 0xe0])

/** The file's format, or why it is not one we read (a message for the person who chose it). */
export function detectFormat(content: Buffer): { format: ImportFormat } | { problem: string } {
  if (content.length === 0) return { problem: 'The selected file is empty' }
  if (content.subarray(0, 4).equals(zipMagic)) return { format: 'xlsx' }
  if (content.subarray(0, 4).equals(oleMagic))
    return { problem: 'The selected file is an older Excel file: save it as XLSX or CSV and upload that' }
  // Text has no NUL bytes; pictures, PDFs and other binary files soon do.
  if (content.subarray(0, 65_536).includes(0)) return { problem: 'The selected file must be a CSV or XLSX' }
  return { format: 'csv' }
}

/**
 * The file as text: UTF-8 (with or without a byte order mark), or, when it is not valid UTF-8,
 * Windows-1252, which is what Excel's plain "CSV" format saves on a UK Windows computer.
 */
export function decodeText(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content)
  } catch {
    return new TextDecoder('windows-1252').decode(content)
  }
}

/** Every row of the file, the header first; cells trimmed, empty rows skipped. */
export function readRows(content: Buffer, format: ImportFormat): AsyncIterable<FileRow> {
  return format === 'csv' ? readCsv(content) : readXlsx(content)
}

async function* readCsv(content: Buffer): AsyncIterable<FileRow> {
  const parser = Readable.from(chunks(decodeText(content))).pipe(
    parse({ bom: true, trim: true, relax_column_count: true, skip_empty_lines: true, info: true }),
  )
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const cells = record.map((cell) => cell.trim())
      if (cells.every((cell) => cell === '')) continue
      // info.lines is where the record ends: a quoted value over several lines starts earlier.
      const inner = record.reduce((count, cell) => count + (cell.match(/\n/g)?.length ?? 0), 0)
      yield { line: info.lines - inner, cells }
    }
  } catch (error) {
    const e = error as { code?: string; lines?: number; message?: string }
    if (e.code?.startsWith('CSV_'))
      throw new UnreadableFileError(
        `The file could not be read as CSV at line ${e.lines ?? '?'}: ${csvProblem(e.code)}`,
      )
    throw error
  }
}

function* chunks(text: string, size = 65_536) {
  for (let start = 0; start < text.length; start += size) yield text.slice(start, start + size)
}

function csvProblem(code: string) {
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'a quoted value is not closed'
  if (code === 'CSV_INVALID_CLOSING_QUOTE') return 'a quote mark is in the wrong place'
  return 'the file is not in CSV format'
}

async function* readXlsx(content: Buffer): AsyncIterable<FileRow> {
  let zip: Readable
  try {
    zip = await inReadingOrder(content)
  } catch {
    throw new UnreadableFileError('The file could not be read as XLSX: open it in Excel, save it again and upload that')
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(zip, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles say which numbers are dates.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  })
  let sheets = 0
  try {
    for await (const worksheet of workbook) {
      sheets++
      for await (const row of worksheet) {
        // Only the first worksheet is read; the others are passed over to the end of the file.
        if (sheets > 1) continue
        const values = (row as ExcelJS.Row).values as unknown[]
        const cells = Array.from({ length: Math.max(values.length - 1, 0) }, (_, i) => cellText(values[i + 1]))
        if (cells.every((cell) => cell === '')) continue
        yield { line: (row as ExcelJS.Row).number, cells }
      }
    }
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error
    throw new UnreadableFileError('The file could not be read as XLSX: open it in Excel, save it again and upload that')
  }
  if (!sheets) throw new UnreadableFileError('The file has no worksheets')
}

/** Parts ExcelJS's streaming reader needs before it reads a worksheet: the list of sheets and the date system, and which numbers are dates. */
const partsBeforeSheets = ['xl/workbook.xml', 'xl/styles.xml']
const isWorksheet = (name: string) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name)

/**
 * The file as a stream for ExcelJS's streaming reader. That reader keeps a worksheet in a
 * temporary file until the end, unless the relationships and shared strings came before it: then
 * it reads the worksheet on arrival, and fails, or reads dates as numbers, when the workbook or the
 * styles come later still (exceljs/exceljs#962; ExcelJS's own writer sometimes orders a file so).
 * Such a file is repacked with those parts first; any other (Excel's, LibreOffice's) is streamed as
 * it is. Only the zip's directory is read to decide.
 */
async function inReadingOrder(content: Buffer): Promise<Readable> {
  const zip = await JSZip.loadAsync(content)
  const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir)
  const at = (name: string) => names.indexOf(name)
  const [rels, strings] = [at('xl/_rels/workbook.xml.rels'), at('xl/sharedStrings.xml')]
  // The first worksheet read on arrival: one after both of those.
  const firstRead =
    rels < 0 || strings < 0 ? -1 : names.findIndex((name, i) => i > Math.max(rels, strings) && isWorksheet(name))
  if (firstRead < 0 || partsBeforeSheets.every((part) => at(part) < firstRead)) return Readable.from([content])
  const ordered = new JSZip()
  const first = partsBeforeSheets.filter((part) => at(part) >= 0)
  for (const name of [...first, ...names.filter((name) => !first.includes(name))])
    ordered.file(name, zip.file(name)!.nodeStream())
  // Deflated, not stored: the streaming unzip now and then misread stored entries of unknown size.
  return ordered
    .generateNodeStream({ streamFiles: true, compression: 'DEFLATE', compressionOptions: { level: 1 } })
    .pipe(new PassThrough())
}

/** A cell's value as the text a person sees: dates as yyyy-mm-dd, formulas by their result. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) {
    const iso = value.toISOString()
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso
  }
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string }
    if (v.richText)
      return v.richText
        .map((part) => part.text)
        .join('')
        .trim()
    if ('result' in v) return cellText(v.result)
    if ('text' in v) return cellText(v.text)
    if (v.error) return v.error
    return ''
  }
  return String(value).trim()
}
