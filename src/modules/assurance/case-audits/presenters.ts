import { escapeHtml, linkHtml, tagHtml, type TagColour } from '../../../platform/html.ts'
import { formatDate } from '../../../platform/views.ts'
import type { CaseAuditRecommendationStatus, CaseAuditScope, CaseAuditStatus } from '../case-audit-schema.ts'
import { practiceGradeLabels, practiceGrades, type PracticeGrade } from '../scales.ts'
import { gradeDistribution, type AuditCaseRow } from './cases.ts'
import type { listAuditLearning } from './learning.ts'
import type { AuditRecommendationRow } from './recommendations.ts'
import type { AuditRow } from './service.ts'

/** Case audits as the parameters of GOV.UK macros and CSV rows. Pure, so tested without HTTP. */

export const scopeLabels: Record<CaseAuditScope, string> = {
  'single-agency': 'Single-agency',
  'multi-agency': 'Multi-agency',
}
export const auditStatusLabels: Record<CaseAuditStatus, string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  complete: 'Complete',
}
export const recommendationStatusLabels: Record<CaseAuditRecommendationStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  complete: 'Complete',
}

const gradeColours: Record<PracticeGrade, TagColour> = {
  outstanding: 'green',
  good: 'turquoise',
  'requires-improvement': 'orange',
  inadequate: 'red',
}

/** A grade's tag: its word always beside the colour. */
export const gradeTag = (grade: PracticeGrade | null) =>
  grade ? tagHtml(practiceGradeLabels[grade], gradeColours[grade]) : tagHtml('Not graded', 'grey')

export const auditHref = (id: string) => `/assurance/case-audits/${id}`

const gradesOfRow = (row: AuditRow) =>
  practiceGrades.flatMap((grade) => Array<PracticeGrade>(row[grade]).fill(grade)) as (PracticeGrade | null)[]

/** The grade distribution of a list row: its graded cases by grade, and the rest not graded yet. */
export function rowDistribution(row: AuditRow) {
  const graded = gradesOfRow(row)
  return gradeDistribution([...graded, ...Array<null>(row.cases - graded.length).fill(null)])
}

const scopeText = (row: { scope: CaseAuditScope; agencyName: string | null }) =>
  row.agencyName ? `${scopeLabels[row.scope]}: ${row.agencyName}` : scopeLabels[row.scope]

export function auditRows(rows: AuditRow[]) {
  return rows.map((row) => [
    { html: linkHtml(auditHref(row.id), row.title) },
    { text: row.themeName },
    { text: scopeText(row) },
    { text: formatDate(row.heldOn), attributes: { 'data-sort-value': row.heldOn } },
    { text: auditStatusLabels[row.status] },
    { text: String(row.cases), format: 'numeric' },
    { text: row.cases ? rowDistribution(row).replace(/^\d+ cases?: /, '') : 'No cases yet' },
  ])
}

export function auditCsv(rows: AuditRow[]) {
  return [
    [
      'Title',
      'Theme',
      'Scope',
      'Agency',
      'Held on',
      'Status',
      'Cases',
      ...practiceGrades.map((g) => practiceGradeLabels[g]),
    ],
    ...rows.map((row) => [
      row.title,
      row.themeName,
      scopeLabels[row.scope],
      row.agencyName ?? '',
      row.heldOn,
      auditStatusLabels[row.status],
      row.cases,
      ...practiceGrades.map((grade) => row[grade]),
    ]),
  ]
}

/** The sample's table: reference, grade, each agency's grade, notes, and (for auditors) Change. */
export function caseRows(cases: AuditCaseRow[], auditId: string, canAudit: boolean) {
  return cases.map((c) => [
    { text: c.reference },
    { html: gradeTag(c.grade) },
    {
      html: c.agencyGrades.length
        ? c.agencyGrades
            .map(
              (g) =>
                `${escapeHtml(g.agencyName)}: ${gradeTag(g.grade)}${g.comment ? ` <span class="govuk-body-s">${escapeHtml(g.comment)}</span>` : ''}`,
            )
            .join('<br>')
        : 'None recorded',
    },
    { text: c.notes ?? '' },
    ...(canAudit
      ? [{ html: linkHtml(`${auditHref(auditId)}/cases/${c.id}/edit`, 'Change', `case ${c.reference}`) }]
      : []),
  ])
}

type Point = Awaited<ReturnType<typeof listAuditLearning>>[number]

export function learningRows(points: Point[], auditId: string, canAudit: boolean) {
  return points.map((point) => [
    { text: String(point.number), format: 'numeric' },
    { text: point.text },
    { html: point.themes.map((theme) => tagHtml(theme.name, 'blue')).join(' ') },
    ...(canAudit
      ? [
          {
            html: linkHtml(
              `${auditHref(auditId)}/learning/${point.id}/edit`,
              'Change',
              `learning point ${point.number}`,
            ),
          },
        ]
      : []),
  ])
}

const statusColours: Record<CaseAuditRecommendationStatus, TagColour> = {
  open: 'grey',
  'in-progress': 'blue',
  complete: 'green',
}

/** One recommendation as summary list rows, its actions shown beside it on the page. */
export function recommendationSummary(r: AuditRecommendationRow) {
  const rows = [
    { key: { text: 'Recommendation' }, value: { text: r.text } },
    { key: { text: 'Owned by' }, value: { text: r.agencyName } },
    { key: { text: 'Response' }, value: { text: r.response ?? 'Not yet written' } },
    { key: { text: 'Due date' }, value: { text: r.dueOn ? formatDate(r.dueOn) : 'None set' } },
    {
      key: { text: 'Status' },
      value: { html: tagHtml(recommendationStatusLabels[r.status], statusColours[r.status]) },
    },
  ]
  if (r.status === 'complete')
    rows.push(
      { key: { text: 'Completed on' }, value: { text: formatDate(r.completedOn) } },
      { key: { text: 'Evidence' }, value: { text: r.evidence ?? '' } },
    )
  return rows
}

/** The audit's own details as summary list rows. */
export function auditSummary(
  audit: {
    themeName: string
    scope: CaseAuditScope
    agencyName: string | null
    heldOn: string
    status: CaseAuditStatus
  },
  priority: string | null,
  auditors: { name: string; agencyName: string | null }[],
) {
  return [
    { key: { text: 'Theme' }, value: { text: audit.themeName } },
    { key: { text: 'Scope' }, value: { text: scopeText(audit) } },
    { key: { text: 'Held on' }, value: { text: formatDate(audit.heldOn) } },
    { key: { text: 'Status' }, value: { text: auditStatusLabels[audit.status] } },
    { key: { text: 'Business plan priority' }, value: { text: priority ?? 'None' } },
    {
      key: { text: 'Auditors' },
      value: {
        html: auditors.length
          ? auditors.map((p) => escapeHtml([p.name, p.agencyName].filter(Boolean).join(', '))).join('<br>')
          : 'None named',
      },
    },
  ]
}
