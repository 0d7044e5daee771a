import type { AgencyType, MembershipRole } from './schema.ts'

/** The directory's codes in words, for pages, downloads and the audit log. */
export const agencyTypeLabels: Record<AgencyType, string> = {
  'local-authority': 'Local authority',
  police: 'Police',
  health: 'Health',
  probation: 'Probation',
  education: 'Education',
  school: 'School or college',
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

export const groupKindLabel = (kind: string) => (kind === 'board' ? 'Board' : 'Subgroup')
export const activeLabel = (active: boolean) => (active ? 'Active' : 'Inactive')
export const yesNo = (value: boolean) => (value ? 'Yes' : 'No')
