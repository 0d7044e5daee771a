import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, asc, eq } from 'drizzle-orm'
import { courseThemes } from '../src/modules/learning/schema.ts'
import { visibleCases } from '../src/modules/reviews/access.ts'
import { reviewLearningPoints } from '../src/modules/reviews/schema.ts'
import { getSummary } from '../src/modules/reviews/summaries/service.ts'
import { rankedThemes } from '../src/modules/reviews/themes-across/ranking.ts'
import { closePdfBrowser } from '../src/platform/documents/pdf.ts'
import type { Actor } from '../src/platform/permissions.ts'
import { auditLog } from '../src/platform/schema.ts'
import {
  insertLearningPoint,
  insertReviewCase,
  insertSummary,
  insertTrainingEvent,
  themeIdsNamed,
} from './builders/index.ts'
import { appForSuite, demoEmail, type Session, type TestApp } from './helpers/app.ts'
import { parseCsv } from './helpers/csv.ts'
import { errorSummary, linkedNames, tableColumn, textOf } from './helpers/html.ts'
import { docxHtml, download, pdfText } from './helpers/reports.ts'
import { userByEmail } from './helpers/records.ts'

/**
 * What reviews teach: learning points tagged with themes, the themes ranked across a period's
 * reviews with the training on each, and the learning summary, downloadable and public once the
 * review is published.
 */
describe('case review learning', () => {
  const suite = appForSuite()
  let testApp: TestApp
  let member: Session
  let reviewCase: Awaited<ReturnType<typeof insertReviewCase>>
  const db = () => testApp.database.db
  const themeIds = (...names: string[]) => themeIdsNamed(db(), testApp.partnershipId, names)

  before(async () => {
    testApp = suite()
    member = await testApp.signIn(demoEmail['subgroup-member'])
    reviewCase = await insertReviewCase(db(), testApp.partnershipId)
  })
  after(() => closePdfBrowser())

  it('learning points are numbered, need a theme, and are audited with the theme names', async () => {
    const url = `/case-reviews/${reviewCase.id}/learning/new`
    assert.equal((await member.get(url)).statusCode, 200)
    const [neglect, fathers] = await themeIds('Neglect', 'Fathers and male carers')
    const bad = await member.post(url, { text: 'Seeing the men in the family' })
    assert.deepEqual(errorSummary(bad.body), ['themeIds: Select at least one theme'])
    assert.match(bad.body, /Seeing the men in the family/, 'what was typed is kept')

    for (const [text, ids] of [
      ['Think carefully about the role of the father', [fathers!]],
      ['Neglect can become embedded and accepted', [neglect!, fathers!]],
      ['Look beyond what parents say', [neglect!]],
    ] as const)
      assert.equal((await member.post(url, { text, themeIds: [...ids] })).statusCode, 302)

    const tab = await member.get(`/case-reviews/${reviewCase.id}/learning`)
    const caption = `Learning points of ${reviewCase.reference}`
    assert.deepEqual(tableColumn(tab.body, caption, 'Number'), ['1', '2', '3'])
    assert.deepEqual(tableColumn(tab.body, caption, 'Themes'), [
      'Fathers and male carers',
      'Fathers and male carers Neglect',
      'Neglect',
    ])
    const points = await db()
      .select()
      .from(reviewLearningPoints)
      .where(eq(reviewLearningPoints.caseId, reviewCase.id))
      .orderBy(asc(reviewLearningPoints.number))
    const [created] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.recordType, 'review-learning-point'), eq(auditLog.recordId, points[1]!.id)))
    assert.deepEqual(created!.after, {
      number: 2,
      text: 'Neglect can become embedded and accepted',
      themes: 'Fathers and male carers, Neglect',
    })

    // Removing the first closes the gap; changing one records its themes before and after.
    const remove = `/case-reviews/${reviewCase.id}/learning/${points[0]!.id}/delete`
    assert.equal((await member.get(remove)).statusCode, 200)
    assert.equal((await member.post(remove, { version: '1' })).statusCode, 302)
    const edit = `/case-reviews/${reviewCase.id}/learning/${points[2]!.id}/edit`
    await member.get(edit)
    const changed = await member.post(edit, {
      text: 'Look beyond what parents say',
      themeIds: [fathers!],
      version: '1',
    })
    assert.equal(changed.statusCode, 302)
    const again = await member.get(`/case-reviews/${reviewCase.id}/learning`)
    assert.deepEqual(tableColumn(again.body, caption, 'Number'), ['1', '2'])
    const [changeRow] = await db()
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.recordType, 'review-learning-point'),
          eq(auditLog.recordId, points[2]!.id),
          eq(auditLog.action, 'updated'),
        ),
      )
    assert.deepEqual(
      [changeRow!.before, changeRow!.after],
      [{ themes: 'Neglect' }, { themes: 'Fathers and male carers' }],
    )
    assert.equal(changeRow!.summary, `Changed ${reviewCase.reference}: learning point 2`)
  })

  it('themes are ranked across the period’s reviews, ties sharing a place, with the reviews behind each count', async () => {
    const pid = testApp.partnershipId
    const [neglect, fathers, curiosity, sleeping] = await themeIds(
      'Neglect',
      'Fathers and male carers',
      'Professional curiosity',
      'Safe sleeping',
    )
    // 2005/06: three reviews published (or, never published, signed off) in the year, one the year after.
    const first = await insertReviewCase(db(), pid, { status: 'published', publishedOn: '2005-06-01' })
    const second = await insertReviewCase(db(), pid, {
      status: 'completed',
      reviewType: 'learning-review',
      signedOffOn: '2006-02-01',
    })
    const third = await insertReviewCase(db(), pid, {
      status: 'published',
      signedOffOn: '2005-03-01',
      publishedOn: '2005-09-01',
    })
    const later = await insertReviewCase(db(), pid, { status: 'published', publishedOn: '2006-05-01' })
    await insertLearningPoint(db(), pid, first, [neglect!, fathers!])
    await insertLearningPoint(db(), pid, first, [neglect!])
    await insertLearningPoint(db(), pid, second, [neglect!, curiosity!])
    await insertLearningPoint(db(), pid, third, [fathers!])
    await insertLearningPoint(db(), pid, third, [curiosity!])
    await insertLearningPoint(db(), pid, later, [sleeping!])
    // Training on neglect in the year; on curiosity only the year after.
    const { courseId } = await insertTrainingEvent(db(), pid, {
      title: 'Neglect toolkit 2005',
      startsAt: new Date('2005-10-10T09:00:00Z'),
    })
    await insertTrainingEvent(db(), pid, { courseId, startsAt: new Date('2006-01-10T09:00:00Z') })
    const { courseId: curiosityCourse } = await insertTrainingEvent(db(), pid, {
      title: 'Curiosity 2006',
      startsAt: new Date('2006-06-10T09:00:00Z'),
    })
    await db()
      .insert(courseThemes)
      .values([
        { courseId, partnershipId: pid, themeId: neglect! },
        { courseId: curiosityCourse, partnershipId: pid, themeId: curiosity! },
      ])

    const year = await rankedThemes(db(), pid, { from: '2005-04-01', to: '2006-03-31' })
    assert.deepEqual(
      year.map((t) => [t.name, t.learningPoints, t.reviews]),
      [
        ['Neglect', 3, 2],
        ['Fathers and male carers', 2, 2],
        ['Professional curiosity', 2, 2],
      ],
    )
    assert.deepEqual(year[0]!.training, [{ courseId, title: 'Neglect toolkit 2005', events: 2 }])
    assert.deepEqual(year[2]!.training, [], 'its course ran the year after')
    const next = await rankedThemes(db(), pid, { from: '2006-04-01', to: '2007-03-31' })
    assert.deepEqual(
      next.map((t) => t.name),
      ['Safe sleeping'],
    )

    const page = await member.get('/case-reviews/themes?year=2005-06')
    assert.equal(page.statusCode, 200)
    const caption = 'Themes across reviews, 2005/06'
    assert.deepEqual(tableColumn(page.body, caption, 'Place'), ['1', '2=', '2='])
    assert.deepEqual(tableColumn(page.body, caption, 'Training in the period'), [
      'Training linked Neglect toolkit 2005 (2 events)',
      'No training linked',
      'No training linked',
    ])
    for (const c of [first, second])
      assert.match(
        page.body,
        new RegExp(`href="/case-reviews/${c.id}/learning">${c.reference}<`),
        'each review behind a count links to its learning points',
      )
    assert.match(textOf(page.body), /3 themes from 3 reviews; 2 with no training linked/)
    const csv = parseCsv((await member.get('/case-reviews/themes.csv?year=2005-06')).body)
    assert.deepEqual(csv[1], [
      '1',
      'Neglect',
      '3',
      '2',
      [first.reference, second.reference].sort().join('; '),
      'Yes',
      'Neglect toolkit 2005 (2 events)',
    ])

    const days = await member.get('/case-reviews/themes?from=2006-04-01&to=2006-12-31')
    const shown = tableColumn(days.body, 'Themes across reviews, 1 April 2006 to 31 December 2006', 'Theme')
    assert.equal(shown.length, 1)
    assert.ok(shown[0]!.startsWith('Safe sleeping'))

    // A subgroup member outside the case review group counts none of them.
    const outsider: Actor = {
      kind: 'user',
      id: null,
      name: 'Outside the group',
      partnershipId: pid,
      roles: ['subgroup-member'],
      grants: new Map(),
      agencyId: null,
      personId: null,
      groupIds: [],
    }
    const none = await rankedThemes(
      db(),
      pid,
      { from: '2005-04-01', to: '2006-03-31' },
      { visible: visibleCases(outsider) },
    )
    assert.deepEqual(none, [])
  })

  it('the learning summary is written, downloaded as DOCX and PDF named by its pseudonym, each download audited', async () => {
    const tab = `/case-reviews/${reviewCase.id}/summary`
    assert.match(textOf((await member.get(tab)).body), /This review has no learning summary yet/)
    const edit = `${tab}/edit`
    await member.get(edit)
    const bad = await member.post(edit, { whatHappened: 'A baby was hurt.' })
    assert.deepEqual(errorSummary(bad.body), [
      'whatWeLearned: Enter what we learned',
      'whatToDoDifferently: Enter what to do differently',
    ])
    const summary = {
      whatHappened: 'A baby was hurt. Jane Smith, the baby’s mother, told the health visitor.',
      whatWeLearned: 'Bruising in a baby who is **not mobile** is a sign of harm.',
      whatToDoDifferently: '- Follow the bruising protocol\n- Ask about every adult',
    }
    // It goes on the public site: a likely real name is warned about before it is saved.
    const warned = await member.post(edit, summary)
    assert.equal(warned.statusCode, 200)
    assert.match(textOf(warned.body), /Check for real names .* What happened ?: ‘Jane Smith’/)
    assert.match(warned.body, /Jane Smith, the baby’s mother/, 'what was typed is kept')
    assert.equal(await getSummary(db(), reviewCase.id), null, 'nothing saved yet')
    const saved = await member.post(edit, { ...summary, whatHappened: 'A baby was hurt.' })
    assert.equal(saved.headers.location, `${tab}?saved=1`)
    const shown = await member.get(tab)
    assert.match(shown.body, /<strong>not mobile<\/strong>/)
    assert.match(textOf(shown.body), /appears on the public site when the review is published/)

    const file = reviewCase.reference.toLowerCase().replace(/ /g, '-')
    const docxResponse = await member.get(`/case-reviews/${reviewCase.id}/summary.docx`)
    assert.match(
      String(docxResponse.headers['content-disposition']),
      new RegExp(`filename="${file}-learning-summary.docx"`),
    )
    const docx = await docxHtml(await download(member, `/case-reviews/${reviewCase.id}/summary.docx`, 'docx'))
    assert.match(docx, /What we learned/)
    assert.match(docx, /not mobile/)
    const pdf = pdfText(await download(member, `/case-reviews/${reviewCase.id}/summary.pdf`, 'pdf'))
    assert.match(pdf, /What to do differently/)

    const user = await userByEmail(testApp.database, demoEmail['subgroup-member'])
    const downloads = await db()
      .select({ summary: auditLog.summary })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.recordType, 'case-review'),
          eq(auditLog.recordId, reviewCase.id),
          eq(auditLog.action, 'download'),
          eq(auditLog.actorUserId, user.id),
        ),
      )
    assert.equal(downloads.length, 3)
    assert.match(downloads[0]!.summary, /^Downloaded .*\/case-reviews\/:id\/summary\.docx/)
    const [written] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.recordType, 'review-summary'), eq(auditLog.recordId, reviewCase.id)))
    assert.equal(written!.summary, `Wrote the learning summary of ${reviewCase.reference}`)
  })

  it('the public site shows only published summaries, and nothing else of the case', async () => {
    const pid = testApp.partnershipId
    const published = await insertReviewCase(db(), pid, {
      status: 'published',
      reviewType: 'serious-case-review',
      publishedOn: '2016-05-12',
    })
    const unpublished = await insertReviewCase(db(), pid, { status: 'completed' })
    const takenDown = await insertReviewCase(db(), pid, {
      status: 'published',
      publishedOn: '2015-05-12',
      takenDownOn: '2016-06-01',
    })
    for (const c of [published, unpublished, takenDown]) await insertSummary(db(), pid, c)
    const visitor = await testApp.visitor()

    const list = await visitor.get('/learning-from-reviews')
    assert.equal(list.statusCode, 200)
    const names = linkedNames(list.body, '/learning-from-reviews', 'Published reviews')
    assert.ok(names.includes(published.reference))
    assert.ok(!names.includes(unpublished.reference))
    assert.ok(!names.includes(takenDown.reference))
    assert.match(textOf(list.body), new RegExp(`${published.reference} Serious case review 12 May 2016`))

    const page = await visitor.get(`/learning-from-reviews/${published.id}`)
    assert.equal(page.statusCode, 200)
    const text = textOf(page.body)
    assert.match(text, new RegExp(`${published.reference}: learning summary`))
    assert.match(text, /Bruising in a baby who is not mobile/)
    for (const hidden of ['4 January 2016', 'Recommendation', 'Oxford Health'])
      assert.ok(!text.includes(hidden), hidden)
    for (const c of [unpublished, takenDown])
      assert.equal((await visitor.get(`/learning-from-reviews/${c.id}`)).statusCode, 404)
    const staff = await member.get(`/case-reviews/${published.id}/summary`)
    assert.match(staff.body, new RegExp(`href="/learning-from-reviews/${published.id}"`))
  })
})
