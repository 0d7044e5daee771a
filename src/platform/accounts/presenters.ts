import { escapeHtml } from '../html.ts'
import { roleDefinitions, roleLabel, roles } from '../permissions.ts'
import { formatDateTime } from '../views.ts'

/** Turns accounts into the parameters of GOV.UK macros. Pure, so tested without HTTP. */

const statusTags: Record<string, { text: string; classes: string }> = {
  invited: { text: 'Invited', classes: 'govuk-tag--blue' },
  active: { text: 'Active', classes: 'govuk-tag--green' },
  disabled: { text: 'Disabled', classes: 'govuk-tag--grey' },
}

export function roleLabels(userRoles: readonly string[]) {
  return userRoles.map(roleLabel).join(', ') || 'No roles'
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

/** An account's page: `agency` and `directoryEntry` are the names of what it is linked to. */
export function userSummary(user: {
  name: string
  email: string
  status: string
  roles: string[]
  agency: string | null
  directoryEntry: string | null
  lastSignedInAt: Date | null
}) {
  return [
    { key: { text: 'Name' }, value: { text: user.name } },
    { key: { text: 'Email address' }, value: { text: user.email } },
    { key: { text: 'Roles' }, value: { text: roleLabels(user.roles) } },
    { key: { text: 'Status' }, value: { text: statusTag(user.status).text } },
    { key: { text: 'Agency (for agency leads)' }, value: { text: user.agency ?? 'None' } },
    { key: { text: 'Directory entry' }, value: { text: user.directoryEntry ?? 'None' } },
    {
      key: { text: 'Last signed in' },
      value: { text: user.lastSignedInAt ? formatDateTime(user.lastSignedInAt) : 'Never' },
    },
  ]
}

export function accountCsv(
  users: { name: string; email: string; status: string; roles: string[]; lastSignedInAt: Date | null }[],
) {
  return [
    ['Name', 'Email', 'Roles', 'Status', 'Last signed in'],
    ...users.map((u) => [u.name, u.email, u.roles.map(roleLabel).join('; '), u.status, u.lastSignedInAt]),
  ]
}

/** The role checkboxes; which are checked comes from the form's values. */
export function roleItems() {
  return roles.map((role) => ({
    value: role,
    text: roleDefinitions[role].label,
    hint: { text: roleDefinitions[role].description },
  }))
}
