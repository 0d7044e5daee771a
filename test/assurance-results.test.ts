import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { and, eq, inArray } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { registry } from '../src/app.ts'
import { actions } from '../src/modules/actions/schema.ts'
import { raiseAction } from '../src/modules/actions/service.ts'
import { auditAnswers, auditChallenges, auditCycles, auditReturns } from '../src/modules/assurance/audit-schema.ts'
import { seedDemoCycles } from '../src/modules/assurance/results/seed.ts'
import { agencies } from '../src/modules/partnership/schema.ts'
import { insertAgency, insertAnswers, insertCycle, insertFramework, insertPartnership } from './builders/index.ts'
import { builderActor } from './builders/names.ts'
import { appForSuite, demoEmail, type Session, type TestApp } from './helpers/app.ts'
import { parseCsv } from './helpers/csv.ts'
import { textOf } from './helpers/html.ts'

/**
 * A cycle's results worked by hand: section 11's matrix (each standard's lowest grade, moderated
 * where moderated, beside the self-grade and the previous cycle's), the standards most often below
 * the minimum and the actions arising; the schools' return rate, answers per question and follow-up;
 * the downloads; and the demo cycles' seed on a small partnership.
 */
describe('audit results', () => {
  const suite = appForSuite()
  let testApp: TestApp
  let officer: Session
  let board: Session
  let section11Id: string
  let schoolsId: string
  let returnIds: string[]
  const db = () => testApp.database.db

  before(async () => {
    testApp = suite()
    const pid = testApp.partnershipId
    officer = await testApp.signIn(demoEmail['business-unit'])
    board = await testApp.signIn(demoEmail['board-member'])
    const [a, b, c] = await Promise.all(
      ['Alpha Trust', 'Beta Police', 'Gamma Council'].map((name) => insertAgency(db(), pid, { name })),
    )
    const { version, criteria } = await insertFramework(db(), pid, {
      standards: [
        { title: 'Leadership', criteria: ['1a', '1b'] },
        { title: 'Recruitment', criteria: ['2a', '2b'] },
      ],
    })
    const [c1a, c1b, c2a, c2b] = criteria.map((x) => x.id) as [string, string, string, string]
    // Far-off years, so the demo's own cycles are neither this one's previous nor later.
    const earlier = await insertCycle(db(), pid, {
      versionId: version.id,
      agencyIds: [a!.id],
      startYear: 2029,
      dueOn: '2029-11-30',
      returnStatus: 'closed',
    })
    await insertAnswers(db(), pid, earlier.returns[0]!.id, [
      { criterionId: c1a, selfGrade: 'red', moderatedGrade: 'red' },
      { criterionId: c1b, selfGrade: 'green', moderatedGrade: 'green' },
      { criterionId: c2a, selfGrade: 'green', moderatedGrade: 'green' },
      { criterionId: c2b, selfGrade: 'green', moderatedGrade: 'green' },
    ])
    const { cycle, returns } = await insertCycle(db(), pid, {
      name: 'Section 11 2030/31',
      versionId: version.id,
      agencyIds: [a!.id, b!.id, c!.id],
      startYear: 2030,
      dueOn: '2030-11-30',
      returnStatus: 'moderated',
    })
    section11Id = cycle.id
    returnIds = returns.map((r) => r.id)
    const [ra, rb, rc] = [returns[0]!, returns[1]!, returns[2]!]
    const answersA = await insertAnswers(db(), pid, ra.id, [
      { criterionId: c1a, selfGrade: 'amber', moderatedGrade: 'amber' },
      { criterionId: c1b, selfGrade: 'green', moderatedGrade: 'green' },
      { criterionId: c2a, selfGrade: 'green', moderatedGrade: 'red', moderationReason: 'No checks recorded' },
      { criterionId: c2b, selfGrade: 'green', moderatedGrade: 'green' },
    ])
    await insertAnswers(db(), pid, rb.id, [
      { criterionId: c1a, selfGrade: 'red', moderatedGrade: 'red' },
      { criterionId: c1b, selfGrade: 'green', moderatedGrade: 'green' },
      { criterionId: c2a, selfGrade: 'green' },
      { criterionId: c2b, selfGrade: 'red' },
    ])
    await db().update(auditReturns).set({ status: 'draft' }).where(eq(auditReturns.id, rc.id))
    await insertAnswers(db(), pid, rc.id, [{ criterionId: c1a, selfGrade: 'red' }])
    await raiseAction(db(), builderActor(pid), {
      source: {
        type: 'audit-answer',
        id: answersA[2]!.id,
        label: 'Alpha Trust: criterion 2.1',
        href: `/assurance/returns/${ra.id}`,
      },
      description: 'Record every check in the single central record',
      ownerAgencyId: a!.id,
      dueOn: '2017-01-31',
    })

    // Schools: four, three returned; one answer moderated down.
    const schools = await Promise.all(
      [1, 2, 3, 4].map((n) => insertAgency(db(), pid, { name: `School ${n}`, type: 'school' })),
    )
    for (const [i, school] of schools.entries())
      await db()
        .update(agencies)
        .set({ urn: `10000${i + 1}` })
        .where(eq(agencies.id, school.id))
    const schoolsFramework = await insertFramework(db(), pid, {
      kind: 'schools',
      scale: 'met',
      standards: [{ title: 'Leadership', criteria: ['DSL named', 'Policy published', 'Governor trained'] }],
    })
    const [q1, q2, q3] = schoolsFramework.criteria.map((x) => x.id) as [string, string, string]
    const schoolCycle = await insertCycle(db(), pid, {
      name: 'Schools audit 2030/31',
      versionId: schoolsFramework.version.id,
      agencyIds: schools.map((s) => s.id),
      startYear: 2030,
      returnStatus: 'submitted',
    })
    schoolsId = schoolCycle.cycle.id
    const [s1, s2, s3, s4] = [0, 1, 2, 3].map((i) => schoolCycle.returns[i]!.id)
    const all = (grade: string) => [q1, q2, q3].map((criterionId) => ({ criterionId, selfGrade: grade }))
    await insertAnswers(db(), pid, s1!, all('fully-met'))
    await insertAnswers(db(), pid, s2!, [
      { criterionId: q1, selfGrade: 'fully-met', moderatedGrade: 'not-met', moderationReason: 'No DSL in post' },
      { criterionId: q2, selfGrade: 'partially-met' },
      { criterionId: q3, selfGrade: 'mostly-met' },
    ])
    await insertAnswers(db(), pid, s3!, all('mostly-met'))
    await db().update(auditReturns).set({ status: 'draft' }).where(eq(auditReturns.id, s4!))
  })

  it('shows each agency’s lowest grade per standard in words, against the previous cycle, ranked below the minimum', async () => {
    const page = await officer.get(`/assurance/cycles/${section11Id}/results`)
    assert.equal(page.statusCode, 200)
    const rows = [...page.body.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)].map((m) =>
      [...m[1]!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => textOf(c[1]!)),
    )
    const row = (name: string) => rows.find((r) => r[0]!.startsWith(name))!
    assert.deepEqual(row('Alpha Trust').slice(1), ['Amber Improved from Red', 'Red self: Green Down from Green'])
    assert.deepEqual(row('Beta Police').slice(1), ['Red New', 'Red not yet moderated New'])
    assert.deepEqual(row('Gamma Council').slice(1), ['Not submitted', 'Not submitted'])
    assert.ok(page.body.includes(`/assurance/returns/${returnIds[0]}`), 'the business unit opens the returns')
    // Below the minimum: Recruitment (two agencies) before Leadership (one).
    const ranking = rows.filter((r) => /^\d\. /.test(r[0]!)).map((r) => r.join(' | '))
    assert.deepEqual(ranking, ['2. Recruitment | 2 of 3 | 2', '1. Leadership | 1 of 3 | 1'])
    assert.match(textOf(page.body), /1 action: 0 complete, 1 overdue/)
    assert.match(textOf(page.body), /Record every check in the single central record .* Overdue/)
  })

  it('lets the board read the matrix without links to the returns', async () => {
    const page = await board.get(`/assurance/cycles/${section11Id}/results`)
    assert.equal(page.statusCode, 200)
    assert.match(textOf(page.body), /Alpha Trust/)
    for (const id of returnIds) assert.ok(!page.body.includes(id), 'no return id for a reader it does not name')
  })

  it('downloads one row per agency and standard as CSV and XLSX', async () => {
    const csv = await officer.get(`/assurance/cycles/${section11Id}/results.csv`)
    assert.equal(csv.statusCode, 200)
    const rows = parseCsv(csv.body)
    assert.deepEqual(rows[0]!.slice(0, 5), ['Agency', 'Standard number', 'Standard', 'Return', 'Self-grade'])
    assert.equal(rows.length, 1 + 3 * 2)
    assert.deepEqual(rows.find((r) => r[0] === 'Alpha Trust' && r[1] === '2')!.slice(4), [
      'Green',
      'Red',
      '2',
      '1',
      'Green',
      'Down from Green',
    ])
    const xlsx = await officer.get(`/assurance/cycles/${section11Id}/results.xlsx`)
    assert.equal(xlsx.statusCode, 200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    assert.equal(workbook.worksheets[0]!.rowCount, 7)
  })

  it('gives the schools’ return rate, each question’s answers and the schools needing follow-up', async () => {
    const page = await officer.get(`/assurance/cycles/${schoolsId}/results`)
    assert.equal(page.statusCode, 200)
    const text = textOf(page.body)
    assert.match(text, /3 of 4 schools returned \(75%\)/)
    // 1.1: fully met 1 (school 1), mostly 0, partially 0, not met 1 (school 2 moderated), of 2 answers… and school 3's mostly.
    assert.match(text, /1\.1 DSL named 1 \(33%\) 1 \(33%\) 0 \(0%\) 1 \(33%\) 3/)
    assert.match(text, /1\.2 Policy published 1 \(33%\) 1 \(33%\) 1 \(33%\) 0 \(0%\) 3/)
    assert.match(text, /Showing|2 schools/)
    const csv = parseCsv((await officer.get(`/assurance/cycles/${schoolsId}/results.csv?sort=school`)).body)
    assert.deepEqual(csv, [
      ['School', 'URN', 'Returned', 'Questions below the minimum'],
      ['School 2', '100002', 'Returned', '1.1, 1.2'],
      ['School 4', '100004', 'Not returned', ''],
    ])
    const questions = parseCsv((await officer.get(`/assurance/cycles/${schoolsId}/results/questions.csv`)).body)
    assert.deepEqual(questions[1], ['1.1', 'DSL named', '1', '1', '0', '1', '3'])
  })

  it('answers 404 for a cycle that is not there', async () => {
    assert.equal((await officer.get('/assurance/cycles/00000000-0000-4000-8000-000000000000/results')).statusCode, 404)
    assert.equal((await officer.get('/assurance/cycles/nonsense/results')).statusCode, 404)
  })

  it('seeds the demo cycles from the frameworks and agencies a partnership has', async () => {
    // Every partnership starts with the default frameworks (the frameworks part's seed runs first), so
    // its own seed has already written the small section 11 cycle over a few of its agencies.
    const { partnershipId: pid } = await insertPartnership(db())
    const actor = builderActor(pid)
    const context = { partnershipId: pid, actor, emailDomain: 'x.example', registry, bulk: false }
    const cyclesOf = () => db().select().from(auditCycles).where(eq(auditCycles.partnershipId, pid))
    const small = await cyclesOf()
    assert.deepEqual(
      small.map((c) => c.name),
      ['Section 11 2016/17'],
      'the small seed writes one section 11 cycle and no schools’ audit',
    )
    const smallReturns = await db().select().from(auditReturns).where(eq(auditReturns.cycleId, small[0]!.id))
    assert.ok(smallReturns.length >= 1 && smallReturns.length <= 3)
    for (let i = 0; i < 14; i++) await insertAgency(db(), pid, { name: `Seed school ${i}`, type: 'school' })
    // The schools part's small seed imported a few schools too: every school is invited.
    const schoolCount = (
      await db()
        .select()
        .from(agencies)
        .where(and(eq(agencies.partnershipId, pid), eq(agencies.type, 'school')))
    ).length

    // The full demo's shape, on the same partnership.
    await seedDemoCycles(db(), { ...context, bulk: true })
    const cycles = (await cyclesOf()).filter((c) => c.id !== small[0]!.id)
    const full = pid
    assert.deepEqual(cycles.map((c) => c.name).sort(), [
      'Schools’ safeguarding audit 2016/17',
      'Section 11 2014/15',
      'Section 11 2016/17',
    ])
    const current = cycles.find((c) => c.name === 'Section 11 2016/17')!
    const returns = await db().select().from(auditReturns).where(eq(auditReturns.cycleId, current.id))
    // Moderated, but for the one return waiting for its peer moderator (the demo's Grace Lindqvist).
    const waiting = returns.filter((r) => r.status !== 'moderated')
    assert.equal(waiting.length, 1)
    assert.equal(waiting[0]!.status, 'submitted')
    assert.ok(waiting[0]!.moderatorPersonId)
    const answers = await db()
      .select()
      .from(auditAnswers)
      .where(
        inArray(
          auditAnswers.returnId,
          returns.map((r) => r.id),
        ),
      )
    assert.equal(answers.filter((a) => a.moderatedGrade === 'red').length, 1, 'one red')
    const raised = await db()
      .select()
      .from(actions)
      .where(and(eq(actions.partnershipId, full), eq(actions.sourceType, 'audit-answer')))
    assert.ok(raised.length >= 2)
    assert.equal(raised.filter((a) => a.status !== 'complete' && a.dueOn < '2020-01-01').length, 1, 'one overdue')
    const asked = await db()
      .select()
      .from(auditChallenges)
      .where(
        inArray(
          auditChallenges.returnId,
          returns.map((r) => r.id),
        ),
      )
    assert.equal(asked.length, 1, 'one challenge, on the red')
    const schools = cycles.find((c) => c.name.startsWith('Schools'))!
    const schoolReturns = await db().select().from(auditReturns).where(eq(auditReturns.cycleId, schools.id))
    assert.equal(schoolReturns.length, schoolCount)
    assert.ok(schoolReturns.filter((r) => r.status === 'submitted').length >= schoolCount * 0.7, 'about 90% returned')
  })
})
