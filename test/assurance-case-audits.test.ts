import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { and, eq, inArray } from 'drizzle-orm'
import { caseAudits } from '../src/modules/assurance/case-audit-schema.ts'
import { agencies, people } from '../src/modules/partnership/schema.ts'
import { auditLog } from '../src/platform/schema.ts'
import { themeIdsNamed } from './builders/index.ts'
import { appForSuite, demoEmail, type Session, type TestApp } from './helpers/app.ts'
import { errorSummary, textOf } from './helpers/html.ts'

/**
 * Case audits (confidential) and the quality assurance settings: who sees an audit (its auditors,
 * the audit subgroup, the business unit; anyone else a 404 and nothing listed), each look audited,
 * the sample's grades and their distribution, learning points tagged with themes, recommendations
 * complete only with evidence, and the audit subgroup's change re-applied to every audit.
 */
describe('case audits', () => {
  const suite = appForSuite()
  let testApp: TestApp
  let unit: Session
  let lead: Session
  let member: Session
  let auditId: string
  const db = () => testApp.database.db
  const ids = async (table: typeof people | typeof agencies, names: string[]) => {
    const rows = await db()
      .select({ id: table.id, name: table.name })
      .from(table)
      .where(and(eq(table.partnershipId, testApp.partnershipId), inArray(table.name, names)))
    return names.map((name) => rows.find((r) => r.name === name)!.id)
  }
  const page = (path = '') => `/assurance/case-audits/${auditId}${path}`

  before(async () => {
    testApp = suite()
    unit = await testApp.signIn(demoEmail['business-unit'])
    lead = await testApp.signIn(demoEmail['agency-lead'])
    member = await testApp.signIn(demoEmail['subgroup-member'])
  })

  it('the demo has its three audits, the neglect one graded 1 good, 4 requiring improvement, 1 inadequate', async () => {
    const list = await unit.get('/assurance/case-audits')
    assert.equal(list.statusCode, 200)
    for (const title of [
      'Multi-agency neglect audit',
      'Adolescents at risk audit',
      'Domestic abuse single-agency audit',
    ])
      assert.match(list.body, new RegExp(title))
    const [neglect] = await db()
      .select({ id: caseAudits.id })
      .from(caseAudits)
      .where(
        and(eq(caseAudits.partnershipId, testApp.partnershipId), eq(caseAudits.title, 'Multi-agency neglect audit')),
      )
    const overview = textOf((await unit.get(`/assurance/case-audits/${neglect!.id}`)).body)
    assert.match(overview, /6 cases: 1 good, 4 requires improvement, 1 inadequate/)
    assert.match(overview, /Tackling neglect/)
  })

  it('is set up with auditors; an agency lead not named gets 404 everywhere and sees nothing listed', async () => {
    const [neglect] = await themeIdsNamed(db(), testApp.partnershipId, ['Neglect'])
    const [kate] = await ids(people, ['Detective Superintendent Kate Lyons'])
    const form = {
      title: 'Neglect dip sample',
      themeId: neglect!,
      scope: 'single-agency',
      status: 'in-progress',
      'heldOn-day': '3',
      'heldOn-month': '2',
      'heldOn-year': '2017',
      auditorIds: [kate!],
    }
    const refused = await unit.post('/assurance/case-audits/new', form)
    assert.deepEqual(errorSummary(refused.body), ['agencyId: Select the agency whose practice is audited'])
    const created = await unit.post('/assurance/case-audits/new', { ...form, scope: 'multi-agency' })
    assert.equal(created.statusCode, 302)
    auditId = created.headers.location!.split('/')[3]!.split('?')[0]!

    for (const path of ['', '/cases/new', '/learning/new', '/recommendations/new'])
      assert.equal((await lead.get(page(path))).statusCode, 404, path)
    assert.equal((await lead.get(page('/edit'))).statusCode, 403, 'setting up is the business unit’s')
    assert.doesNotMatch((await lead.get('/assurance/case-audits')).body, /Neglect dip sample/)
    assert.doesNotMatch((await lead.get('/assurance/case-audits.csv')).body, /Neglect dip sample/)
    // The subgroup member sits on the audit subgroup: they see it without being named.
    assert.equal((await member.get(page())).statusCode, 200)

    // Named as an auditor, the lead sees it, and the look is in the audit log.
    const [sam] = await ids(people, ['Sam Patel'])
    const edit = await unit.get(page('/edit'))
    const version = /name="version" value="(\d+)"/.exec(edit.body)![1]!
    assert.equal(
      (await unit.post(page('/edit'), { ...form, scope: 'multi-agency', version, auditorIds: [kate!, sam!] }))
        .statusCode,
      302,
    )
    assert.equal((await lead.get(page())).statusCode, 200)
    assert.match((await lead.get('/assurance/case-audits.csv')).body, /Neglect dip sample/)
    const views = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.recordType, 'case-audit'), eq(auditLog.recordId, auditId), eq(auditLog.action, 'view')))
    assert.ok(views.length >= 2)
  })

  it('an auditor records cases with each agency’s grade; the page gives the distribution', async () => {
    const [police, health] = await ids(agencies, ['Thames Valley Police', 'Oxford Health NHS Foundation Trust'])
    const bad = await lead.post(page('/cases/new'), {
      reference: 'DIP-01',
      grade: 'good',
      'agencyGrades-0-agencyId': police!,
    })
    assert.deepEqual(errorSummary(bad.body), ['agencyGrades-0-grade: Select the grade of the agency’s practice'])
    const named = await lead.post(page('/cases/new'), { reference: 'Jane Smith', grade: 'good' })
    assert.match(named.body, /Check for real names/, 'a name in the reference is warned about')
    for (const [reference, grade] of [
      ['DIP-01', 'good'],
      ['DIP-02', 'inadequate'],
      ['DIP-03', 'inadequate'],
    ] as const)
      assert.equal(
        (
          await lead.post(page('/cases/new'), {
            reference,
            grade,
            'agencyGrades-0-agencyId': police!,
            'agencyGrades-0-grade': 'good',
            'agencyGrades-1-agencyId': health!,
            'agencyGrades-1-grade': 'requires-improvement',
            'agencyGrades-1-comment': 'No chronology',
          })
        ).statusCode,
        302,
      )
    const overview = textOf((await lead.get(page())).body)
    assert.match(overview, /3 cases: 1 good, 2 inadequate/)
    assert.match(overview, /Oxford Health NHS Foundation Trust: Requires improvement No chronology/)
  })

  it('learning points need a theme and are tagged; a recommendation is complete only with evidence', async () => {
    const [neglect, curiosity] = await themeIdsNamed(db(), testApp.partnershipId, ['Neglect', 'Professional curiosity'])
    const untagged = await lead.post(page('/learning/new'), { text: 'Check what parents report' })
    assert.deepEqual(errorSummary(untagged.body), ['themeIds: Select at least one theme'])
    assert.equal(
      (await lead.post(page('/learning/new'), { text: 'Check what parents report', themeIds: [neglect!, curiosity!] }))
        .statusCode,
      302,
    )
    assert.match(textOf((await lead.get(page())).body), /Check what parents report Neglect Professional curiosity/)

    const [health] = await ids(agencies, ['Oxford Health NHS Foundation Trust'])
    const form = { text: 'Use the neglect toolkit', agencyId: health!, status: 'complete' }
    const refused = await lead.post(page('/recommendations/new'), form)
    assert.deepEqual(errorSummary(refused.body).sort(), [
      'completedOn-day: Enter the date it was completed',
      'evidence: Enter the evidence that the recommendation is complete',
    ])
    const done = {
      ...form,
      evidence: 'Toolkit in use',
      'completedOn-day': '1',
      'completedOn-month': '3',
      'completedOn-year': '2017',
    }
    assert.equal((await lead.post(page('/recommendations/new'), done)).statusCode, 302)
    assert.match(textOf((await lead.get(page())).body), /Completed on 1 March 2017 Evidence Toolkit in use/)
  })

  it('changing the audit subgroup re-applies every audit’s access, audited', async () => {
    const settings = await unit.get('/assurance/settings')
    assert.equal(settings.statusCode, 200)
    const version = /name="version" value="(\d+)"/.exec(settings.body)![1]!
    assert.equal((await unit.post('/assurance/settings', { version, auditGroupId: '' })).statusCode, 302)
    assert.equal((await member.get(page())).statusCode, 404, 'no longer in the audit subgroup’s sight')
    assert.equal((await lead.get(page())).statusCode, 200, 'an auditor still sees it')
    const [changed] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.recordType, 'assurance-settings'), eq(auditLog.action, 'updated')))
    assert.deepEqual(changed!.after, { auditGroup: 'None' })
    assert.equal((await lead.get('/assurance/settings')).statusCode, 403)
  })
})
