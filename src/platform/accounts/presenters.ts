import { roleDefinitions, roles, type Role } from '../permissions.ts'
import { formatDateTime } from '../views.ts'

/** Turns accounts into the parameters of GOV.UK macros. Pure, so tested without HTTP. */

const statusTags: Record<string, { text: string; classes: string }> = {
  invited: { text: 'Invited', classes: 'govuk-tag--blue' },
  active: { text: 'Active', classes: 'govuk-tag--green' },
  disabled: { text: 'Disabled', classes: 'govuk-tag--grey' },
}

export function roleLabels(userRoles: readonly string[]) {
  return userRoles.map((role) => roleDefinitions[role as Role]?.label ?? role).join(', ') || 'No roles'
}

export function statusTag(status: string) {
  return statusTags[status] ?? { text: status, classes: 'govuk-tag--grey' }
}

export function userRows(
  users: { id: string; name: string; email: string; status: string; roles: string[]; lastSignedInAt: Date | null }[],
) {
  return users.map((user) => [
    { html: `<a class="govuk-link" href="/users/${user.id}">${escapeHtml(user.name)}</a>` },
    { text: user.email },
    { text: roleLabels(user.roles) },
    { html: `<strong class="govuk-tag ${statusTag(user.status).classes}">${statusTag(user.status).text}</strong>` },
    { text: user.lastSignedInAt ? formatDateTime(user.lastSignedInAt) : 'Never' },
  ])
}

export function userSummary(
  user: {
    name: string
    email: string
    status: string
    roles: string[]
    agencyId: string | null
    personId: string | null
    lastSignedInAt: Date | null
  },
  agencies: { id: string; name: string }[],
  people: { id: string; name: string }[],
) {
  return [
    { key: { text: 'Name' }, value: { text: user.name } },
    { key: { text: 'Email address' }, value: { text: user.email } },
    { key: { text: 'Roles' }, value: { text: roleLabels(user.roles) } },
    { key: { text: 'Status' }, value: { text: statusTag(user.status).text } },
    {
      key: { text: 'Agency (for agency leads)' },
      value: { text: agencies.find((a) => a.id === user.agencyId)?.name ?? 'None' },
    },
    { key: { text: 'Directory entry' }, value: { text: people.find((p) => p.id === user.personId)?.name ?? 'None' } },
    {
      key: { text: 'Last signed in' },
      value: { text: user.lastSignedInAt ? formatDateTime(user.lastSignedInAt) : 'Never' },
    },
  ]
}

export function roleItems(selected: readonly string[]) {
  return roles.map((role) => ({
    value: role,
    text: roleDefinitions[role].label,
    hint: { text: roleDefinitions[role].description },
    checked: selected.includes(role),
  }))
}

export function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}
