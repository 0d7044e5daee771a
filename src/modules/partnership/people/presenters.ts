import { linkHtml } from '../../../platform/html.ts'

/** People as the parameters of GOV.UK macros. Pure, so tested without HTTP. */

type PersonRow = {
  id: string
  name: string
  jobTitle: string | null
  email: string | null
  agencyId: string | null
  agencyName: string | null
}

export function personRows(rows: PersonRow[]) {
  return rows.map((p) => [
    { html: linkHtml(`/directory/people/${p.id}`, p.name) },
    { text: p.jobTitle ?? '' },
    { html: p.agencyId ? linkHtml(`/directory/agencies/${p.agencyId}`, p.agencyName ?? '') : '' },
    { text: p.email ?? '' },
  ])
}

export function personCsv(rows: PersonRow[]) {
  return [['Name', 'Job title', 'Agency', 'Email'], ...rows.map((p) => [p.name, p.jobTitle, p.agencyName, p.email])]
}

export function personSummary(person: Omit<PersonRow, 'id'>) {
  return [
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
}

/** A person as a choice in the person picker: their job title and agency tell two of one name apart. */
export function personHint(person: { jobTitle: string | null; agencyName: string | null }) {
  return [person.jobTitle, person.agencyName].filter(Boolean).join(', ') || null
}
