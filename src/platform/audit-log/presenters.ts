import { escapeHtml, linkHtml } from '../html.ts'
import type { RecordTypeDefinition } from '../modules.ts'
import { roleLabel } from '../permissions.ts'
import { formatDateTime } from '../views.ts'

/**
 * The audit log as timeline entries and table rows, worded by the record types the modules
 * declare (labels, links, field names, formats). Pure, so tested without HTTP.
 */

export type RecordTypes = ReadonlyMap<string, RecordTypeDefinition>

/** Names of directory records by id, for entries that hold ids (who can see a confidential record). */
export type DirectoryNames = ReadonlyMap<string, string>

/**
 * The kinds of entry the log can be filtered to, worded for people: views and downloads of
 * confidential records (platform/confidential) and who may see them, and the commonest changes.
 */
export const auditActionLabels: Record<string, string> = {
  view: 'Viewed a confidential record',
  download: 'Downloaded a confidential record',
  access: 'Changed who can see a confidential record',
  downloaded: 'Downloaded a list',
  created: 'Added a record',
  updated: 'Changed a record',
  deleted: 'Removed a record',
  'signed-in': 'Signed in',
}

/** The fields of an entry about who can see a confidential record (setConfidentialAccess). */
const accessIdFields = ['groupIds', 'personIds', 'agencyIds'] as const

function accessChanges(names: DirectoryNames): RecordTypeDefinition {
  const named = (value: unknown) =>
    Array.isArray(value)
      ? value.map((id) => names.get(String(id)) ?? 'an entry no longer in the directory').join(', ')
      : ''
  return {
    label: 'Who can see it',
    fields: {
      groupIds: 'Groups whose members can see it',
      roles: 'Roles that can see it',
      personIds: 'People who can see it',
      agencyIds: 'Agencies whose safeguarding leads can see it',
    },
    formats: {
      groupIds: named,
      personIds: named,
      agencyIds: named,
      roles: (value) => (Array.isArray(value) ? value.map(roleLabel).join(', ') : ''),
    },
  }
}

/** The directory ids the entries about confidential access name, to look their names up once. */
export function accessIds(rows: Pick<AuditRow, 'action' | 'before' | 'after'>[]) {
  const ids = new Set<string>()
  for (const row of rows) {
    if (row.action !== 'access') continue
    for (const values of [row.before, row.after] as (Record<string, unknown> | null)[])
      for (const field of accessIdFields) for (const id of (values?.[field] as string[] | undefined) ?? []) ids.add(id)
  }
  return [...ids]
}

/** How an entry's changes are worded: by its record type, or for access, by who can see the record. */
const changeType = (row: Pick<AuditRow, 'action' | 'recordType'>, types: RecordTypes, names: DirectoryNames) =>
  row.action === 'access' ? accessChanges(names) : types.get(row.recordType)

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

/** Ids are for machines: the entry's summary, or a name field beside the id, says who or what. */
const isIdField = (key: string) => key === 'id' || key.endsWith('Id')

function show(value: unknown, format?: (value: unknown) => string): string {
  if (value === null || value === undefined || value === '') return ''
  if (format) return format(value)
  if (Array.isArray(value)) return value.join(', ')
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  return String(value)
}

/** Before and after, field by field, for the changes that have both. */
export function changeList(type: RecordTypeDefinition | undefined, before: unknown, after: unknown) {
  const was = (before ?? {}) as Record<string, unknown>
  const now = (after ?? {}) as Record<string, unknown>
  return Object.keys(now)
    .filter((key) => !isIdField(key))
    .map((key) => {
      const format = type?.formats?.[key]
      return { field: type?.fields?.[key] ?? key, before: show(was[key], format), after: show(now[key], format) }
    })
    .filter((change) => change.before !== change.after)
}

export function historyEntries(rows: AuditRow[], types: RecordTypes, names: DirectoryNames = new Map()) {
  return rows.map((row) => ({ ...row, changes: changeList(changeType(row, types, names), row.before, row.after) }))
}

export function recordTypeLabel(types: RecordTypes, recordType: string) {
  return types.get(recordType)?.label ?? recordType
}

export function auditRows(rows: AuditRow[], types: RecordTypes, names: DirectoryNames = new Map()) {
  return rows.map((row) => {
    const href = types.get(row.recordType)?.href?.(row.recordId) ?? null
    const changes = changeList(changeType(row, types, names), row.before, row.after)
      .map((c) => `${escapeHtml(c.field)}: ${escapeHtml(c.before || '(blank)')} → ${escapeHtml(c.after || '(blank)')}`)
      .join('<br>')
    return [
      { text: formatDateTime(row.at), attributes: { 'data-sort-value': row.at.toISOString() } },
      { text: row.actorName },
      { html: href ? linkHtml(href, row.summary) : escapeHtml(row.summary) },
      { text: recordTypeLabel(types, row.recordType) },
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
