import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { and, asc, eq } from 'drizzle-orm'
import { actions } from '../src/modules/actions/schema.ts'
import { agencies } from '../src/modules/partnership/schema.ts'
import { reviewRecommendations } from '../src/modules/reviews/schema.ts'
import { confidentialAccess } from '../src/platform/confidential/schema.ts'
import { auditLog } from '../src/platform/schema.ts'
import { insertPerson, insertRecommendation, insertReviewCase } from './builders/index.ts'
import { appForSuite, demoEmail, type Session, type TestApp } from './helpers/app.ts'
import { parseCsv } from './helpers/csv.ts'
import { errorSummary, linkedNames, tableColumn, textOf } from './helpers/html.ts'
import { idOf } from './helpers/records.ts'

/**
 * Case review recommendations: numbered per case, owned by an agency whose safeguarding lead sees
 * them (and no one else's), answered by that agency, tracked through the action tracker's actions,
 * overdue when they or an action are late, and closed only with evidence once every action is done.
 */
describe('case review recommendations', () => {
  const suite = appForSuite()
  let testApp: TestApp
  let member: Session
  let lead: Session
  let chair: Session
  let health: string
  let police: string
  let reviewCase: Awaited<ReturnType<typeof insertReviewCase>>

  const db = () => testApp.database.db
  const recommendationsOf = (caseId: string) =>
    db()
      .select()
      .from(reviewRecommendations)
      .where(eq(reviewRecommendations.caseId, caseId))
      .orderBy(asc(reviewRecommendations.number))
  const page = (id: string, rest = '') => `/case-reviews/recommendations/${id}${rest}`
  const auditOf = (recordType: string, recordId: string) =>
    db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.recordType, recordType), eq(auditLog.recordId, recordId)))
      .orderBy(asc(auditLog.id))

  before(async () => {
    testApp = suite()
    health = await idOf(testApp, agencies, 'Oxford Health NHS Foundation Trust')
    police = await idOf(testApp, agencies, 'Thames Valley Police')
    reviewCase = await insertReviewCase(db(), testApp.partnershipId)
    member = await testApp.signIn(demoEmail['subgroup-member'])
    lead = await testApp.signIn(demoEmail['agency-lead'])
    chair = await testApp.signIn(demoEmail.chair)
  })

  it('a subgroup member adds recommendations: numbered in turn, each seen by its agency’s lead, each audited', async () => {
    const url = `/case-reviews/${reviewCase.id}/recommendations/new`
    assert.equal((await member.get(url)).statusCode, 200)
    const bad = await member.post(url, { text: ' ', agencyId: '', 'dueOn-day': '31', 'dueOn-month': '2' })
    assert.equal(bad.statusCode, 400)
    assert.deepEqual(errorSummary(bad.body), [
      'text: Enter the recommendation',
      'agencyId: Select the agency that owns the recommendation',
      'dueOn-day: Due date must include a year',
    ])

    const first = await member.post(url, {
      text: 'Health visitors should ask about every adult in the household',
      agencyId: health,
      'dueOn-day': '31',
      'dueOn-month': '3',
      'dueOn-year': '2017',
    })
    assert.equal(first.statusCode, 302)
    const second = await member.post(url, {
      text: 'Officers should refer bruising to children’s social care',
      agencyId: police,
    })
    assert.equal(second.statusCode, 302)

    const saved = await recommendationsOf(reviewCase.id)
    assert.deepEqual(
      saved.map((r) => [r.number, r.agencyId, r.dueOn, r.status]),
      [
        [1, health, '2017-03-31', 'open'],
        [2, police, null, 'open'],
      ],
    )
    assert.equal(first.headers.location, `${page(saved[0]!.id)}?saved=1`)

    const [access] = await db()
      .select()
      .from(confidentialAccess)
      .where(
        and(eq(confidentialAccess.recordType, 'review-recommendation'), eq(confidentialAccess.recordId, saved[0]!.id)),
      )
    assert.deepEqual(access!.agencyIds, [health])
    assert.deepEqual([...access!.roles].sort(), ['business-unit', 'chair'])
    assert.equal(access!.groupIds.length, 1, 'the case review group sees it too')

    const audit = await auditOf('review-recommendation', saved[0]!.id)
    assert.deepEqual(
      audit.map((a) => [a.action, a.summary]),
      [
        ['access', 'Set who can see this confidential record'],
        ['created', `Added ${reviewCase.reference}: recommendation 1`],
      ],
    )
    assert.deepEqual((audit[1]!.after as { agency: string }).agency, 'Oxford Health NHS Foundation Trust')

    const tab = await member.get(`/case-reviews/${reviewCase.id}/recommendations`)
    assert.equal(tab.statusCode, 200)
    assert.deepEqual(tableColumn(tab.body, `Recommendations of ${reviewCase.reference}`, 'Number'), ['1', '2'])
  })

  it('an agency lead sees only their agency’s recommendations, and any other is not found', async () => {
    const [ours, theirs] = await recommendationsOf(reviewCase.id)
    const list = await lead.get('/case-reviews/recommendations')
    assert.equal(list.statusCode, 200)
    const shown = linkedNames(list.body, '/case-reviews/recommendations', 'Case review recommendations')
    assert.ok(shown.includes(`${reviewCase.reference}: recommendation 1`))
    assert.ok(!shown.includes(`${reviewCase.reference}: recommendation 2`))
    const csv = parseCsv((await lead.get('/case-reviews/recommendations.csv')).body)
    assert.ok(csv.slice(1).every((row) => row[3] === 'Oxford Health NHS Foundation Trust'))

    const own = await lead.get(page(ours!.id))
    assert.equal(own.statusCode, 200)
    assert.ok(!own.body.includes(`href="/case-reviews/${reviewCase.id}"`), 'no link to a case they cannot open')
    for (const url of [
      page(theirs!.id),
      page(theirs!.id, '/response'),
      `/case-reviews/${reviewCase.id}/recommendations`,
    ])
      assert.equal((await lead.get(url)).statusCode, url.endsWith('/recommendations') ? 403 : 404, url)
    assert.equal((await lead.post(page(theirs!.id, '/response'), { response: 'x', version: '1' })).statusCode, 404)

    const home = await lead.get('/')
    assert.match(
      textOf(home.body),
      new RegExp(`Case review recommendations for your agency.*${reviewCase.reference}: recommendation 1`),
    )
  })

  it('the owning agency’s lead writes the response and marks work started; the chair may read it but not write it', async () => {
    const [ours] = await recommendationsOf(reviewCase.id)
    const refused = await chair.get(page(ours!.id, '/response'))
    assert.equal(refused.statusCode, 200)
    assert.match(
      textOf(refused.body),
      /Only the case review subgroup, the business unit or the safeguarding lead of Oxford Health/,
    )
    assert.equal((await chair.post(page(ours!.id, '/response'), { response: 'x', version: '1' })).statusCode, 400)

    await lead.get(page(ours!.id, '/response'))
    const answered = await lead.post(page(ours!.id, '/response'), {
      response: 'Our health visitors now ask about every adult at each visit.',
      started: 'true',
      version: String(ours!.version),
    })
    assert.equal(answered.statusCode, 302)
    const [after] = await recommendationsOf(reviewCase.id)
    assert.equal(after!.status, 'in-progress')
    assert.match(after!.response!, /every adult at each visit/)
  })

  it('actions are raised in the action tracker from the recommendation, owned by a person and agency', async () => {
    const [ours] = await recommendationsOf(reviewCase.id)
    const person = await insertPerson(db(), testApp.partnershipId, { agencyId: health })
    const url = page(ours!.id, '/actions/new')
    const form = await lead.get(url)
    assert.match(form.body, new RegExp(`<option value="${health}" selected`), 'the recommendation’s agency first')
    const bad = await lead.post(url, { description: '', ownerAgencyId: health })
    assert.deepEqual(errorSummary(bad.body), [
      'description: Enter what needs to be done',
      'ownerPersonId: Select the person who owns the action',
      'dueOn-day: Enter the due date',
    ])
    const raised = await lead.post(url, {
      description: 'Update the health visiting record to list every adult',
      ownerPersonId: person.id,
      ownerAgencyId: health,
      'dueOn-day': '1',
      'dueOn-month': '1',
      'dueOn-year': '2016',
    })
    assert.equal(raised.statusCode, 302)
    const [action] = await db().select().from(actions).where(eq(actions.sourceId, ours!.id))
    assert.equal(action!.sourceType, 'review-recommendation')
    assert.equal(action!.sourceLabel, `${reviewCase.reference}: recommendation 1`)
    assert.equal(action!.sourceHref, page(ours!.id))
    assert.equal(action!.ownerPersonId, person.id)
    assert.ok((await auditOf('action', action!.id)).some((a) => a.action === 'created'))
    assert.ok(
      (await auditOf('review-recommendation', ours!.id)).some(
        (a) => a.summary === `Raised an action for ${reviewCase.reference}: recommendation 1`,
      ),
    )
    const shown = await member.get(page(ours!.id))
    assert.match(textOf(shown.body), /Update the health visiting record to list every adult/)
  })

  it('a recommendation is overdue when late or any of its actions is, and the list says so', async () => {
    const late = await insertReviewCase(db(), testApp.partnershipId)
    const dueBefore = await insertRecommendation(db(), testApp.partnershipId, late, {
      agencyId: police,
      dueOn: '2016-01-01',
    })
    const dueLater = await insertRecommendation(db(), testApp.partnershipId, late, {
      agencyId: police,
      dueOn: '2099-01-01',
    })
    const [ours] = await recommendationsOf(reviewCase.id)
    const overdue = await member.get('/case-reviews/recommendations?overdue=yes')
    const names = linkedNames(overdue.body, '/case-reviews/recommendations', 'Case review recommendations')
    assert.ok(names.includes(`${late.reference}: recommendation 1`), 'its own due date has passed')
    assert.ok(names.includes(`${reviewCase.reference}: recommendation 1`), 'its action is overdue')
    assert.ok(!names.includes(`${late.reference}: recommendation 2`))
    const one = await member.get(page(dueBefore))
    assert.match(one.body, /govuk-tag--red">Overdue/)
    assert.doesNotMatch((await member.get(page(dueLater))).body, /govuk-tag--red">Overdue/)
    assert.ok(ours)
  })

  it('closing needs evidence and every action complete; then it is complete, not overdue, and audited', async () => {
    const [ours] = await recommendationsOf(reviewCase.id)
    const url = page(ours!.id, '/close')
    const blocked = await member.get(url)
    assert.match(textOf(blocked.body), /It cannot be closed yet\. 1 of its actions is not complete/)
    const refused = await member.post(url, {
      evidence: 'Audit of records',
      'completedOn-day': '1',
      'completedOn-month': '3',
      'completedOn-year': '2017',
      version: String(ours!.version),
    })
    assert.equal(refused.statusCode, 400)
    assert.match(errorSummary(refused.body)[0]!, /1 of its actions is not complete/)

    // The owner completes the action in the tracker.
    await db()
      .update(actions)
      .set({ status: 'complete', evidence: 'Done', completedOn: '2017-02-01' })
      .where(eq(actions.sourceId, ours!.id))
    await member.get(url)
    const noEvidence = await member.post(url, { evidence: '', version: String(ours!.version) })
    assert.deepEqual(errorSummary(noEvidence.body), [
      'evidence: Enter the evidence that the recommendation is complete',
      'completedOn-day: Enter the date it was completed',
    ])
    const closed = await member.post(url, {
      evidence: 'An audit of 40 records in February 2017 found every adult listed.',
      'completedOn-day': '1',
      'completedOn-month': '3',
      'completedOn-year': '2017',
      version: String(ours!.version),
    })
    assert.equal(closed.statusCode, 302)
    const [after] = await recommendationsOf(reviewCase.id)
    assert.deepEqual([after!.status, after!.completedOn], ['complete', '2017-03-01'])
    const overdue = await member.get('/case-reviews/recommendations?overdue=yes')
    assert.ok(
      !linkedNames(overdue.body, '/case-reviews/recommendations', 'Case review recommendations').includes(
        `${reviewCase.reference}: recommendation 1`,
      ),
    )
    const audit = await auditOf('review-recommendation', ours!.id)
    assert.ok(audit.some((a) => a.summary === `Closed ${reviewCase.reference}: recommendation 1 as complete`))
  })

  it('changing the owning agency moves who may see it', async () => {
    const [, theirs] = await recommendationsOf(reviewCase.id)
    const url = page(theirs!.id, '/edit')
    await member.get(url)
    const moved = await member.post(url, { text: theirs!.text, agencyId: health, version: String(theirs!.version) })
    assert.equal(moved.statusCode, 302)
    assert.equal((await lead.get(page(theirs!.id))).statusCode, 200, 'now their agency’s')
    const [access] = await db()
      .select()
      .from(confidentialAccess)
      .where(
        and(eq(confidentialAccess.recordType, 'review-recommendation'), eq(confidentialAccess.recordId, theirs!.id)),
      )
    assert.deepEqual(access!.agencyIds, [health])
  })
})
