import { escapeHtml } from '../../../platform/html.ts'
import { renderMarkdown } from '../../../platform/markdown.ts'
import { formatDate } from '../../../platform/views.ts'
import type { Clock } from '../clocks.ts'
import {
  ageBandLabels,
  concernLabels,
  decisionOutcomeLabels,
  frameworkLabels,
  harmLabels,
  parallelProcessNames,
  reviewTypeLabels,
} from '../labels.ts'
import type { ReviewCase } from '../schema.ts'
import { clockRows } from './presenters.ts'

/**
 * The case's overview as GOV.UK summary cards: the referral, the clocks, the decision, the review
 * and its key dates, each with its "Change" link for those who may change it. Pure.
 */

export interface CaseNames {
  referredBy: string | null
  agencies: string[]
  decidedBy: string | null
  panel: string[]
  /** The reporting year the board's sign-off falls in ("2015/16"). */
  signedOffYear: string | null
}

type Row = { key: { text: string }; value: { text: string } | { html: string } }

const row = (key: string, text: string | null | undefined, empty = 'Not recorded'): Row => ({
  key: { text: key },
  value: { text: text || empty },
})

const dateRow = (key: string, day: string | null, empty = 'Not recorded') =>
  row(key, day ? formatDate(day) : null, empty)

const listHtml = (items: string[]) =>
  items.length
    ? `<ul class="govuk-list">${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`
    : 'None recorded'

function card(title: string, rows: Row[], change: string | null) {
  return {
    card: {
      title: { text: title },
      // GOV.UK adds the card's title for screen readers: "Change (Decision)".
      actions: change ? { items: [{ href: change, text: 'Change' }] } : undefined,
    },
    rows,
  }
}

export function caseSummaryCards(c: ReviewCase, names: CaseNames, clocks: Clock[], canManage: boolean) {
  const base = `/case-reviews/${c.id}`
  const change = (path: string) => (canManage ? `${base}/${path}` : null)
  const decided = !!c.decisionOutcome
  const parallel = c.parallelProcess
    ? `${parallelProcessNames[c.parallelProcess]}: started ${formatDate(c.parallelStartedOn) || 'on a day not recorded'}${
        c.parallelEndedOn ? `, ended ${formatDate(c.parallelEndedOn)}` : ', not ended'
      }`
    : 'None'
  return [
    card(
      'Referral',
      [
        row('Reference', c.reference),
        row('Circumstances', c.circumstances),
        dateRow('Date of the incident', c.incidentOn),
        dateRow('Partnership became aware', c.awareOn),
        row('Referred by', [names.referredBy, c.referrer].filter(Boolean).join(': ')),
        row('Harm', harmLabels[c.harm]),
        row('Age', c.ageBand ? ageBandLabels[c.ageBand] : null),
        { key: { text: 'Concerns' }, value: { html: listHtml(c.concerns.map((code) => concernLabels[code])) } },
        { key: { text: 'Agencies involved' }, value: { html: listHtml(names.agencies) } },
      ],
      change('referral'),
    ),
    card(
      'Statutory clocks',
      [
        ...clockRows(c, clocks),
        dateRow('National panel notified', c.notifiedOn),
        dateRow('Rapid review sent to the national panel', c.rapidReviewOn),
      ],
      change('clocks'),
    ),
    card(
      'Decision',
      decided
        ? [
            row('Framework', c.framework ? frameworkLabels[c.framework] : null),
            row('Outcome', decisionOutcomeLabels[c.decisionOutcome!]),
            row('Rationale', c.decisionRationale),
            row('Decided by', names.decidedBy),
            dateRow('Decided on', c.decidedOn),
            row('National panel’s view', c.panelView, 'None given'),
            dateRow('National panel’s view given on', c.panelViewOn, 'None given'),
          ]
        : [row('Decision', null, 'Not decided yet')],
      change('decision'),
    ),
    card(
      'Review',
      [
        row('Type of review', c.reviewType ? reviewTypeLabels[c.reviewType] : null, 'Not chosen yet'),
        row('Methodology', c.methodology),
        row('Lead reviewer', c.leadReviewer),
        { key: { text: 'Panel members' }, value: { html: listHtml(names.panel) } },
        {
          key: { text: 'Terms of reference' },
          value: c.termsOfReference ? { html: renderMarkdown(c.termsOfReference) } : { text: 'Not recorded' },
        },
        row('Parallel process', parallel),
      ],
      change('review'),
    ),
    card(
      'Key dates',
      [
        dateRow('Commissioned', c.commissionedOn),
        row('Panel meetings', c.panelMeetings.map(formatDate).join(', '), 'None recorded'),
        dateRow('Draft received', c.draftReceivedOn),
        row(
          'Signed off by the board',
          c.signedOffOn ? `${formatDate(c.signedOffOn)} (reporting year ${names.signedOffYear})` : null,
          'Not yet',
        ),
        dateRow('Sent to the national panel and the department', c.sentToPanelOn, 'Not yet'),
        dateRow('Published', c.publishedOn, 'Not yet'),
        dateRow('Taken down', c.takenDownOn, 'Not taken down'),
      ],
      change('review'),
    ),
  ]
}
