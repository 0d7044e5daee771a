import { escapeHtml } from '../accounts/presenters.ts'
import { formatDate, formatDateTime, monthNames } from '../views.ts'

/** The audit log as timeline entries and table rows. Pure, so tested without HTTP. */

interface AuditRow {
  id: number
  at: Date
  actorName: string
  action: string
  recordType: string
  recordId: string | null
  summary: string
  before: unknown
  after: unknown
}

const fieldLabels: Record<string, string> = {
  name: 'Name',
  type: 'Type',
  contributesFunding: 'Contributes funding',
  active: 'Active',
  jobTitle: 'Job title',
  agency: 'Agency',
  email: 'Email',
  kind: 'Kind',
  purpose: 'Purpose',
  role: 'Role',
  startsOn: 'Start date',
  endsOn: 'End date',
  roles: 'Roles',
  status: 'Status',
  directoryEntry: 'Directory entry',
  area: 'Area',
  localAuthorityCode: 'Local authority code',
  yearStartMonth: 'Reporting year starts',
  terminology: 'Called',
  shortName: 'Short name',
}

/** "vice-chair" → "Vice chair". */
const words = (value: unknown) => {
  const text = String(value).replace(/-/g, ' ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** Fields whose stored value is a code or a date, shown as words. */
const fieldFormats: Record<string, (value: unknown) => string> = {
  yearStartMonth: (value) => monthNames[Number(value) - 1] ?? String(value),
  type: words,
  kind: words,
  role: words,
  terminology: words,
  status: words,
  roles: (value) => (Array.isArray(value) ? value.map(words).join(', ') : words(value)),
  startsOn: formatDate,
  endsOn: formatDate,
}

/** Ids are for machines: the entry's summary, or a name field beside the id, says who or what. */
const isIdField = (key: string) => key === 'id' || key.endsWith('Id')

function show(value: unknown, field?: string): string {
  if (field && fieldFormats[field] && value !== null && value !== undefined) return fieldFormats[field](value)
  if (value === null || value === undefined || value === '') return ''
  if (Array.isArray(value)) return value.join(', ')
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  return String(value)
}

/** Before and after, field by field, for the changes that have both. */
export function changeList(before: unknown, after: unknown) {
  const was = (before ?? {}) as Record<string, unknown>
  const now = (after ?? {}) as Record<string, unknown>
  return Object.keys(now)
    .filter((key) => !isIdField(key))
    .map((key) => ({ field: fieldLabels[key] ?? key, before: show(was[key], key), after: show(now[key], key) }))
    .filter((change) => change.before !== change.after)
}

export function historyEntries(rows: AuditRow[]) {
  return rows.map((row) => ({ ...row, changes: changeList(row.before, row.after) }))
}

export const recordTypeLabels: Record<string, string> = {
  user: 'Account',
  partnership: 'Partnership',
  agency: 'Agency',
  person: 'Person',
  group: 'Group',
}

const recordLinks: Record<string, string> = {
  user: '/users/',
  agency: '/directory/agencies/',
  person: '/directory/people/',
  group: '/directory/groups/',
  partnership: '/directory/partnership',
}

export function auditRows(rows: AuditRow[]) {
  return rows.map((row) => {
    const base = recordLinks[row.recordType]
    const href = base && (base.endsWith('/') ? (row.recordId ? base + row.recordId : null) : base)
    const changes = changeList(row.before, row.after)
      .map((c) => `${escapeHtml(c.field)}: ${escapeHtml(c.before || '(blank)')} → ${escapeHtml(c.after || '(blank)')}`)
      .join('<br>')
    return [
      { text: formatDateTime(row.at), attributes: { 'data-sort-value': row.at.toISOString() } },
      { text: row.actorName },
      { html: href ? `<a class="govuk-link" href="${href}">${escapeHtml(row.summary)}</a>` : escapeHtml(row.summary) },
      { text: recordTypeLabels[row.recordType] ?? row.recordType },
      { html: changes || '<span class="govuk-visually-hidden">No field changes</span>' },
    ]
  })
}

export function auditCsvRows(rows: AuditRow[]) {
  return [
    ['When', 'Who', 'Action', 'Record type', 'Record id', 'Summary', 'Before', 'After'],
    ...rows.map((row) => [
      row.at.toISOString(),
      row.actorName,
      row.action,
      row.recordType,
      row.recordId ?? '',
      row.summary,
      row.before === null ? '' : JSON.stringify(row.before),
      row.after === null ? '' : JSON.stringify(row.after),
    ]),
  ]
}
