import { linkHtml, tagHtml, type TagColour } from '../../../platform/html.ts'
import { formatDate, formatDateTime } from '../../../platform/views.ts'
import type { NewsletterIssueStatus } from '../schema.ts'
import type { Subscriber } from './service.ts'

/** Newsletters as the parameters of GOV.UK macros. Pure, so tested without HTTP. */

export const issueStatusLabels: Record<NewsletterIssueStatus, string> = {
  draft: 'Draft',
  sending: 'Sending',
  sent: 'Sent',
}
const issueStatusColours: Record<NewsletterIssueStatus, TagColour> = { draft: 'grey', sending: 'blue', sent: 'green' }
export const issueStatusTag = (status: NewsletterIssueStatus) =>
  tagHtml(issueStatusLabels[status], issueStatusColours[status])

const yesNo = (value: boolean) => (value ? 'Yes' : 'No')
const activeText = (active: boolean) => (active ? 'Active' : 'Closed')

type ListRow = {
  id: string
  name: string
  description: string
  publicSignUp: boolean
  active: boolean
  subscribers: number
}

export function mailingListRows(rows: ListRow[]) {
  return rows.map((l) => [
    { html: linkHtml(`/learning/newsletters/${l.id}`, l.name) },
    { text: l.description },
    { text: yesNo(l.publicSignUp) },
    { html: tagHtml(activeText(l.active), l.active ? 'green' : 'grey') },
    { text: l.subscribers.toLocaleString('en-GB'), format: 'numeric' },
  ])
}

export function mailingListCsv(rows: ListRow[]) {
  return [
    ['Name', 'Description', 'Public sign-up', 'Status', 'Confirmed subscribers'],
    ...rows.map((l) => [l.name, l.description, yesNo(l.publicSignUp), activeText(l.active), l.subscribers]),
  ]
}

export function mailingListSummary(
  list: { description: string; publicSignUp: boolean; active: boolean },
  counts: { confirmed: number; awaiting: number; unsubscribed: number },
  subscribersHref: string,
) {
  return [
    { key: { text: 'Description' }, value: { text: list.description } },
    {
      key: { text: 'Public sign-up' },
      value: { text: list.publicSignUp ? 'Yes: anyone can subscribe on the public site' : 'No' },
    },
    { key: { text: 'Status' }, value: { text: activeText(list.active) } },
    {
      key: { text: 'Confirmed subscribers' },
      value: { html: linkHtml(subscribersHref, counts.confirmed.toLocaleString('en-GB'), 'confirmed subscribers') },
    },
    { key: { text: 'Awaiting confirmation' }, value: { text: counts.awaiting.toLocaleString('en-GB') } },
    { key: { text: 'Unsubscribed' }, value: { text: counts.unsubscribed.toLocaleString('en-GB') } },
  ]
}

type IssueRow = {
  id: string
  title: string
  status: NewsletterIssueStatus
  sentAt: Date | null
  recipients: number | null
}

export function issueRows(rows: IssueRow[]) {
  return rows.map((i) => [
    { html: linkHtml(`/learning/newsletter-issues/${i.id}`, i.title) },
    { html: issueStatusTag(i.status) },
    { text: i.sentAt ? formatDate(i.sentAt) : 'Not sent' },
    { text: i.recipients === null ? '' : i.recipients.toLocaleString('en-GB'), format: 'numeric' },
  ])
}

export function subscriberRows(rows: Subscriber[]) {
  return rows.map((s) => [{ text: s.email ?? 'Erased' }, { text: s.name ?? '' }, { text: formatDate(s.confirmedAt) }])
}

/** The confirmed subscribers, for the business unit to take away (personal data). */
export function subscriberCsv(rows: Subscriber[]) {
  return [
    ['Email', 'Name', 'Consented', 'Confirmed'],
    ...rows.map((s) => [s.email ?? '', s.name ?? '', formatDateTime(s.consentedAt), formatDateTime(s.confirmedAt)]),
  ]
}
