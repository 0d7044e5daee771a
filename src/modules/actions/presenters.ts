import { escapeHtml, linkHtml, tagHtml } from '../../platform/html.ts'
import { codeToWords, formatDate } from '../../platform/views.ts'
import type { ActionUpdate } from './schema.ts'
import {
  actionRagColours,
  actionRagLabels,
  actionStatusColours,
  actionStatusLabels,
  progressStatuses,
  statusFilterLabels,
  statusFilters,
} from './labels.ts'
import type { ActionRow } from './list.ts'
import { actionRag, type ShownStatus, type SourceAction } from './service.ts'

/** Actions as the parameters of GOV.UK macros. Pure, so tested without HTTP. */

/** How a kind of source reads ("Recommendation"): the raising module's record type label. */
export type SourceTypeLabel = (sourceType: string) => string

/** The status as a tag whose words say it: "Overdue" in red, never the colour alone. */
export const statusTag = (status: ShownStatus) => tagHtml(actionStatusLabels[status], actionStatusColours[status])

/** The RAG rating its shown status gives an action, as a tag that says "Red", "Amber", "Green" or "Complete". */
export const ragTag = (status: ShownStatus) => {
  const rag = actionRag(status)
  return tagHtml(actionRagLabels[rag], actionRagColours[rag])
}

const actionHref = (id: string) => `/actions/${id}`

type Owned = { ownerName: string | null; agencyName: string | null }

/** "Sam Patel, Oxford Health NHS Foundation Trust", or whichever of the two it has. */
export const ownerText = (a: Owned) => [a.ownerName, a.agencyName].filter(Boolean).join(', ')

/** Every action the person may read: what, from where, whose, when and how it stands. */
export function actionRows(rows: ActionRow[]) {
  return rows.map((a) => [
    { html: linkHtml(actionHref(a.id), a.description) },
    { html: linkHtml(a.sourceHref, a.sourceLabel) },
    { text: a.ownerName ?? '' },
    { text: a.agencyName ?? '' },
    { text: formatDate(a.dueOn), attributes: { 'data-sort-value': a.dueOn } },
    { html: statusTag(a.shownStatus) },
  ])
}

/** The person's own actions: they know who owns them. */
export function myActionRows(rows: ActionRow[]) {
  return rows.map((a) => [
    { html: linkHtml(actionHref(a.id), a.description) },
    { html: linkHtml(a.sourceHref, a.sourceLabel) },
    { text: formatDate(a.dueOn), attributes: { 'data-sort-value': a.dueOn } },
    { html: statusTag(a.shownStatus) },
  ])
}

/** The download: the rows the list shows, every field as text, dates as yyyy-mm-dd. */
export function actionCsv(rows: ActionRow[], sourceTypeLabel: SourceTypeLabel) {
  return [
    ['Description', 'Source type', 'Source', 'Owner', 'Agency', 'Due date', 'Status', 'Completed on', 'Evidence'],
    ...rows.map((a) => [
      a.description,
      sourceTypeLabel(a.sourceType),
      a.sourceLabel,
      a.ownerName,
      a.agencyName,
      a.dueOn,
      actionStatusLabels[a.shownStatus],
      a.completedOn,
      a.evidence,
    ]),
  ]
}

/** One action, as a summary list under its description. */
export function actionSummary(
  a: Owned & {
    sourceType: string
    sourceLabel: string
    sourceHref: string
    dueOn: string
    shownStatus: ShownStatus
    completedOn: string | null
    evidence: string | null
  },
  sourceTypeLabel: SourceTypeLabel,
) {
  return [
    {
      key: { text: 'Source' },
      value: { html: `${escapeHtml(sourceTypeLabel(a.sourceType))}: ${linkHtml(a.sourceHref, a.sourceLabel)}` },
    },
    { key: { text: 'Owner' }, value: { text: a.ownerName ?? 'No one named' } },
    { key: { text: 'Agency' }, value: { text: a.agencyName ?? 'No agency named' } },
    { key: { text: 'Due date' }, value: { text: formatDate(a.dueOn) } },
    { key: { text: 'Status' }, value: { html: statusTag(a.shownStatus) } },
    ...(a.completedOn ? [{ key: { text: 'Completed on' }, value: { text: formatDate(a.completedOn) } }] : []),
    ...(a.evidence ? [{ key: { text: 'Evidence of completion' }, value: { html: paragraphsHtml(a.evidence) } }] : []),
  ]
}

/** Text typed in a box as paragraphs, one for each run of lines: the line breaks a person typed kept. */
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)

const paragraphsHtml = (text: string) =>
  paragraphs(text)
    .map((p) => `<p class="govuk-body">${escapeHtml(p).replace(/\r?\n/g, '<br>')}</p>`)
    .join('')

/** The page's title: the description's first 80 characters. */
export const actionPageTitle = (description: string) =>
  description.length > 80 ? `${description.slice(0, 79).trimEnd()}…` : description

/** Progress updates for the timeline, the newest first as they come. */
export function progressEntries(updates: ActionUpdate[]) {
  return updates.map((u) => ({
    date: formatDate(u.writtenOn),
    isoDate: u.writtenOn,
    status: actionStatusLabels[u.status],
    noteHtml: paragraphsHtml(u.note),
    by: u.writtenByName,
  }))
}

export const progressStatusItems = () =>
  progressStatuses.map((status) => ({ value: status, text: actionStatusLabels[status] }))

type Choice = { id: string; name: string }
const anyItem = (text: string) => ({ value: '', text })

/** The list's filter choices, each with "any" first. */
export function filterItems(
  choices: { owners: Choice[]; agencies: Choice[]; sourceTypes: string[] },
  sourceTypeLabel: SourceTypeLabel,
) {
  return {
    statusItems: [anyItem('Any status'), ...statusFilters.map((s) => ({ value: s, text: statusFilterLabels[s] }))],
    ownerItems: [anyItem('Anyone'), ...choices.owners.map((p) => ({ value: p.id, text: p.name }))],
    agencyItems: [anyItem('Any agency'), ...choices.agencies.map((a) => ({ value: a.id, text: a.name }))],
    sourceTypeItems: [
      anyItem('Any source'),
      ...choices.sourceTypes.map((type) => ({ value: type, text: sourceTypeLabel(type) })),
    ],
  }
}

/**
 * A source's actions for its own page (views/_actions-table.njk): each linked to its page, with
 * its owner, due date and shown status. `link: false` where the reader may not open actions; `rag: true`
 * adds the RAG rating its status gives it (a business plan priority's actions).
 */
export function sourceActionsTable(
  rows: SourceAction[],
  options: { caption: string; empty?: string; link?: boolean; rag?: boolean },
) {
  return {
    caption: options.caption,
    empty: options.empty ?? 'No actions have been raised.',
    head: [
      { text: 'Action' },
      { text: 'Owner' },
      { text: 'Due date' },
      { text: 'Status' },
      ...(options.rag ? [{ text: 'RAG' }] : []),
    ],
    rows: rows.map((a) => [
      options.link === false ? { text: a.description } : { html: linkHtml(actionHref(a.id), a.description) },
      { text: ownerText(a) },
      { text: formatDate(a.dueOn) },
      { html: statusTag(a.shownStatus) },
      ...(options.rag ? [{ html: ragTag(a.shownStatus) }] : []),
    ]),
  }
}

/** The home panel's items: open actions due soonest, overdue ones said to be. */
export function homePanelItems(rows: ActionRow[]) {
  return rows.map((a) => ({
    text: a.description,
    href: actionHref(a.id),
    hint: `${a.shownStatus === 'overdue' ? 'Overdue: was due' : 'Due'} ${formatDate(a.dueOn)}`,
  }))
}

/** Source types as the raising modules' record types name them, or the code as words. */
export const sourceTypeLabels =
  (recordTypes: ReadonlyMap<string, { label: string }>): SourceTypeLabel =>
  (type) =>
    recordTypes.get(type)?.label ?? codeToWords(type)
