import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { and, asc, eq, getTableColumns } from 'drizzle-orm'
import { londonToday } from '../src/modules/assurance/surveys/responses.ts'
import {
  surveyAnswers,
  surveyQuestions,
  surveyResponses,
  surveys,
  voiceRecordAgencies,
  voiceRecords,
} from '../src/modules/assurance/voice-schema.ts'
import { agencies } from '../src/modules/partnership/schema.ts'
import { auditLog } from '../src/platform/schema.ts'
import { themeIdsNamed } from './builders/index.ts'
import { appForSuite, demoEmail, type Session, type TestApp } from './helpers/app.ts'
import { parseCsv } from './helpers/csv.ts'
import { errorSummary, formVersion, summaryListRows, textOf } from './helpers/html.ts'
import { idOf } from './helpers/records.ts'

/**
 * The voice of practitioners, children and families: records with their validation, and a survey
 * built, opened, answered anonymously through the public link, counted, closed and recorded as
 * evidence, with nothing kept that says who answered.
 */
describe('voice of practitioners, children and families', () => {
  const suite = appForSuite()
  let testApp: TestApp
  let officer: Session
  let board: Session
  const db = () => testApp.database.db

  before(async () => {
    testApp = suite()
    officer = await testApp.signIn(demoEmail['business-unit'])
    board = await testApp.signIn(demoEmail['board-member'])
  })

  const record = (fields: Record<string, string | string[]>) => ({
    title: 'Young carers on neglect',
    audience: 'children-and-young-people',
    ageBands: ['11-15'],
    method: 'focus-group',
    'heldOn-day': '12',
    'heldOn-month': '12',
    'heldOn-year': '2016',
    invited: '20',
    responses: '14',
    findings: '> “Nobody asked me.” (Amy, 13)',
    ...fields,
  })

  it('adds and changes a voice record, refusing what does not add up, each change audited', async () => {
    await officer.get('/assurance/voice/new')
    const [neglect] = await themeIdsNamed(db(), testApp.partnershipId, ['Neglect'])
    const bad = await officer.post(
      '/assurance/voice/new',
      record({ title: '', ageBands: [], responses: '25', 'heldOn-day': '31', 'heldOn-month': '2' }),
    )
    assert.equal(bad.statusCode, 400)
    assert.deepEqual(errorSummary(bad.body), [
      'title: Enter a title',
      'ageBands: Select the age bands of the children asked',
      'heldOn-day: Date it was held must be a real date',
      'responses: How many responded must not be more than how many were asked',
    ])
    const noAgencies = await officer.post('/assurance/voice/new', record({ audience: 'practitioners' }))
    assert.deepEqual(errorSummary(noAgencies.body), ['agencyIds: Select the agencies whose practitioners were asked'])

    const created = await officer.post('/assurance/voice/new', record({ themeIds: [neglect!] }))
    assert.equal(created.statusCode, 302)
    const href = (created.headers.location as string).split('?')[0]!
    const page = await board.get(href)
    assert.equal(page.statusCode, 200)
    const rows = summaryListRows(page.body)
    assert.equal(rows['Who was asked'], 'Children and young people (11 to 15)')
    assert.equal(rows.Themes, 'Neglect')
    assert.match(page.body, /<blockquote>\s*<p class="govuk-body">“Nobody asked me.” \(Amy, 13\)<\/p>/)

    // Practitioners of two partner agencies; the age bands asked of children are dropped.
    const health = await idOf(testApp, agencies, 'Oxford Health NHS Foundation Trust')
    const police = await idOf(testApp, agencies, 'Thames Valley Police')
    const form = await officer.get(`${href}/edit`)
    const changed = await officer.post(
      `${href}/edit`,
      record({ audience: 'practitioners', agencyIds: [health, police], version: formVersion(form.body) }),
    )
    assert.equal(changed.statusCode, 302)
    const id = href.split('/').pop()!
    const [saved] = await db().select().from(voiceRecords).where(eq(voiceRecords.id, id))
    assert.deepEqual(saved!.ageBands, [])
    assert.equal(saved!.audience, 'practitioners')
    assert.equal((await db().select().from(voiceRecordAgencies).where(eq(voiceRecordAgencies.recordId, id))).length, 2)
    const audit = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.recordType, 'voice-record'), eq(auditLog.recordId, id)))
      .orderBy(asc(auditLog.id))
    assert.deepEqual(
      audit.map((a) => a.action),
      ['created', 'updated'],
    )

    const list = await board.get('/assurance/voice?audience=practitioners&year=2016-17')
    assert.match(textOf(list.body), /Young carers on neglect/)
    assert.doesNotMatch(textOf(list.body), /Growing up in Oxfordshire/)
    assert.equal((await board.get('/assurance/voice/new')).statusCode, 403)
    const csv = parseCsv((await board.get('/assurance/voice.csv?audience=children-and-young-people')).body)
    assert.deepEqual(csv[0], ['Title', 'Who was asked', 'Method', 'Held on', 'Asked', 'Responses', 'Themes'])
    assert.ok(csv.some((row) => row[0] === 'Growing up in Oxfordshire: young people on neglect'))
  })

  it('runs a survey: built, opened, answered without signing in, counted, closed and recorded as evidence', async () => {
    await officer.get('/assurance/surveys/new')
    const year = Number(londonToday().slice(0, 4)) + 1
    const created = await officer.post('/assurance/surveys/new', {
      title: 'Thresholds in practice',
      introduction: 'Five minutes.',
      'closesOn-day': '30',
      'closesOn-month': '6',
      'closesOn-year': String(year),
    })
    assert.equal(created.statusCode, 302)
    const href = (created.headers.location as string).split('?')[0]!
    const id = href.split('/').pop()!
    const questions: Record<string, string>[] = [
      { kind: 'scale', text: 'I understand the thresholds document.', scaleLabels: 'No\nPartly\nYes', required: 'yes' },
      { kind: 'choice', text: 'Your agency', options: 'Health\nPolice\nEducation', required: 'yes' },
      { kind: 'text', text: 'Anything else?', required: 'no' },
    ]
    await officer.get(`${href}/questions/new`)
    const badChoice = await officer.post(`${href}/questions/new`, {
      kind: 'choice',
      text: 'Pick',
      options: 'Only one',
      required: 'yes',
    })
    assert.deepEqual(errorSummary(badChoice.body), ['options: Enter between 2 and 11 answers, one on each line'])
    for (const question of questions)
      assert.equal((await officer.post(`${href}/questions/new`, question)).statusCode, 302)

    const [survey] = await db().select().from(surveys).where(eq(surveys.id, id))
    assert.match(survey!.slug, /^[A-Za-z0-9_-]{43}$/)
    const link = `/survey/${survey!.slug}`
    const practitioner = await testApp.visitor({ remoteAddress: '10.9.9.9' })
    // A draft has no public page.
    assert.equal((await practitioner.get(link)).statusCode, 404)

    let page = await officer.get(href)
    assert.equal((await officer.post(`${href}/open`, { version: formVersion(page.body) })).statusCode, 302)
    const form = await practitioner.get(link)
    assert.equal(form.statusCode, 200)
    assert.match(form.body, /Thresholds in practice/)
    const bad = await practitioner.post(link, { q1: '4', q2: 'Fire service' })
    assert.equal(bad.statusCode, 400)
    assert.deepEqual(errorSummary(bad.body), [
      'q1: Select an answer to question 1 from the scale',
      'q2: Select an answer to question 2 from the list',
    ])
    for (const answers of [
      { q1: '3', q2: 'Health', q3: 'Thresholds are read differently by each agency.' },
      { q1: '3', q2: 'Police', q3: '' },
      { q1: '1', q2: 'Health' },
    ] as Record<string, string>[]) {
      const sent = await practitioner.post(link, answers)
      assert.equal(sent.statusCode, 302)
      assert.equal(sent.headers.location, `${link}/thanks`)
    }
    assert.equal((await practitioner.get(`${link}/thanks`)).statusCode, 200)

    // Nothing kept says who answered: the response is its survey and its day, and no audit row is written.
    assert.deepEqual(Object.keys(getTableColumns(surveyResponses)).sort(), [
      'id',
      'partnershipId',
      'receivedOn',
      'surveyId',
    ])
    assert.deepEqual(Object.keys(getTableColumns(surveyAnswers)).sort(), [
      'partnershipId',
      'questionId',
      'responseId',
      'value',
    ])
    const responses = await db().select().from(surveyResponses).where(eq(surveyResponses.surveyId, id))
    assert.equal(responses.length, 3)
    assert.ok(responses.every((r) => r.receivedOn === londonToday()))
    const responseAudit = await db()
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(eq(auditLog.recordId, responses[0]!.id))
    assert.equal(responseAudit.length, 0)

    // The board member reads the counts; the free text as written.
    page = await board.get(href)
    assert.equal(page.statusCode, 200)
    const text = textOf(page.body)
    assert.match(text, /3 responses/)
    assert.match(text, /Yes 2 67%/)
    assert.match(text, /No 1 33%/)
    assert.match(text, /Health 2 67%/)
    assert.match(text, /Thresholds are read differently by each agency\./)
    const [free] = await db()
      .select({ id: surveyQuestions.id })
      .from(surveyQuestions)
      .where(and(eq(surveyQuestions.surveyId, id), eq(surveyQuestions.number, 3)))
    assert.match(textOf((await board.get(`${href}/answers/${free!.id}`)).body), /Showing 1 to 1 of 1 answers/)
    const csv = parseCsv((await board.get(`${href}/responses.csv`)).body)
    assert.deepEqual(csv[0], [
      'Response',
      'Received on',
      '1. I understand the thresholds document.',
      '2. Your agency',
      '3. Anything else?',
    ])
    assert.deepEqual(
      csv
        .slice(1)
        .map((row) => row[2])
        .sort(),
      ['No', 'Yes', 'Yes'],
    )

    // Questions are fixed once open.
    assert.equal((await officer.post(`${href}/questions/${free!.id}/remove`, { confirm: 'yes' })).statusCode, 400)

    page = await officer.get(href)
    assert.equal((await officer.post(`${href}/close`, { version: formVersion(page.body) })).statusCode, 302)
    const closed = await practitioner.get(link)
    assert.match(closed.body, /This survey has closed/)
    const late = await practitioner.post(link, { q1: '2', q2: 'Health' })
    assert.match(late.body, /This survey has closed/)
    assert.equal((await db().select().from(surveyResponses).where(eq(surveyResponses.surveyId, id))).length, 3)

    await officer.get(`${href}/evidence`)
    const [thresholds] = await themeIdsNamed(db(), testApp.partnershipId, ['Thresholds'])
    const evidence = await officer.post(`${href}/evidence`, { themeIds: thresholds! })
    assert.equal(evidence.statusCode, 302)
    const [voice] = await db().select().from(voiceRecords).where(eq(voiceRecords.surveyId, id))
    assert.equal(voice!.responses, 3)
    assert.equal(voice!.audience, 'practitioners')
    assert.equal(voice!.method, 'survey')
  })

  it('refuses a survey past its closing day even while it is still open', async () => {
    const [neglectSurvey] = await db()
      .select()
      .from(surveys)
      .where(
        and(
          eq(surveys.partnershipId, testApp.partnershipId),
          eq(surveys.title, 'Escalation: practitioners’ experience'),
        ),
      )
    await db().update(surveys).set({ closesOn: '2017-01-01' }).where(eq(surveys.id, neglectSurvey!.id))
    const visitor = await testApp.visitor({ remoteAddress: '10.9.9.8' })
    const page = await visitor.get(`/survey/${neglectSurvey!.slug}`)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /This survey has closed/)
    await db().update(surveys).set({ closesOn: neglectSurvey!.closesOn }).where(eq(surveys.id, neglectSurvey!.id))
  })
})
