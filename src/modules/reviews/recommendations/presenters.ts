import { escapeHtml, linkHtml, tagHtml, type TagColour } from '../../../platform/html.ts'
import { formatDate } from '../../../platform/views.ts'
import { recommendationStatusLabels } from '../labels.ts'
import type { RecommendationStatus } from '../schema.ts'
import { recommendationHref, recommendationLabel } from './service.ts'

/** Recommendations as the parameters of GOV.UK macros. Pure, so tested without HTTP. */

interface Progress {
  actionsTotal: number
  actionsComplete: number
  actionsOverdue: number
}

interface Shown extends Progress {
  id: string
  caseId: string
  reference: string
  number: number
  text: string
  agencyName: string
  status: RecommendationStatus
  dueOn: string | null
  overdue: boolean
}

const statusColours: Record<RecommendationStatus, TagColour> = {
  open: 'blue',
  'in-progress': 'yellow',
  complete: 'green',
}

/** Its status as a tag, and "Overdue" beside it when it is. */
export function statusTags(r: Pick<Shown, 'status' | 'overdue'>) {
  const status = tagHtml(recommendationStatusLabels[r.status], statusColours[r.status])
  return r.overdue ? `${status} ${tagHtml('Overdue', 'red')}` : status
}

/** "3 actions: 1 complete, 1 overdue, 1 open", or "No actions". */
export function progressText(p: Progress) {
  if (!p.actionsTotal) return 'No actions'
  const open = p.actionsTotal - p.actionsComplete - p.actionsOverdue
  const parts = [
    p.actionsComplete && `${p.actionsComplete} complete`,
    p.actionsOverdue && `${p.actionsOverdue} overdue`,
    open && `${open} open`,
  ].filter(Boolean)
  return `${p.actionsTotal} ${p.actionsTotal === 1 ? 'action' : 'actions'}: ${parts.join(', ')}`
}

const dueText = (dueOn: string | null) => (dueOn ? formatDate(dueOn) : 'Not set')

/** A case's recommendations tab: number, the recommendation, agency, status, due date, actions. */
export function caseRecommendationRows(rows: Shown[]) {
  return rows.map((r) => [
    { text: String(r.number), format: 'numeric' },
    { html: linkHtml(recommendationHref(r.id), r.text) },
    { text: r.agencyName },
    { html: statusTags(r) },
    { text: dueText(r.dueOn) },
    { text: progressText(r) },
  ])
}

/** Every recommendation the actor may see: named by case and number. */
export function recommendationRows(rows: Shown[]) {
  return rows.map((r) => [
    {
      html: `${linkHtml(recommendationHref(r.id), recommendationLabel(r))}<br><span class="govuk-body-s">${escapeHtml(r.text)}</span>`,
    },
    { text: r.agencyName },
    { html: statusTags(r) },
    { text: dueText(r.dueOn) },
    { text: progressText(r) },
  ])
}

export function recommendationCsv(rows: (Shown & { completedOn: string | null })[]) {
  return [
    [
      'Case',
      'Number',
      'Recommendation',
      'Agency',
      'Status',
      'Overdue',
      'Due',
      'Completed',
      'Actions',
      'Actions complete',
      'Actions overdue',
    ],
    ...rows.map((r) => [
      r.reference,
      r.number,
      r.text,
      r.agencyName,
      recommendationStatusLabels[r.status],
      r.overdue ? 'Yes' : 'No',
      r.dueOn ?? '',
      r.completedOn ?? '',
      r.actionsTotal,
      r.actionsComplete,
      r.actionsOverdue,
    ]),
  ]
}

/** The recommendation's own page: what it says, who owns it, the response and the evidence. */
export function recommendationSummary(
  r: Shown & { response: string | null; evidence: string | null; completedOn: string | null },
  caseHref: string | null,
) {
  const missing = (text: string | null, none: string) => (text ? { text } : { text: none })
  return [
    { key: { text: 'Case' }, value: caseHref ? { html: linkHtml(caseHref, r.reference) } : { text: r.reference } },
    { key: { text: 'Recommendation' }, value: { text: r.text } },
    { key: { text: 'Owned by' }, value: { text: r.agencyName } },
    { key: { text: 'Due' }, value: { text: dueText(r.dueOn) } },
    { key: { text: 'Status' }, value: { html: statusTags(r) } },
    { key: { text: 'Actions' }, value: { text: progressText(r) } },
    { key: { text: 'Response' }, value: missing(r.response, 'The agency has not responded yet') },
    { key: { text: 'Evidence of completion' }, value: missing(r.evidence, 'None yet') },
    ...(r.completedOn ? [{ key: { text: 'Completed' }, value: { text: formatDate(r.completedOn) } }] : []),
  ]
}

/** An agency lead's home panel: their agency's open recommendations, overdue first. */
export function panelItems(rows: Shown[]) {
  return [...rows]
    .sort((a, b) => Number(b.overdue) - Number(a.overdue))
    .map((r) => ({
      text: recommendationLabel(r),
      href: recommendationHref(r.id),
      hint: [r.overdue ? 'Overdue' : recommendationStatusLabels[r.status], r.dueOn && `due ${formatDate(r.dueOn)}`]
        .filter(Boolean)
        .join(', '),
    }))
}

export const statusItems = (withAny = false) => [
  ...(withAny ? [{ value: '', text: 'Any status' }] : []),
  ...Object.entries(recommendationStatusLabels).map(([value, text]) => ({ value, text })),
]
