import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { ActionRow } from './list.ts'
import {
  actionCsv,
  actionPageTitle,
  actionSummary,
  homePanelItems,
  ownerText,
  progressEntries,
  ragTag,
  statusTag,
} from './presenters.ts'
import { actionRag } from './service.ts'
import type { ActionUpdate } from './schema.ts'

/** The tracker's words and tags: "overdue" said in words as well as red, dates as GOV.UK writes them. */

const row = (overrides: Partial<ActionRow> = {}): ActionRow => ({
  id: '5f2b9c1e-6d3a-4c8e-9b1f-2a7d4e6c8b01',
  description: 'Revise the escalation policy',
  sourceType: 'review-recommendation',
  sourceId: '0c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
  sourceLabel: 'Child K: recommendation 3',
  sourceHref: '/case-reviews/recommendations/0c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
  ownerPersonId: null,
  ownerName: 'Sam Patel',
  ownerAgencyId: null,
  agencyName: 'Oxford Health NHS Foundation Trust',
  dueOn: '2017-03-31',
  status: 'on-track',
  shownStatus: 'overdue',
  evidence: null,
  completedOn: null,
  version: 1,
  ...overrides,
})

describe('action presenters', () => {
  it('tags a status with its words, overdue in red and complete in green', () => {
    assert.equal(statusTag('overdue'), '<strong class="govuk-tag govuk-tag--red">Overdue</strong>')
    assert.equal(statusTag('complete'), '<strong class="govuk-tag govuk-tag--green">Complete</strong>')
    assert.equal(statusTag('at-risk'), '<strong class="govuk-tag govuk-tag--orange">At risk</strong>')
  })

  it('gives each shown status its RAG rating, said in words', () => {
    assert.deepEqual((['overdue', 'at-risk', 'on-track', 'not-started', 'complete'] as const).map(actionRag), [
      'red',
      'amber',
      'green',
      'green',
      'complete',
    ])
    assert.equal(ragTag('overdue'), '<strong class="govuk-tag govuk-tag--red">Red</strong>')
    assert.equal(ragTag('at-risk'), '<strong class="govuk-tag govuk-tag--orange">Amber</strong>')
    assert.equal(ragTag('complete'), '<strong class="govuk-tag govuk-tag--grey">Complete</strong>')
  })

  it('names the owner and agency, or whichever there is', () => {
    assert.equal(ownerText(row()), 'Sam Patel, Oxford Health NHS Foundation Trust')
    assert.equal(ownerText(row({ ownerName: null })), 'Oxford Health NHS Foundation Trust')
  })

  it('downloads the shown status and the source’s kind in words, dates as yyyy-mm-dd', () => {
    const [header, first] = actionCsv([row()], () => 'Recommendation')
    assert.deepEqual(header, [
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
    assert.deepEqual(first, [
      'Revise the escalation policy',
      'Recommendation',
      'Child K: recommendation 3',
      'Sam Patel',
      'Oxford Health NHS Foundation Trust',
      '2017-03-31',
      'Overdue',
      null,
      null,
    ])
  })

  it('keeps the paragraphs of evidence and notes, escaped', () => {
    const summary = actionSummary(
      row({
        shownStatus: 'complete',
        completedOn: '2017-04-02',
        evidence: 'Policy <b>signed</b>.\r\n\r\nBriefed staff.',
      }),
      () => 'Recommendation',
    )
    const evidence = summary.find((r) => r.key.text === 'Evidence of completion')
    assert.equal(
      evidence?.value.html,
      '<p class="govuk-body">Policy &lt;b&gt;signed&lt;/b&gt;.</p><p class="govuk-body">Briefed staff.</p>',
    )
    assert.equal(summary.find((r) => r.key.text === 'Completed on')?.value.text, '2 April 2017')
    const [entry] = progressEntries([
      {
        writtenOn: '2017-03-01',
        status: 'at-risk',
        note: 'Line one\nline two',
        writtenByName: 'Sam Patel',
      } as ActionUpdate,
    ])
    assert.deepEqual(entry, {
      date: '1 March 2017',
      isoDate: '2017-03-01',
      status: 'At risk',
      noteHtml: '<p class="govuk-body">Line one<br>line two</p>',
      by: 'Sam Patel',
    })
  })

  it('flags overdue actions on the home page in words, and shortens a long title', () => {
    assert.deepEqual(
      homePanelItems([row(), row({ shownStatus: 'on-track', dueOn: '2099-01-31' })]).map((item) => item.hint),
      ['Overdue: was due 31 March 2017', 'Due 31 January 2099'],
    )
    assert.equal(actionPageTitle('Short'), 'Short')
    const long = actionPageTitle('word '.repeat(40))
    assert.equal(long.length, 80)
    assert.ok(long.endsWith('…'))
  })
})
