import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { issueEmailBody } from './emails.ts'
import { issueRows, mailingListCsv, mailingListSummary, subscriberCsv } from './presenters.ts'

describe('newsletter presenters', () => {
  it('summarises a list with its three counts, the confirmed one linking to the subscribers', () => {
    const rows = mailingListSummary(
      { description: 'Termly news', publicSignUp: false, active: true },
      { confirmed: 4210, awaiting: 12, unsubscribed: 3 },
      '/learning/newsletters/x/subscribers',
    )
    assert.deepEqual(
      rows.map((r) => [r.key.text, 'text' in r.value ? r.value.text : r.value.html]),
      [
        ['Description', 'Termly news'],
        ['Public sign-up', 'No'],
        ['Status', 'Active'],
        [
          'Confirmed subscribers',
          '<a class="govuk-link" href="/learning/newsletters/x/subscribers">4,210<span class="govuk-visually-hidden"> confirmed subscribers</span></a>',
        ],
        ['Awaiting confirmation', '12'],
        ['Unsubscribed', '3'],
      ],
    )
  })

  it('lists issues with their status and how many they were queued for', () => {
    const [draft, sent] = issueRows([
      { id: 'a', title: 'Draft <b>', status: 'draft', sentAt: null, recipients: null },
      { id: 'b', title: 'Spring', status: 'sent', sentAt: new Date('2017-03-01T10:00:00Z'), recipients: 4123 },
    ])
    assert.equal(draft![0]!.html, '<a class="govuk-link" href="/learning/newsletter-issues/a">Draft &lt;b&gt;</a>')
    assert.equal(draft![2]!.text, 'Not sent')
    assert.equal(sent![2]!.text, '1 March 2017')
    assert.equal(sent![3]!.text, '4,123')
  })

  it('downloads lists and subscribers as rows under a header', () => {
    assert.deepEqual(
      mailingListCsv([{ id: 'a', name: 'N', description: 'D', publicSignUp: true, active: false, subscribers: 2 }]),
      [
        ['Name', 'Description', 'Public sign-up', 'Status', 'Confirmed subscribers'],
        ['N', 'D', 'Yes', 'Closed', 2],
      ],
    )
    const at = new Date('2017-01-10T09:30:00Z')
    assert.deepEqual(subscriberCsv([{ id: 's', email: 'a@b.example', name: null, consentedAt: at, confirmedAt: at }]), [
      ['Email', 'Name', 'Consented', 'Confirmed'],
      ['a@b.example', '', '10 January 2017 at 9:30am', '10 January 2017 at 9:30am'],
    ])
  })

  it('ends every issue’s email with the unsubscribe link and the partnership’s name', () => {
    const body = issueEmailBody({ title: 'Spring', body: 'Hello.' }, 'Termly newsletter', 'OSCB', 'https://hub/u/1')
    assert.equal(
      body,
      [
        'Spring',
        '======',
        '',
        'Hello.',
        '',
        '----------',
        'You receive Termly newsletter because you subscribed to it. To unsubscribe, open this link:',
        'https://hub/u/1',
        '',
        'OSCB',
      ].join('\n'),
    )
  })
})
