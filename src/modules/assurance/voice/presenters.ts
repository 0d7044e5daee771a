import { escapeHtml } from '../../../platform/html.ts'
import { renderMarkdown } from '../../../platform/markdown.ts'
import { formatDate } from '../../../platform/views.ts'
import { methodLabels, whoWasAsked } from './labels.ts'
import { voiceHref, type VoiceRecordPage, type VoiceRow } from './service.ts'

const numeric = (value: number | null) => ({
  text: value === null ? '' : value.toLocaleString('en-GB'),
  format: 'numeric',
})

export function voiceRows(rows: VoiceRow[]) {
  return rows.map((row) => [
    { html: `<a class="govuk-link" href="${voiceHref(row.id)}">${escapeHtml(row.title)}</a>` },
    { text: whoWasAsked(row) },
    { text: methodLabels[row.method] },
    { text: formatDate(row.heldOn) },
    numeric(row.responses),
    { text: row.themes },
  ])
}

export function voiceCsv(rows: VoiceRow[]) {
  return [
    ['Title', 'Who was asked', 'Method', 'Held on', 'Asked', 'Responses', 'Themes'],
    ...rows.map((row) => [
      row.title,
      whoWasAsked(row),
      methodLabels[row.method],
      row.heldOn,
      row.invited ?? '',
      row.responses,
      row.themes,
    ]),
  ]
}

/** The record's page: a summary list and its findings as sanitised Markdown. */
export function voiceSummary({ record, agencies, themes, priority }: VoiceRecordPage, surveyHref: string | null) {
  const rows = [
    { key: { text: 'Who was asked' }, value: { text: whoWasAsked(record) } },
    ...(agencies.length
      ? [{ key: { text: 'Agencies' }, value: { text: agencies.map((a) => a.name).join(', ') } }]
      : []),
    { key: { text: 'Method' }, value: { text: methodLabels[record.method] } },
    { key: { text: 'Held on' }, value: { text: formatDate(record.heldOn) } },
    { key: { text: 'How many were asked' }, value: { text: record.invited?.toLocaleString('en-GB') ?? 'Not known' } },
    { key: { text: 'How many responded' }, value: { text: record.responses.toLocaleString('en-GB') } },
    { key: { text: 'Themes' }, value: { text: themes.map((t) => t.name).join(', ') || 'None' } },
    { key: { text: 'Business plan priority' }, value: { text: priority ?? 'None' } },
    ...(surveyHref
      ? [
          {
            key: { text: 'Survey' },
            value: { html: `<a class="govuk-link" href="${surveyHref}">Open the survey and its results</a>` },
          },
        ]
      : []),
  ]
  return { rows, findingsHtml: record.findings ? renderMarkdown(record.findings) : '' }
}
