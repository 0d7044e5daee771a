import { capitalise } from '../../../platform/forms.ts'
import { linkHtml, tagHtml } from '../../../platform/html.ts'
import { formatDate } from '../../../platform/views.ts'

/** People as the parameters of GOV.UK macros. Pure, so tested without HTTP. */

export type PersonRow = {
  id: string
  name: string
  jobTitle: string | null
  email: string | null
  agencyId: string | null
  agencyName: string | null
  /** Their last day, when they have left or are leaving. */
  leftOn?: string | null
  /** That day has come. */
  hasLeft?: boolean
}

/** "left 3 March 2025" or "leaving 30 June 2026", as a person's last day has passed or not. */
function leaving(person: { leftOn?: string | null; hasLeft?: boolean }) {
  if (!person.leftOn) return null
  return `${person.hasLeft ? 'left' : 'leaving'} ${formatDate(person.leftOn)}`
}

function leftTag(person: { leftOn?: string | null; hasLeft?: boolean }) {
  const text = leaving(person)
  return text ? ` ${tagHtml(capitalise(text))}` : ''
}

export function personRows(rows: PersonRow[]) {
  return rows.map((p) => [
    { html: linkHtml(`/directory/people/${p.id}`, p.name) + leftTag(p) },
    { text: p.jobTitle ?? '' },
    { html: p.agencyId ? linkHtml(`/directory/agencies/${p.agencyId}`, p.agencyName ?? '') : '' },
    { text: p.email ?? '' },
  ])
}

/** The people list's download; with people who have left, a column says when each left. */
export function personCsv(rows: PersonRow[], options: { withLeftOn?: boolean } = {}) {
  const head = ['Name', 'Job title', 'Agency', 'Email']
  const row = (p: PersonRow) => [p.name, p.jobTitle, p.agencyName, p.email]
  if (!options.withLeftOn) return [head, ...rows.map(row)]
  return [[...head, 'Left on'], ...rows.map((p) => [...row(p), p.leftOn ?? null])]
}

export function personSummary(person: Omit<PersonRow, 'id'> & { erasedAt?: Date | null; hasLeft?: boolean }) {
  const rows = [
    { key: { text: 'Name' }, value: { text: person.name } },
    { key: { text: 'Job title' }, value: { text: person.jobTitle || 'Not recorded' } },
    {
      key: { text: 'Agency' },
      value: person.agencyId
        ? { html: linkHtml(`/directory/agencies/${person.agencyId}`, person.agencyName ?? '') }
        : { text: 'None' },
    },
    { key: { text: 'Email' }, value: { text: person.email || 'Not recorded' } },
  ]
  if (person.leftOn)
    rows.push({ key: { text: person.hasLeft ? 'Left on' : 'Leaving on' }, value: { text: formatDate(person.leftOn) } })
  if (person.erasedAt) rows.push({ key: { text: 'Details erased on' }, value: { text: formatDate(person.erasedAt) } })
  return rows
}

/** A person as a choice in the person picker: their job title and agency tell two of one name apart. */
export function personHint(person: {
  jobTitle: string | null
  agencyName: string | null
  leftOn?: string | null
  hasLeft?: boolean
}) {
  return [person.jobTitle, person.agencyName, leaving(person)].filter(Boolean).join(', ') || null
}

/** The groups whose seats end when a person leaves, as the leaving page warns. */
export function seatsEndingText(groupNames: string[]) {
  if (!groupNames.length) return null
  const list =
    groupNames.length === 1 ? groupNames[0]! : `${groupNames.slice(0, -1).join(', ')} and ${groupNames.at(-1)}`
  return `Their membership of ${list} will end on their last day.`
}
