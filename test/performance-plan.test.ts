import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { and, asc, eq } from 'drizzle-orm'
import { actions } from '../src/modules/actions/schema.ts'
import { evaluatePriority } from '../src/modules/performance/plan/priorities.ts'
import { getPriority } from '../src/modules/performance/plan/service.ts'
import { businessPlans, planPriorities } from '../src/modules/performance/schema.ts'
import { agencies } from '../src/modules/partnership/schema.ts'
import { ValidationError } from '../src/platform/errors.ts'
import { auditLog } from '../src/platform/schema.ts'
import { comparatorsFor } from '../src/modules/performance/series.ts'
import { insertIndicator, insertObservations } from './builders/index.ts'
import { builderActor } from './builders/names.ts'
import { appForSuite, demoEmail, type Session, type TestApp } from './helpers/app.ts'
import { parseCsv } from './helpers/csv.ts'
import { errorSummary, formVersion, textOf } from './helpers/html.ts'
import { idOf } from './helpers/records.ts'

/**
 * The business plan: a plan per reporting year, its priorities (with the indicators that measure
 * them and the actions raised under them, each with a RAG rating from its status), the year-end
 * evaluation that needs its evidence, and what the year taught, each change audited. The board
 * member reads it all and changes none of it.
 */
describe('the business plan', () => {
  const suite = appForSuite()
  let testApp: TestApp
  let officer: Session
  let board: Session
  let health: string
  let indicatorIds: { id: string; name: string }[]
  let priorityId: string

  const db = () => testApp.database.db
  const auditOf = (recordType: string, recordId: string) =>
    db()
      .select({ action: auditLog.action, summary: auditLog.summary, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.recordType, recordType), eq(auditLog.recordId, recordId)))
      .orderBy(asc(auditLog.id))
  const planOf = async (startYear: number) => {
    const [plan] = await db()
      .select()
      .from(businessPlans)
      .where(and(eq(businessPlans.partnershipId, testApp.partnershipId), eq(businessPlans.startYear, startYear)))
    return plan
  }
  const prioritiesOf = async (planId: string) =>
    db().select().from(planPriorities).where(eq(planPriorities.planId, planId)).orderBy(asc(planPriorities.position))
  const future = { 'dueOn-day': '31', 'dueOn-month': '3', 'dueOn-year': '2099' }
  const past = { 'dueOn-day': '31', 'dueOn-month': '1', 'dueOn-year': '2019' }

  before(async () => {
    testApp = suite()
    officer = await testApp.signIn(demoEmail['business-unit'])
    board = await testApp.signIn(demoEmail['board-member'])
    health = await idOf(testApp, agencies, 'Oxford Health NHS Foundation Trust')
    // Two own measures (the demo's catalogue has its own), valued for the demo's authority and
    // comparators: the first worse than England and the neighbours and rising three years running
    // to 2018/19, with a later year that the 2018/19 plan must not show; the second suppressed.
    const pid = testApp.partnershipId
    const [plans, repeats] = await Promise.all([
      insertIndicator(db(), pid, {
        name: 'Child protection plans per 10,000',
        subject: 'children subject to a child protection plan',
        unit: 'rate-per-10000',
        polarity: 'lower-is-better',
      }),
      insertIndicator(db(), pid, {
        name: 'Second or subsequent plans',
        unit: 'percentage',
        polarity: 'lower-is-better',
      }),
    ])
    indicatorIds = [plans, repeats]
    const comparators = await comparatorsFor(db(), pid)
    assert.ok(comparators, 'the demo sets its own authority and statistical neighbours')
    const [first, second] = comparators.neighbours
    await insertObservations(db(), pid, plans.id, {
      [comparators.own]: { '2015/16': 30, '2016/17': 35, '2017/18': 40, '2018/19': 45.2, '2019/20': 20 },
      [comparators.england]: { '2015/16': 40, '2018/19': 43.1 },
      [first!]: { '2018/19': 38 },
      [second!]: { '2018/19': 40 },
    })
    await insertObservations(db(), pid, repeats.id, { [comparators.own]: { '2018/19': 'c' } })
  })

  /** What the plan's pages say of the first measure in 2018/19: the scorecard's value, travel, RAG and exceptions. */
  const firstMeasureIn2018 = new RegExp(
    [
      'Child protection plans per 10,000 2018/19: 45\\.2\\. Direction of travel: ↑ Worsening\\. ',
      'RAG rating: Red Against England and neighbours Exceptions: ',
      'Children subject to a child protection plan stood at 45\\.2 per 10,000 children in 2018/19, ',
      'higher than England \\(43\\.1 per 10,000 children\\) and statistical neighbours \\(39 per 10,000 children\\); ',
      'lower is better\\. Children subject to a child protection plan rose in each of the last 3 years, ',
      'from 30 per 10,000 children in 2015/16 to 45\\.2 per 10,000 children in 2018/19\\.',
    ].join(''),
  )
  const secondMeasureIn2018 = /Second or subsequent plans 2018\/19: Suppressed \(c\)\. RAG rating: Not judged/

  it('lists the plans by year with their priorities and actions, and downloads the same', async () => {
    const page = await officer.get('/business-plan')
    assert.equal(page.statusCode, 200)
    const text = textOf(page.body)
    assert.match(text, /2 plans\./)
    assert.match(
      text,
      /Business plan 2016\/17 4 4 of 4 1 1/,
      'four priorities, all evaluated, one action open and overdue',
    )
    assert.match(text, /Business plan 2017\/18 3 0 of 3 0 0/)
    assert.match(page.body, /href="\/business-plan\/new\?year=2018-19"[^>]*>\s*Create the plan for 2018\/19/)
    const csv = parseCsv((await officer.get('/business-plan.csv')).body)
    assert.deepEqual(csv[0], ['Year', 'Priorities', 'Evaluated', 'Actions open', 'Actions overdue'])
    assert.deepEqual(csv.slice(1), [
      ['2017/18', '3', '0', '0', '0'],
      ['2016/17', '4', '4', '1', '1'],
    ])
  })

  it('creates one plan a year, audited', async () => {
    const created = await officer.post('/business-plan/new', { startYear: '2018' })
    assert.equal(created.statusCode, 302)
    assert.equal(created.headers.location, '/business-plan/2018-19?created=1')
    const page = await officer.get(String(created.headers.location))
    assert.equal(page.statusCode, 200)
    assert.match(textOf(page.body), /Business plan created .*The plan has no priorities yet\./)
    const again = await officer.post('/business-plan/new', { startYear: '2018' })
    assert.equal(again.statusCode, 400)
    assert.deepEqual(errorSummary(again.body), ['startYear: Select a year from the list'])
    const plan = await planOf(2018)
    assert.ok(plan)
    assert.deepEqual(
      (await auditOf('business-plan', plan.id)).map((a) => a.summary),
      ['Created the business plan for 2018/19'],
    )
    const none = await officer.get('/business-plan/2019-20')
    assert.match(textOf(none.body), /There is no business plan for 2019\/20\./)
    assert.equal((await officer.get('/business-plan/not-a-year')).statusCode, 404)
  })

  it('adds priorities measured by the catalogue’s indicators, each with its value and RAG rating for the plan’s year', async () => {
    const url = '/business-plan/2018-19/priorities/new'
    const form = await officer.get(url)
    assert.equal(form.statusCode, 200)
    assert.match(form.body, new RegExp(`value="${indicatorIds[0]!.id}"`), 'the catalogue as checkboxes')
    const bad = await officer.post(url, { title: ' ', outcomes: '', indicatorIds: ['not-an-id'] })
    assert.equal(bad.statusCode, 400)
    assert.deepEqual(errorSummary(bad.body), [
      'title: Enter the priority',
      'outcomes: Enter the intended outcomes',
      'indicatorIds: Select indicators from the list',
    ])
    const saved = await officer.post(url, {
      title: 'Tackling neglect',
      outcomes: '- Neglect is recognised early',
      indicatorIds: indicatorIds.map((i) => i.id),
    })
    assert.equal(saved.statusCode, 302)
    priorityId = String(saved.headers.location).match(/priorities\/([0-9a-f-]{36})/)![1]!
    await officer.post(url, {
      title: 'Safeguarding adolescents at risk of exploitation',
      outcomes: 'Fewer missing episodes',
    })

    const plan = await officer.get('/business-plan/2018-19')
    const text = textOf(plan.body)
    assert.match(text, /Priority 1: Tackling neglect Not yet evaluated Intended outcomes Neglect is recognised early/)
    assert.match(text, /Priority 2: Safeguarding adolescents at risk of exploitation/)
    for (const indicator of indicatorIds)
      assert.match(
        plan.body,
        new RegExp(`<a class="govuk-link" href="/performance/indicators/${indicator.id}">${indicator.name}</a>`),
      )
    assert.match(text, firstMeasureIn2018, 'the 2018/19 value, not the later one, judged as the scorecard judges it')
    assert.match(text, secondMeasureIn2018, 'suppressed, never 0, and not judged')
    const own = textOf((await officer.get(`/business-plan/priorities/${priorityId}`)).body)
    assert.match(
      own,
      new RegExp(`Indicators that measure it ${firstMeasureIn2018.source} ${secondMeasureIn2018.source}`),
    )
    const [audit] = await auditOf('plan-priority', priorityId)
    assert.equal(audit!.summary, 'Added 2018/19 priority 1: Tackling neglect')
    assert.equal((audit!.after as Record<string, string>).indicators, indicatorIds.map((i) => i.name).join(', '))
  })

  it('raises actions under a priority in the tracker, each with a RAG rating from its status', async () => {
    const url = `/business-plan/priorities/${priorityId}/actions/new`
    assert.equal((await officer.get(url)).statusCode, 200)
    const noOwner = await officer.post(url, { description: 'Audit neglect cases', ...future })
    assert.equal(noOwner.statusCode, 400)
    assert.deepEqual(errorSummary(noOwner.body), ['ownerAgencyId: Select the agency or the person who owns the action'])
    const raised = await officer.post(url, { description: 'Embed the neglect toolkit', ownerAgencyId: health, ...past })
    assert.equal(raised.statusCode, 302)
    await officer.post(url, { description: 'Audit neglect cases', ownerAgencyId: health, ...future })

    const rows = await db()
      .select()
      .from(actions)
      .where(and(eq(actions.sourceType, 'plan-priority'), eq(actions.sourceId, priorityId)))
      .orderBy(asc(actions.dueOn))
    assert.deepEqual(
      rows.map((a) => [a.description, a.sourceLabel, a.sourceHref]),
      [
        [
          'Embed the neglect toolkit',
          '2018/19 priority 1: Tackling neglect',
          `/business-plan/priorities/${priorityId}`,
        ],
        ['Audit neglect cases', '2018/19 priority 1: Tackling neglect', `/business-plan/priorities/${priorityId}`],
      ],
    )
    assert.equal(raised.headers.location, `/business-plan/priorities/${priorityId}?actionAdded=1`)
    const page = textOf((await officer.get(String(raised.headers.location))).body)
    assert.match(page, /Action added/)
    assert.match(page, /Embed the neglect toolkit Oxford Health NHS Foundation Trust 31 January 2019 Overdue Red/)
    assert.match(page, /Audit neglect cases Oxford Health NHS Foundation Trust 31 March 2099 Not started Green/)
    assert.match(page, /Raised an action for 2018\/19 priority 1: Tackling neglect/, 'the priority’s history says so')
  })

  it('changes, moves and removes priorities, relabelling their actions; one with actions stays', async () => {
    const edit = await officer.get(`/business-plan/priorities/${priorityId}/edit`)
    const changed = await officer.post(`/business-plan/priorities/${priorityId}/edit`, {
      version: formVersion(edit.body),
      title: 'Tackling long-term neglect',
      outcomes: '- Neglect is recognised early',
      indicatorIds: [indicatorIds[0]!.id],
    })
    assert.equal(changed.statusCode, 302)
    const moved = await officer.post(`/business-plan/priorities/${priorityId}/move`, { direction: 'down' })
    assert.equal(moved.statusCode, 302)
    const plan = (await planOf(2018))!
    assert.deepEqual(
      (await prioritiesOf(plan.id)).map((p) => p.title),
      ['Safeguarding adolescents at risk of exploitation', 'Tackling long-term neglect'],
    )
    const [action] = await db().select().from(actions).where(eq(actions.sourceId, priorityId))
    assert.equal(action!.sourceLabel, '2018/19 priority 2: Tackling long-term neglect')
    const summaries = (await auditOf('plan-priority', priorityId)).map((a) => a.summary)
    assert.ok(summaries.includes('Changed 2018/19 priority 1: Tackling neglect'))
    assert.ok(summaries.includes('Moved 2018/19 priority 1: Tackling long-term neglect to number 2'))

    const refused = await officer.get(`/business-plan/priorities/${priorityId}/remove`)
    assert.match(textOf(refused.body), /This priority has 2 actions, so it cannot be removed\./)
    const [first] = await prioritiesOf(plan.id)
    const remove = await officer.get(`/business-plan/priorities/${first!.id}/remove`)
    const removed = await officer.post(`/business-plan/priorities/${first!.id}/remove`, {
      version: formVersion(remove.body),
    })
    assert.equal(removed.statusCode, 302)
    assert.deepEqual(
      (await prioritiesOf(plan.id)).map((p) => [p.position, p.title]),
      [[1, 'Tackling long-term neglect']],
    )
    const [relabelled] = await db().select().from(actions).where(eq(actions.sourceId, priorityId))
    assert.equal(relabelled!.sourceLabel, '2018/19 priority 1: Tackling long-term neglect')
    assert.equal((await auditOf('plan-priority', first!.id)).at(-1)!.action, 'deleted')
  })

  it('refuses an evaluation without evidence, and shows the evidence the record holds beside the form', async () => {
    const url = `/business-plan/priorities/${priorityId}/evaluation`
    const form = await officer.get(url)
    assert.equal(form.statusCode, 200)
    const beside = textOf(form.body)
    assert.match(beside, /What the record holds/)
    assert.match(beside, firstMeasureIn2018)
    assert.doesNotMatch(beside, /Second or subsequent plans/, 'no longer measures it')
    assert.match(beside, /Embed the neglect toolkit .* Overdue Red/)
    const bad = await officer.post(url, { version: formVersion(form.body), evaluation: 'achieved', evidence: '   ' })
    assert.equal(bad.statusCode, 400)
    assert.deepEqual(errorSummary(bad.body), ['evidence: Enter the evidence behind the evaluation'])
    const priority = await getPriority(db(), testApp.partnershipId, priorityId)
    await assert.rejects(
      evaluatePriority(db(), builderActor(testApp.partnershipId), priority, priority.version, {
        evaluation: 'achieved',
        evidence: '',
      }),
      ValidationError,
    )

    const saved = await officer.post(url, {
      version: formVersion(form.body),
      evaluation: 'partly-achieved',
      evidence: 'The toolkit is used in children’s social care but not yet in health visiting.',
    })
    assert.equal(saved.statusCode, 302)
    const page = textOf((await officer.get(String(saved.headers.location))).body)
    assert.match(page, /Evaluation saved/)
    assert.match(page, /Evaluation Partly achieved Evidence The toolkit is used/)
    const last = (await auditOf('plan-priority', priorityId)).at(-1)!
    assert.equal(last.summary, 'Evaluated 2018/19 priority 1: Tackling long-term neglect: partly achieved')
    assert.deepEqual((last.after as Record<string, string>).evaluation, 'partly-achieved')
  })

  it('saves what the year taught, audited, and shows it on the plan', async () => {
    const url = '/business-plan/2018-19/review'
    const form = await officer.get(url)
    assert.equal(form.statusCode, 200)
    const saved = await officer.post(url, {
      version: formVersion(form.body),
      areasForImprovement: 'Partners must persist with long-term neglect.',
      messages: '- Understand thresholds\n- Plan for the long term',
    })
    assert.equal(saved.statusCode, 302)
    const page = await officer.get('/business-plan/2018-19')
    assert.match(page.body, /<li>Understand thresholds<\/li>/)
    assert.match(textOf(page.body), /Areas for improvement Partners must persist with long-term neglect\./)
    const plan = (await planOf(2018))!
    const last = (await auditOf('business-plan', plan.id)).at(-1)!
    assert.equal(last.summary, 'Changed what 2018/19 taught')
    assert.deepEqual(last.after, {
      areasForImprovement: 'Partners must persist with long-term neglect.',
      messages: '- Understand thresholds\n- Plan for the long term',
    })
  })

  it('links each figure to exactly its records: the plan by evaluation, its actions at the year’s end', async () => {
    const achieved = textOf((await officer.get('/business-plan/2016-17?evaluation=achieved')).body)
    assert.match(achieved, /Showing the 3 priorities achieved\./)
    assert.equal(achieved.match(/Priority \d: /g)?.length, 3)
    const overdue = await officer.get('/business-plan/actions?year=2016-17&status=overdue')
    assert.equal(overdue.statusCode, 200)
    assert.match(textOf(overdue.body), /1 action\. .*Embed the neglect toolkit in health visiting and school nursing/)
    const csv = parseCsv((await officer.get('/business-plan/actions.csv?year=2016-17&status=complete')).body)
    assert.equal(csv.length - 1, 7)
  })

  it('lets a board member read the plans and change nothing', async () => {
    for (const url of ['/business-plan', '/business-plan/2016-17', `/business-plan/priorities/${priorityId}`])
      assert.equal((await board.get(url)).statusCode, 200, url)
    const page = await board.get('/business-plan/2016-17')
    assert.doesNotMatch(page.body, /Add a priority|Move up|Change what/)
    for (const url of [
      '/business-plan/new',
      '/business-plan/2018-19/review',
      '/business-plan/2018-19/priorities/new',
      `/business-plan/priorities/${priorityId}/edit`,
      `/business-plan/priorities/${priorityId}/evaluation`,
      `/business-plan/priorities/${priorityId}/actions/new`,
    ]) {
      assert.equal((await board.get(url)).statusCode, 403, url)
      assert.equal((await board.post(url, {})).statusCode, 403, url)
    }
    assert.equal(
      (await board.post(`/business-plan/priorities/${priorityId}/move`, { direction: 'up' })).statusCode,
      403,
    )
  })

  it('shows the demo agency lead the plan’s action their agency owns, in the tracker', async () => {
    const lead = await testApp.signIn(demoEmail['agency-lead'])
    const list = textOf((await lead.get('/actions?sourceType=plan-priority')).body)
    assert.match(list, /Embed the neglect toolkit in health visiting and school nursing/)
    assert.match(list, /2016\/17 priority 3: Tackling neglect/)
  })
})
