import { linkHtml } from '../../../platform/html.ts'
import { formatDate } from '../../../platform/views.ts'
import { groupKindLabel, membershipRoleLabels } from '../labels.ts'
import { membershipRoles, type MembershipRole } from '../schema.ts'

/** Memberships as the parameters of GOV.UK macros. Pure, so tested without HTTP. */

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

export function membershipRoleItems() {
  return membershipRoles.map((role) => ({ value: role, text: membershipRoleLabels[role] }))
}

export function memberRows(rows: MembershipRow[], canManage: boolean) {
  return rows.map((m) => [
    { html: linkHtml(`/directory/people/${m.personId}`, m.personName) },
    { text: m.agencyName ?? '' },
    { text: membershipRoleLabels[m.role] },
    { text: formatDate(m.startsOn) },
    { text: m.endsOn ? formatDate(m.endsOn) : m.current ? 'Current' : '' },
    ...(canManage
      ? [
          {
            html: linkHtml(
              `/directory/groups/${m.groupId}/members/${m.id}/edit`,
              'Change',
              `${m.personName}’s membership`,
            ),
          },
        ]
      : []),
  ])
}

export function membershipsOfPersonRows(rows: MembershipRow[]) {
  return rows.map((m) => [
    { html: linkHtml(`/directory/groups/${m.groupId}`, m.groupName) },
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

type MembershipRecordRow = Omit<MembershipRow, 'jobTitle' | 'current'> & { groupKind: string }

/** The memberships list: who, which group, in what role, from when until when. */
export function membershipRecordRows(rows: MembershipRecordRow[]) {
  return rows.map((m) => [
    { html: linkHtml(`/directory/people/${m.personId}`, m.personName) },
    { text: m.agencyName ?? '' },
    { html: linkHtml(`/directory/groups/${m.groupId}`, m.groupName) },
    { text: membershipRoleLabels[m.role] },
    { text: formatDate(m.startsOn) },
    { text: m.endsOn ? formatDate(m.endsOn) : '' },
  ])
}

export function membershipRecordCsv(rows: MembershipRecordRow[]) {
  return [
    ['Name', 'Agency', 'Group', 'Kind', 'Role', 'Start date', 'End date'],
    ...rows.map((m) => [
      m.personName,
      m.agencyName,
      m.groupName,
      groupKindLabel(m.groupKind),
      membershipRoleLabels[m.role],
      m.startsOn,
      m.endsOn,
    ]),
  ]
}
