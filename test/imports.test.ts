import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { and, eq, sql } from 'drizzle-orm'
import { date, pgTable, serial, text, uuid } from 'drizzle-orm/pg-core'
import ExcelJS from 'exceljs'
import type { Database } from '../src/db/index.ts'
import { accountHolder } from '../src/platform/accounts/sessions.ts'
import { ValidationError } from '../src/platform/errors.ts'
import { checkFile } from '../src/platform/imports/check.ts'
import { defineImport, type ImportDefinition } from '../src/platform/imports/definition.ts'
import { importRoutes, insertInChunks } from '../src/platform/imports/index.ts'
import { checkImportJob } from '../src/platform/imports/job.ts'
import {
  applyImport,
  checkImport,
  checkInlineBytes,
  getImportBatch,
  ImportRefusedError,
  uploadImport,
} from '../src/platform/imports/service.ts'
import { startJobWorker } from '../src/platform/jobs/index.ts'
import type { Actor } from '../src/platform/permissions.ts'
import { auditLog } from '../src/platform/schema.ts'
import { appForSuite, demoEmail, type Session, type TestApp } from './helpers/app.ts'
import { parseCsv } from './helpers/csv.ts'
import { drivers } from './helpers/database.ts'
import { userByEmail } from './helpers/records.ts'
import { multipart } from './helpers/multipart.ts'

/**
 * The import pipeline, through a test-only import of training completions into a table the test
 * creates: read CSV and XLSX, report every row's problems, preview, apply once and all or nothing.
 */
const completions = pgTable('import_test_completions', {
  id: serial('id').primaryKey(),
  partnershipId: uuid('partnership_id').notNull(),
  name: text('name').notNull(),
  email: text('email').notNull(),
  completedOn: date('completed_on').notNull(),
  module: text('module'),
})

const createTable = sql`create table import_test_completions (
  id serial primary key, partnership_id uuid not null, name text not null, email text not null,
  completed_on date not null, module text, unique (partnership_id, email, completed_on, module))`

interface Completion {
  name: string
  email: string
  completedOn: string
  module: string | null
}

/** Set by a test to make apply() fail after writing this many rows. */
const failure = { afterRows: null as number | null }

function isoDate(text: string): string | null {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text)
  const iso = uk ? `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}` : text
  // 31/02 rolls over to March in Date.parse: the date must read back as written.
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : null
  return parsed && !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso) ? iso : null
}

type CompletionColumn = 'name' | 'email' | 'completedOn' | 'module'

const completionsImport = defineImport<Completion, CompletionColumn>({
  kind: 'test-completions',
  label: 'Test completions',
  columns: [
    { key: 'name', header: 'Name', required: true },
    { key: 'email', header: 'Email', aliases: ['Email address'], required: true },
    { key: 'completedOn', header: 'Completion date', aliases: ['Date completed'], required: true, hint: 'dd/mm/yyyy' },
    { key: 'module', header: 'Module' },
  ],
  parseRow(values) {
    const errors: { column: CompletionColumn; problem: string }[] = []
    if (!/^[^@\s]+@[^@\s]+$/.test(values.email))
      errors.push({ column: 'email', problem: 'Enter an email address in the correct format' })
    const completedOn = isoDate(values.completedOn)
    if (!completedOn) errors.push({ column: 'completedOn', problem: `${values.completedOn} is not a date` })
    if (errors.length) return { errors }
    return {
      row: {
        name: values.name,
        email: values.email.toLowerCase(),
        completedOn: completedOn!,
        module: values.module || null,
      },
    }
  },
  check(_db, _actor, rows) {
    const seen = new Map<string, number>()
    const errors = []
    for (const { line, row } of rows) {
      const key = `${row.email} ${row.completedOn} ${row.module}`
      const first = seen.get(key)
      if (first) errors.push({ line, column: 'email' as const, problem: `The same completion is on line ${first}` })
      else seen.set(key, line)
    }
    const modules = new Set(rows.map((r) => r.row.module).filter(Boolean))
    return { errors, notes: [`${modules.size} modules`] }
  },
  async apply(tx, actor, rows) {
    const values = rows.map((row) => ({ ...row, partnershipId: actor.partnershipId }))
    if (failure.afterRows !== null) {
      await insertInChunks(tx, completions, values.slice(0, failure.afterRows))
      throw new Error('The database went away half way')
    }
    const added = await insertInChunks(tx, completions, values, { skipConflicts: true })
    return { added, unchanged: rows.length - added }
  },
})

const header = 'Name,Email,Completion date,Module'
const goodCsv = [header, 'Ann Lee,ann@school.example,05/04/2024,Basics', 'Bob Roy,bob@school.example,2024-04-06,'].join(
  '\n',
)

const countRows = async (db: Database, partnershipId: string) =>
  (await db.select().from(completions).where(eq(completions.partnershipId, partnershipId))).length

async function xlsxOf(rows: unknown[][]) {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Completions')
  for (const row of rows) sheet.addRow(row)
  workbook.addWorksheet('Notes').addRow(['Not read'])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** A unique file each time: the same content would be refused once applied. */
let fileNumber = 0
const csvFile = (text: string) => ({ fileName: `completions-${++fileNumber}.csv`, content: Buffer.from(text) })

for (const driver of drivers) {
  describe(`imports, on ${driver}`, () => {
    const app = appForSuite({ driver, env: { UPLOAD_MAX_MB: '1' } })
    let testApp: TestApp
    let db: Database
    let officer: Actor
    let session: Session

    before(async () => {
      testApp = app()
      db = testApp.database.db
      await db.execute(createTable)
      await importRoutes(testApp.app, {
        basePath: '/test-imports',
        permission: 'directory:manage',
        definition: completionsImport as ImportDefinition<never>,
        title: 'Import test completions',
        backLink: { href: '/', text: 'Back' },
      })
      const user = await userByEmail(testApp.database, demoEmail['business-unit'])
      officer = accountHolder(user)
      session = await testApp.signIn(demoEmail['business-unit'])
    })

    /** Uploads and checks a file, as the upload page does for a small one. */
    async function uploaded(file: { fileName: string; content: Buffer }) {
      const { batchId } = await uploadImport(db, officer, completionsImport as ImportDefinition<unknown>, file)
      await checkImport(db, officer, completionsImport as ImportDefinition<unknown>, batchId)
      return getImportBatch(db, officer, completionsImport.kind, batchId)
    }
    const apply = (batchId: string) => applyImport(db, officer, completionsImport as ImportDefinition<unknown>, batchId)

    it('an officer imports a CSV file: checked, previewed, then applied and audited', async () => {
      const before = await countRows(db, officer.partnershipId)
      const batch = await uploaded(csvFile(`\ufeff${goodCsv}\n`))
      assert.equal(batch.status, 'checked')
      assert.equal(batch.format, 'csv')
      assert.equal(batch.totalRows, 2)
      assert.equal(batch.errorCount, 0)
      assert.deepEqual(batch.notes, ['1 modules'])
      assert.deepEqual(batch.preview?.headers, ['Name', 'Email', 'Completion date', 'Module'])
      assert.deepEqual(batch.preview?.rows[0], ['Ann Lee', 'ann@school.example', '05/04/2024', 'Basics'])
      assert.equal(await countRows(db, officer.partnershipId), before, 'nothing is written before confirming')

      assert.deepEqual(await apply(batch.id), { added: 2, unchanged: 0 })
      assert.equal(await countRows(db, officer.partnershipId), before + 2)
      const applied = await getImportBatch(db, officer, completionsImport.kind, batch.id)
      assert.equal(applied.status, 'applied')
      assert.equal(applied.appliedBy, officer.id)
      assert.deepEqual(applied.summary, { added: 2, unchanged: 0 })
      const audit = await db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.recordType, 'import'), eq(auditLog.recordId, batch.id)))
      assert.deepEqual(audit.map((a) => a.action).sort(), ['applied', 'uploaded'])
    })

    it('reads an XLSX file by its content, whatever its name: the first worksheet, dates as dates, headers by alias', async () => {
      const content = await xlsxOf([
        ['name', 'EMAIL ADDRESS', 'Date_completed', 'Module', 'Team'],
        ['Cara Moss', 'cara@school.example', new Date(Date.UTC(2024, 4, 1)), 'Neglect', 'North'],
        [],
        ['Dev Patel', { text: 'dev@school.example', hyperlink: 'mailto:dev@school.example' }, '02/05/2024', 'Neglect'],
      ])
      const batch = await uploaded({ fileName: 'completions.csv', content })
      assert.equal(batch.format, 'xlsx')
      assert.equal(batch.status, 'checked')
      assert.deepEqual(batch.errors, [])
      assert.equal(batch.totalRows, 2)
      assert.deepEqual(batch.notes, ['These columns are not used: Team', '1 modules'])
      assert.deepEqual(await apply(batch.id), { added: 2, unchanged: 0 })
      const [cara] = await db.select().from(completions).where(eq(completions.email, 'cara@school.example'))
      assert.equal(cara?.completedOn, '2024-05-01')
    })

    it('reports every problem by line and column, and nothing can be applied', async () => {
      const batch = await uploaded(
        csvFile(
          [
            header,
            'Ann Lee,not-an-email,05/04/2024,Basics',
            'Bob Roy,bob@school.example,31/02/2024,Basics',
            ',cara@school.example,01/05/2024,Basics',
            '"Dev, Patel",dev@school.example,01/05/2024',
            'Eve Stone,eve@school.example,=1+1,Basics',
          ].join('\r\n'),
        ),
      )
      assert.equal(batch.status, 'checked')
      assert.deepEqual(batch.errors, [
        { line: 2, column: 'Email', problem: 'Enter an email address in the correct format' },
        { line: 3, column: 'Completion date', problem: '31/02/2024 is not a date' },
        { line: 4, column: 'Name', problem: 'Enter the name' },
        { line: 5, column: null, problem: 'This row has 3 values but the header has 4 columns' },
        { line: 6, column: 'Completion date', problem: '=1+1 is not a date' },
      ])
      assert.equal(batch.errorCount, 5)
      await assert.rejects(apply(batch.id), (e) => e instanceof ImportRefusedError && e.reason === 'errors')

      // The error report downloads as CSV, a formula-looking cell made harmless.
      const response = await session.get(`/test-imports/${batch.id}/errors.csv`)
      assert.equal(response.statusCode, 200)
      const rows = parseCsv(response.body.replace(/^\ufeff/, ''))
      assert.deepEqual(rows[0], ['Line', 'Column', 'Problem'])
      assert.deepEqual(rows[5], ['6', 'Completion date', "'=1+1 is not a date"])
    })

    it('reports duplicates within the file from the whole-file check', async () => {
      const batch = await uploaded(
        csvFile(
          [header, 'Ann Lee,ann@dup.example,05/04/2024,Basics', 'Ann Lee,ann@dup.example,2024-04-05,Basics'].join('\n'),
        ),
      )
      assert.deepEqual(batch.errors, [{ line: 3, column: 'Email', problem: 'The same completion is on line 2' }])
    })

    it('fails a file without a required column, naming it', async () => {
      const batch = await uploaded(csvFile('Name,Module\nAnn Lee,Basics\n'))
      assert.equal(batch.status, 'failed')
      assert.deepEqual(batch.errors, [
        { line: 1, column: 'Email', problem: 'The file has no "Email" column' },
        { line: 1, column: 'Completion date', problem: 'The file has no "Completion date" column' },
      ])
    })

    it('refuses a file that is not CSV or XLSX, and an empty one', async () => {
      const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex')
      const refusal = (message: RegExp) => (e: unknown) =>
        e instanceof ValidationError && message.test(e.fieldErrors.file!)
      const definition = completionsImport as ImportDefinition<unknown>
      await assert.rejects(
        uploadImport(db, officer, definition, { fileName: 'photo.csv', content: png }),
        refusal(/must be a CSV or XLSX/),
      )
      await assert.rejects(
        uploadImport(db, officer, definition, { fileName: 'empty.csv', content: Buffer.alloc(0) }),
        refusal(/is empty/),
      )
      const broken = await uploaded({ fileName: 'broken.xlsx', content: Buffer.from('PK\x03\x04 not really a zip') })
      assert.equal(broken.status, 'failed')
      assert.match(broken.errors[0]!.problem, /could not be read as XLSX/)
    })

    it('applies all or nothing: a failure half way leaves no rows', async () => {
      const before = await countRows(db, officer.partnershipId)
      const lines = Array.from({ length: 20 }, (_, i) => `Person ${i},p${i}@all.example,01/06/2024,Basics`)
      const batch = await uploaded(csvFile([header, ...lines].join('\n')))
      failure.afterRows = 10
      try {
        await assert.rejects(apply(batch.id), /went away half way/)
      } finally {
        failure.afterRows = null
      }
      assert.equal(await countRows(db, officer.partnershipId), before)
      assert.equal((await getImportBatch(db, officer, completionsImport.kind, batch.id)).status, 'checked')
      // Nothing was lost: the same batch can be confirmed again.
      assert.deepEqual(await apply(batch.id), { added: 20, unchanged: 0 })
    })

    it('counts rows already held as unchanged', async () => {
      const first = await uploaded(csvFile([header, 'Kim Ode,kim@again.example,01/11/2024,Basics'].join('\n')))
      assert.deepEqual(await apply(first.id), { added: 1, unchanged: 0 })
      const second = await uploaded(
        csvFile(
          [header, 'Kim Ode,kim@again.example,01/11/2024,Basics', 'Lee Ray,lee@again.example,01/11/2024,Basics'].join(
            '\n',
          ),
        ),
      )
      assert.deepEqual(await apply(second.id), { added: 1, unchanged: 1 })
    })

    it('refuses the same file twice: once applied, a new upload says when', async () => {
      const file = csvFile([header, 'Fay Hart,fay@twice.example,01/07/2024,Basics'].join('\n'))
      const first = await uploaded(file)
      const second = await uploaded(file)
      await apply(first.id)
      await assert.rejects(apply(first.id), (e) => e instanceof ImportRefusedError && e.reason === 'applied')
      await assert.rejects(apply(second.id), (e) => e instanceof ImportRefusedError && e.reason === 'applied')
      await assert.rejects(
        uploadImport(db, officer, completionsImport as ImportDefinition<unknown>, file),
        (e) => e instanceof ValidationError && /already imported on .* by Tom Whitfield/.test(e.fieldErrors.file!),
      )
    })

    it('two confirms at once apply the file once', async () => {
      const before = await countRows(db, officer.partnershipId)
      const file = csvFile([header, 'Gil Ames,gil@race.example,01/08/2024,Basics'].join('\n'))
      const batch = await uploaded(file)
      const copy = await uploaded(file)
      const results = await Promise.allSettled([apply(batch.id), apply(batch.id), apply(copy.id)])
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1, JSON.stringify(results))
      for (const r of results)
        if (r.status === 'rejected') assert.ok(r.reason instanceof ImportRefusedError, String(r.reason))
      assert.equal(await countRows(db, officer.partnershipId), before + 1)
    })

    it('gives a definition with other columns their values by header, and its options to check and apply', async () => {
      const seen: { others: Record<string, string>[]; checked: unknown[]; applied: unknown[] } = {
        others: [],
        checked: [],
        applied: [],
      }
      const wide = defineImport<{ name: string }, 'name'>({
        kind: 'test-wide',
        label: 'Test wide',
        columns: [{ key: 'name', header: 'Name', required: true }],
        otherColumns: true,
        options: [
          {
            key: 'columns',
            label: 'Which columns to take',
            noneText: 'Every column',
            items: async () => [
              { value: 'a', text: 'Column A' },
              { value: 'b', text: 'Column B' },
            ],
          },
        ],
        parseRow(values, _line, others) {
          seen.others.push(others)
          return { row: { name: values.name } }
        },
        check(_db, _actor, _rows, options) {
          seen.checked.push(options)
          return {}
        },
        async apply(_tx, _actor, rows, batch) {
          seen.applied.push(batch.options)
          return { added: rows.length, unchanged: 0 }
        },
      })
      const definition = wide as ImportDefinition<unknown>
      const content = Buffer.from('B score,Name,a_score\nx1,Ann,y1\n')
      const { batchId } = await uploadImport(
        db,
        officer,
        definition,
        { fileName: 'wide.csv', content },
        { columns: ['b', 'b'] },
      )
      await checkImport(db, officer, definition, batchId)
      const batch = await getImportBatch(db, officer, wide.kind, batchId)
      assert.deepEqual(batch.notes, [], 'other columns are data, not unused')
      assert.deepEqual(batch.options, { columns: ['b'] })
      assert.deepEqual(seen.others, [{ 'B score': 'x1', a_score: 'y1' }])
      assert.deepEqual(Object.keys(seen.others[0]!), ['B score', 'a_score'], 'in file order')
      assert.deepEqual(seen.checked, [{ columns: ['b'] }])
      await applyImport(db, officer, definition, batchId)
      assert.deepEqual(seen.applied, [{ columns: ['b'] }])
      await assert.rejects(
        uploadImport(db, officer, definition, { fileName: 'wide2.csv', content }, { columns: ['c'] }),
        (e) => e instanceof ValidationError && e.fieldErrors.columns === 'Which columns to take: select from the list',
      )
      // Two other columns alike would be one value twice.
      const twice = await uploadImport(db, officer, definition, {
        fileName: 'twice.csv',
        content: Buffer.from('Name,Score,score\nAnn,1,2\n'),
      })
      await checkImport(db, officer, definition, twice.batchId)
      assert.deepEqual((await getImportBatch(db, officer, wide.kind, twice.batchId)).errors, [
        { line: 1, column: 'score', problem: 'Two columns are "score": remove one of them' },
      ])
    })

    it('checks a large file in the background, its progress counting up', async () => {
      const lines = Array.from(
        { length: 12_000 },
        (_, i) => `Person ${i},p${i}@large.example,01/09/2024,Module ${i % 7}`,
      )
      const content = Buffer.from([header, ...lines].join('\n'))
      assert.ok(content.length > checkInlineBytes)
      const seen: number[] = []
      await checkFile(
        db,
        officer,
        completionsImport as ImportDefinition<unknown>,
        { content, format: 'csv' },
        async (n) => {
          seen.push(n)
        },
      )
      assert.deepEqual(seen, [2000, 4000, 6000, 8000, 10000, 12000, 12000])

      const upload = await uploadImport(db, officer, completionsImport as ImportDefinition<unknown>, {
        fileName: 'large.csv',
        content,
      })
      assert.equal(upload.checkNow, false)
      const page = await session.get(`/test-imports/${upload.batchId}`)
      assert.match(page.body, /<meta http-equiv="refresh" content="2">/)
      assert.match(page.body, /Checked 0 rows so far/)

      const worker = startJobWorker(db, [checkImportJob], { pollMs: 3_600_000 })
      try {
        await worker.runDue()
      } finally {
        await worker.stop()
      }
      const batch = await getImportBatch(db, officer, completionsImport.kind, upload.batchId)
      assert.equal(batch.status, 'checked')
      assert.equal(batch.checkedRows, 12_000)
      assert.equal(batch.totalRows, 12_000)
      const started = Date.now()
      assert.deepEqual(await apply(batch.id), { added: 12_000, unchanged: 0 })
      assert.ok(Date.now() - started < 30_000)
    })
  })
}

describe('the import pages', () => {
  const app = appForSuite({ env: { UPLOAD_MAX_MB: '1' } })
  let testApp: TestApp
  let officer: Session

  before(async () => {
    testApp = app()
    await testApp.database.db.execute(createTable)
    await importRoutes(testApp.app, {
      basePath: '/test-imports',
      permission: 'directory:manage',
      definition: completionsImport as ImportDefinition<never>,
      title: 'Import test completions',
      backLink: { href: '/', text: 'Back' },
    })
    officer = await testApp.signIn(demoEmail['business-unit'])
  })

  const upload = (session: Session, file?: { name: string; content: Buffer }, csrf = session.csrfToken) =>
    session.request({ method: 'POST', url: '/test-imports', ...multipart({ _csrf: csrf }, file) })

  it('an officer uploads a file without JavaScript, sees the preview, confirms, and sees it in the history', async () => {
    const form = await officer.get('/test-imports')
    assert.equal(form.statusCode, 200)
    assert.match(form.body, /enctype="multipart\/form-data"/)
    assert.match(form.body, /Completion date/)

    const content = Buffer.from([header, 'Hal Moor,hal@pages.example,01/10/2024,Basics'].join('\n'))
    const posted = await upload(officer, { name: 'C:\\Users\\tom\\completions.csv', content })
    assert.equal(posted.statusCode, 302, posted.body)
    const batchPath = posted.headers.location as string

    const preview = await officer.get(batchPath)
    assert.equal(preview.statusCode, 200)
    assert.doesNotMatch(preview.body, /http-equiv="refresh"/)
    assert.match(preview.body, /<h1 class="govuk-heading-l">completions.csv<\/h1>/)
    assert.match(preview.body, /hal@pages.example/)
    assert.match(preview.body, /Import 1 row/)

    const applied = await officer.post(`${batchPath}/apply`)
    assert.equal(applied.statusCode, 302)
    assert.equal(applied.headers.location, `${batchPath}?imported=1`)
    const done = await officer.get(applied.headers.location as string)
    assert.match(done.body, /The file has been imported/)
    assert.doesNotMatch(done.body, /Import 1 row/)

    const again = await officer.post(`${batchPath}/apply`)
    assert.equal(again.headers.location, `${batchPath}?refused=applied`)
    assert.match((await officer.get(again.headers.location as string)).body, /already been imported/)

    const history = await officer.get('/test-imports')
    assert.match(history.body, /completions.csv/)
    assert.match(history.body, /1 row added by Tom Whitfield/)

    const twice = await upload(officer, { name: 'copy.csv', content })
    assert.equal(twice.statusCode, 400)
    assert.match(twice.body, /The selected file was already imported on/)
  })

  it('says what is wrong with the file chosen: none, not a spreadsheet, too large', async () => {
    const none = await upload(officer)
    assert.equal(none.statusCode, 400)
    assert.match(none.body, /Select a CSV or XLSX file/)
    assert.match(none.body, /<title>Error: /)

    const emptyChoice = await upload(officer, { name: '', content: Buffer.alloc(0) })
    assert.equal(emptyChoice.statusCode, 400)
    assert.match(emptyChoice.body, /Select a CSV or XLSX file/)

    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex')
    const picture = await upload(officer, { name: 'photo.png', content: png })
    assert.equal(picture.statusCode, 400)
    assert.match(picture.body, /The selected file must be a CSV or XLSX/)

    const big = await upload(officer, { name: 'big.csv', content: Buffer.alloc(1024 * 1024 + 10, 'a') })
    assert.equal(big.statusCode, 400)
    assert.match(big.body, /The selected file must be smaller than 1MB/)
  })

  it('keeps the CSRF check on uploads, and other forms still refuse multipart bodies', async () => {
    const content = Buffer.from([header, 'Ian Gray,ian@csrf.example,01/10/2024,Basics'].join('\n'))
    const forged = await upload(officer, { name: 'forged.csv', content }, 'not-the-token')
    assert.equal(forged.statusCode, 403)
    const elsewhere = await officer.request({
      method: 'POST',
      url: '/sign-out',
      ...multipart({ _csrf: officer.csrfToken }),
    })
    assert.equal(elsewhere.statusCode, 415)
  })

  it('is only for people with the permission the module gives it', async () => {
    const reader = await testApp.signIn(demoEmail['read-only'])
    assert.equal((await reader.get('/test-imports')).statusCode, 403)
    const content = Buffer.from([header, 'Jo King,jo@perm.example,01/10/2024,Basics'].join('\n'))
    assert.equal((await upload(reader, { name: 'x.csv', content })).statusCode, 403)
    const visitor = await testApp.visitor()
    assert.equal((await upload(visitor, { name: 'x.csv', content })).statusCode, 401)
  })
})
