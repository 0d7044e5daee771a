import { linkHtml, tagHtml } from '../../../platform/html.ts'
import { agencyTypeLabels, activeLabel, yesNo } from '../labels.ts'
import { agencyTypes, type AgencyType } from '../schema.ts'

/** Agencies as the parameters of GOV.UK macros. Pure, so tested without HTTP. */

export const activeTag = (active: boolean) => tagHtml(activeLabel(active), active ? 'green' : 'grey')

export function agencyTypeItems(withAny = false) {
  // No `checked` or `selected` here: the radios and select are set by their `value`, and an explicit
  // `checked: false` would override it (the form then forgot the agency's type).
  const items = agencyTypes.map((type) => ({ value: type, text: agencyTypeLabels[type] }))
  // A filter's default is the partner agencies: the schools (hundreds of them) only when asked for.
  return withAny
    ? [{ value: '', text: 'Any partner agency' }, { value: 'all', text: 'Any type, including schools' }, ...items]
    : items
}

type AgencyRow = {
  id: string
  name: string
  type: AgencyType
  contributesFunding: boolean
  active: boolean
  peopleCount: number
}

export function agencyRows(rows: AgencyRow[]) {
  return rows.map((a) => [
    { html: linkHtml(`/directory/agencies/${a.id}`, a.name) },
    { text: agencyTypeLabels[a.type] },
    { text: yesNo(a.contributesFunding) },
    { text: String(a.peopleCount), format: 'numeric' },
    { html: activeTag(a.active) },
  ])
}

export function agencyCsv(rows: Omit<AgencyRow, 'id'>[]) {
  return [
    ['Name', 'Type', 'Contributes funding', 'People', 'Status'],
    ...rows.map((a) => [
      a.name,
      agencyTypeLabels[a.type],
      yesNo(a.contributesFunding),
      a.peopleCount,
      activeLabel(a.active),
    ]),
  ]
}

export function agencySummary(agency: {
  name: string
  type: AgencyType
  urn?: string | null
  contributesFunding: boolean
  active: boolean
}) {
  return [
    { key: { text: 'Name' }, value: { text: agency.name } },
    { key: { text: 'Type' }, value: { text: agencyTypeLabels[agency.type] } },
    ...(agency.urn ? [{ key: { text: 'URN' }, value: { text: agency.urn } }] : []),
    { key: { text: 'Contributes funding' }, value: { text: yesNo(agency.contributesFunding) } },
    { key: { text: 'Status' }, value: { text: activeLabel(agency.active) } },
  ]
}
