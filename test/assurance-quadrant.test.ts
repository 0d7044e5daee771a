import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { demoOwnArea } from '../src/modules/performance/seed-data.ts'
import {
  businessPlans,
  indicatorThemes,
  planPriorities,
  priorityIndicators,
} from '../src/modules/performance/schema.ts'
import { quadrantFor, type Quadrant } from '../src/modules/assurance/quadrant/quadrant.ts'
import { themes } from '../src/modules/themes/schema.ts'
import { systemActor } from '../src/platform/permissions.ts'
import {
  insertCaseAudit,
  insertIndicator,
  insertObservations,
  insertVoiceRecord,
  themeIdsNamed,
} from './builders/index.ts'
import { demoEmail } from './helpers/app.ts'
import { textOf } from './helpers/html.ts'
import { officerForSuite } from './helpers/records.ts'

/**
 * The quadrant of evidence, on hand-built records in the demo partnership under a theme of the
 * test's own (so the demo's own audits and surveys, whatever they hold, never change the counts):
 * items in all four quarters for the year and none from the year before, each with its summary
 * line; the qualitative quarter limited to the case audits the reader may see; a business plan
 * priority read the same way.
 */
const summaries = (q: Quadrant | null) => q?.quarters.map((quarter) => quarter.summary)
const titles = (q: Quadrant | null, key: string) =>
  q?.quarters.find((quarter) => quarter.key === key)?.items.map((i) => i.title)

describe('the quadrant of evidence', () => {
  const shared = officerForSuite()
  const ids = {} as { theme: string; empty: string; priority: string; audit: string; lateAudit: string }

  before(async () => {
    const db = shared.testApp.database.db
    const pid = shared.testApp.partnershipId
    const [theme, empty] = await db
      .insert(themes)
      .values([
        { partnershipId: pid, name: 'Quadrant test: neglect of teenagers' },
        { partnershipId: pid, name: 'Quadrant test: nothing yet' },
      ])
      .returning()
    ids.theme = theme!.id
    ids.empty = empty!.id
    const [neglect] = await themeIdsNamed(db, pid, ['Neglect'])
    const red = await insertIndicator(db, pid, {
      name: 'Quadrant test: neglect plans reviewed on time',
      polarity: 'higher-is-better',
      unit: 'percentage',
      target: 80,
    })
    const green = await insertIndicator(db, pid, {
      name: 'Quadrant test: neglect strategies',
      polarity: 'higher-is-better',
      target: 50,
    })
    await insertObservations(db, pid, red.id, { [demoOwnArea]: { '2015/16': 75, '2016/17': 70 } })
    await insertObservations(db, pid, green.id, { [demoOwnArea]: { '2016/17': 60 } })
    await db.insert(indicatorThemes).values([
      { indicatorId: red.id, partnershipId: pid, themeId: ids.theme },
      { indicatorId: green.id, partnershipId: pid, themeId: ids.theme },
    ])

    const onTheme = await insertCaseAudit(db, pid, {
      themeId: ids.theme,
      title: 'Quadrant test: teenagers neglected at home',
      caseGrades: ['good', 'requires-improvement', 'inadequate'],
      heldOn: '2016-10-12',
      learningPoints: [
        { text: 'Neglect of teenagers was seen as defiance.', themeIds: [ids.theme] },
        { text: 'Health visitors shared concerns promptly.' },
      ],
    })
    ids.audit = onTheme.audit.id
    // Another theme's audit, counted for a learning point on this theme; an auditor outside the subgroup.
    await insertCaseAudit(db, pid, {
      themeId: neglect!,
      title: 'Quadrant test: neglect in the early years',
      caseGrades: ['good'],
      heldOn: '2017-02-01',
      learningPoints: [{ text: 'Older siblings were not asked about home.', themeIds: [ids.theme] }],
    })
    // The year before: not in 2016/17.
    await insertCaseAudit(db, pid, { themeId: ids.theme, title: 'Quadrant test: last year', heldOn: '2016-03-31' })

    await insertVoiceRecord(db, pid, { themeIds: [ids.theme], title: 'QT practitioner survey', responses: 300 })
    await insertVoiceRecord(db, pid, {
      themeIds: [ids.theme],
      title: 'QT practitioner focus group',
      method: 'focus-group',
      responses: 12,
    })
    await insertVoiceRecord(db, pid, { title: 'QT untagged survey', responses: 99 })
    await insertVoiceRecord(db, pid, {
      themeIds: [ids.theme],
      audience: 'children-and-young-people',
      method: 'consultation-event',
      title: 'QT young people’s consultation',
      responses: 40,
    })
    await insertVoiceRecord(db, pid, {
      themeIds: [ids.theme],
      audience: 'parents-and-carers',
      title: 'QT parents’ survey',
      responses: 25,
    })

    const [plan] = await db.insert(businessPlans).values({ partnershipId: pid, startYear: 2030 }).returning()
    const [priority] = await db
      .insert(planPriorities)
      .values({ partnershipId: pid, planId: plan!.id, position: 1, title: 'Quadrant test priority' })
      .returning()
    ids.priority = priority!.id
    await db.insert(priorityIndicators).values({ priorityId: priority!.id, indicatorId: green.id })
    const late = await insertCaseAudit(db, pid, {
      themeId: neglect!,
      title: 'QT audit for the priority',
      heldOn: '2030-06-01',
      planPriorityId: priority!.id,
      caseGrades: ['outstanding'],
    })
    ids.lateAudit = late.audit.id
    await insertVoiceRecord(db, pid, {
      title: 'QT survey for the priority',
      heldOn: '2030-07-01',
      planPriorityId: priority!.id,
    })
  })

  it('has items in all four quarters for the theme and the year, each with its summary line', async () => {
    const { testApp } = shared
    const actor = systemActor(testApp.partnershipId)
    const quadrant = await quadrantFor(testApp.database.db, actor, { themeId: ids.theme }, 2016)
    assert.equal(quadrant?.year.label, '2016/17')
    assert.equal(quadrant?.evidenced, 4)
    assert.deepEqual(summaries(quadrant), [
      '2 indicators: 1 red, 1 green',
      '2 case audits, 4 cases: 2 good, 1 requires improvement, 1 inadequate',
      '1 survey, 1 focus group, 312 responses',
      '1 survey, 1 consultation event, 65 responses',
    ])
    const [numbers, audits] = quadrant!.quarters
    assert.deepEqual(
      numbers!.items.map((i) => [i.title, i.detail]),
      [
        ['Quadrant test: neglect plans reviewed on time', '2016/17: 70% · Red · Worsening'],
        ['Quadrant test: neglect strategies', '2016/17: 60 · Green · No earlier value'],
      ],
    )
    assert.match(numbers!.items[0]!.href, /^\/performance\/indicators\/[0-9a-f-]{36}$/)
    assert.deepEqual(
      audits!.items.map((i) => [i.title, i.detail, i.notes]),
      [
        [
          'Quadrant test: teenagers neglected at home',
          '3 cases: 1 good, 1 requires improvement, 1 inadequate',
          ['Neglect of teenagers was seen as defiance.'],
        ],
        ['Quadrant test: neglect in the early years', '1 case: 1 good', ['Older siblings were not asked about home.']],
      ],
    )
    assert.equal(audits!.items[0]!.href, `/assurance/case-audits/${ids.audit}`)
    assert.deepEqual(titles(quadrant, 'families'), ['QT parents’ survey', 'QT young people’s consultation'])
    assert.match(quadrant!.quarters[2]!.items[0]!.href, /^\/assurance\/voice\/[0-9a-f-]{36}$/)

    const empty = await quadrantFor(testApp.database.db, actor, { themeId: ids.empty }, 2016)
    assert.deepEqual(summaries(empty), [
      'No indicators are tagged with this theme',
      'No case audits',
      'No surveys or consultations',
      'No surveys or consultations',
    ])
    assert.equal(await quadrantFor(testApp.database.db, actor, { themeId: crypto.randomUUID() }, 2016), null)
  })

  it('reads a business plan priority through its indicators and what was commissioned for it', async () => {
    const { testApp } = shared
    const quadrant = await quadrantFor(
      testApp.database.db,
      systemActor(testApp.partnershipId),
      { priorityId: ids.priority },
      2030,
    )
    assert.equal(quadrant?.subject.name, 'Quadrant test priority')
    assert.deepEqual(summaries(quadrant), [
      '1 indicator: 1 not judged',
      '1 case audit, 1 case: 1 outstanding',
      '1 survey, 40 responses',
      'No surveys or consultations',
    ])
  })

  it('shows the four quarters on the page, and case audits only to those they name', async () => {
    const { testApp, officer } = shared
    const address = `/assurance/quadrant?theme=${ids.theme}&year=2016`
    const page = await officer.get(address)
    assert.equal(page.statusCode, 200)
    const text = textOf(page.body)
    for (const heading of ['Quantitative data', 'Qualitative data', 'Practitioner views', 'Child and family views'])
      assert.match(page.body, new RegExp(`<h2 class="govuk-heading-m" id="quarter-[a-z]+">${heading}</h2>`))
    assert.ok(text.includes('Evidence in 4 of the 4 quarters'), text)
    assert.ok(page.body.includes(`href="/assurance/case-audits/${ids.audit}"`))
    assert.ok(text.includes('2 case audits, 4 cases: 2 good, 1 requires improvement, 1 inadequate.'))

    // The agency lead is on no audit and not on the audit subgroup: the audits are not there, nor counted.
    const lead = await testApp.signIn(demoEmail['agency-lead'])
    const outside = await lead.get(address)
    assert.equal(outside.statusCode, 200)
    const seen = textOf(outside.body)
    assert.ok(!outside.body.includes('/assurance/case-audits/'), 'no case audit is linked')
    assert.ok(!seen.includes('Quadrant test: teenagers neglected at home'))
    assert.ok(seen.includes('No case audits that you can see.'), seen)
    assert.ok(seen.includes('1 survey, 1 focus group, 312 responses.'))
    assert.ok(seen.includes('Evidence in 3 of the 4 quarters'))

    assert.equal((await officer.get('/assurance/quadrant?theme=not-an-id')).statusCode, 404)
    const chooser = await officer.get('/assurance/quadrant')
    assert.equal(chooser.statusCode, 200)
    assert.ok(chooser.body.includes(`<option value="${ids.theme}">Quadrant test: neglect of teenagers</option>`))
    assert.ok(!chooser.body.includes('Quadrant test: nothing yet'), 'a theme without evidence is not offered')
  })
})
