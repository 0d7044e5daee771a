import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { actionUpdates } from '../src/modules/actions/schema.ts'
import { todayInLondon } from '../src/modules/actions/service.ts'
import { trackerForSuite } from './helpers/actions.ts'
import { errorSummary, formVersion, history, summaryListRows } from './helpers/html.ts'

/**
 * Changes to an action: dated progress updates from its owner or their agency's lead, completion
 * with evidence, reopening and changing by the business unit, each audited with the change.
 */

describe('changing actions', () => {
  const { shared, ids, sessions, auditOf, actionRow } = trackerForSuite()

  describe('progress and completion', () => {
    it('takes a dated progress update from the owner, refusing a missing note or a day still to come', async () => {
      const { owner } = sessions
      const path = `/actions/${ids.ownerOnTrack}/progress`
      const form = await owner.get(path)
      assert.equal(form.statusCode, 200)
      const [year, month, day] = todayInLondon().split('-')
      assert.match(
        form.body,
        new RegExp(`name="writtenOn-day" type="text" value="${Number(day)}"`),
        'today, by default',
      )

      let response = await owner.post(path, {
        'writtenOn-day': '1',
        'writtenOn-month': '1',
        'writtenOn-year': '2098',
        status: 'at-risk',
        note: '',
      })
      assert.equal(response.statusCode, 400)
      assert.deepEqual(errorSummary(response.body), [
        'note: Enter a progress update',
        'writtenOn-day: Date of the update must be today or in the past',
      ])
      response = await owner.post(path, { 'writtenOn-day': '', 'writtenOn-month': '', 'writtenOn-year': '' })
      assert.deepEqual(errorSummary(response.body), [
        'status: Select whether the action is not started, on track or at risk',
        'note: Enter a progress update',
        'writtenOn-day: Enter the date of the update',
      ])

      response = await owner.post(path, {
        'writtenOn-day': day!,
        'writtenOn-month': month!,
        'writtenOn-year': year!,
        status: 'at-risk',
        note: 'The nurses’ team meeting was cancelled.\n\nRebooked for next month.',
      })
      assert.equal(response.statusCode, 302)
      assert.equal(response.headers.location, `/actions/${ids.ownerOnTrack}?progress=1`)
      assert.equal((await actionRow(ids.ownerOnTrack)).status, 'at-risk')
      const page = await owner.get(response.headers.location!)
      assert.match(page.body, /Progress update added/)
      assert.match(page.body, /moj-timeline__title">At risk<\/h3>\s*<p class="moj-timeline__byline">by Nadia Brookes/)
      assert.match(
        page.body,
        /<p class="govuk-body">The nurses’ team meeting was cancelled.<\/p><p class="govuk-body">Rebooked for next month.<\/p>/,
      )
      assert.equal(history(page.body)[0], 'Added a progress update: At risk (by Nadia Brookes)')
      const [update] = await shared.testApp.database.db
        .select()
        .from(actionUpdates)
        .where(eq(actionUpdates.actionId, ids.ownerOnTrack))
      assert.equal(update?.writtenOn, todayInLondon())
      const audit = await auditOf(ids.ownerOnTrack)
      assert.deepEqual(audit.at(-1)?.before, { status: 'on-track' })
      assert.equal((audit.at(-1)?.after as { status: string }).status, 'at-risk')
    })

    it('lets the owner’s agency lead add progress, but not a lead of another agency', async () => {
      const response = await sessions.lead.post(`/actions/${ids.ownerOnTrack}/progress`, {
        'writtenOn-day': '1',
        'writtenOn-month': '4',
        'writtenOn-year': '2020',
        status: 'on-track',
        note: 'Rebooked.',
      })
      assert.equal(response.statusCode, 302)
      assert.equal((await sessions.lead.get(`/actions/${ids.policeAction}/progress`)).statusCode, 404)
    })

    it('completes an action only with evidence and a completion date that has come, then takes no more progress', async () => {
      const { owner } = sessions
      const path = `/actions/${ids.ownerOverdue}/complete`
      const form = await owner.get(path)
      const version = formVersion(form.body)
      let response = await owner.post(path, {
        version,
        evidence: '  ',
        'completedOn-day': '31',
        'completedOn-month': '12',
        'completedOn-year': '2099',
      })
      assert.equal(response.statusCode, 400)
      assert.deepEqual(errorSummary(response.body), [
        'evidence: Enter the evidence that the action is complete',
        'completedOn-day: Completion date must be today or in the past',
      ])
      response = await owner.post(path, {
        version,
        evidence: 'The audit report went to the Performance and Quality Assurance subgroup in March.',
        'completedOn-day': '2',
        'completedOn-month': '4',
        'completedOn-year': '2020',
      })
      assert.equal(response.statusCode, 302)
      const row = await actionRow(ids.ownerOverdue)
      assert.deepEqual([row.status, row.completedOn], ['complete', '2020-04-02'])
      const page = await owner.get(`/actions/${ids.ownerOverdue}`)
      assert.equal(summaryListRows(page.body).Status, 'Complete', 'late, but complete: no longer overdue')
      assert.equal(summaryListRows(page.body)['Evidence of completion'], row.evidence)
      assert.doesNotMatch(page.body, /Add a progress update/)
      const audit = await auditOf(ids.ownerOverdue)
      assert.equal(audit.at(-1)?.action, 'completed')

      response = await owner.post(`/actions/${ids.ownerOverdue}/progress`, {
        'writtenOn-day': '1',
        'writtenOn-month': '4',
        'writtenOn-year': '2020',
        status: 'on-track',
        note: 'More',
      })
      assert.equal(response.statusCode, 400)
      assert.match(response.body, /This action is complete\. To change it, ask the business unit to reopen it\./)
      assert.equal((await owner.get(`/actions/${ids.ownerOverdue}/reopen`)).statusCode, 403)
    })

    it('lets the business unit reopen a completed action with a reason, clearing its evidence', async () => {
      const { officer } = shared
      const response = await officer.post(`/actions/${ids.ownerOverdue}/reopen`, {
        'writtenOn-day': '3',
        'writtenOn-month': '4',
        'writtenOn-year': '2020',
        status: 'at-risk',
        note: 'The audit left out two localities.',
      })
      assert.equal(response.statusCode, 302)
      const row = await actionRow(ids.ownerOverdue)
      assert.deepEqual([row.status, row.evidence, row.completedOn], ['at-risk', null, null])
      assert.equal(response.headers.location, `/actions/${ids.ownerOverdue}?reopened=1`)
      const page = await officer.get(response.headers.location!)
      assert.match(page.body, /Action reopened/)
      assert.equal(summaryListRows(page.body).Status, 'Overdue')
      assert.equal((await officer.get(`/actions/${ids.ownerOverdue}/reopen`)).statusCode, 404, 'open now')
    })
  })

  describe('changing an action', () => {
    it('lets the business unit change the owner, agency and due date, refusing a stale form and no owner', async () => {
      const { officer } = shared
      const path = `/actions/${ids.samAction}/edit`
      const form = await officer.get(path)
      const version = formVersion(form.body)
      const base = {
        version,
        description: 'Revise the trust’s escalation policy and brief its safeguarding team',
        ownerAgencyId: ids.oxfordHealth,
        ownerPersonId: ids.owner,
        'dueOn-day': '30',
        'dueOn-month': '9',
        'dueOn-year': '2099',
      }
      let response = await officer.post(path, { ...base, ownerAgencyId: '', ownerPersonId: '' })
      assert.equal(response.statusCode, 400)
      assert.deepEqual(errorSummary(response.body), [
        'ownerAgencyId: Select the agency or the person who owns the action',
      ])
      response = await officer.post(path, base)
      assert.equal(response.statusCode, 302)
      const page = await officer.get(`/actions/${ids.samAction}`)
      assert.equal(summaryListRows(page.body).Owner, 'Nadia Brookes')
      assert.equal(summaryListRows(page.body)['Due date'], '30 September 2099')
      assert.match(page.body, /Owner: Sam Patel → Nadia Brookes/)
      assert.match(page.body, /Due date: 31 March 2099 → 30 September 2099/)
      response = await officer.post(path, { ...base, description: 'Someone else’s older edit' })
      assert.equal(response.statusCode, 409)
      assert.equal((await sessions.lead.get(path)).statusCode, 403)
    })
  })
})
