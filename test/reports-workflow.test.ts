import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { and, eq, sql } from 'drizzle-orm'
import { groups } from '../src/modules/partnership/schema.ts'
import { reportNarratives } from '../src/modules/reports/schema.ts'
import { insertMembership, insertPerson } from './builders/index.ts'
import { appForSuite, demoEmail, type Session } from './helpers/app.ts'
import { banner, formValues, tableColumn, textOf } from './helpers/html.ts'
import { idOf } from './helpers/records.ts'
import {
  demoReports,
  docxHtml,
  documentPart,
  download,
  figureRow,
  giveReason,
  moved,
  narrativeText,
  press,
  reportAudit,
} from './helpers/reports.ts'

/**
 * A report's life: the business unit submits it, the chair returns it with comments or approves
 * it, which freezes a version, and it is published for everyone. What must be put right first is
 * listed; each person can do only their part; every move is in the audit log; and an approved
 * version says what it said, whatever happens to the records afterwards, until a correction is
 * approved and published as a new version.
 */

const section = 'partnership.structure'

describe('the 2016/17 report goes from draft to published', () => {
  const app = appForSuite()
  let officer: Session
  let chair: Session
  let reportId: string

  before(async () => {
    officer = await app().signIn(demoEmail['business-unit'])
    chair = await app().signIn(demoEmail.chair)
    reportId = (await demoReports(app())).draft2016
  })

  it('refuses the chair approval of a draft, and the business unit approval at all', async () => {
    const draft = await chair.get(`/reports/${reportId}`)
    assert.doesNotMatch(draft.body, />\s*Approve\s*</, 'no Approve button on a draft')
    const early = await chair.post(`/reports/${reportId}/approve`, { version: '1' })
    assert.equal(early.statusCode, 400)
    assert.match(textOf(early.body), /This report is draft: it cannot be approved now/)
    assert.equal((await officer.post(`/reports/${reportId}/approve`, { version: '1' })).statusCode, 403)
  })

  it('does not let the chair write the narrative', async () => {
    const editor = `/reports/${reportId}/sections/${section}`
    assert.equal((await chair.get(editor)).statusCode, 403)
    assert.equal((await chair.post(editor, { 'slot-changes': 'The chair’s words' })).statusCode, 403)
    assert.doesNotMatch((await chair.get(`/reports/${reportId}`)).body, /Write the narrative/)
  })

  it('the business unit submits it, and the narrative is closed while the chair has it', async () => {
    assert.equal(await moved(await press(officer, reportId, 'submit')), `/reports/${reportId}?moved=submitted`)
    const page = await officer.get(`/reports/${reportId}?moved=submitted`)
    assert.equal(banner(page.body), 'Report submitted')
    assert.match(page.body, /govuk-tag--blue">\s*Submitted to the chair/)
    assert.doesNotMatch(page.body, /Write the narrative/)
    const editor = await officer.get(`/reports/${reportId}/sections/${section}`)
    assert.equal(editor.statusCode, 400)
    assert.match(textOf(editor.body), /The narrative can be changed only while the report is a draft/)
  })

  it('the chair returns it with comments, which the business unit sees on the draft', async () => {
    const home = await chair.get('/')
    assert.match(
      home.body,
      /Reports waiting for your approval[\s\S]*Oxfordshire Safeguarding Children Board annual report 2016\/17/,
    )
    const refused = await giveReason(chair, reportId, 'return', '  ')
    assert.equal(refused.statusCode, 400)
    await moved(await giveReason(chair, reportId, 'return', 'Say how the subgroups report to the board.'))
    const page = await officer.get(`/reports/${reportId}`)
    assert.match(page.body, /govuk-tag--grey">\s*Draft/)
    assert.match(textOf(page.body), /The chair returned this report Say how the subgroups report to the board\./)
    assert.match(page.body, /Write the narrative/)
  })

  it('submitted again and approved, version 1 is frozen with the chair’s name', async () => {
    await moved(await press(officer, reportId, 'submit'))
    assert.doesNotMatch((await officer.get(`/reports/${reportId}`)).body, /The chair returned this report/)
    assert.equal(await moved(await press(chair, reportId, 'approve')), `/reports/${reportId}?moved=approved`)
    const page = await officer.get(`/reports/${reportId}`)
    assert.match(page.body, /govuk-tag--green">\s*Approved/)
    assert.match(textOf(documentPart(page.body)), /Version 1, approved by Helen Ashworth on \d{1,2} [A-Z][a-z]+ \d{4}/)
    assert.deepEqual(tableColumn(page.body, 'Approved versions', 'Published'), ['Not published'])
    const version = await officer.get(`/reports/${reportId}/versions/1`)
    assert.equal(version.statusCode, 200)
    assert.match(textOf(version.body), /Version 1, approved by Helen Ashworth/)
    assert.equal((await officer.get(`/reports/${reportId}/versions/2`)).statusCode, 404)
  })

  it('published, anyone reads it signed out', async () => {
    const visitor = await app().visitor()
    assert.equal((await visitor.get(`/published-reports/${reportId}`)).statusCode, 404, 'not public until published')
    assert.equal((await chair.post(`/reports/${reportId}/publish`, { version: '1' })).statusCode, 403)
    await moved(await press(officer, reportId, 'publish'))
    const published = await visitor.get(`/published-reports/${reportId}`)
    assert.equal(published.statusCode, 200)
    assert.match(textOf(documentPart(published.body)), /Oxfordshire Safeguarding Children Board annual report 2016\/17/)
    assert.match(textOf(documentPart(published.body)), /Version 1, approved by Helen Ashworth on .*; published on /)
    assert.match((await visitor.get('/published-reports')).body, /annual report 2016\/17<\/a>/)
  })

  it('has each move in the audit log, by the person who made it', async () => {
    assert.deepEqual(await reportAudit(app(), reportId), [
      'created by Demo data',
      'submitted by Tom Whitfield',
      'returned by Helen Ashworth',
      'submitted by Tom Whitfield',
      'approved by Helen Ashworth',
      'published by Tom Whitfield',
    ])
    const page = await officer.get(`/reports/${reportId}`)
    assert.match(
      textOf(page.body),
      /Returned with comments: Oxfordshire Safeguarding Children Board annual report 2016\/17/,
    )
  })
})

describe('a report with something to put right cannot be submitted or approved', () => {
  const app = appForSuite()
  let officer: Session
  let chair: Session
  let reportId: string
  const editor = () => `/reports/${reportId}/sections/${section}`

  before(async () => {
    officer = await app().signIn(demoEmail['business-unit'])
    chair = await app().signIn(demoEmail.chair)
    reportId = (await demoReports(app())).caseReview2016
  })

  it('refuses to submit, listing an empty required narrative and a figure that does not exist', async () => {
    const form = formValues((await officer.get(editor())).body)
    await moved(
      await officer.post(editor(), {
        ...form,
        'slot-introduction': '',
        'slot-changes': 'The subgroup met {{partnership.meetings-held}} times.',
      }),
    )
    const page = await officer.get(`/reports/${reportId}`)
    assert.match(textOf(page.body), /This report cannot be approved until these are put right:/)
    const refused = await press(officer, reportId, 'submit')
    assert.equal(refused.statusCode, 400)
    const text = textOf(refused.body)
    assert.match(text, /The board and its subgroups: Write the “How the partnership is organised and led” narrative/)
    assert.match(
      text,
      /The board and its subgroups: The “Changes during the year” narrative names a figure that does not exist: partnership.meetings-held/,
    )
    assert.ok(!(await reportAudit(app(), reportId)).some((a) => a.startsWith('submitted')))
  })

  it('refuses the chair approval when the narrative went wrong after it was submitted, listing what to fix', async () => {
    const form = formValues((await officer.get(editor())).body)
    await moved(
      await officer.post(editor(), {
        ...form,
        'slot-introduction': 'The subgroup reviews cases for the board.',
        'slot-changes': 'The subgroup met {{partnership.subgroup-members}} people.',
      }),
    )
    await moved(await press(officer, reportId, 'submit'))
    // While it waits for the chair, a figure it names is withdrawn (a module renames its figure)
    // and the required text is lost: the narrative is locked, so only the database can do this.
    const db = app().database.db
    await db
      .update(reportNarratives)
      .set({ markdown: 'The subgroup met {{partnership.subgroup-people}} people.' })
      .where(and(eq(reportNarratives.reportId, reportId), eq(reportNarratives.slot, 'changes')))
    await db
      .update(reportNarratives)
      .set({ markdown: '   ' })
      .where(and(eq(reportNarratives.reportId, reportId), eq(reportNarratives.slot, 'introduction')))

    const refused = await press(chair, reportId, 'approve')
    assert.equal(refused.statusCode, 400)
    const text = textOf(refused.body)
    assert.match(text, /Write the “How the partnership is organised and led” narrative/)
    assert.match(text, /names a figure that does not exist: partnership.subgroup-people/)
    const page = await chair.get(`/reports/${reportId}`)
    assert.match(page.body, /govuk-tag--blue">\s*Submitted to the chair/)
    assert.match(textOf(page.body), /This report cannot be approved until these are put right:/)

    // Returned, put right and submitted again, it is approved.
    await moved(await giveReason(chair, reportId, 'return', 'The introduction is missing.'))
    const fixed = formValues((await officer.get(editor())).body)
    await moved(
      await officer.post(editor(), {
        ...fixed,
        'slot-introduction': 'The subgroup reviews cases for the board.',
        'slot-changes': '',
      }),
    )
    await moved(await press(officer, reportId, 'submit'))
    await moved(await press(chair, reportId, 'approve'))
    assert.deepEqual(await reportAudit(app(), reportId), [
      'created by Demo data',
      'submitted by Tom Whitfield',
      'returned by Helen Ashworth',
      'submitted by Tom Whitfield',
      'approved by Helen Ashworth',
    ])
  })
})

describe('an approved version does not change when the records do', () => {
  const app = appForSuite()
  let officer: Session
  let chair: Session
  let visitor: Session
  let reportId: string

  before(async () => {
    officer = await app().signIn(demoEmail['business-unit'])
    chair = await app().signIn(demoEmail.chair)
    visitor = await app().visitor()
    reportId = (await demoReports(app())).draft2016
    await moved(await press(officer, reportId, 'submit'))
    await moved(await press(chair, reportId, 'approve'))
    await moved(await press(officer, reportId, 'publish'))
  })

  /** "People who sat on the board" as each place shows it. */
  const boardMembers = async (url: string, session = officer) => {
    const page = await session.get(url)
    assert.equal(page.statusCode, 200, url)
    const figure = figureRow(page.body, 'People who sat on the board').thisYear
    assert.match(narrativeText(page.body), new RegExp(`${figure} people sat on the Board during 2016/17`), url)
    return figure
  }

  it('keeps version 1, its downloads and the published report as approved after a board member is added', async () => {
    assert.equal(await boardMembers(`/reports/${reportId}`), '22')
    const board = await idOf(app(), groups, 'Oxfordshire Safeguarding Children Board')
    const person = await insertPerson(app().database.db, app().partnershipId, {
      name: 'Lena Latecomer',
      agencyId: null,
      email: null,
    })
    await insertMembership(app().database.db, app().partnershipId, {
      groupId: board,
      personId: person.id,
      startsOn: '2016-09-01',
    })
    const directory = await officer.get('/directory/people?onBoardIn=2016-17')
    assert.match(textOf(directory.body), /23 people/, 'the records now say 23')

    assert.equal(await boardMembers(`/reports/${reportId}`), '22')
    assert.equal(await boardMembers(`/reports/${reportId}/versions/1`), '22')
    assert.equal(await boardMembers(`/published-reports/${reportId}`, visitor), '22')
    const html = (await download(officer, `/reports/${reportId}/versions/1/download/html`, 'html')).toString()
    assert.match(textOf(html), /22 people sat on the Board during 2016\/17/)
    const word = await docxHtml(await download(visitor, `/published-reports/${reportId}/download/docx`, 'docx'))
    assert.match(word, /22 people sat on the Board during 2016\/17/)
    assert.doesNotMatch(word, /23 people/)
  })

  it('a correction shows the new value in the draft, and version 2 lists what changed', async () => {
    await moved(await giveReason(officer, reportId, 'correct', 'A board member was recorded late'))
    const draft = await officer.get(`/reports/${reportId}`)
    assert.match(textOf(draft.body), /Correction in progress: A board member was recorded late/)
    assert.equal(await boardMembers(`/reports/${reportId}`), '23')
    const editor = `/reports/${reportId}/sections/${section}`
    const form = formValues((await officer.get(editor)).body)
    await moved(
      await officer.post(editor, {
        ...form,
        'slot-changes': `${form['slot-changes']} One board member joined late in the year.`,
      }),
    )
    await moved(await press(officer, reportId, 'submit'))
    await moved(await press(chair, reportId, 'approve'))

    const version = await officer.get(`/reports/${reportId}/versions/2`)
    assert.equal(version.statusCode, 200)
    assert.match(textOf(version.body), /This version corrects version 1: A board member was recorded late/)
    assert.deepEqual(tableColumn(version.body, 'Figures that changed', 'Figure'), [
      'People who sat on the board',
      'Seats taken up on the board and subgroups',
    ])
    assert.deepEqual(tableColumn(version.body, 'Figures that changed', 'Version 1'), ['22', '8'])
    assert.deepEqual(tableColumn(version.body, 'Figures that changed', 'Version 2'), ['23', '9'])
    const changes = version.body.split('id="changes"')[1]!
    assert.match(changes, /The board and its subgroups: How the partnership is organised and led<\/h3>/)
    assert.match(changes, /<del>22<\/del><ins>23<\/ins> people sat on the Board/)
    assert.match(changes, /The board and its subgroups: Changes during the year<\/h3>/)
    assert.match(changes, /<ins>One board member joined late in the year.<\/ins>/)
    assert.equal(await boardMembers(`/reports/${reportId}/versions/1`), '22', 'version 1 as it was')
  })

  it('the public keeps reading version 1 until version 2 is published', async () => {
    assert.equal(await boardMembers(`/published-reports/${reportId}`, visitor), '22')
    await moved(await press(officer, reportId, 'publish'))
    assert.equal(await boardMembers(`/published-reports/${reportId}`, visitor), '23')
    assert.match(
      textOf((await visitor.get(`/published-reports/${reportId}`)).body),
      /Version 2, approved by Helen Ashworth/,
    )
    assert.deepEqual((await reportAudit(app(), reportId)).slice(-5), [
      'published by Tom Whitfield',
      'reopened by Tom Whitfield',
      'submitted by Tom Whitfield',
      'approved by Helen Ashworth',
      'published by Tom Whitfield',
    ])
  })

  it('the database refuses to change or delete an approved version', async () => {
    const db = app().database.db
    await assert.rejects(
      db.execute(sql`update report_versions set content = '{}'::jsonb where report_id = ${reportId}`),
      (error: Error & { cause?: Error }) =>
        /an approved version cannot be changed/.test(`${error.message} ${error.cause?.message ?? ''}`),
    )
    await assert.rejects(
      db.execute(sql`delete from report_versions where report_id = ${reportId}`),
      (error: Error & { cause?: Error }) =>
        /an approved version cannot be deleted/.test(`${error.message} ${error.cause?.message ?? ''}`),
    )
    assert.equal(await boardMembers(`/reports/${reportId}/versions/1`), '22')
  })
})
