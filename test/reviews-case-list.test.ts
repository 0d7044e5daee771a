import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { and, desc, eq } from 'drizzle-orm'
import { reviewCases } from '../src/modules/reviews/schema.ts'
import { todayInLondon } from '../src/modules/actions/service.ts'
import { groups, people } from '../src/modules/partnership/schema.ts'
import { confidentialAccess } from '../src/platform/confidential/schema.ts'
import { auditLog } from '../src/platform/schema.ts'
import { bankHolidayCalendar } from '../src/platform/working-days.ts'
import { insertReviewCase, insertUser } from './builders/index.ts'
import { demoEmail, type Session } from './helpers/app.ts'
import { parseCsv } from './helpers/csv.ts'
import { formVersion, history, linkedNames, tableColumn, textOf } from './helpers/html.ts'
import { idOf, officerForSuite } from './helpers/records.ts'

/**
 * Case reviews across cases: the list (filters, the year a case was open, sort, CSV), the clocks due soon
 * or overdue and the home page's panel, and who can see case reviews.
 */

describe('case reviews: the list and the clocks due', () => {
  const shared = officerForSuite()
  let member: Session

  before(async () => {
    const { officer, testApp } = shared
    const form = await officer.get('/case-reviews/settings')
    await officer.post('/case-reviews/settings', {
      version: formVersion(form.body),
      groupIds: await idOf(testApp, groups, 'Case Review and Governance'),
    })
    member = await testApp.signIn(demoEmail['subgroup-member'])
    const { db } = testApp.database
    // This suite builds its own register of cases, so it starts from one without the demo's (its own database).
    await db.delete(reviewCases).where(eq(reviewCases.partnershipId, testApp.partnershipId))
    await db
      .delete(confidentialAccess)
      .where(
        and(
          eq(confidentialAccess.partnershipId, testApp.partnershipId),
          eq(confidentialAccess.recordType, 'case-review'),
        ),
      )
    const old = { framework: 'working-together-2015', reviewType: 'serious-case-review' } as const
    for (const c of [
      {
        reference: 'Child L',
        awareOn: '2015-11-02',
        status: 'published',
        signedOffOn: '2016-06-10',
        publishedOn: '2016-09-01',
      },
      {
        reference: 'Family M',
        awareOn: '2016-02-01',
        status: 'published',
        signedOffOn: '2016-02-20',
        publishedOn: '2016-04-20',
      },
      { reference: 'Child N', awareOn: '2016-07-01', status: 'active', commissionedOn: '2016-09-01' },
      {
        reference: 'Child Q',
        awareOn: '2014-05-01',
        status: 'published',
        signedOffOn: '2015-05-01',
        publishedOn: '2015-06-01',
      },
      { reference: 'Child S', awareOn: '2017-05-01', status: 'referred', reviewType: null },
    ] as const)
      await insertReviewCase(db, testApp.partnershipId, { ...old, ...c })
    await insertReviewCase(db, testApp.partnershipId, {
      reference: 'Child R',
      awareOn: '2016-06-01',
      framework: 'working-together-2015',
      decisionOutcome: 'criteria-not-met',
      decidedOn: '2016-06-20',
      status: 'not-reviewed',
    })
  })

  it('lists the cases open in a year, filtered and sorted, and downloads exactly what it lists', async () => {
    let page = await member.get('/case-reviews?year=2016-17&sort=reference&direction=asc')
    assert.deepEqual(linkedNames(page.body, '/case-reviews', 'Cases'), ['Child L', 'Child N', 'Child R', 'Family M'])
    assert.match(page.body, /4 cases\./)
    assert.match(page.body, /Cases open in 2016\/17\. A case is open in a year when it was open at any time in it/)

    page = await member.get('/case-reviews?year=2016-17&status=published&sort=reference&direction=desc')
    assert.deepEqual(linkedNames(page.body, '/case-reviews', 'Cases'), ['Family M', 'Child L'])
    // Child Q was published in 2015/16, so it was open in that year.
    page = await member.get('/case-reviews?year=2015-16&sort=status')
    assert.deepEqual(linkedNames(page.body, '/case-reviews', 'Cases'), ['Child L', 'Child Q', 'Family M'])
    page = await member.get('/case-reviews?type=serious-case-review&sort=awareOn&direction=asc')
    assert.deepEqual(linkedNames(page.body, '/case-reviews', 'Cases'), ['Child Q', 'Child L', 'Family M', 'Child N'])
    page = await member.get('/case-reviews?sort=status&direction=asc')
    assert.deepEqual(linkedNames(page.body, '/case-reviews', 'Cases'), [
      'Child S',
      'Child R',
      'Child N',
      'Child L',
      'Child Q',
      'Family M',
    ])

    const csv = parseCsv((await member.get('/case-reviews.csv?year=2016-17&sort=reference&direction=asc')).body)
    assert.deepEqual(csv, [
      ['Reference', 'Review type', 'Status', 'Aware on', 'Signed off', 'Published'],
      ['Child L', 'Serious case review', 'Published', '2015-11-02', '2016-06-10', '2016-09-01'],
      ['Child N', 'Serious case review', 'Active', '2016-07-01', '', ''],
      ['Child R', '', 'Not reviewed', '2016-06-01', '', ''],
      ['Family M', 'Serious case review', 'Published', '2016-02-01', '2016-02-20', '2016-04-20'],
    ])
    assert.match((await member.get('/case-reviews')).body, /Record a referral/)
    assert.doesNotMatch(
      (await shared.testApp.signIn(demoEmail.chair).then((s) => s.get('/case-reviews'))).body,
      /Record a referral/,
    )
  })

  it('lists the clocks overdue or due within 5 working days, overdue first, and shows them on the home page', async () => {
    const { testApp } = shared
    const { db } = testApp.database
    const today = todayInLondon()
    const ago = (n: number) => bankHolidayCalendar.addWorkingDays(today, -n)
    await insertReviewCase(db, testApp.partnershipId, { reference: 'Child T', harm: 'death', awareOn: ago(10) })
    await insertReviewCase(db, testApp.partnershipId, { reference: 'Child U', awareOn: today })
    await insertReviewCase(db, testApp.partnershipId, {
      reference: 'Child V',
      awareOn: ago(20),
      notifiedOn: ago(16),
      rapidReviewOn: ago(6),
    })
    await insertReviewCase(db, testApp.partnershipId, { reference: 'Child W', harm: 'other', awareOn: ago(10) })

    const page = await member.get('/case-reviews/clocks')
    assert.match(page.body, /3 clocks: 1 overdue and 2 due soon\./)
    const caption = 'Clocks due soon or overdue'
    assert.deepEqual(linkedNames(page.body, '/case-reviews', caption), ['Child T', 'Child T', 'Child U'])
    assert.deepEqual(tableColumn(page.body, caption, 'Clock'), [
      'Notification to the national panel',
      'Rapid review to the national panel',
      'Notification to the national panel',
    ])
    assert.deepEqual(tableColumn(page.body, caption, 'State'), [
      'Overdue 5 working days overdue',
      'Due 5 working days left',
      'Due 5 working days left',
    ])

    const home = await member.get('/')
    const panel = textOf(home.body.split('Case review clocks')[1]!.split('</section>')[0]!)
    assert.match(panel, /^Child T: notification to the national panel Overdue: it was due by/)
    assert.match(panel, /Child U: notification to the national panel Due by/)
    const outsider = await insertUser(db, testApp.partnershipId, {
      roles: ['subgroup-member'],
      personId: await idOf(testApp, people, 'Lucy Hart'),
      password: 'a long enough password for tests',
    })
    const other = await testApp.signIn(outsider.email, 'a long enough password for tests')
    assert.doesNotMatch((await other.get('/')).body, /Case review clocks/)
    assert.match((await other.get('/case-reviews/clocks')).body, /No clocks are overdue/)
  })

  it('names who can see case reviews: every case follows the setting at once, in the same transaction, audited', async () => {
    const { officer, testApp } = shared
    const { db } = testApp.database
    const group = await idOf(testApp, groups, 'Case Review and Governance')
    const [childN] = await db
      .select({ id: reviewCases.id })
      .from(reviewCases)
      .where(and(eq(reviewCases.partnershipId, testApp.partnershipId), eq(reviewCases.reference, 'Child N')))
    assert.equal((await member.get(`/case-reviews/${childN!.id}`)).statusCode, 200)

    let form = await officer.get('/case-reviews/settings')
    const opened = formVersion(form.body)
    let response = await officer.post('/case-reviews/settings', { version: opened })
    assert.equal(response.headers.location, '/case-reviews/settings?saved=1')
    assert.equal((await member.get(`/case-reviews/${childN!.id}`)).statusCode, 404)
    assert.match((await member.get('/case-reviews')).body, /No cases match these filters/)
    const access = await db
      .select({ groupIds: confidentialAccess.groupIds })
      .from(confidentialAccess)
      .where(
        and(
          eq(confidentialAccess.partnershipId, testApp.partnershipId),
          eq(confidentialAccess.recordType, 'case-review'),
        ),
      )
    assert.ok(access.length >= 6 && access.every((row) => row.groupIds.length === 0), 'every case names no group now')
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.recordType, 'review-settings'), eq(auditLog.recordId, testApp.partnershipId)))
      .orderBy(desc(auditLog.id))
      .limit(1)
    assert.deepEqual([entry!.before, entry!.after], [{ groups: 'Case Review and Governance' }, { groups: '' }])

    // A form opened before the change is out of date; saving what is already saved changes nothing.
    response = await officer.post('/case-reviews/settings', { version: opened, groupIds: group })
    assert.equal(response.statusCode, 409)
    form = await officer.get('/case-reviews/settings')
    response = await officer.post('/case-reviews/settings', { version: formVersion(form.body) })
    assert.equal(response.headers.location, '/case-reviews/settings?unchanged=1')

    response = await officer.post('/case-reviews/settings', { version: formVersion(form.body), groupIds: group })
    assert.equal(response.statusCode, 302)
    assert.equal((await member.get(`/case-reviews/${childN!.id}`)).statusCode, 200)
    const page = await officer.get('/case-reviews/settings')
    assert.deepEqual(history(page.body).slice(0, 2), [
      'Changed who can see case reviews (by Tom Whitfield)',
      'Changed who can see case reviews (by Tom Whitfield)',
    ])
    assert.equal((await member.get('/case-reviews/settings')).statusCode, 403, 'only the business unit chooses')
  })
})
