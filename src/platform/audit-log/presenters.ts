import { escapeHtml, linkHtml } from '../html.ts'
import type { RecordTypeDefinition } from '../modules.ts'
import { formatDateTime } from '../views.ts'

/**
 * The audit log as timeline entries and table rows, worded by the record types the modules
 * declare (labels, links, field names, formats). Pure, so tested without HTTP.
 */

export type RecordTypes = ReadonlyMap<string, RecordTypeDefinition>

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

export function historyEntries(rows: AuditRow[], types: RecordTypes) {
  return rows.map((row) => ({ ...row, changes: changeList(types.get(row.recordType), row.before, row.after) }))
}

export function recordTypeLabel(types: RecordTypes, recordType: string) {
  return types.get(recordType)?.label ?? recordType
}

export function auditRows(rows: AuditRow[], types: RecordTypes) {
  return rows.map((row) => {
    const type = types.get(row.recordType)
    const href = type?.href?.(row.recordId) ?? null
    const changes = changeList(type, row.before, row.after)
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
