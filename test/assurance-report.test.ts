import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { assuranceFigures } from '../src/modules/assurance/figures/definitions.ts'
import { qualityAssuranceSection, sourcesParagraph } from '../src/modules/assurance/figures/section.ts'
import { computeFigure } from '../src/platform/figures.ts'
import { reportingYear } from '../src/platform/reporting-years.ts'
import { startingText } from '../src/platform/sections.ts'
import {
  insertAgency,
  insertAnswers,
  insertCaseAudit,
  insertCycle,
  insertFramework,
  insertVoiceRecord,
  themeIdsNamed,
} from './builders/index.ts'
import { demoEmail } from './helpers/app.ts'
import { parseCsv } from './helpers/csv.ts'
import { textOf } from './helpers/html.ts'
import { officerForSuite } from './helpers/records.ts'
import { demoReports, documentPart, moved, narrativeText, press } from './helpers/reports.ts'

/**
 * The quality assurance figures and section. Figures are worked out for a year no demo record is
 * in (2031/32), on hand-built returns, case audits and consultations, and each links to a list of
 * exactly what it counts (fewer for a reader outside a confidential record, never more). The section
 * is in the demo's 2016/17 annual report, the Performance, Audit and Quality Assurance subgroup's
 * report and, under that subgroup's heading, the cabinet paper, saying the seed paper's ¶14.
 */
const year = reportingYear(2031)

describe('the quality assurance figures and report section', () => {
  const shared = officerForSuite()
  const values = new Map<string, { value: number | null; link: string | null }>()

  before(async () => {
    const db = shared.testApp.database.db
    const pid = shared.testApp.partnershipId
    const [neglect, domestic] = await themeIdsNamed(db, pid, ['Neglect', 'Domestic abuse'])
    const s11 = await insertFramework(db, pid, { scale: 'rag' })
    const agencies = [await insertAgency(db, pid), await insertAgency(db, pid), await insertAgency(db, pid)]
    const { returns } = await insertCycle(db, pid, {
      versionId: s11.version.id,
      agencyIds: agencies.map((a) => a.id),
      startYear: 2031,
      returnStatus: 'moderated',
    })
    const grade = (grades: string[]) =>
      s11.criteria.map((c, i) => ({ criterionId: c.id, selfGrade: 'green', moderatedGrade: grades[i] }))
    await insertAnswers(db, pid, returns[0]!.id, grade(['green', 'green', 'amber', 'green']))
    await insertAnswers(db, pid, returns[1]!.id, grade(['green', 'red', 'green', 'green']))
    await insertCycle(db, pid, {
      versionId: s11.version.id,
      agencyIds: [agencies[0]!.id],
      startYear: 2031,
      status: 'planned',
    })
    const late = await insertAgency(db, pid)
    const draft = await insertCycle(db, pid, { versionId: s11.version.id, agencyIds: [late.id], startYear: 2031 })
    assert.equal(draft.returns[0]!.status, 'draft')

    const schools = await insertFramework(db, pid, { kind: 'schools', scale: 'met' })
    const schoolIds = []
    for (let i = 0; i < 4; i++) schoolIds.push((await insertAgency(db, pid, { type: 'school' })).id)
    await insertCycle(db, pid, {
      versionId: schools.version.id,
      agencyIds: schoolIds.slice(0, 3),
      startYear: 2031,
      returnStatus: 'submitted',
    })
    await insertCycle(db, pid, { versionId: schools.version.id, agencyIds: schoolIds.slice(3), startYear: 2031 })

    await insertCaseAudit(db, pid, {
      themeId: neglect!,
      heldOn: '2031-06-01',
      caseGrades: ['good', 'inadequate', 'inadequate'],
      learningPoints: [{ text: 'Chronologies were missing.', themeIds: [domestic!, neglect!] }],
    })
    await insertCaseAudit(db, pid, { themeId: domestic!, heldOn: '2032-03-31', caseGrades: ['requires-improvement'] })
    await insertCaseAudit(db, pid, { themeId: domestic!, heldOn: '2032-04-01', caseGrades: ['outstanding'] })
    await insertVoiceRecord(db, pid, { heldOn: '2031-09-01', responses: 100, themeIds: [neglect!] })
    await insertVoiceRecord(db, pid, { heldOn: '2031-10-01', responses: 30, audience: 'parents-and-carers' })

    for (const definition of assuranceFigures) {
      const figure = await computeFigure(db, 'assurance', definition, { partnershipId: pid, year })
      values.set(definition.key, { value: figure.value, link: figure.link })
    }
  })

  it('counts the year’s returns, case audits, cases and consultations, each linking to its records', () => {
    const expected: Record<string, number> = {
      's11-returns-due': 4,
      's11-returns-submitted': 3,
      's11-returns-moderated': 3,
      's11-agencies-meeting-every-standard': 1,
      'schools-returns-due': 4,
      'schools-returns-received': 3,
      'schools-return-rate': 75,
      'case-audits': 2,
      'cases-audited': 4,
      'cases-outstanding': 0,
      'cases-good': 1,
      'cases-requires-improvement': 1,
      'cases-inadequate': 2,
      'voice-records': 2,
      'voice-responses': 130,
      themes: 2,
    }
    assert.deepEqual(Object.fromEntries([...values].map(([key, f]) => [key, f.value])), expected)
    assert.equal(values.get('case-audits')?.link, '/assurance/figures/case-audits?year=2031-32')
    assert.equal(values.get('schools-return-rate')?.link, '/assurance/figures/schools-returns-received?year=2031-32')
  })

  it('lists exactly the records a figure counts, and fewer to a reader outside them', async () => {
    const { officer, testApp } = shared
    const page = await officer.get('/assurance/figures/s11-agencies-meeting-every-standard?year=2031-32')
    assert.equal(page.statusCode, 200)
    assert.match(textOf(page.body), /1 return\./)
    const csv = parseCsv((await officer.get('/assurance/figures/cases-audited.csv?year=2031-32')).body)
    assert.deepEqual(csv[0], ['Case audit', 'Case reference', 'Practice', 'Case audit id'])
    assert.equal(csv.length - 1, 4)
    const themes = await officer.get('/assurance/figures/themes?year=2031-32')
    assert.match(textOf(themes.body), /Neglect 1 1 2/)
    assert.equal((await officer.get('/assurance/figures/no-such-figure?year=2031-32')).statusCode, 404)

    const lead = await testApp.signIn(demoEmail['agency-lead'])
    const outside = await lead.get('/assurance/figures/case-audits?year=2031-32')
    assert.equal(outside.statusCode, 200)
    assert.ok(!outside.body.includes('/assurance/case-audits/'), 'no case audit listed')
    assert.match(textOf(outside.body), /There are no records for this figure in 2031\/32\./)
  })

  it('builds the section for the year: its tables, the grades chart and the quadrant, aggregates only', async () => {
    const { testApp } = shared
    const db = testApp.database.db
    const context = { partnershipId: testApp.partnershipId, year, group: null }
    const content = await qualityAssuranceSection.build(db, context)
    const captions = content.tables.map((t) => t.caption)
    assert.deepEqual(captions.slice(0, 4), [
      'Section 11 and schools’ audits, 2031/32',
      'Section 11 standards met by agency, 2031/32',
      'Surveys and consultations, 2031/32',
      'The most common themes across case audits, 2031/32',
    ])
    assert.deepEqual(content.tables[0]!.rows, [
      ['Section 11', 4, 3, 3],
      ['Schools’ safeguarding audit', 4, 3, 0],
    ])
    const neglect = content.tables.find((t) => t.caption === 'Quadrant of evidence: Neglect, 2031/32')
    assert.ok(neglect, captions.join('; '))
    assert.deepEqual(neglect.rows[1], ['Qualitative data', '1 case audit, 3 cases: 1 good, 2 inadequate'])
    assert.ok(!JSON.stringify(content).includes('CA-'), 'no case reference')
    assert.equal(content.charts[0]?.title, 'Practice in the cases audited, 2031/32')

    const words = await startingText(db, qualityAssuranceSection.narrative[0]!, context)
    assert.ok(words?.startsWith(sourcesParagraph))
    assert.match(words!, /Of the \{\{assurance\.s11-returns-due\}\} section 11 returns due in 2031\/32/)
    const empty = await startingText(db, qualityAssuranceSection.narrative[0]!, {
      ...context,
      year: reportingYear(2040),
    })
    assert.match(empty!, /There was no section 11 audit in 2040\/41\. .* No case audits were held in 2040\/41\./)
  })

  it('is in the 2016/17 annual report, the PAQA subgroup’s report and, under its heading, the cabinet paper', async () => {
    const { officer, testApp } = shared
    const { draft2016, qualityAssurance2016 } = await demoReports(testApp)
    for (const id of [draft2016, qualityAssurance2016]) {
      const page = await officer.get(`/reports/${id}`)
      assert.equal(page.statusCode, 200)
      assert.match(documentPart(page.body), /<h2[^>]*>Quality assurance<\/h2>/)
      assert.ok(narrativeText(page.body).includes(sourcesParagraph))
    }
    const chair = await testApp.signIn(demoEmail.chair)
    for (const reportId of [qualityAssurance2016, draft2016]) {
      await moved(await press(officer, reportId, 'submit'))
      await moved(await press(chair, reportId, 'approve'))
    }
    const paperUrl = `/reports/${draft2016}/cabinet-paper`
    const drafted = await officer.get(paperUrl)
    const version = drafted.body.match(
      new RegExp(`action="${paperUrl}/redraft"[\\s\\S]*?name="version" value="(\\d+)"`),
    )
    assert.ok(version, 'the paper can be drafted again')
    await moved(await officer.post(`${paperUrl}/redraft`, { version: version[1]! }))
    const paper = textOf((await officer.get(paperUrl)).body)
    const heading = paper.indexOf('The Performance, Audit and Quality Assurance subgroup annual report')
    assert.notEqual(heading, -1, 'the subgroup’s heading')
    assert.ok(paper.indexOf(sourcesParagraph) > heading, 'the seed paper’s ¶14, under the subgroup’s heading')
  })
})
