import { escapeHtml } from '../../platform/accounts/presenters.ts'
import { formatDate, monthNames } from '../../platform/views.ts'
import { agencyTypes, membershipRoles, type AgencyType, type MembershipRole } from './schema.ts'

/** The directory as the parameters of GOV.UK macros. Pure, so tested without HTTP. */

export const agencyTypeLabels: Record<AgencyType, string> = {
  'local-authority': 'Local authority',
  police: 'Police',
  health: 'Health',
  probation: 'Probation',
  education: 'Education',
  'voluntary-and-community-sector': 'Voluntary and community sector',
  military: 'Military',
  'lay-members': 'Lay members',
  other: 'Other',
}

export const membershipRoleLabels: Record<MembershipRole, string> = {
  'independent-chair': 'Independent chair',
  chair: 'Chair',
  'vice-chair': 'Vice-chair',
  member: 'Member',
  adviser: 'Adviser',
}

const link = (href: string, text: string) => `<a class="govuk-link" href="${href}">${escapeHtml(text)}</a>`
const yesNo = (value: boolean) => (value ? 'Yes' : 'No')
const tag = (active: boolean) =>
  active
    ? '<strong class="govuk-tag govuk-tag--green">Active</strong>'
    : '<strong class="govuk-tag govuk-tag--grey">Inactive</strong>'

export function agencyTypeItems(selected?: unknown, withAny = false) {
  // No `checked` here: the radios on the agency form are checked by their `value`, and an explicit
  // `checked: false` would override it (the form then forgot the agency's type).
  const items = agencyTypes.map((type) => ({ value: type, text: agencyTypeLabels[type], selected: type === selected }))
  return withAny ? [{ value: '', text: 'Any type' }, ...items] : items
}

export function membershipRoleItems(selected?: unknown) {
  return membershipRoles.map((role) => ({ value: role, text: membershipRoleLabels[role], checked: role === selected }))
}

export function monthItems(selected?: unknown) {
  // Never `selected: false`: it would override the select's `value`, and the form would open on
  // January and quietly move the reporting year when saved.
  return monthNames.map((name, index) => ({
    value: String(index + 1),
    text: name,
    ...(String(index + 1) === String(selected) && { selected: true }),
  }))
}

export function agencyRows(
  rows: {
    id: string
    name: string
    type: AgencyType
    contributesFunding: boolean
    active: boolean
    peopleCount: number
  }[],
) {
  return rows.map((a) => [
    { html: link(`/directory/agencies/${a.id}`, a.name) },
    { text: agencyTypeLabels[a.type] },
    { text: yesNo(a.contributesFunding) },
    { text: String(a.peopleCount), format: 'numeric' },
    { html: tag(a.active) },
  ])
}

export function agencyCsv(
  rows: { name: string; type: AgencyType; contributesFunding: boolean; active: boolean; peopleCount: number }[],
) {
  return [
    ['Name', 'Type', 'Contributes funding', 'People', 'Status'],
    ...rows.map((a) => [
      a.name,
      agencyTypeLabels[a.type],
      yesNo(a.contributesFunding),
      a.peopleCount,
      a.active ? 'Active' : 'Inactive',
    ]),
  ]
}

export function agencySummary(agency: {
  name: string
  type: AgencyType
  contributesFunding: boolean
  active: boolean
}) {
  return [
    { key: { text: 'Name' }, value: { text: agency.name } },
    { key: { text: 'Type' }, value: { text: agencyTypeLabels[agency.type] } },
    { key: { text: 'Contributes funding' }, value: { text: yesNo(agency.contributesFunding) } },
    { key: { text: 'Status' }, value: { text: agency.active ? 'Active' : 'Inactive' } },
  ]
}

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
    { html: link(`/directory/people/${p.id}`, p.name) },
    { text: p.jobTitle ?? '' },
    { html: p.agencyId ? link(`/directory/agencies/${p.agencyId}`, p.agencyName ?? '') : '' },
    { text: p.email ?? '' },
  ])
}

export function personCsv(rows: PersonRow[]) {
  return [['Name', 'Job title', 'Agency', 'Email'], ...rows.map((p) => [p.name, p.jobTitle, p.agencyName, p.email])]
}

export function personSummary(person: {
  name: string
  jobTitle: string | null
  email: string | null
  agencyId: string | null
  agencyName: string | null
}) {
  return [
    { key: { text: 'Name' }, value: { text: person.name } },
    { key: { text: 'Job title' }, value: { text: person.jobTitle || 'Not recorded' } },
    {
      key: { text: 'Agency' },
      value: person.agencyId
        ? { html: link(`/directory/agencies/${person.agencyId}`, person.agencyName ?? '') }
        : { text: 'None' },
    },
    { key: { text: 'Email' }, value: { text: person.email || 'Not recorded' } },
  ]
}

export function groupRows(rows: { id: string; name: string; kind: string; active: boolean; memberCount: number }[]) {
  return rows.map((g) => [
    { html: link(`/directory/groups/${g.id}`, g.name) },
    { text: g.kind === 'board' ? 'Board' : 'Subgroup' },
    { text: String(g.memberCount), format: 'numeric' },
    { html: tag(g.active) },
  ])
}

export function groupCsv(
  rows: { name: string; kind: string; active: boolean; memberCount: number; purpose: string | null }[],
) {
  return [
    ['Name', 'Kind', 'Current members', 'Status', 'Purpose'],
    ...rows.map((g) => [
      g.name,
      g.kind === 'board' ? 'Board' : 'Subgroup',
      g.memberCount,
      g.active ? 'Active' : 'Inactive',
      g.purpose,
    ]),
  ]
}

export function groupSummary(group: { name: string; kind: string; purpose: string | null; active: boolean }) {
  return [
    { key: { text: 'Name' }, value: { text: group.name } },
    { key: { text: 'Kind' }, value: { text: group.kind === 'board' ? 'Board' : 'Subgroup' } },
    { key: { text: 'Purpose' }, value: { text: group.purpose || 'Not recorded' } },
    { key: { text: 'Status' }, value: { text: group.active ? 'Active' : 'Inactive' } },
  ]
}

type MembershipRow = {
  id: string
  groupId: string
  groupName: string
  personId: string
  personName: string
  jobTitle: string | null
  agencyName: string | null
  role: MembershipRole
  startsOn: string
  endsOn: string | null
  current: boolean
}

export function memberRows(rows: MembershipRow[], canManage: boolean) {
  return rows.map((m) => [
    { html: link(`/directory/people/${m.personId}`, m.personName) },
    { text: m.agencyName ?? '' },
    { text: membershipRoleLabels[m.role] },
    { text: formatDate(m.startsOn) },
    { text: m.endsOn ? formatDate(m.endsOn) : m.current ? 'Current' : '' },
    ...(canManage
      ? [
          {
            html: `<a class="govuk-link" href="/directory/groups/${m.groupId}/members/${m.id}/edit">Change<span class="govuk-visually-hidden"> ${escapeHtml(m.personName)}’s membership</span></a>`,
          },
        ]
      : []),
  ])
}

export function membershipsOfPersonRows(rows: MembershipRow[]) {
  return rows.map((m) => [
    { html: link(`/directory/groups/${m.groupId}`, m.groupName) },
    { text: membershipRoleLabels[m.role] },
    { text: formatDate(m.startsOn) },
    { text: m.endsOn ? formatDate(m.endsOn) : 'Current' },
  ])
}

export function memberCsv(rows: MembershipRow[]) {
  return [
    ['Name', 'Job title', 'Agency', 'Role', 'Start date', 'End date'],
    ...rows.map((m) => [m.personName, m.jobTitle, m.agencyName, membershipRoleLabels[m.role], m.startsOn, m.endsOn]),
  ]
}

export function partnershipSummary(p: {
  name: string
  shortName: string
  area: string
  localAuthorityCode: string
  yearStartMonth: number
  terminology: string
}) {
  return [
    { key: { text: 'Name' }, value: { text: p.name } },
    { key: { text: 'Short name' }, value: { text: p.shortName } },
    { key: { text: 'Area' }, value: { text: p.area } },
    { key: { text: 'Local authority code' }, value: { text: p.localAuthorityCode } },
    { key: { text: 'Reporting year starts' }, value: { text: `1 ${monthNames[p.yearStartMonth - 1]}` } },
    {
      key: { text: 'Called' },
      value: {
        text:
          p.terminology === 'board'
            ? 'Board (Local Safeguarding Children Board)'
            : 'Partnership (multi-agency safeguarding arrangements)',
      },
    },
  ]
}

/** Directory sub-navigation (MOJ pattern). */
export function directoryNavigation(current: string) {
  return [
    { text: 'Partnership', href: '/directory/partnership' },
    { text: 'Agencies', href: '/directory/agencies' },
    { text: 'People', href: '/directory/people' },
    { text: 'Groups', href: '/directory/groups' },
  ].map((item) => ({ ...item, active: item.href === current }))
}
