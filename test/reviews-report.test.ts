import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { reviewsModule } from '../src/modules/reviews/index.ts'
import { caseReviewSection } from '../src/modules/reviews/figures/section.ts'
import { reportingYear } from '../src/platform/reporting-years.ts'
import { startingText } from '../src/platform/sections.ts'
import { defaultThemes } from '../src/modules/themes/index.ts'
import { insertUser } from './builders/index.ts'
import { demoEmail } from './helpers/app.ts'
import { parseCsv } from './helpers/csv.ts'
import { textOf } from './helpers/html.ts'
import { officerForSuite } from './helpers/records.ts'
import { demoReports, documentPart, figureRow, narrativeText } from './helpers/reports.ts'
import { seedLearningPoints } from './helpers/reviews.ts'

/**
 * Issue 13's "done means", read from what the app generates for the demo, never from the database:
 * the 2016/17 annual report's case review section, the Case Review and Governance subgroup's
 * report and the cabinet paper drafted from the annual report say what the seed paper says of the
 * five reviews (¶20, ¶21) and the ten most common learning points (¶16); every case review figure
 * links to a list of exactly the records it counts. Numbers are written as figures print them:
 * in digits ("5", not the paper's "five").
 */
const reviewsParagraph =
  /The OSCB has worked on 5 serious case reviews since the last report to the Board\. Of those 5 reviews: 3 were published \(1 of which was signed off in 2015\/16 and a further 2 in 2016\/17\), 1 is active and 1 has been completed as far as possible, whilst a police investigation is underway\./
const summariesParagraph =
  /For each review a learning summary was produced highlighting key messages for practitioners and managers\. The OSCB ran 4 learning events and an annual conference in 2016\/17, covering a range of themes emerging from local serious case reviews and audits\./
const learningIntro = /From the 3 case reviews published in 2016\/17, the ten most common learning points are:/
const learningPoints = seedLearningPoints.map((name) => defaultThemes.find((t) => t.name === name)!.description)

/** The ten points appear in the seed paper's order. */
function assertInOrder(text: string, where: string) {
  let from = text.search(learningIntro)
  assert.notEqual(from, -1, `${where}: the learning points’ introduction`)
  for (const [index, point] of learningPoints.entries()) {
    const at = text.indexOf(point, from)
    assert.ok(at > from, `${where}: point ${index + 1}, “${point}”, after the one before`)
    from = at
  }
}

const count = (text: string) => Number(text.replace(/,/g, ''))

/** The list's count line: "5 reviews." (or its empty state, which counts none). */
function listed(body: string) {
  const status = textOf(body.match(/<p class="govuk-body" role="status">([\s\S]*?)<\/p>/)?.[1] ?? '')
  return { status, count: count(status.match(/^([\d,]+) [a-z ]+\./)?.[1] ?? '0') }
}

describe('the 2016/17 report’s case review section, from the demo', () => {
  const shared = officerForSuite()

  it('reads as the seed paper on the five reviews and the ten learning points, in the report and the cabinet paper', async () => {
    const { officer, testApp } = shared
    const { draft2016 } = await demoReports(testApp)
    const page = await officer.get(`/reports/${draft2016}`)
    assert.equal(page.statusCode, 200)
    assert.match(documentPart(page.body), /<h2[^>]*>Case reviews and learning<\/h2>/)
    const narrative = narrativeText(page.body)
    assert.match(narrative, reviewsParagraph)
    assert.match(narrative, summariesParagraph)
    assertInOrder(narrative, 'the report')
    assert.match(page.body, /<ol class="govuk-list govuk-list--number">/, 'the points are a numbered list')

    const paper = await officer.get(`/reports/${draft2016}/cabinet-paper`)
    assert.equal(paper.statusCode, 200)
    const paperText = textOf(paper.body)
    assert.match(paperText, reviewsParagraph)
    assert.match(paperText, summariesParagraph)
    assertInOrder(paperText, 'the cabinet paper')
  })

  it('is in the Case Review and Governance subgroup’s report', async () => {
    const { officer, testApp } = shared
    const { caseReview2016 } = await demoReports(testApp)
    const page = await officer.get(`/reports/${caseReview2016}`)
    assert.equal(page.statusCode, 200)
    assert.match(documentPart(page.body), /<h2[^>]*>Case reviews and learning<\/h2>/)
    assert.match(narrativeText(page.body), reviewsParagraph)
  })

  it('says where the reviews stood in the year before, and words a year with none without a “0 of 0”', async () => {
    const { officer, testApp } = shared
    const { published2015 } = await demoReports(testApp)
    const narrative = narrativeText((await officer.get(`/reports/${published2015}`)).body)
    assert.match(
      narrative,
      /The OSCB has worked on 3 serious case reviews since the last report to the Board\. Of those 3 reviews: 2 are active and 1 has been completed and awaits publication\./,
    )
    assert.match(
      narrative,
      /In 2015\/16 the OSCB decided whether 3 cases met the criteria for a serious case review\. The criteria were met in all 3\./,
    )
    assert.doesNotMatch(narrative, /learning summary|most common learning points/, 'none published, none ranked')

    const context = { partnershipId: testApp.partnershipId, year: reportingYear(2013), group: null }
    const drafted = await Promise.all(
      caseReviewSection.narrative.map((slot) => startingText(testApp.database.db, slot, context)),
    )
    assert.deepEqual(drafted, [
      'The OSCB has not worked on any serious case reviews or local child safeguarding practice reviews since the last report to the Board.',
      'The OSCB made no decisions on whether to review a case in 2013/14.',
      '',
      '',
      undefined,
    ])
  })

  it('links every case review figure to a list of exactly the records it counts, and downloads the same', async () => {
    const { officer, testApp } = shared
    const { draft2016 } = await demoReports(testApp)
    const page = await officer.get(`/reports/${draft2016}`)
    const labels = new Map(reviewsModule.figures!.map((f) => [f.key, f.label]))
    const values = new Map<string, number>()
    for (const key of caseReviewSection.figures) {
      const row = figureRow(page.body, labels.get(key)!)
      assert.ok(row.link, `${key} links to its records`)
      const link = row.link.replace(/&amp;/g, '&')
      assert.equal(link, `/case-reviews/figures/${key}?year=2016-17`)
      const list = await officer.get(link)
      assert.equal(list.statusCode, 200, link)
      const { status, count: shown } = listed(list.body)
      assert.equal(shown, count(row.thisYear), `${key}: the report says ${row.thisYear}; the list says “${status}”`)
      const csv = parseCsv((await officer.get(`/case-reviews/figures/${key}.csv?year=2016-17`)).body)
      assert.equal(csv.length - 1, shown, `${key}: the download has every record the list counts`)
      values.set(key, shown)
    }
    assert.equal(values.get('worked-on'), 5)
    assert.equal(values.get('published'), 3)
    assert.equal(values.get('reviews-ranked'), 3)
  })

  it('lists a figure’s records only for those who may see the cases', async () => {
    const { testApp } = shared
    const member = await testApp.signIn(demoEmail['subgroup-member'])
    assert.equal(listed((await member.get('/case-reviews/figures/worked-on?year=2016-17')).body).count, 5)

    // Same role, not on the Case Review and Governance subgroup: the figure's list is empty.
    const outsider = await insertUser(testApp.database.db, testApp.partnershipId, {
      roles: ['subgroup-member'],
      password: 'an-outsider-password-long-enough',
    })
    const session = await testApp.signIn(outsider.email, 'an-outsider-password-long-enough')
    const list = await session.get('/case-reviews/figures/worked-on?year=2016-17')
    assert.equal(list.statusCode, 200)
    assert.equal(listed(list.body).count, 0)
    assert.doesNotMatch(list.body, /Child K/)
    const csv = parseCsv((await session.get('/case-reviews/figures/worked-on.csv?year=2016-17')).body)
    assert.equal(csv.length, 1, 'the download has the header alone')

    const boardMember = await testApp.signIn(demoEmail['board-member'])
    assert.equal((await boardMember.get('/case-reviews/figures/worked-on?year=2016-17')).statusCode, 403)
    assert.equal((await member.get('/case-reviews/figures/not-a-figure?year=2016-17')).statusCode, 404)
  })
})
