import { linkHtml } from '../../../platform/html.ts'
import { formatDate } from '../../../platform/views.ts'
import type { KindList } from '../../../platform/figure-records.ts'
import { methodWords, audienceLabels } from '../quadrant/wording.ts'
import { practiceGradeLabels } from '../scales.ts'
import type { RecordKind, RecordsByKind } from './definitions.ts'

/**
 * How each kind of record behind a quality assurance figure is listed (the platform's
 * `figure-records.ts`): columns sortable on the server, table rows and the
 * download. The lists are short enough to sort whole and show on one page.
 */
type Lists = { [K in RecordKind]: KindList<RecordsByKind[K][number]> }

const numeric = (n: number) => ({ text: n.toLocaleString('en-GB'), format: 'numeric' })
const returnStatusWords = { draft: 'Draft', submitted: 'Submitted', moderated: 'Moderated', closed: 'Closed' }
const gradeText = (grade: keyof typeof practiceGradeLabels | null) =>
  grade ? practiceGradeLabels[grade] : 'Not graded'
const methodText = (method: keyof typeof methodWords) => {
  const [one] = methodWords[method]
  return one.charAt(0).toUpperCase() + one.slice(1)
}

export const kindLists: Lists = {
  returns: {
    noun: ['return', 'returns'],
    columns: [
      { key: 'agency', text: 'Agency or school' },
      { key: 'cycle', text: 'Cycle' },
      { key: 'status', text: 'Status' },
      { key: 'met', text: 'Standards met', format: 'numeric' },
    ],
    defaultSort: 'agency',
    sortValue: (r, key) =>
      ({ cycle: r.cycle, status: returnStatusWords[r.status], met: r.standardsMet })[key] ?? r.agency,
    rows: (rows) =>
      rows.map((r) => [
        { html: linkHtml(`/assurance/returns/${r.id}`, r.agency) },
        { text: r.cycle },
        { text: returnStatusWords[r.status] },
        { text: `${r.standardsMet} of ${r.standards}`, format: 'numeric' },
      ]),
    csvHead: ['Agency or school', 'Cycle', 'Status', 'Standards met', 'Standards', 'Return id'],
    csv: (rows) => rows.map((r) => [r.agency, r.cycle, returnStatusWords[r.status], r.standardsMet, r.standards, r.id]),
  },
  audits: {
    noun: ['case audit', 'case audits'],
    columns: [
      { key: 'title', text: 'Case audit' },
      { key: 'held', text: 'Held' },
      { key: 'theme', text: 'Theme' },
      { key: 'cases', text: 'Cases', format: 'numeric' },
    ],
    defaultSort: 'held',
    sortValue: (a, key) => ({ title: a.title, theme: a.theme, cases: a.cases.length })[key] ?? a.heldOn,
    rows: (rows) =>
      rows.map((a) => [
        { html: linkHtml(`/assurance/case-audits/${a.id}`, a.title) },
        { text: formatDate(a.heldOn) },
        { text: a.theme },
        numeric(a.cases.length),
      ]),
    csvHead: ['Case audit', 'Held', 'Theme', 'Cases', 'Case audit id'],
    csv: (rows) => rows.map((a) => [a.title, a.heldOn, a.theme, a.cases.length, a.id]),
  },
  cases: {
    noun: ['case', 'cases'],
    columns: [
      { key: 'audit', text: 'Case audit' },
      { key: 'reference', text: 'Case reference' },
      { key: 'grade', text: 'Practice' },
    ],
    defaultSort: 'audit',
    sortValue: (c, key) => ({ reference: c.reference, grade: gradeText(c.grade) })[key] ?? `${c.audit} ${c.reference}`,
    rows: (rows) =>
      rows.map((c) => [
        { html: linkHtml(`/assurance/case-audits/${c.auditId}`, c.audit) },
        { text: c.reference },
        { text: gradeText(c.grade) },
      ]),
    csvHead: ['Case audit', 'Case reference', 'Practice', 'Case audit id'],
    csv: (rows) => rows.map((c) => [c.audit, c.reference, gradeText(c.grade), c.auditId]),
  },
  voice: {
    noun: ['survey or consultation', 'surveys and consultations'],
    columns: [
      { key: 'title', text: 'Survey or consultation' },
      { key: 'held', text: 'Held' },
      { key: 'audience', text: 'Who was asked' },
      { key: 'method', text: 'How' },
      { key: 'responses', text: 'Responses', format: 'numeric' },
    ],
    defaultSort: 'held',
    sortValue: (v, key) =>
      ({
        title: v.title,
        audience: audienceLabels[v.audience],
        method: methodText(v.method),
        responses: v.responses,
      })[key] ?? v.heldOn,
    rows: (rows) =>
      rows.map((v) => [
        { html: linkHtml(`/assurance/voice/${v.id}`, v.title) },
        { text: formatDate(v.heldOn) },
        { text: audienceLabels[v.audience] },
        { text: methodText(v.method) },
        numeric(v.responses),
      ]),
    csvHead: ['Survey or consultation', 'Held', 'Who was asked', 'How', 'Responses', 'Record id'],
    csv: (rows) =>
      rows.map((v) => [v.title, v.heldOn, audienceLabels[v.audience], methodText(v.method), v.responses, v.id]),
  },
  themes: {
    noun: ['theme', 'themes'],
    columns: [
      { key: 'name', text: 'Theme' },
      { key: 'audits', text: 'Case audits on it', format: 'numeric' },
      { key: 'points', text: 'Learning points', format: 'numeric' },
      { key: 'total', text: 'Together', format: 'numeric' },
    ],
    defaultSort: 'total',
    sortValue: (t, key) =>
      ({ name: t.name, audits: t.audits, points: t.learningPoints })[key] ?? t.audits + t.learningPoints,
    rows: (rows) =>
      rows.map((t) => [
        { html: linkHtml(`/assurance/quadrant?theme=${t.id}`, t.name) },
        numeric(t.audits),
        numeric(t.learningPoints),
        numeric(t.audits + t.learningPoints),
      ]),
    csvHead: ['Theme', 'Case audits on it', 'Learning points', 'Together', 'Theme id'],
    csv: (rows) => rows.map((t) => [t.name, t.audits, t.learningPoints, t.audits + t.learningPoints, t.id]),
  },
}
