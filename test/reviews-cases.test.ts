import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { and, asc, eq } from 'drizzle-orm'
import { reviewCaseAgencies, reviewCases } from '../src/modules/reviews/schema.ts'
import { agencies, groups, people } from '../src/modules/partnership/schema.ts'
import { confidentialAccess } from '../src/platform/confidential/schema.ts'
import { dateParts } from '../src/platform/forms.ts'
import { auditLog } from '../src/platform/schema.ts'
import { insertUser } from './builders/index.ts'
import { demoEmail, type Session } from './helpers/app.ts'
import { errorSummary, formValues, formVersion, history, summaryListRows, textOf } from './helpers/html.ts'
import { idOf, officerForSuite } from './helpers/records.ts'

/**
 * A case from referral to publication, through the pages the Case Review and Governance subgroup
 * uses: who may see it, the name check, the statutory clocks, the decision, the review, the moves
 * of its status and the refusals on the way. reviews-case-list.test.ts has the list, the clocks due
 * and who can see case reviews.
 */

const referral = (overrides: Record<string, string | string[]> = {}) => ({
  reference: 'Child X',
  circumstances: 'Child X, aged 4, was admitted to hospital with unexplained injuries.',
  'incidentOn-day': '20',
  'incidentOn-month': '12',
  'incidentOn-year': '2016',
  'awareOn-day': '22',
  'awareOn-month': '12',
  'awareOn-year': '2016',
  referredByAgencyId: '',
  referrer: 'Children’s social care duty manager',
  harm: 'serious-harm',
  ageBand: '1-5',
  concerns: ['neglect', 'physical-abuse'],
  ...overrides,
})

const dateFields = (name: string, day: string) => dateParts(day, name) as Record<string, string>

describe('case reviews: from referral to publication', () => {
  const shared = officerForSuite()
  let member: Session
  let caseId: string

  before(async () => {
    const { officer, testApp } = shared
    // The business unit names the case review subgroup (the demo's seed does this too).
    const form = await officer.get('/case-reviews/settings')
    const response = await officer.post('/case-reviews/settings', {
      version: formVersion(form.body),
      groupIds: await idOf(testApp, groups, 'Case Review and Governance'),
    })
    assert.equal(response.statusCode, 302)
    member = await testApp.signIn(demoEmail['subgroup-member'])
  })

  const db = () => shared.testApp.database.db

  async function caseByReference(reference: string) {
    const [row] = await db()
      .select()
      .from(reviewCases)
      .where(and(eq(reviewCases.partnershipId, shared.testApp.partnershipId), eq(reviewCases.reference, reference)))
    return row
  }

  it('warns of a likely real name before saving a referral, and saves it once the person confirms', async () => {
    const named = referral({ circumstances: 'Seen at home by Jane Smith, a neighbour.', referrer: 'Tyler O’Brien' })
    let response = await member.post('/case-reviews/new', named)
    assert.equal(response.statusCode, 200, 'a warning, not an error')
    assert.deepEqual(errorSummary(response.body), [])
    const warning = textOf(response.body.split('id="name-warning"')[1]!.split('</ul>')[0]!)
    assert.match(warning, /Circumstances ?: ‘Jane Smith’/)
    assert.match(warning, /Who referred it ?: ‘Tyler O’Brien’/)
    assert.match(response.body, /Seen at home by Jane Smith/, 'what was typed is kept')
    assert.equal(await caseByReference('Child X'), undefined, 'nothing is saved yet')

    response = await member.post('/case-reviews/new', { ...named, confirmNames: 'true' })
    assert.equal(response.statusCode, 302)
    const saved = await caseByReference('Child X')
    assert.ok(saved)
    caseId = saved.id
    assert.equal(response.headers.location, `/case-reviews/${caseId}?saved=1`)
  })

  it('writes the case, its agencies, who may see it and its audit rows in one transaction', async () => {
    const { testApp } = shared
    const [access] = await db().select().from(confidentialAccess).where(eq(confidentialAccess.recordId, caseId))
    assert.deepEqual(access!.groupIds, [await idOf(testApp, groups, 'Case Review and Governance')])
    assert.deepEqual([...access!.roles].sort(), ['business-unit', 'chair'])
    const rows = await db()
      .select({ action: auditLog.action, at: auditLog.at })
      .from(auditLog)
      .where(and(eq(auditLog.recordType, 'case-review'), eq(auditLog.recordId, caseId)))
      .orderBy(asc(auditLog.id))
    assert.deepEqual(rows.map((r) => r.action).slice(0, 2), ['access', 'created'])
    // now() is the transaction's start: rows written in one transaction share it.
    const createdAt = (await caseByReference('Child X'))!.createdAt.getTime()
    assert.deepEqual(
      [rows[0]!.at.getTime(), rows[1]!.at.getTime(), access!.createdAt.getTime()],
      Array(3).fill(createdAt),
    )

    // A second "Child X", in any case, is refused on its field and leaves nothing behind.
    const before = await db().select({ id: auditLog.id }).from(auditLog)
    const agencyId = await idOf(testApp, agencies, 'Thames Valley Police')
    const involved = async () =>
      (await db().select().from(reviewCaseAgencies).where(eq(reviewCaseAgencies.agencyId, agencyId))).length
    const involvedBefore = await involved()
    const response = await member.post(
      '/case-reviews/new',
      referral({ reference: 'CHILD X', circumstances: '', referrer: '', agencyIds: agencyId }),
    )
    assert.equal(response.statusCode, 400)
    assert.deepEqual(errorSummary(response.body), ['reference: There is already a case with this reference'])
    assert.equal((await db().select({ id: auditLog.id }).from(auditLog)).length, before.length)
    assert.equal(await involved(), involvedBefore)
  })

  it('shows the case to the subgroup and the business unit, and to nobody else (a 404, as for no case at all)', async () => {
    const { testApp, officer } = shared
    for (const session of [member, officer])
      assert.equal((await session.get(`/case-reviews/${caseId}`)).statusCode, 200)
    // A subgroup member of another subgroup holds the same permissions, and sees nothing.
    const outsider = await insertUser(testApp.database.db, testApp.partnershipId, {
      roles: ['subgroup-member'],
      personId: await idOf(testApp, people, 'Lucy Hart'),
      password: 'a long enough password for tests',
    })
    const other = await testApp.signIn(outsider.email, 'a long enough password for tests')
    for (const path of ['', '/referral', '/clocks', '/decision', '/review', '/status'])
      assert.equal((await other.get(`/case-reviews/${caseId}${path}`)).statusCode, 404, path)
    assert.equal((await other.post(`/case-reviews/${caseId}/status`, { status: 'active' })).statusCode, 404)
    const list = await other.get('/case-reviews')
    assert.equal(list.statusCode, 200)
    assert.doesNotMatch(list.body, new RegExp(caseId))
    assert.doesNotMatch((await other.get('/case-reviews.csv')).body, /Child X/)
    // Each look at the case is in the audit log.
    const views = await db()
      .select({ summary: auditLog.summary })
      .from(auditLog)
      .where(and(eq(auditLog.recordId, caseId), eq(auditLog.action, 'view')))
    assert.ok(views.some((v) => v.summary === 'Viewed case review (/case-reviews/:id)'))
  })

  it('shows the clocks across Christmas 2016, and records the days they were met', async () => {
    let page = await member.get(`/case-reviews/${caseId}`)
    let rows = summaryListRows(page.body)
    assert.equal(rows.Reference, 'Child X')
    assert.equal(rows['Partnership became aware'], '22 December 2016')
    assert.equal(rows.Concerns, 'Neglect Physical abuse')
    // Long past: both are overdue until they are recorded.
    assert.match(
      rows['Notification to the national panel (within 5 working days)']!,
      /^Overdue Overdue: it was due by Tuesday 3 January 2017/,
    )
    assert.match(rows['Rapid review to the national panel (within 15 working days)']!, /due by Tuesday 17 January 2017/)

    const form = await member.get(`/case-reviews/${caseId}/clocks`)
    let response = await member.post(`/case-reviews/${caseId}/clocks`, {
      version: formVersion(form.body),
      ...dateFields('notifiedOn', '2016-12-21'),
      ...dateFields('rapidReviewOn', '2099-01-01'),
    })
    assert.equal(response.statusCode, 400)
    assert.deepEqual(errorSummary(response.body), [
      'rapidReviewOn-day: Date the rapid review was sent must be today or in the past',
    ])
    response = await member.post(`/case-reviews/${caseId}/clocks`, {
      version: formVersion(form.body),
      ...dateFields('notifiedOn', '2016-12-21'),
    })
    assert.deepEqual(errorSummary(response.body), [
      'notifiedOn-day: The notification cannot be before the partnership became aware (22 December 2016)',
    ])
    response = await member.post(`/case-reviews/${caseId}/clocks`, {
      version: formVersion(form.body),
      ...dateFields('notifiedOn', '2017-01-03'),
      ...dateFields('rapidReviewOn', '2017-01-18'),
    })
    assert.equal(response.statusCode, 302)
    page = await member.get(`/case-reviews/${caseId}`)
    rows = summaryListRows(page.body)
    assert.equal(
      rows['Notification to the national panel (within 5 working days)'],
      'Met Met on 3 January 2017, in 5 working days (due by Tuesday 3 January 2017)',
    )
    assert.equal(
      rows['Rapid review to the national panel (within 15 working days)'],
      'Met late Met late on 18 January 2017, in 16 working days (due by Tuesday 17 January 2017)',
    )
  })

  it('refuses a decision before the partnership became aware, and awareness moved after the decision', async () => {
    const { testApp } = shared
    const chair = await idOf(testApp, people, 'Claire Morgan')
    const decision = {
      framework: 'working-together-2015',
      decisionOutcome: 'criteria-met',
      decisionRationale: 'Child X was seriously harmed and agencies could have worked together better.',
      decidedByPersonId: chair,
      panelView: '',
    }
    let form = await member.get(`/case-reviews/${caseId}/decision`)
    let response = await member.post(`/case-reviews/${caseId}/decision`, {
      ...decision,
      version: formVersion(form.body),
      ...dateFields('decidedOn', '2016-12-21'),
    })
    assert.equal(response.statusCode, 400)
    assert.deepEqual(errorSummary(response.body), [
      'decidedOn-day: The decision must be on or after the day the partnership became aware (22 December 2016)',
    ])
    response = await member.post(`/case-reviews/${caseId}/decision`, {
      ...decision,
      version: formVersion(form.body),
      ...dateFields('decidedOn', '2017-01-12'),
    })
    assert.equal(response.statusCode, 302)
    const page = await member.get(`/case-reviews/${caseId}`)
    const rows = summaryListRows(page.body)
    assert.equal(rows['Decided by'], 'Claire Morgan')
    assert.equal(rows.Outcome, 'Criteria met')
    assert.match(rows['Statutory clocks']!, /^Not applicable: the case falls under Working Together 2015/)
    assert.match(page.body, /Referred: awaiting a decision/, 'the decision does not move the case')

    form = await member.get(`/case-reviews/${caseId}/referral`)
    response = await member.post(`/case-reviews/${caseId}/referral`, {
      ...referral({ circumstances: 'Child X was admitted to hospital.', referrer: '' }),
      ...dateFields('awareOn', '2017-01-13'),
      version: formVersion(form.body),
    })
    assert.equal(response.statusCode, 400)
    assert.deepEqual(errorSummary(response.body), [
      'awareOn-day: The day the partnership became aware must be on or before the decision (12 January 2017)',
    ])
  })

  it('offers only the moves the lifecycle allows, and refuses another with its reason', async () => {
    const form = await member.get(`/case-reviews/${caseId}/status`)
    assert.deepEqual(
      [...form.body.matchAll(/name="status" type="radio" value="([^"]+)"/g)].map((m) => m[1]),
      ['active', 'not-reviewed'],
    )
    // A crafted POST of a move the form does not offer.
    let response = await member.post(`/case-reviews/${caseId}/status`, {
      version: formVersion(form.body),
      status: 'published',
    })
    assert.equal(response.statusCode, 400)
    assert.deepEqual(errorSummary(response.body), [
      'status: A case that is referred: awaiting a decision cannot become published: it can become active or not reviewed',
    ])
    response = await member.post(`/case-reviews/${caseId}/status`, {
      version: formVersion(form.body),
      status: 'active',
    })
    assert.deepEqual(errorSummary(response.body), ['status: Choose the type of review before it starts'])
    response = await member.post(`/case-reviews/${caseId}/status`, {
      version: formVersion(form.body),
      status: 'not-reviewed',
    })
    assert.match(errorSummary(response.body)[0]!, /^status: Only a case decided as not meeting the criteria/)
    assert.equal((await caseByReference('Child X'))!.status, 'referred')
  })

  it('records the review, with the name check on its terms of reference, and the reporting year of its sign-off', async () => {
    const { testApp } = shared
    const panel = [await idOf(testApp, people, 'Claire Morgan'), await idOf(testApp, people, 'Anna Kowalski')]
    const review = {
      reviewType: 'serious-case-review',
      methodology: 'SCIE Learning Together',
      leadReviewer: 'An independent reviewer',
      panelMemberIds: panel,
      termsOfReference: 'To consider how agencies worked with Child X and Mohammed Al-Hassan.',
      panelMeetings: '12 October 2016\n2017-02-01\n1/3/2017',
      parallelProcess: '',
      ...dateFields('commissionedOn', '2017-01-20'),
    }
    let form = await member.get(`/case-reviews/${caseId}/review`)
    assert.match(form.body, /Claire Morgan/, 'the subgroup’s members are offered for the panel')
    let response = await member.post(`/case-reviews/${caseId}/review`, {
      ...review,
      termsOfReference: 'To consider how agencies worked with Child X.',
      version: formVersion(form.body),
    })
    assert.equal(response.statusCode, 400)
    assert.deepEqual(errorSummary(response.body), [
      'panelMeetings: A panel meeting (12 October 2016) cannot be before the partnership became aware (22 December 2016)',
    ])
    response = await member.post(`/case-reviews/${caseId}/review`, {
      ...review,
      panelMeetings: '1 February 2017\n1/3/2017',
      version: formVersion(form.body),
    })
    assert.equal(response.statusCode, 200)
    assert.match(textOf(response.body), /Terms of reference ?: ‘Mohammed Al-Hassan’/)
    response = await member.post(`/case-reviews/${caseId}/review`, {
      ...review,
      panelMeetings: '1 February 2017\n1/3/2017',
      confirmNames: 'true',
      version: formVersion(form.body),
    })
    assert.equal(response.statusCode, 302)
    const rows = summaryListRows((await member.get(`/case-reviews/${caseId}`)).body)
    assert.equal(rows['Type of review'], 'Serious case review')
    assert.equal(rows['Panel members'], 'Anna Kowalski Claire Morgan')
    assert.equal(rows['Panel meetings'], '1 February 2017, 1 March 2017')

    form = await member.get(`/case-reviews/${caseId}/review`)
    response = await member.post(`/case-reviews/${caseId}/review`, {
      ...review,
      termsOfReference: 'To consider how agencies worked with Child X.',
      panelMeetings: '1 February 2017',
      ...dateFields('signedOffOn', '2017-03-30'),
      ...dateFields('publishedOn', '2017-03-29'),
      version: formVersion(form.body),
    })
    assert.deepEqual(errorSummary(response.body), [
      'publishedOn-day: Publication must be on or after the board’s sign-off',
    ])
    response = await member.post(`/case-reviews/${caseId}/review`, {
      ...review,
      termsOfReference: 'To consider how agencies worked with Child X.',
      panelMeetings: '1 February 2017',
      ...dateFields('signedOffOn', '2017-03-30'),
      version: formVersion(form.body),
    })
    assert.equal(response.statusCode, 302)
    const page = await member.get(`/case-reviews/${caseId}`)
    assert.equal(summaryListRows(page.body)['Signed off by the board'], '30 March 2017 (reporting year 2016/17)')
  })

  it('moves active → completed → awaiting a police investigation; refuses publication until it ends; then publishes', async () => {
    const move = async (status: string, extra: Record<string, string> = {}) => {
      const form = await member.get(`/case-reviews/${caseId}/status`)
      return member.post(`/case-reviews/${caseId}/status`, { version: formVersion(form.body), status, ...extra })
    }
    assert.equal((await move('active')).statusCode, 302)
    assert.equal((await move('completed')).statusCode, 302)
    let response = await move('awaiting-parallel-process', { parallelProcess: '' })
    assert.deepEqual(errorSummary(response.body), [
      'status: Record the parallel process and the day it started before holding the review for it',
    ])
    response = await move('awaiting-parallel-process', {
      parallelProcess: 'police-investigation',
      ...dateFields('parallelStartedOn', '2017-02-15'),
    })
    assert.equal(response.statusCode, 302)
    response = await move('published', dateFields('publishedOn', '2017-05-10'))
    assert.equal(response.statusCode, 400)
    assert.deepEqual(errorSummary(response.body), [
      'status: Publication is held until the police investigation ends: record the day it ended first',
    ])
    assert.equal((await caseByReference('Child X'))!.publishedOn, null, 'nothing of the refused move is kept')

    const form = await member.get(`/case-reviews/${caseId}/review`)
    // The form as it opens holds what is recorded: she adds the day the investigation ended.
    response = await member.post(`/case-reviews/${caseId}/review`, {
      ...formValues(form.body),
      ...dateFields('parallelEndedOn', '2017-05-02'),
    })
    assert.equal(response.statusCode, 302)
    response = await move('published', dateFields('publishedOn', '2017-05-10'))
    assert.equal(response.statusCode, 302)
    const published = await caseByReference('Child X')
    assert.equal(published!.status, 'published')
    assert.equal(published!.publishedOn, '2017-05-10')

    const moves = await db()
      .select({ before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.recordId, caseId), eq(auditLog.action, 'status')))
      .orderBy(asc(auditLog.id))
    assert.deepEqual(
      moves.map((m) => `${(m.before as { status: string }).status} → ${(m.after as { status: string }).status}`),
      [
        'referred → active',
        'active → completed',
        'completed → awaiting-parallel-process',
        'awaiting-parallel-process → published',
      ],
    )
    const page = await member.get(`/case-reviews/${caseId}`)
    assert.deepEqual(
      history(page.body).filter((entry) => entry.startsWith('Changed the status')),
      [
        'Changed the status of Child X to published (by Grace Lindqvist)',
        'Changed the status of Child X to completed as far as possible: awaiting a parallel process (by Grace Lindqvist)',
        'Changed the status of Child X to completed (by Grace Lindqvist)',
        'Changed the status of Child X to active (by Grace Lindqvist)',
      ],
    )
    // Views are in the audit log, not in the case's own history (which opening the page would grow).
    assert.ok(!history(page.body).some((entry) => entry.startsWith('Viewed')), 'its history holds changes only')
    const views = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.recordId, caseId), eq(auditLog.action, 'view')))
    assert.ok(views.length > 0, 'each view is in the audit log')
    assert.doesNotMatch(page.body, /Change status/, 'a published case moves no further')
  })
})
