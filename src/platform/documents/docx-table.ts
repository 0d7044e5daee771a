import { AlignmentType, Paragraph, type ParagraphChild, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'

/**
 * Tables for Word: the header row marked as one (`tableHeader`, so Word repeats it on each page
 * and screen readers announce it as headings), numbers right-aligned, and the caption as a
 * Caption paragraph just before, since Word has no caption inside a table.
 */
export interface DocxRow {
  header: boolean
  cells: ParagraphChild[][]
  /** Per column: right-aligned (numbers). */
  right: boolean[]
}

/** The width of the text on an A4 page with inch margins, in twentieths of a point. */
export const textWidth = 9026

export function docxTable(rows: DocxRow[]): Table {
  const columns = Math.max(1, ...rows.map((row) => row.cells.length))
  const width = Math.floor(textWidth / columns)
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: Array.from({ length: columns }, () => width),
    rows: rows.map(
      (row) =>
        new TableRow({
          ...(row.header ? { tableHeader: true } : {}),
          cantSplit: true,
          children: Array.from(
            { length: columns },
            (_, index) =>
              new TableCell({
                width: { size: width, type: WidthType.DXA },
                margins: { top: 60, bottom: 60, left: 100, right: 100 },
                children: [
                  new Paragraph({
                    children: row.cells[index] ?? [],
                    alignment: row.right[index] ? AlignmentType.RIGHT : AlignmentType.LEFT,
                  }),
                ],
              }),
          ),
        }),
    ),
  })
}

export function captionParagraph(text: string) {
  return new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun(text)] })
}

/** A table of text: its caption, then the table with `head` as its header row. */
export function textTable(
  caption: string,
  head: string[],
  rows: (string | ParagraphChild)[][],
  numericColumns: number[],
): [Paragraph, Table] {
  const right = head.map((_, index) => numericColumns.includes(index))
  const cell = (value: string | ParagraphChild, bold = false) =>
    typeof value === 'string' ? [new TextRun({ text: value, bold })] : [value]
  return [
    captionParagraph(caption),
    docxTable([
      { header: true, cells: head.map((text) => cell(text, true)), right },
      ...rows.map((row) => ({ header: false, cells: row.map((value) => cell(value)), right })),
    ]),
  ]
}
