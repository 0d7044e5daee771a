import { escapeHtml } from '../../../platform/html.ts'
import type { ReachLine } from './tables.ts'

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 })

/**
 * The reach table's rows: the figure, what it is of, and the number, linked to its records for
 * people who may see them (the lists name people). A group's name is shown on its first row only.
 */
export function reachPageRows(lines: ReachLine[], canSeeRecords: boolean) {
  return lines.map((line, i) => {
    const value = numberFormat.format(line.value)
    const first = i === 0 || lines[i - 1]!.group !== line.group
    return [
      first ? { text: line.group } : { html: `<span class="govuk-visually-hidden">${escapeHtml(line.group)}</span>` },
      { text: line.measure },
      canSeeRecords && line.href
        ? {
            html: `<a class="govuk-link" href="${escapeHtml(line.href)}">${value}<span class="govuk-visually-hidden"> ${escapeHtml(`${line.group}: ${line.measure}`)}, see the records</span></a>`,
            format: 'numeric',
          }
        : { text: value, format: 'numeric' },
    ]
  })
}
