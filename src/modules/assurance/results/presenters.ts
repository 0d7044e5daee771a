import { escapeHtml, linkHtml, tagHtml } from '../../../platform/html.ts'
import { sortableHead, type ListState, type Query } from '../../../platform/lists.ts'
import { scales, type Grade, type ScaleCode } from '../scales.ts'
import type { AgencyRow, Cell, Previous, Section11Results } from './results.ts'
import type { FollowUpRow, FollowUpSort, QuestionDistribution } from './schools.ts'

/** What the results pages and their downloads show: every grade in words beside its colour. */

export const returnHref = (returnId: string) => `/assurance/returns/${returnId}`
export const resultsHref = (cycleId: string) => `/assurance/cycles/${cycleId}/results`

const gradeTag = (grade: Grade) => tagHtml(grade.label, grade.colour)

/** "Improved from Red", "Down from Green", "No change", "New", "Not comparable". */
export function changeText(previous: Previous): string {
  if (previous.kind === 'new') return 'New'
  if (previous.kind === 'not-comparable') return 'Not comparable'
  if (previous.change === 'same') return 'No change'
  return `${previous.change === 'improved' ? 'Improved from' : 'Down from'} ${previous.grade.label}`
}

/** What a cell says beneath its grade: the self-grade when it differs, moderation, the change. */
function cellHtml(cell: Cell): string {
  if (cell.status === 'draft') return '<span class="govuk-body-s">Not submitted</span>'
  if (!cell.grade) return '<span class="govuk-body-s">Not graded</span>'
  const notes = [
    cell.selfGrade && cell.selfGrade.code !== cell.grade.code ? `self: ${cell.selfGrade.label}` : null,
    cell.moderated ? null : 'not yet moderated',
    cell.graded < cell.criteria ? `${cell.graded} of ${cell.criteria} graded` : null,
    changeText(cell.previous),
  ].filter(Boolean)
  return `${gradeTag(cell.grade)}<br><span class="govuk-body-s">${notes.map((n) => escapeHtml(n!)).join('<br>')}</span>`
}

const returnStatusText: Record<AgencyRow['status'], string> = {
  draft: 'Not submitted',
  submitted: 'Submitted, not yet moderated',
  moderated: 'Moderated',
  closed: 'Closed',
}

/** The matrix: agencies down, standards across, each cell's grade in words. */
export function matrixTable(results: Section11Results) {
  return {
    caption: `${results.cycle.name}: each agency’s grade for each standard`,
    head: [{ text: 'Agency' }, ...results.standards.map((s) => ({ html: `${s.number}.&nbsp;${escapeHtml(s.title)}` }))],
    rows: results.agencies.map((agency) => [
      {
        html: `${agency.canOpen ? linkHtml(returnHref(agency.returnId), agency.agencyName) : escapeHtml(agency.agencyName)}<br><span class="govuk-body-s">${returnStatusText[agency.status]}</span>`,
      },
      ...agency.cells.map((cell) => ({ html: cellHtml(cell) })),
    ]),
  }
}

/** "3 of 12 agencies" below the minimum, per standard, most often first. */
export function belowMinimumTable(results: Section11Results) {
  return {
    caption: 'Standards most often below the minimum',
    head: [
      { text: 'Standard' },
      { text: 'Agencies below the minimum', format: 'numeric' },
      { text: 'Criteria below the minimum', format: 'numeric' },
    ],
    rows: results.belowMinimum.map((s) => [
      { text: `${s.number}. ${s.title}` },
      { text: `${s.agencies} of ${results.agencies.length}`, format: 'numeric' },
      { text: String(s.criteria), format: 'numeric' },
    ]),
  }
}

/** One row per agency and standard, the header first: the section 11 download. */
export function section11Csv(results: Section11Results): unknown[][] {
  return [
    [
      'Agency',
      'Standard number',
      'Standard',
      'Return',
      'Self-grade',
      'Moderated grade',
      'Moderation reasons',
      'Grades changed at moderation',
      'Previous grade',
      'Change',
    ],
    ...results.agencies.flatMap((agency) =>
      agency.cells.map((cell) => [
        agency.agencyName,
        cell.standardNumber,
        cell.standardTitle,
        returnStatusText[agency.status],
        cell.selfGrade?.label ?? '',
        cell.grade && cell.moderated ? cell.grade.label : cell.grade ? 'Not yet moderated' : '',
        cell.reasons,
        cell.changed,
        cell.previous.kind === 'compared' ? cell.previous.grade.label : '',
        cell.status === 'draft' ? '' : changeText(cell.previous),
      ]),
    ),
  ]
}

// ---------------------------------------------------------------- schools

const percent = (count: number, of: number) => (of ? Math.round((count / of) * 100) : 0)
const n = (value: number) => value.toLocaleString('en-GB')

/** "223 of 250 schools returned (89%)". */
export const returnRateText = (rate: { total: number; returned: number }) =>
  `${n(rate.returned)} of ${n(rate.total)} ${rate.total === 1 ? 'school' : 'schools'} returned (${percent(rate.returned, rate.total)}%)`

/** Each question with its answers per grade: a count and its share of the answers. */
export function distributionTable(questions: QuestionDistribution[], scale: ScaleCode) {
  const grades = scales[scale].grades
  return {
    caption: 'Answers to each question',
    head: [
      { text: 'Question' },
      ...grades.map((g) => ({ text: g.label, format: 'numeric' })),
      { text: 'Answered', format: 'numeric' },
    ],
    rows: questions.map((q) => [
      { html: `<span class="govuk-!-font-weight-bold">${q.number}</span> ${escapeHtml(q.text)}` },
      ...grades.map((g) => {
        const count = q.counts[g.code] ?? 0
        return { text: `${n(count)} (${percent(count, q.answered)}%)`, format: 'numeric' }
      }),
      { text: n(q.answered), format: 'numeric' },
    ]),
  }
}

export function distributionCsv(questions: QuestionDistribution[], scale: ScaleCode): unknown[][] {
  const grades = scales[scale].grades
  return [
    ['Question', 'Text', ...grades.map((g) => g.label), 'Answered'],
    ...questions.map((q) => [q.number, q.text, ...grades.map((g) => q.counts[g.code] ?? 0), q.answered]),
  ]
}

export const followUpColumns = [
  { key: 'school', text: 'School' },
  { key: 'urn', text: 'URN' },
  { key: 'status', text: 'Returned' },
  { key: 'questions', text: 'Questions below the minimum' },
] as const

export function followUpHead(state: ListState<FollowUpSort>, query: Query) {
  return sortableHead(followUpColumns, state, query)
}

const returnedText = (row: FollowUpRow) => (row.status === 'draft' ? 'Not returned' : 'Returned')

export function followUpRows(rows: FollowUpRow[]) {
  return rows.map((row) => [
    { html: row.canOpen ? linkHtml(returnHref(row.returnId), row.school) : escapeHtml(row.school) },
    { text: row.urn ?? '' },
    { text: returnedText(row) },
    { text: row.questions.length ? row.questions.join(', ') : row.status === 'draft' ? '' : 'None' },
  ])
}

export function followUpCsv(rows: FollowUpRow[]): unknown[][] {
  return [
    ['School', 'URN', 'Returned', 'Questions below the minimum'],
    ...rows.map((row) => [row.school, row.urn ?? '', returnedText(row), row.questions.join(', ')]),
  ]
}
