import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { readRows } from './read.ts'

/** A two-sheet workbook whose zip holds its parts in the order given (the rest after them). */
async function workbookWithPartsFirst(first: string[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Completions')
  sheet.addRow(['Name', 'Completion date'])
  sheet.addRow(['Cara Moss', new Date(Date.UTC(2024, 4, 1))])
  workbook.addWorksheet('Notes').addRow(['Not read'])
  const written = await JSZip.loadAsync(Buffer.from(await workbook.xlsx.writeBuffer()))
  const names = Object.keys(written.files).filter((name) => !written.files[name]!.dir)
  const repacked = new JSZip()
  for (const name of [...first, ...names.filter((name) => !first.includes(name))])
    repacked.file(name, await written.file(name)!.async('uint8array'))
  return repacked.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}

async function rowsOf(content: Buffer) {
  const rows = []
  for await (const row of readRows(content, 'xlsx')) rows.push(row)
  return rows
}

describe('reading an XLSX file', () => {
  const expected = [
    { line: 1, cells: ['Name', 'Completion date'] },
    { line: 2, cells: ['Cara Moss', '2024-05-01'] },
  ]

  it('reads the first worksheet, dates as dates, whatever the order of the parts in its zip', async () => {
    const orders = [
      ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml'],
      // The list of sheets after the worksheets, as ExcelJS's own writer sometimes leaves it (exceljs#962).
      ['xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/worksheets/sheet1.xml'],
      // The styles, which say the number is a date, after the first worksheet.
      ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml'],
      ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml'],
    ]
    for (const order of orders)
      assert.deepEqual(await rowsOf(await workbookWithPartsFirst(order)), expected, order.join(', '))
  })
})
