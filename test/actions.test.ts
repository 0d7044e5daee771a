import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import nunjucks from 'nunjucks'
import { sourceActionsTable } from '../src/modules/actions/presenters.ts'
import { actionCounts, actionCountsBySource, actionsFrom, shownStatus } from '../src/modules/actions/service.ts'
import { ValidationError } from '../src/platform/errors.ts'
import { auditLog } from '../src/platform/schema.ts'
import { templateRoots } from '../src/platform/views.ts'
import { past, sourceQuery, testSource, trackerForSuite } from './helpers/actions.ts'
import { parseCsv } from './helpers/csv.ts'
import { linkedNames, pageTitle, summaryListRows, textOf } from './helpers/html.ts'

/**
 * The action tracker: actions raised by another module, read through each person's scope (the
 * business unit and chair all, an agency lead their agency's, an owner their own, a stranger
 * nothing), listed, filtered and downloaded. Changes to them: actions-changes.test.ts.
 */

describe('the action tracker', () => {
  const { shared, ids, sessions, raise, actionRow } = trackerForSuite()

  describe('raising and counting, for the modules that raise actions', () => {
    it('works out "overdue" from the due date and never stores it', async () => {
      const { testApp } = shared
      assert.equal(shownStatus({ status: 'on-track', dueOn: '2017-03-31' }, '2017-04-01'), 'overdue')
      assert.equal(shownStatus({ status: 'on-track', dueOn: '2017-03-31' }, '2017-03-31'), 'on-track')
      assert.equal(shownStatus({ status: 'complete', dueOn: '2017-03-31' }, '2018-01-01'), 'complete')
      assert.equal((await actionRow(ids.ownerOverdue)).status, 'on-track')

      const fromSource = await actionsFrom(testApp.database.db, testApp.partnershipId, testSource, [ids.source])
      assert.deepEqual(fromSource.map((a) => [a.description, a.ownerName, a.agencyName, a.shownStatus]).slice(0, 2), [
        [
          'Audit the use of the neglect toolkit in health visiting',
          'Nadia Brookes',
          'Oxford Health NHS Foundation Trust',
          'overdue',
        ],
        [
          'Train custody officers in professional curiosity',
          'Detective Superintendent Kate Lyons',
          'Thames Valley Police',
          'overdue',
        ],
      ])
      const counts = await actionCounts(testApp.database.db, testApp.partnershipId, testSource, [ids.source])
      assert.deepEqual(counts, { total: 4, open: 4, complete: 0, overdue: 2 })
      const bySource = actionCountsBySource(testApp.database.db, testApp.partnershipId, testSource)
      assert.deepEqual(await testApp.database.db.select().from(bySource), [
        { sourceId: ids.source, total: 4, complete: 0, overdue: 2 },
      ])
      assert.deepEqual(await actionCounts(testApp.database.db, testApp.partnershipId, testSource, []), {
        total: 0,
        open: 0,
        complete: 0,
        overdue: 0,
      })
    })

    it('refuses an action with no owner, or an owner from outside the directory; audits one with its owner’s name; records one already done', async () => {
      await assert.rejects(
        raise({ description: 'Nobody’s' }),
        (error) => error instanceof ValidationError && 'ownerAgencyId' in error.fieldErrors,
      )
      await assert.rejects(
        raise({ description: 'A stranger’s', ownerPersonId: randomUUID() }),
        (error) =>
          error instanceof ValidationError && error.fieldErrors.ownerPersonId === 'Select a person from the list',
      )
      const [raised] = await shared.testApp.database.db
        .select({ after: auditLog.after })
        .from(auditLog)
        .where(and(eq(auditLog.recordType, 'action'), eq(auditLog.recordId, ids.samAction)))
      assert.equal((raised?.after as { owner: string }).owner, 'Sam Patel')

      // From a source of its own, so the lists below stay as they are.
      const earlier = { type: 'tracker-test-earlier-plan', id: randomUUID(), label: 'Plan 2015/16', href: '/x' }
      const done = await raise({
        source: earlier,
        description: 'Share the review’s learning at the practitioners’ conference',
        ownerAgencyId: ids.police,
        dueOn: past,
        completed: { evidence: 'Presented to 180 practitioners.', completedOn: '2020-03-01' },
      })
      const row = await actionRow(done)
      assert.deepEqual(
        [row.status, row.evidence, row.completedOn],
        ['complete', 'Presented to 180 practitioners.', '2020-03-01'],
      )
      const { db } = shared.testApp.database
      assert.deepEqual(await actionCounts(db, shared.testApp.partnershipId, earlier.type), {
        total: 1,
        open: 0,
        complete: 1,
        overdue: 0,
      })
    })

    it('gives another module a table of its actions, each linked, with "Overdue" in words', () => {
      const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(templateRoots), { autoescape: true })
      const render = (params: object) =>
        env.renderString(
          '{% from "modules/actions/views/_actions-table.njk" import appActionsTable %}{{ appActionsTable(params) }}',
          { params },
        )
      const table = sourceActionsTable(
        [
          {
            id: ids.ownerOverdue,
            description: 'Audit <the> toolkit',
            ownerName: 'Nadia Brookes',
            agencyName: 'Oxford Health NHS Foundation Trust',
            dueOn: '2017-03-31',
            shownStatus: 'overdue',
          } as never,
        ],
        { caption: 'Actions for recommendation 1' },
      )
      const html = render(table)
      assert.match(
        html,
        new RegExp(`<a class="govuk-link" href="/actions/${ids.ownerOverdue}">Audit &lt;the&gt; toolkit</a>`),
      )
      assert.match(html, /<strong class="govuk-tag govuk-tag--red">Overdue<\/strong>/)
      assert.match(textOf(html), /Nadia Brookes, Oxford Health NHS Foundation Trust 31 March 2017/)
      assert.match(render(sourceActionsTable([], { caption: 'None' })), /No actions have been raised\./)
      const unlinked = sourceActionsTable(
        [{ id: ids.ownerOverdue, description: 'Audit', dueOn: '2017-01-01', shownStatus: 'complete' } as never],
        { caption: 'Not linked', link: false },
      )
      assert.doesNotMatch(render(unlinked), /href=/, 'for readers who may not open actions')
    })
  })

  describe('who sees which actions', () => {
    it('shows the business unit and the chair every action, overdue ones tagged "Overdue" in red', async () => {
      for (const session of [shared.officer, sessions.chair]) {
        const page = await session.get(`/actions?${sourceQuery}`)
        assert.equal(page.statusCode, 200)
        assert.deepEqual(linkedNames(page.body, '/actions'), [
          'Audit the use of the neglect toolkit in health visiting',
          'Train custody officers in professional curiosity',
          'Brief school nurses on the role of fathers and male carers',
          'Revise the trust’s escalation policy',
        ])
        assert.match(page.body, /Showing 1 to 4 of 4 actions/)
        assert.equal(page.body.match(/govuk-tag--red">Overdue</g)?.length, 2)
        assert.match(page.body, /href="\/case-reviews\/x">Child T: recommendation 1<\/a>/)
      }
    })

    it('shows an agency lead only their own agency’s actions, in the list, its download and one by one', async () => {
      const list = await sessions.lead.get(`/actions?${sourceQuery}`)
      assert.deepEqual(linkedNames(list.body, '/actions'), [
        'Audit the use of the neglect toolkit in health visiting',
        'Brief school nurses on the role of fathers and male carers',
        'Revise the trust’s escalation policy',
      ])
      assert.doesNotMatch(list.body, /Thames Valley Police/, 'not even as a filter choice')
      const csv = parseCsv((await sessions.lead.get(`/actions.csv?${sourceQuery}`)).body)
      assert.equal(csv.length, 4)
      assert.equal((await sessions.lead.get(`/actions/${ids.policeAction}`)).statusCode, 404)
      assert.equal((await sessions.lead.get(`/actions/${ids.ownerOnTrack}`)).statusCode, 200)
    })

    it('gives a board member with no agency none of the others’ actions', async () => {
      const list = await sessions.board.get(`/actions?${sourceQuery}`)
      assert.equal(list.statusCode, 200)
      assert.match(list.body, /No actions match these filters\./)
      assert.equal((await sessions.board.get(`/actions/${ids.samAction}`)).statusCode, 404)
    })

    it('shows an owner their own actions under My actions, open ones first, and on the home page, with no other permission', async () => {
      const { owner } = sessions
      assert.equal((await owner.get('/actions')).statusCode, 403)
      const mine = await owner.get('/actions/mine')
      assert.equal(mine.statusCode, 200)
      assert.deepEqual(linkedNames(mine.body, '/actions'), [
        'Audit the use of the neglect toolkit in health visiting',
        'Brief school nurses on the role of fathers and male carers',
      ])
      assert.match(mine.body, /aria-current="page"[^>]*>\s*My actions|My actions[\s\S]*?aria-current/)

      const home = await owner.get('/')
      const panel = home.body.split('Your actions</h2>')[1]?.split('</section>')[0] ?? ''
      assert.match(
        panel,
        /Audit the use of the neglect toolkit in health visiting<\/a><br><span class="govuk-hint[^"]*">Overdue: was due 31 March 2020/,
      )
      assert.match(
        panel,
        /Brief school nurses on the role of fathers and male carers<\/a><br><span class="govuk-hint[^"]*">Due 31 March 2099/,
      )
      assert.match(panel, /href="\/actions\/mine">See all your actions/)

      const page = await owner.get(`/actions/${ids.ownerOverdue}`)
      assert.equal(page.statusCode, 200)
      assert.equal(
        pageTitle(page.body),
        'Audit the use of the neglect toolkit in health visiting – Oxfordshire Safeguarding Children Board',
      )
      const rows = summaryListRows(page.body)
      assert.equal(rows.Owner, 'Nadia Brookes')
      assert.equal(rows.Status, 'Overdue')
      assert.equal(rows.Source, 'Tracker test source: Child T: recommendation 1')
      assert.equal((await owner.get(`/actions/${ids.samAction}`)).statusCode, 404, 'another’s action')
    })

    it('answers 404 to a stranger for every page of an action, and says why My actions is empty', async () => {
      const { stranger } = sessions
      for (const path of ['', '/progress', '/complete'])
        assert.equal((await stranger.get(`/actions/${ids.samAction}${path}`)).statusCode, 404, path)
      const post = await stranger.post(`/actions/${ids.samAction}/progress`, { status: 'on-track', note: 'Done' })
      assert.equal(post.statusCode, 404)
      assert.equal((await stranger.get(`/actions/${ids.samAction}/edit`)).statusCode, 403)
      assert.equal(
        (await sessions.chair.get(`/actions/${ids.samAction}/progress`)).statusCode,
        404,
        'a reader is not an updater',
      )
      const mine = await stranger.get('/actions/mine')
      assert.match(mine.body, /You have no actions\./)
    })
  })

  describe('lists', () => {
    it('filters by shown status: "on track" leaves out the overdue ones the owner still calls on track', async () => {
      const { officer } = shared
      const names = async (query: string) => linkedNames((await officer.get(`/actions?${query}`)).body, '/actions')
      assert.deepEqual(await names(`${sourceQuery}&status=overdue`), [
        'Audit the use of the neglect toolkit in health visiting',
        'Train custody officers in professional curiosity',
      ])
      assert.deepEqual(await names(`${sourceQuery}&status=on-track`), [
        'Brief school nurses on the role of fathers and male carers',
      ])
      assert.deepEqual(await names(`${sourceQuery}&agencyId=${ids.police}`), [
        'Train custody officers in professional curiosity',
      ])
      assert.deepEqual(await names(`${sourceQuery}&personId=${ids.sam}`), ['Revise the trust’s escalation policy'])
      assert.deepEqual(await names(`${sourceQuery}&search=curiosity+custody`), [
        'Train custody officers in professional curiosity',
      ])
      assert.deepEqual(await names(`${sourceQuery}&sort=status&direction=asc`), [
        'Audit the use of the neglect toolkit in health visiting',
        'Train custody officers in professional curiosity',
        'Revise the trust’s escalation policy',
        'Brief school nurses on the role of fathers and male carers',
      ])
    })

    it('downloads exactly the rows the list shows, as CSV and as Excel, each download audited', async () => {
      const { officer } = shared
      const query = `?${sourceQuery}&status=open&sort=agency&direction=desc`
      const page = await officer.get(`/actions${query}`)
      const csvResponse = await officer.get(`/actions.csv${query}`)
      assert.match(String(csvResponse.headers['content-disposition']), /filename="actions.csv"/)
      const csv = parseCsv(csvResponse.body)
      assert.deepEqual(csv[0], [
        'Description',
        'Source type',
        'Source',
        'Owner',
        'Agency',
        'Due date',
        'Status',
        'Completed on',
        'Evidence',
      ])
      assert.deepEqual(
        csv.slice(1).map((row) => row[0]),
        linkedNames(page.body, '/actions'),
      )
      assert.deepEqual(csv[1]!.slice(1, 7), [
        'Tracker test source',
        'Child T: recommendation 1',
        'Detective Superintendent Kate Lyons',
        'Thames Valley Police',
        past,
        'Overdue',
      ])
      assert.match(page.body, new RegExp(`href="/actions.xlsx\\?${sourceQuery}&amp;status=open`))
      const xlsx = await officer.get(`/actions.xlsx${query}`)
      assert.equal(xlsx.statusCode, 200)
      assert.match(String(xlsx.headers['content-type']), /spreadsheetml/)
      assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK')
      const downloads = await shared.testApp.database.db
        .select({ summary: auditLog.summary })
        .from(auditLog)
        .where(eq(auditLog.recordType, 'download'))
      assert.ok(downloads.some((d) => d.summary === 'Downloaded actions.xlsx (4 rows)'))
    })
  })
})
