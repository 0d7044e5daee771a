import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { and, asc, eq } from 'drizzle-orm'
import { auditAnswers, auditReturns } from '../src/modules/assurance/audit-schema.ts'
import { returnRecordType } from '../src/modules/assurance/access.ts'
import { schoolLinkPurpose } from '../src/modules/assurance/returns/school-routes.ts'
import { agencies } from '../src/modules/partnership/schema.ts'
import { auditLog } from '../src/platform/schema.ts'
import { createSignedLink, revokeSignedLinks } from '../src/platform/signed-links.ts'
import {
  insertAgency,
  insertAnswers,
  insertCycle,
  insertFramework,
  insertPerson,
  insertUser,
} from './builders/index.ts'
import { appForSuite, demoEmail, type Session, type TestApp } from './helpers/app.ts'
import { errorSummary, textOf } from './helpers/html.ts'
import { multipart } from './helpers/multipart.ts'
import { idOf } from './helpers/records.ts'

/**
 * An agency's return: filled in a standard at a time (save as you go), submitted only when every
 * criterion is graded and every shortfall has an action, moderated with a reason for each changed
 * grade (the self-grade kept), challenged and answered; confidential to the agency's lead, its
 * moderator, the audit subgroup and the business unit; and a school's the same through its link.
 */
describe('audit returns', () => {
  const suite = appForSuite()
  let testApp: TestApp
  let officer: Session
  let lead: Session
  let health: string
  let other: { id: string; name: string }
  let fw: Awaited<ReturnType<typeof insertFramework>>
  const db = () => testApp.database.db
  const password = 'a long and good password for tests'
  const future = { 'dueOn-day': '31', 'dueOn-month': '3', 'dueOn-year': '2099' }

  before(async () => {
    testApp = suite()
    officer = await testApp.signIn(demoEmail['business-unit'])
    lead = await testApp.signIn(demoEmail['agency-lead'])
    health = await idOf(testApp, agencies, 'Oxford Health NHS Foundation Trust')
    other = await insertAgency(db(), testApp.partnershipId, { name: 'Thames Valley Police (test)' })
    fw = await insertFramework(db(), testApp.partnershipId, { scale: 'rag' })
  })

  const newReturn = async (agencyId = health, returnStatus: 'draft' | 'submitted' = 'draft') => {
    const { returns } = await insertCycle(db(), testApp.partnershipId, {
      versionId: fw.version.id,
      agencyIds: [agencyId],
      returnStatus,
    })
    return returns[0]!
  }
  const fields = (grades: (string | null)[], criteria = fw.standards[0]!.criteria) =>
    Object.fromEntries(
      criteria.flatMap((c, i) => [
        [`selfGrade-${c.id}`, grades[i] ?? ''],
        [`evidence-${c.id}`, grades[i] ? `Evidence for ${c.text}` : ''],
      ]),
    )
  const answersOf = (returnId: string) =>
    db().select().from(auditAnswers).where(eq(auditAnswers.returnId, returnId)).orderBy(asc(auditAnswers.createdAt))
  const statusOf = async (returnId: string) =>
    (await db().select().from(auditReturns).where(eq(auditReturns.id, returnId)))[0]!.status
  const audited = (returnId: string) =>
    db()
      .select({ action: auditLog.action, summary: auditLog.summary })
      .from(auditLog)
      .where(and(eq(auditLog.recordType, returnRecordType), eq(auditLog.recordId, returnId)))
      .orderBy(asc(auditLog.id))

  it('saves a standard as it is filled in, ungraded criteria allowed, and shows progress per standard', async () => {
    const ret = await newReturn()
    const base = `/assurance/returns/${ret.id}`
    const page = await lead.get(base)
    assert.equal(page.statusCode, 200)
    assert.match(textOf(page.body), /1\. Senior management commitment 0 of 2 graded Not started/)
    await lead.get(`${base}/standards/1`)
    const saved = await lead.post(`${base}/standards/1`, { ...fields(['green', null]), next: 'continue' })
    assert.equal(saved.statusCode, 302)
    assert.equal(saved.headers.location, `${base}/standards/2`)
    const answers = await answersOf(ret.id)
    assert.deepEqual(
      answers.map((a) => [a.selfGrade, a.evidence]),
      [['green', 'Evidence for Leaders champion safeguarding']],
    )
    assert.match(textOf((await lead.get(base)).body), /1 of 2 graded In progress/)
    const form = await lead.get(`${base}/standards/1`)
    assert.match(form.body, /value="green" checked/)
    const bad = await lead.post(`${base}/standards/1`, { ...fields(['purple', null]) })
    assert.equal(bad.statusCode, 400)
    assert.deepEqual(errorSummary(bad.body), [`selfGrade-${fw.standards[0]!.criteria[0]!.id}: Select a grade for 1.1`])
    const summaries = (await audited(ret.id)).map((a) => a.summary)
    assert.equal(summaries.filter((s) => s === 'Saved standard 1 of the return').length, 1, 'saved once, audited')
    assert.ok(summaries.includes('Viewed audit return (/assurance/returns/:id/standards/1)'), 'each view audited')
  })

  it('refuses to submit with ungraded criteria or shortfalls without actions, listing them; then submits', async () => {
    const ret = await newReturn()
    const base = `/assurance/returns/${ret.id}`
    await lead.get(`${base}/standards/1`)
    await lead.post(`${base}/standards/1`, fields(['green', 'amber']))
    const check = await lead.get(`${base}/submit`)
    assert.equal(check.statusCode, 200)
    const refused = await lead.post(`${base}/submit`)
    assert.equal(refused.statusCode, 400)
    assert.deepEqual(errorSummary(refused.body), [
      'ungraded: 2.1 Checks before starting, 2.2 Allegations managed have no grade',
      'needAction: 1.2 Safeguarding is in the plan is below the top grade and has no action',
    ])
    await lead.get(`${base}/standards/2`)
    await lead.post(`${base}/standards/2`, fields(['green', 'green'], fw.standards[1]!.criteria))
    const amber = (await answersOf(ret.id)).find((a) => a.selfGrade === 'amber')!
    const actionForm = await lead.get(`${base}/answers/${amber.id}/actions/new`)
    assert.equal(actionForm.statusCode, 200)
    assert.match(actionForm.body, new RegExp(`<option value="${health}" selected>`), 'the return’s agency owns it')
    const added = await lead.post(`${base}/answers/${amber.id}/actions/new`, {
      description: 'Put safeguarding in the business plan',
      ownerAgencyId: health,
      ...future,
    })
    assert.equal(added.statusCode, 302, errorSummary(added.body).join())
    assert.match(textOf((await lead.get(base)).body), /Put safeguarding in the business plan/)
    await lead.get(`${base}/submit`)
    const submitted = await lead.post(`${base}/submit`)
    assert.equal(submitted.statusCode, 302)
    assert.equal(await statusOf(ret.id), 'submitted')
    assert.ok((await audited(ret.id)).some((a) => a.summary.startsWith('Submitted the return')))
    // Submitted: no more filling in, and no second submission. Not a refusal: the return's page says why.
    for (const response of [await lead.get(`${base}/standards/1`), await lead.post(`${base}/submit`)]) {
      assert.equal(response.statusCode, 303)
      assert.equal(response.headers.location, `${base}?notice=not-draft`)
    }
    assert.match(
      textOf((await lead.get(`${base}?notice=not-draft`)).body),
      /This return has been submitted: it can no longer be changed/,
    )
  })

  it('attaches evidence by content type and size, downloads it audited, removes it while a draft', async () => {
    const ret = await newReturn()
    const base = `/assurance/returns/${ret.id}`
    await lead.get(`${base}/standards/1`)
    await lead.post(`${base}/standards/1`, fields(['green', null]))
    const [answer] = await answersOf(ret.id)
    const upload = `${base}/answers/${answer!.id}/attachments`
    const send = (name: string, content: Buffer) => {
      const form = multipart({ _csrf: lead.csrfToken }, { name, content, type: 'application/pdf' })
      return lead.request({ method: 'POST', url: upload, ...form })
    }
    assert.equal((await lead.get(upload)).statusCode, 200)
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')
    const ok = await send('safeguarding policy.pdf', pdf)
    assert.equal(ok.statusCode, 302, errorSummary(ok.body).join())
    const program = await send('evidence.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]))
    assert.equal(program.statusCode, 400)
    assert.match(errorSummary(program.body).join(), /^file: The selected file must be a PDF, Word document/)
    const large = await send(
      'big.pdf',
      Buffer.concat([pdf, Buffer.alloc(testApp.config.attachmentMaxBytes + 10, 0x20)]),
    )
    assert.equal(large.statusCode, 400)
    assert.match(errorSummary(large.body).join(), /^file: The selected file must be smaller than/)
    const page = await lead.get(base)
    const href = page.body.match(/href="(\/assurance\/returns\/[^"]+\/attachments\/[0-9a-f-]{36})"/)?.[1]
    assert.ok(href, 'the return lists the file')
    const download = await lead.get(href)
    assert.equal(download.statusCode, 200)
    assert.equal(download.headers['content-type'], 'application/pdf')
    assert.match(String(download.headers['content-disposition']), /^attachment; filename="safeguarding policy.pdf"/)
    assert.equal(download.headers['cache-control'], 'no-store')
    assert.equal(download.headers['x-content-type-options'], 'nosniff')
    assert.ok((await audited(ret.id)).some((a) => a.action === 'download'))
    // Another return's address does not reach the file, and another agency's lead nothing.
    const elsewhere = await newReturn()
    assert.equal((await officer.get(href.replace(ret.id, elsewhere.id))).statusCode, 404)
    const theirs = await newReturn(other.id)
    assert.equal((await lead.get(href.replace(ret.id, theirs.id))).statusCode, 404)
    await lead.get(upload)
    assert.equal((await lead.post(`${href}/remove`)).statusCode, 302)
    assert.equal((await lead.get(href)).statusCode, 404)
  })

  it('shows an agency lead no other agency’s return by any address', async () => {
    const theirs = await newReturn(other.id, 'submitted')
    const [answer] = await insertAnswers(db(), testApp.partnershipId, theirs.id, [
      { criterionId: fw.criteria[0]!.id, selfGrade: 'amber' },
    ])
    const base = `/assurance/returns/${theirs.id}`
    await officer.get(`${base}/challenges/new`)
    await officer.post(`${base}/challenges/new`, { question: 'What is the plan?' })
    const gets = [
      base,
      `${base}/standards/1`,
      `${base}/submit`,
      `${base}/moderate/1`,
      `${base}/challenges/new`,
      `${base}/answers/${answer!.id}/actions/new`,
    ]
    for (const url of gets) assert.equal((await lead.get(url)).statusCode, 404, url)
    for (const url of [...gets.slice(1), `${base}/moderated`])
      assert.equal((await lead.post(url, {})).statusCode, 404, `POST ${url}`)
    // The business unit's own pages refuse an agency lead whatever the return.
    for (const url of [`${base}/moderator`, `${base}/close`])
      assert.equal((await lead.post(url, {})).statusCode, 403, url)
    assert.equal((await officer.get(base)).statusCode, 200)
  })

  it('moderates: a changed grade needs a reason, the self-grade is kept; then moderated and closed', async () => {
    const ret = await newReturn(health, 'submitted')
    const [first, second, third, fourth] = fw.criteria
    await insertAnswers(db(), testApp.partnershipId, ret.id, [
      { criterionId: first!.id, selfGrade: 'green' },
      { criterionId: second!.id, selfGrade: 'green' },
      { criterionId: third!.id, selfGrade: 'amber' },
      { criterionId: fourth!.id, selfGrade: 'green' },
    ])
    const base = `/assurance/returns/${ret.id}`
    // The agency's own lead cannot moderate it.
    assert.equal((await lead.get(`${base}/moderate/1`)).statusCode, 403)
    await officer.get(`${base}/moderate/1`)
    const noReason = await officer.post(`${base}/moderate/1`, {
      [`decision-${first!.id}`]: 'agree',
      [`decision-${second!.id}`]: 'amber',
      [`reason-${second!.id}`]: '',
    })
    assert.equal(noReason.statusCode, 400)
    assert.deepEqual(errorSummary(noReason.body), [
      `reason-${second!.id}: Enter the reason for the moderated grade of 1.2 Safeguarding is in the plan`,
    ])
    assert.match(noReason.body, /value="amber" checked/, 'the moderator’s choice is kept')
    await officer.post(`${base}/moderate/1`, {
      [`decision-${first!.id}`]: 'agree',
      [`decision-${second!.id}`]: 'amber',
      [`reason-${second!.id}`]: 'The plan does not name safeguarding',
    })
    const refused = await officer.post(`${base}/moderated`)
    assert.equal(refused.statusCode, 400)
    assert.match(
      textOf(refused.body),
      /2\.1 Checks before starting, 2\.2 Allegations managed have no moderated grade yet/,
    )
    await officer.get(`${base}/moderate/2`)
    await officer.post(`${base}/moderate/2`, {
      [`decision-${third!.id}`]: 'agree',
      [`decision-${fourth!.id}`]: 'agree',
    })
    const answers = await answersOf(ret.id)
    const changed = answers.find((a) => a.criterionId === second!.id)!
    assert.deepEqual(
      [changed.selfGrade, changed.moderatedGrade, changed.moderationReason],
      ['green', 'amber', 'The plan does not name safeguarding'],
    )
    const page = textOf((await officer.get(base)).body)
    assert.match(page, /1\.2 Safeguarding is in the plan Green Amber The plan does not name safeguarding/)
    assert.match(page, /1\.1 Leaders champion safeguarding Green Green Agreed/)
    assert.equal((await officer.post(`${base}/close`)).statusCode, 400, 'not moderated yet')
    assert.equal((await officer.post(`${base}/moderated`)).statusCode, 302)
    assert.equal(await statusOf(ret.id), 'moderated')
    assert.equal((await officer.post(`${base}/close`)).statusCode, 302)
    assert.equal(await statusOf(ret.id), 'closed')
  })

  it('names a moderator from another agency only, who then moderates and asks; the agency answers', async () => {
    const ret = await newReturn(health, 'submitted')
    const base = `/assurance/returns/${ret.id}`
    const sameAgency = await insertPerson(db(), testApp.partnershipId, { agencyId: health })
    const peer = await insertPerson(db(), testApp.partnershipId, { agencyId: other.id })
    const peerUser = await insertUser(db(), testApp.partnershipId, {
      roles: ['agency-lead'],
      agencyId: other.id,
      personId: peer.id,
      password,
    })
    const moderator = await testApp.signIn(peerUser.email, password)
    assert.equal((await moderator.get(base)).statusCode, 404, 'not named yet')
    await officer.get(`${base}/moderator`)
    const refused = await officer.post(`${base}/moderator`, { version: '1', moderatorPersonId: sameAgency.id })
    assert.equal(refused.statusCode, 400)
    assert.match(errorSummary(refused.body).join(), /Select a person from another agency/)
    assert.equal(
      (await officer.post(`${base}/moderator`, { version: '1', moderatorPersonId: peer.id })).statusCode,
      302,
    )
    // A form opened before that change (or none at all) does not undo it.
    assert.equal((await officer.post(`${base}/moderator`, { version: '1', moderatorPersonId: '' })).statusCode, 409)
    assert.equal((await officer.post(`${base}/moderator`, {})).statusCode, 400)
    assert.equal((await moderator.get(base)).statusCode, 200)
    // The moderator, an agency lead elsewhere, does not fill in this agency's return.
    assert.equal((await moderator.get(`${base}/challenges/new`)).statusCode, 200)
    const asked = await moderator.post(`${base}/challenges/new`, {
      question: 'How do you know the training reached night staff?',
      criterionId: fw.criteria[2]!.id,
    })
    assert.equal(asked.statusCode, 302)
    const page = await lead.get(base)
    const challengeId = page.body.match(/challenges\/([0-9a-f-]{36})\/answer/)?.[1]
    assert.ok(challengeId, 'the agency is offered the answer form')
    await lead.get(`${base}/challenges/${challengeId}/answer`)
    assert.equal(
      (await lead.post(`${base}/challenges/${challengeId}/answer`, { answer: 'The rota shows it' })).statusCode,
      302,
    )
    assert.equal((await moderator.get(`${base}/challenges/${challengeId}/answer`)).statusCode, 403)
    const text = textOf((await officer.get(base)).body)
    assert.match(
      text,
      /2\.1 Checks before starting Question: How do you know the training reached night staff\? Asked by/,
    )
    assert.match(text, /Answer: The rota shows it Answered by/)
  })

  it('lets a school fill in and submit through its link, on the public site; an expired link is not valid', async () => {
    const school = await insertAgency(db(), testApp.partnershipId, { name: 'Cherwell Primary School (test)' })
    const schools = await insertFramework(db(), testApp.partnershipId, { kind: 'schools', scale: 'met' })
    const { returns } = await insertCycle(db(), testApp.partnershipId, {
      versionId: schools.version.id,
      agencyIds: [school.id],
    })
    const ret = returns[0]!
    const token = await createSignedLink(db(), {
      partnershipId: testApp.partnershipId,
      purpose: schoolLinkPurpose,
      recordType: returnRecordType,
      recordId: ret.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    const visitor = await testApp.visitor()
    const base = `/school-audit/${token}`
    const page = await visitor.get(base)
    assert.equal(page.statusCode, 200)
    assert.match(textOf(page.body), /Cherwell Primary School \(test\)/)
    assert.doesNotMatch(page.body, /Sign out/)
    for (const standard of schools.standards) {
      await visitor.get(`${base}/standards/${standard.number}`)
      const saved = await visitor.post(
        `${base}/standards/${standard.number}`,
        fields(['fully-met', 'partially-met'], standard.criteria),
      )
      assert.equal(saved.statusCode, 302)
    }
    await visitor.get(`${base}/submit`)
    const submitted = await visitor.post(`${base}/submit`)
    assert.equal(submitted.statusCode, 302, errorSummary(submitted.body).join() || textOf(submitted.body).slice(0, 400))
    assert.equal(await statusOf(ret.id), 'submitted')
    // The business unit follows a school up: its actions' owner is the school unless changed.
    const shortfall = (await answersOf(ret.id)).find((a) => a.selfGrade === 'partially-met')!
    const schoolAction = await officer.get(`/assurance/returns/${ret.id}/answers/${shortfall.id}/actions/new`)
    assert.match(schoolAction.body, new RegExp(`<option value="${school.id}" selected>Cherwell Primary School`))
    const closed = await visitor.get(`${base}/standards/1`)
    assert.equal(closed.statusCode, 303)
    assert.match(textOf((await visitor.get(String(closed.headers.location))).body), /it can no longer be changed/)
    await revokeSignedLinks(db(), { recordType: returnRecordType, recordId: ret.id })
    const gone = await visitor.get(base)
    assert.equal(gone.statusCode, 404)
    assert.match(textOf(gone.body), /This link has expired or is not valid/)
  })
})
