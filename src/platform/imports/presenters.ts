import type { Database } from '../../db/index.ts'
import type { Actor } from '../permissions.ts'
import { formatDateTime } from '../views.ts'
import type { ImportDefinition } from './definition.ts'
import type { ImportBatch } from './schema.ts'
import type { ImportBatchSummary } from './service.ts'

/** What the import pages show, as GOV.UK macro parameters: pure functions of a batch. */
export const errorsShownOnPage = 100

const statusTags: Record<ImportBatch['status'], { text: string; classes: string }> = {
  uploaded: { text: 'Waiting to be checked', classes: 'govuk-tag--grey' },
  checking: { text: 'Checking', classes: 'govuk-tag--blue' },
  checked: { text: 'Checked', classes: 'govuk-tag--light-blue' },
  failed: { text: 'Could not be read', classes: 'govuk-tag--red' },
  applied: { text: 'Imported', classes: 'govuk-tag--green' },
}

export function statusTag(batch: Pick<ImportBatch, 'status' | 'errorCount'>) {
  if (batch.status === 'checked' && batch.errorCount > 0) return { text: 'Has errors', classes: 'govuk-tag--red' }
  return statusTags[batch.status]
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`

/** The upload page's description of the columns a file needs. */
export function columnRows(definition: ImportDefinition<unknown>) {
  const rows = definition.columns.map((column) => [
    { text: column.header },
    { text: column.required ? 'Yes' : 'No' },
    {
      text: [column.hint, column.aliases?.length ? `Also accepted: ${column.aliases.join(', ')}` : null]
        .filter(Boolean)
        .join('. '),
    },
  ])
  const others = definition.otherColumnsHint
  if (definition.otherColumns && others) rows.push([{ text: others.header }, { text: 'No' }, { text: others.hint }])
  return rows
}

/** The upload page's options with the items each offers (checkboxes), and what none ticked means. */
export async function optionFields(db: Database, actor: Actor, definition: ImportDefinition<unknown>) {
  const fields = []
  for (const option of definition.options ?? [])
    fields.push({
      key: option.key,
      label: option.label,
      hint: option.hint ? `${option.hint} ${noneMeans(option.noneText)}` : noneMeans(option.noneText),
      noneText: option.noneText,
      items: await option.items(db, actor),
    })
  return fields
}

const noneMeans = (noneText: string) => `Tick none to take ${noneText.charAt(0).toLowerCase()}${noneText.slice(1)}.`

/** What the officer chose, by the items' words, for the batch's summary. */
export function optionRows(batch: Pick<ImportBatch, 'options'>, fields: Awaited<ReturnType<typeof optionFields>>) {
  return fields.map((field) => {
    const chosen = batch.options[field.key] ?? []
    const text = new Map(field.items.map((item) => [item.value, item.text]))
    return {
      key: { text: field.label },
      value: chosen.length
        ? {
            html: `<ul class="govuk-list">${chosen.map((v) => `<li>${escapeHtml(text.get(v) ?? v)}</li>`).join('')}</ul>`,
          }
        : { text: field.noneText },
    }
  })
}

export function historyRows(batches: ImportBatchSummary[], basePath: string) {
  return batches.map((batch) => [
    { html: `<a class="govuk-link" href="${basePath}/${batch.id}">${escapeHtml(batch.fileName)}</a>` },
    { text: `${formatDateTime(batch.createdAt)}${batch.createdBy ? ` by ${batch.createdBy}` : ''}` },
    { html: `<strong class="govuk-tag ${statusTag(batch).classes}">${statusTag(batch).text}</strong>` },
    {
      text: batch.summary
        ? `${count(batch.summary.added, 'row')} added${batch.appliedBy ? ` by ${batch.appliedBy}` : ''}`
        : batch.totalRows !== null
          ? count(batch.totalRows, 'row')
          : '',
    },
  ])
}

/** Progress while a large file is checked: "Checked 12,000 of about 100,000 rows". */
export function progress(batch: ImportBatch) {
  const total = batch.totalRows
  return {
    text: total
      ? `Checked ${count(batch.checkedRows, 'row')} of ${total.toLocaleString('en-GB')}`
      : `Checked ${count(batch.checkedRows, 'row')} so far`,
    percent: total ? Math.min(100, Math.floor((batch.checkedRows / total) * 100)) : null,
  }
}

export function summaryRows(batch: ImportBatch, appliedBy: string | null) {
  const rows = [
    { key: { text: 'File' }, value: { text: batch.fileName } },
    { key: { text: 'Format' }, value: { text: batch.format.toUpperCase() } },
    { key: { text: 'Uploaded' }, value: { text: formatDateTime(batch.createdAt) } },
  ]
  if (batch.totalRows !== null) rows.push({ key: { text: 'Rows' }, value: { text: count(batch.totalRows, 'row') } })
  if (batch.status !== 'uploaded' && batch.status !== 'checking')
    rows.push({ key: { text: 'Errors' }, value: { text: count(batch.errorCount, 'error') } })
  if (batch.summary)
    rows.push({
      key: { text: 'Imported' },
      value: {
        text: `${formatDateTime(batch.appliedAt)}${appliedBy ? ` by ${appliedBy}` : ''}: ${count(batch.summary.added, 'row')} added, ${batch.summary.unchanged.toLocaleString('en-GB')} unchanged${batch.summary.replaced ? `, ${batch.summary.replaced.toLocaleString('en-GB')} replaced` : ''}`,
      },
    })
  return rows
}

export function previewTable(batch: ImportBatch) {
  if (!batch.preview?.rows.length) return null
  const width = batch.preview.headers.length
  return {
    head: [{ text: 'Line' }, ...batch.preview.headers.map((text) => ({ text }))],
    rows: batch.preview.rows.map((cells, index) => [
      { text: String(index + 2) },
      ...Array.from({ length: width }, (_, i) => ({ text: cells[i] ?? '' })),
    ]),
  }
}

export function errorRows(batch: ImportBatch) {
  return batch.errors
    .slice(0, errorsShownOnPage)
    .map((e) => [{ text: e.line === null ? '' : String(e.line) }, { text: e.column ?? '' }, { text: e.problem }])
}

export function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
