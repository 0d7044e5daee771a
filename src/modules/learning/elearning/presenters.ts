import { escapeHtml, linkHtml, tagHtml } from '../../../platform/html.ts'
import { formatDate } from '../../../platform/views.ts'
import type { YearChoice } from '../../../platform/year-picker.ts'
import type { UnmatchedAgency } from './agencies.ts'
import type { CompletionListRow } from './service.ts'

/** E-learning completions as the parameters of GOV.UK macros. Pure, so tested without HTTP. */

const erasedName = 'Erased on request'

function agencyHtml(row: CompletionListRow) {
  if (row.directoryAgency) {
    const asWritten =
      row.directoryAgency.toLowerCase() === row.agencyName.toLowerCase()
        ? ''
        : `<br><span class="govuk-hint govuk-!-margin-bottom-0">File: ${escapeHtml(row.agencyName)}</span>`
    return `${escapeHtml(row.directoryAgency)}${asWritten}`
  }
  return `${escapeHtml(row.agencyName)} ${tagHtml('Not matched', 'yellow')}`
}

export function completionRows(rows: CompletionListRow[]) {
  return rows.map((row) => [
    { text: formatDate(row.completedOn) },
    {
      html: row.erased
        ? escapeHtml(erasedName)
        : `${escapeHtml(row.learnerName)}<br><span class="govuk-hint govuk-!-margin-bottom-0">${escapeHtml(row.email ?? '')}</span>`,
    },
    { text: row.moduleName },
    { html: agencyHtml(row) },
  ])
}

export function completionCsv(rows: CompletionListRow[]) {
  return [
    ['Completion date', 'Name', 'Email', 'Module', 'Agency in the file', 'Directory agency'],
    ...rows.map((row) => [
      row.completedOn,
      row.erased ? erasedName : row.learnerName,
      row.email ?? '',
      row.moduleName,
      row.agencyName,
      row.directoryAgency ?? '',
    ]),
  ]
}

export function yearItems(choices: YearChoice[]) {
  return [{ value: '', text: 'Any year' }, ...choices.map((c) => ({ value: c.value, text: c.text }))]
}

export function moduleItems(names: string[]) {
  return [{ value: '', text: 'Any module' }, ...names.map((name) => ({ value: name, text: name }))]
}

export function agencyFilterItems(agencies: { id: string; name: string }[]) {
  return [
    { value: '', text: 'Any agency' },
    { value: 'unmatched', text: 'Not matched to the directory' },
    ...agencies.map((a) => ({ value: a.id, text: a.name })),
  ]
}

const n = (value: number) => value.toLocaleString('en-GB')

/** One table row per unmatched name: the name, its counts, and the link to match it. */
export function unmatchedRows(unmatched: UnmatchedAgency[]) {
  return unmatched.map((agency) => [
    { text: agency.name },
    { text: n(agency.completions), format: 'numeric' },
    { text: n(agency.learners), format: 'numeric' },
    {
      html: linkHtml(
        `/learning/e-learning/agencies/match?name=${encodeURIComponent(agency.name)}`,
        'Match',
        agency.name,
      ),
    },
  ])
}

export function agencyChoiceItems(agencies: { id: string; name: string }[], selected?: string) {
  return [
    { value: '', text: 'Choose an agency' },
    ...agencies.map((a) => ({ value: a.id, text: a.name, selected: a.id === selected })),
  ]
}

export function resolvedBanner(resolved: { name: string; agency: string; completions: number }) {
  const { name, agency, completions } = resolved
  return `“${name}” now matches ${agency}: ${n(completions)} ${completions === 1 ? 'completion is' : 'completions are'} counted for it, and later imports will match the name too.`
}
