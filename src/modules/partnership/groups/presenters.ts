import { linkHtml } from '../../../platform/html.ts'
import { activeTag } from '../agencies/presenters.ts'
import { activeLabel, groupKindLabel } from '../labels.ts'

/** Groups as the parameters of GOV.UK macros. Pure, so tested without HTTP. */

type GroupRow = { id: string; name: string; kind: string; active: boolean; memberCount: number; purpose: string | null }

export function groupRows(rows: GroupRow[]) {
  return rows.map((g) => [
    { html: linkHtml(`/directory/groups/${g.id}`, g.name) },
    { text: groupKindLabel(g.kind) },
    { text: String(g.memberCount), format: 'numeric' },
    { html: activeTag(g.active) },
  ])
}

export function groupCsv(rows: Omit<GroupRow, 'id'>[]) {
  return [
    ['Name', 'Kind', 'Current members', 'Status', 'Purpose'],
    ...rows.map((g) => [g.name, groupKindLabel(g.kind), g.memberCount, activeLabel(g.active), g.purpose]),
  ]
}

export function groupSummary(group: { name: string; kind: string; purpose: string | null; active: boolean }) {
  return [
    { key: { text: 'Name' }, value: { text: group.name } },
    { key: { text: 'Kind' }, value: { text: groupKindLabel(group.kind) } },
    { key: { text: 'Purpose' }, value: { text: group.purpose || 'Not recorded' } },
    { key: { text: 'Status' }, value: { text: activeLabel(group.active) } },
  ]
}
