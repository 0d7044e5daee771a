import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { and, count, eq, isNull, sql } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { agencies } from '../src/modules/partnership/schema.ts'
import { agencyAliases, elearningCompletions, learners } from '../src/modules/learning/schema.ts'
import { auditLog } from '../src/platform/schema.ts'
import { appForSuite, demoEmail, type Session, type TestApp } from './helpers/app.ts'
import { parseCsv } from './helpers/csv.ts'
import { drivers } from './helpers/database.ts'
import { banner, errorSummary, tableColumn } from './helpers/html.ts'
import { multipart } from './helpers/multipart.ts'
import { idOf } from './helpers/records.ts'

/**
 * E-learning completions: the business unit imports the e-learning platform's export, sees every
 * problem before anything is saved, imports it once, matches the agency names the directory does
 * not know, and lists and downloads what is held.
 */
const base = '/learning/e-learning'
const header = 'Learner name,Email address,Organisation,Course,Date completed'

async function upload(session: Session, name: string, content: Buffer) {
  const response = await session.request({
    method: 'POST',
    url: `${base}/imports`,
    ...multipart({ _csrf: session.csrfToken }, { name, content }),
  })
  assert.equal(response.statusCode, 302, response.body)
  return response.headers.location as string
}

async function confirm(session: Session, batchPath: string) {
  const response = await session.post(`${batchPath}/apply`)
  assert.equal(response.statusCode, 302)
  return response.headers.location as string
}

async function completionCount(testApp: TestApp) {
  const [row] = await testApp.database.db
    .select({ n: count() })
    .from(elearningCompletions)
    .where(eq(elearningCompletions.partnershipId, testApp.partnershipId))
  return Number(row!.n)
}

const csv = (lines: string[]) => Buffer.from(`${[header, ...lines].join('\r\n')}\r\n`)

for (const driver of drivers) {
  describe(`e-learning completions import, on ${driver}`, () => {
    const app = appForSuite({ driver })
    let testApp: TestApp
    let officer: Session

    before(async () => {
      testApp = app()
      officer = await testApp.signIn(demoEmail['business-unit'])
    })

    it('an officer imports the platform’s CSV: previewed, confirmed once, and the same rows again add nothing', async () => {
      const held = await completionCount(testApp)
      const lines = [
        'Zara Quinn, Zara.Quinn@Oxfordshire.gov.uk ,Oxfordshire County Council,Neglect awareness,05/04/2019',
        'Yusuf Reid,yusuf.reid@tvp.example,Thames Valley Police,Neglect awareness,2019-06-30',
        'Zara Quinn,zara.quinn@oxfordshire.gov.uk,Oxfordshire County Council,NEGLECT AWARENESS,5/4/2019',
        'Xena Shaw,xena.shaw@charity.example,Banbury Young Carers,Safeguarding risks online,31 March 2020',
      ]
      const batchPath = await upload(officer, 'completions.csv', csv(lines))
      const preview = await officer.get(batchPath)
      assert.equal(preview.statusCode, 200)
      assert.match(preview.body, /Import 4 rows/)
      assert.match(preview.body, /1 row repeats a completion earlier in the file/)
      assert.match(preview.body, /1 agency name is not in the directory: Banbury Young Carers \(1 row\)/)
      assert.equal(await completionCount(testApp), held, 'nothing is saved before confirming')

      const done = await officer.get(await confirm(officer, batchPath))
      assert.match(done.body, /The file has been imported/)
      assert.equal(await completionCount(testApp), held + 3)
      const [zara] = await testApp.database.db
        .select()
        .from(learners)
        .where(
          and(eq(learners.partnershipId, testApp.partnershipId), eq(learners.email, 'zara.quinn@oxfordshire.gov.uk')),
        )
      assert.equal(zara?.name, 'Zara Quinn')
      assert.equal(zara?.agencyId, await idOf(testApp, agencies, 'Oxfordshire County Council'))

      const again = await officer.request({
        method: 'POST',
        url: `${base}/imports`,
        ...multipart({ _csrf: officer.csrfToken }, { name: 'copy.csv', content: csv(lines) }),
      })
      assert.equal(again.statusCode, 400)
      assert.match(again.body, /The selected file was already imported on/)

      // The same rows in another order are another file, and add nothing.
      const reordered = await upload(officer, 'reordered.csv', csv([...lines].reverse()))
      await confirm(officer, reordered)
      assert.equal(await completionCount(testApp), held + 3)
      const history = await officer.get(`${base}/imports`)
      assert.match(history.body, /0 rows added/)
    })

    it('one bad row stops the whole file, each problem named by line and column', async () => {
      const held = await completionCount(testApp)
      const batchPath = await upload(
        officer,
        'with-errors.csv',
        csv([
          'Will Tran,will.tran@school.example,Schools,Neglect awareness,01/05/2019',
          'Vic Ure,not-an-email,Schools,Neglect awareness,01/05/2019',
          'Una Vale,una.vale@school.example,Schools,Neglect awareness,31/02/2019',
          'Tom Wade,tom.wade@school.example,Schools,,01/05/2019',
          'Sue Xu,sue.xu@school.example,Schools,Neglect awareness,01/01/2099',
          'Rob Yeo,rob.yeo@school.example,Schools,Neglect awareness,12/31/2019',
        ]),
      )
      const page = await officer.get(batchPath)
      const caption = 'Errors in the file'
      assert.deepEqual(tableColumn(page.body, caption, 'Line'), ['3', '4', '5', '6', '7'])
      assert.deepEqual(tableColumn(page.body, caption, 'Column'), [
        'Email address',
        'Date completed',
        'Course',
        'Date completed',
        'Date completed',
      ])
      assert.deepEqual(tableColumn(page.body, caption, 'Problem'), [
        'Enter an email address in the correct format, like name@example.com',
        'Completion date must be a real date, like 31/03/2017',
        'Enter the module',
        'Completion date must be today or in the past',
        'Completion date must be a real date, like 31/03/2017',
      ])
      assert.doesNotMatch(page.body, /Import 6 rows/)
      const refused = await confirm(officer, batchPath)
      assert.match(refused, /refused=errors/)
      assert.equal(await completionCount(testApp), held, 'the good row was not imported either')
    })
  })
}

async function xlsxOf(rows: unknown[][]) {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Completions')
  for (const row of rows) sheet.addRow(row)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

describe('e-learning completions: spreadsheets, agency names and the list', () => {
  const app = appForSuite()
  let testApp: TestApp
  let officer: Session

  before(async () => {
    testApp = app()
    officer = await testApp.signIn(demoEmail['business-unit'])
  })

  it('reads an XLSX export: date cells, Excel serial numbers and its own header names', async () => {
    const held = await completionCount(testApp)
    const content = await xlsxOf([
      ['Full name', 'Work email', 'Employer', 'Module name', 'Completed on', 'Score'],
      [
        'Quinn Abbott',
        'quinn.abbott@nhs.example',
        'Oxford Health',
        'Neglect awareness',
        new Date(Date.UTC(2019, 9, 1)),
        92,
      ],
      ['Pia Burke', 'pia.burke@nhs.example', 'Oxford Health', 'Neglect awareness', 43800, 88],
    ])
    const batchPath = await upload(officer, 'export.xlsx', content)
    const preview = await officer.get(batchPath)
    assert.match(preview.body, /These columns are not used: Score/)
    assert.match(preview.body, /Import 2 rows/)
    await confirm(officer, batchPath)
    assert.equal(await completionCount(testApp), held + 2)
    const days = await testApp.database.db
      .select({ day: elearningCompletions.completedOn })
      .from(elearningCompletions)
      .innerJoin(learners, eq(learners.id, elearningCompletions.learnerId))
      .where(sql`${learners.email} in ('quinn.abbott@nhs.example', 'pia.burke@nhs.example')`)
      .orderBy(elearningCompletions.completedOn)
    assert.deepEqual(
      days.map((d) => d.day),
      ['2019-10-01', '2019-12-01'],
    )
  })

  it('lists agency names not in the directory; matching one updates its completions and later imports', async () => {
    const db = testApp.database.db
    const police = await idOf(testApp, agencies, 'Thames Valley Police')
    let page = await officer.get(`${base}/agencies`)
    assert.equal(page.statusCode, 200)
    const names = tableColumn(page.body, 'Agency names not in the directory', 'Name in the files')
    assert.ok(names.includes('TV Police'), names.join(', '))
    assert.ok(names.includes('Oxon Council'))
    assert.ok(!names.includes('oxford city council'), 'a name in other capitals matches the directory')

    const form = await officer.get(`${base}/agencies/match?name=TV%20Police`)
    assert.match(form.body, /Which agency is “TV Police”\?/)
    let response = await officer.post(`${base}/agencies/match?name=TV%20Police`, { name: 'TV Police', agencyId: '' })
    assert.equal(response.statusCode, 400)
    assert.deepEqual(errorSummary(response.body), ['agencyId: Select an agency from the list'])

    const unmatchedBefore = await db
      .select({ n: count() })
      .from(elearningCompletions)
      .where(and(eq(elearningCompletions.partnershipId, testApp.partnershipId), sql`lower(agency_name) = 'tv police'`))
    response = await officer.post(`${base}/agencies/match?name=TV%20Police`, { name: 'TV Police', agencyId: police })
    assert.equal(response.statusCode, 302)
    page = await officer.get(response.headers.location as string)
    const tvpCount = Number(unmatchedBefore[0]!.n)
    assert.equal(
      banner(page.body),
      `“TV Police” now matches Thames Valley Police: ${tvpCount} completions are counted for it, and later imports will match the name too.`,
    )
    assert.ok(!tableColumn(page.body, 'Agency names not in the directory', 'Name in the files').includes('TV Police'))
    const [left] = await db
      .select({ n: count() })
      .from(elearningCompletions)
      .where(
        and(
          eq(elearningCompletions.partnershipId, testApp.partnershipId),
          sql`lower(agency_name) = 'tv police'`,
          isNull(elearningCompletions.agencyId),
        ),
      )
    assert.equal(Number(left!.n), 0)
    const [alias] = await db.select().from(agencyAliases).where(eq(agencyAliases.alias, 'tv police'))
    assert.equal(alias?.agencyId, police)
    const audit = await db
      .select({ summary: auditLog.summary })
      .from(auditLog)
      .where(and(eq(auditLog.recordType, 'learning-agency-alias'), eq(auditLog.recordId, 'tv police')))
    assert.deepEqual(
      audit.map((a) => a.summary),
      ['Matched “TV Police” in e-learning completions to Thames Valley Police'],
    )

    // The next file says "tv police " and is matched without a note.
    const batchPath = await upload(
      officer,
      'next.csv',
      csv(['Nia Cole,nia.cole@tvp.example,tv police ,Neglect awareness,02/02/2020']),
    )
    const preview = await officer.get(batchPath)
    assert.doesNotMatch(preview.body, /not in the directory/)
    await confirm(officer, batchPath)
    const [nia] = await db
      .select({ agencyId: elearningCompletions.agencyId, name: elearningCompletions.agencyName })
      .from(elearningCompletions)
      .innerJoin(learners, eq(learners.id, elearningCompletions.learnerId))
      .where(eq(learners.email, 'nia.cole@tvp.example'))
    assert.deepEqual(nia, { agencyId: police, name: 'tv police' })
  })

  it('filters the list by reporting year, module, agency and name, and downloads what it shows', async () => {
    await confirm(
      officer,
      await upload(
        officer,
        'list.csv',
        csv([
          'Mia Dunn,mia.dunn@city.example,Oxford City Council,Prevent awareness,15/04/2021',
          'Leo Egan,leo.egan@city.example,Oxford City Council,Prevent awareness,20/03/2022',
          'Kai Ford,kai.ford@charity.example,Kidlington Scouts,Prevent awareness,10/06/2021',
          'Mia Dunn,mia.dunn@city.example,Oxford City Council,FGM awareness,16/04/2021',
        ]),
      ),
    )
    const page = await officer.get(`${base}?year=2021-22&module=prevent+awareness&sort=name&direction=asc`)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /3 completions|Showing 1 to 3 of 3 completions/)
    const caption = 'E-learning completions'
    assert.deepEqual(
      tableColumn(page.body, caption, 'Learner').map((text) => text.split(' ').slice(0, 2).join(' ')),
      ['Kai Ford', 'Leo Egan', 'Mia Dunn'],
    )
    assert.match(page.body, /<option value="2021-22" selected>2021\/22<\/option>/)

    const unmatched = await officer.get(`${base}?year=2021-22&agency=unmatched`)
    assert.deepEqual(tableColumn(unmatched.body, caption, 'Agency'), ['Kidlington Scouts Not matched'])
    const city = await idOf(testApp, agencies, 'Oxford City Council')
    const byAgency = await officer.get(`${base}?year=2021-22&agency=${city}&search=dunn`)
    assert.deepEqual(tableColumn(byAgency.body, caption, 'Module').sort(), ['FGM awareness', 'Prevent awareness'])

    const download = await officer.get(
      `${base}/completions.csv?year=2021-22&agency=${city}&sort=completed&direction=asc`,
    )
    assert.equal(download.statusCode, 200)
    const rows = parseCsv(download.body.replace(/^\ufeff/, ''))
    assert.deepEqual(rows, [
      ['Completion date', 'Name', 'Email', 'Module', 'Agency in the file', 'Directory agency'],
      [
        '2021-04-15',
        'Mia Dunn',
        'mia.dunn@city.example',
        'Prevent awareness',
        'Oxford City Council',
        'Oxford City Council',
      ],
      [
        '2021-04-16',
        'Mia Dunn',
        'mia.dunn@city.example',
        'FGM awareness',
        'Oxford City Council',
        'Oxford City Council',
      ],
      [
        '2022-03-20',
        'Leo Egan',
        'leo.egan@city.example',
        'Prevent awareness',
        'Oxford City Council',
        'Oxford City Council',
      ],
    ])
  })

  it('is for those who manage learning: it names learners', async () => {
    const reader = await testApp.signIn(demoEmail['read-only'])
    assert.equal((await reader.get(base)).statusCode, 403)
    assert.equal((await reader.get(`${base}/agencies`)).statusCode, 403)
    assert.equal((await reader.get(`${base}/imports`)).statusCode, 403)
    const events = await reader.get('/learning/events')
    assert.doesNotMatch(events.body, /href="\/learning\/e-learning"/, 'the sub-navigation does not offer it')
    const officerEvents = await officer.get('/learning/events')
    assert.match(officerEvents.body, /href="\/learning\/e-learning"/)
  })
})
