import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, eq, sql } from 'drizzle-orm'
import { seedDemoData } from '../src/db/seed.ts'
import { actionsFrom, todayInLondon } from '../src/modules/actions/service.ts'
import { agencies } from '../src/modules/partnership/schema.ts'
import { reviewsModule } from '../src/modules/reviews/index.ts'
import { caseClocks } from '../src/modules/reviews/clocks.ts'
import { caseRecords } from '../src/modules/reviews/figures/records.ts'
import { reviewRecommendations, reviewSettings } from '../src/modules/reviews/schema.ts'
import { rankedThemes } from '../src/modules/reviews/themes-across/ranking.ts'
import { computeFigure } from '../src/platform/figures.ts'
import { reportingYear } from '../src/platform/reporting-years.ts'
import { partnershipCalendar } from '../src/platform/working-days.ts'
import { createTestDatabase, type TestDatabase } from './helpers/database.ts'
import { seedLearningPoints } from './helpers/reviews.ts'

/**
 * The demo's case reviews read as the seed paper does for 2016/17 (¶16, ¶20): five serious case
 * reviews worked on — three published (one signed off in 2015/16, two in 2016/17), one active, one
 * completed as far as possible while a police investigation is under way — and the ten most common
 * learning points in the paper's order; counted by the module's own figures, from the records.
 */
const year2016 = reportingYear(2016)

describe('the case review demo', () => {
  let database: TestDatabase
  let partnershipId: string
  const figures = new Map<string, number | null>()
  before(async () => {
    database = await createTestDatabase('pglite')
    ;({ partnershipId } = await seedDemoData(database.db))
    for (const definition of reviewsModule.figures!) {
      const figure = await computeFigure(database.db, 'reviews', definition, { partnershipId, year: year2016 })
      assert.equal(figure.problem, null, `${figure.name}: ${figure.problem}`)
      figures.set(definition.key, figure.value)
    }
  })
  after(() => database.close())

  it('worked on five serious case reviews in 2016/17, and says where each stood at the year’s end', () => {
    assert.equal(figures.get('worked-on'), 5)
    assert.equal(figures.get('published'), 3)
    assert.equal(figures.get('published-signed-off-earlier'), 1, 'Child K, signed off in 2015/16')
    assert.equal(figures.get('published-signed-off-in-year'), 2, 'Child L and Family M')
    assert.equal(figures.get('active'), 1, 'Child N')
    assert.equal(figures.get('awaiting-parallel-process'), 1, 'Child O, held for the police investigation')
    assert.equal(figures.get('completed'), 0)
    assert.equal(figures.get('learning-summaries'), 3, 'a learning summary for each published review')
  })

  it('decided four referrals: two met the criteria, one was reviewed as a learning review, one was not reviewed', () => {
    assert.equal(figures.get('decisions'), 4)
    assert.equal(figures.get('criteria-met'), 2)
    assert.equal(figures.get('criteria-not-met'), 2)
    assert.equal(figures.get('learning-reviews'), 1)
    assert.equal(figures.get('not-reviewed'), 1)
    assert.equal(figures.get('clocks-due'), 0, 'Working Together 2015 had no clocks for the national panel')
  })

  it('had recommendations open, completed and overdue at the year’s end', () => {
    assert.equal(figures.get('recommendations-open'), 6)
    assert.equal(figures.get('recommendations-completed'), 6)
    assert.equal(figures.get('recommendations-overdue'), 1)
  })

  it('ranks the seed paper’s ten learning points in its order, from the three published reviews', async () => {
    const ranked = await rankedThemes(database.db, partnershipId, { from: year2016.start, to: year2016.end })
    assert.deepEqual(
      ranked.slice(0, 10).map((t) => t.name),
      seedLearningPoints,
    )
    // Each place is won outright, on learning points or then on reviews, never on the name.
    for (let i = 1; i < 11; i++) {
      const [higher, lower] = [ranked[i - 1]!, ranked[i]!]
      assert.ok(
        higher.learningPoints > lower.learningPoints ||
          (higher.learningPoints === lower.learningPoints && higher.reviews > lower.reviews),
        `${higher.name} (${higher.learningPoints}, ${higher.reviews}) above ${lower.name} (${lower.learningPoints}, ${lower.reviews})`,
      )
    }
    assert.ok(ranked.length > 10, 'other common themes appear less often')
    assert.deepEqual([...new Set(ranked.flatMap((t) => t.cases.map((c) => c.reference)))].sort(), [
      'Child K',
      'Child L',
      'Family M',
    ])
    assert.equal(figures.get('reviews-ranked'), 3)
    assert.equal(figures.get('themes-ranked'), ranked.length)
    assert.equal(figures.get('learning-points'), 31)
  })

  it('links the four learning events and the conference to the themes they covered, and shows a theme with none', async () => {
    const ranked = await rankedThemes(database.db, partnershipId, { from: year2016.start, to: year2016.end })
    const training = new Set(ranked.flatMap((t) => t.training.map((c) => c.title)))
    for (const title of [
      'Learning event: working with children with disability',
      'Learning event: working with neglect',
      'Learning event: relationships and identity',
      'Learning event: safeguarding risks online',
      'Annual safeguarding conference',
    ])
      assert.ok(training.has(title), title)
    assert.deepEqual(ranked.find((t) => t.name === 'Physical abuse')?.training, [])
  })

  it('has this year’s clocks due soon, overdue and met', async () => {
    const [cases, calendar] = await Promise.all([
      caseRecords(database.db, partnershipId),
      partnershipCalendar(database.db, partnershipId),
    ])
    const today = todayInLondon()
    const states = cases.flatMap((c) => caseClocks(c, today, calendar).map((clock) => clock.state))
    for (const state of ['due', 'overdue', 'met'] as const) assert.ok(states.includes(state), state)
  })

  it('has recommendations owned by the agency lead’s trust, with actions done with evidence and overdue', async () => {
    const [trust] = await database.db
      .select({ id: agencies.id })
      .from(agencies)
      .where(and(eq(agencies.partnershipId, partnershipId), eq(agencies.name, 'Oxford Health NHS Foundation Trust')))
    const owned = await database.db
      .select()
      .from(reviewRecommendations)
      .where(and(eq(reviewRecommendations.partnershipId, partnershipId), eq(reviewRecommendations.agencyId, trust!.id)))
    assert.ok(owned.length >= 3)
    assert.deepEqual([...new Set(owned.map((r) => r.status))].sort(), ['complete', 'in-progress', 'open'])
    const all = await database.db
      .select({ id: reviewRecommendations.id })
      .from(reviewRecommendations)
      .where(eq(reviewRecommendations.partnershipId, partnershipId))
    const actions = await actionsFrom(
      database.db,
      partnershipId,
      'review-recommendation',
      all.map((r) => r.id),
    )
    const shown = new Set(actions.map((a) => a.shownStatus))
    for (const status of ['complete', 'overdue', 'on-track'] as const) assert.ok(shown.has(status), status)
    assert.ok(actions.filter((a) => a.status === 'complete').every((a) => a.evidence && a.completedOn))
  })

  it('shows its cases only to the Case Review and Governance subgroup, the business unit and the chair', async () => {
    const [settings] = await database.db
      .select()
      .from(reviewSettings)
      .where(eq(reviewSettings.partnershipId, partnershipId))
    assert.equal(settings?.groupIds.length, 1)
    const result = (await database.db.execute(
      sql`select count(*)::int as n from review_cases c where c.partnership_id = ${partnershipId} and not exists (
        select 1 from confidential_access a where a.record_type = 'case-review' and a.record_id = c.id
          and a.group_ids = ${`{${settings!.groupIds[0]}}`}::uuid[] and a.roles @> '{business-unit,chair}')`,
    )) as unknown as { rows: { n: number }[] }
    assert.equal(result.rows[0]!.n, 0)
  })
})
