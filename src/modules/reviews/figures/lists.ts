import { escapeHtml, linkHtml, tagHtml } from '../../../platform/html.ts'
import type { KindList } from '../../../platform/figure-records.ts'
import { formatDate } from '../../../platform/views.ts'
import { clockStateLabels } from '../clocks.ts'
import { decisionOutcomeLabels, reviewTypeLabels } from '../labels.ts'
import { caseStatusLabels } from '../lifecycle.ts'
import { statusAt } from '../status-at.ts'
import type { Period, RankedTheme } from '../themes-across/ranking.ts'
import type { RecordKind, RecordsByKind } from './definitions.ts'
import type { CaseRecord, ClockRecord, LearningPointRecord, RecommendationRecord } from './records.ts'

/**
 * How each kind of record behind a figure is listed: its columns (each sortable on the server), its
 * table rows and its download. The lists are short (a partnership's cases run to dozens), so they
 * are sorted whole in memory and shown on one page.
 */
type Lists = { [K in RecordKind]: KindList<RecordsByKind[K][number]> }

const caseLink = (c: { id: string; reference: string }, tab = '') =>
  ({ html: linkHtml(`/case-reviews/${c.id}${tab}`, c.reference) }) as const
const date = (day: string | null) => ({ text: day ? formatDate(day) : '' })
const numeric = (n: number) => ({ text: n.toLocaleString('en-GB'), format: 'numeric' })
const type = (c: CaseRecord) => (c.reviewType ? reviewTypeLabels[c.reviewType] : '')
const standing = (c: CaseRecord, period: Period) => {
  const status = statusAt(c, period.to)
  return status ? caseStatusLabels[status] : ''
}
const decision = (c: CaseRecord) => (c.decisionOutcome ? decisionOutcomeLabels[c.decisionOutcome] : '')

const reviewList: KindList<CaseRecord> = {
  noun: ['review', 'reviews'],
  columns: [
    { key: 'reference', text: 'Reference' },
    { key: 'type', text: 'Type' },
    { key: 'standing', text: 'At the year’s end' },
    { key: 'commissioned', text: 'Commissioned' },
    { key: 'signed-off', text: 'Signed off' },
    { key: 'published', text: 'Published' },
  ],
  defaultSort: 'reference',
  sortValue: (c, key, period) =>
    ({
      type: type(c),
      standing: standing(c, period),
      commissioned: c.commissionedOn ?? '',
      'signed-off': c.signedOffOn ?? '',
      published: c.publishedOn ?? '',
    })[key] ?? c.reference,
  rows: (rows, period) =>
    rows.map((c) => [
      caseLink(c),
      { text: type(c) },
      { text: standing(c, period) },
      date(c.commissionedOn),
      date(c.signedOffOn),
      date(c.publishedOn),
    ]),
  csvHead: ['Reference', 'Type', 'At the year’s end', 'Commissioned', 'Signed off', 'Published', 'Case id'],
  csv: (rows, period) =>
    rows.map((c) => [c.reference, type(c), standing(c, period), c.commissionedOn, c.signedOffOn, c.publishedOn, c.id]),
}

const decisionList: KindList<CaseRecord> = {
  noun: ['case', 'cases'],
  columns: [
    { key: 'reference', text: 'Reference' },
    { key: 'decided', text: 'Decided' },
    { key: 'decision', text: 'Decision' },
    { key: 'type', text: 'Review' },
  ],
  defaultSort: 'decided',
  sortValue: (c, key) => ({ decided: c.decidedOn ?? '', decision: decision(c), type: type(c) })[key] ?? c.reference,
  rows: (rows) => rows.map((c) => [caseLink(c), date(c.decidedOn), { text: decision(c) }, { text: type(c) }]),
  csvHead: ['Reference', 'Decided', 'Decision', 'Review', 'Case id'],
  csv: (rows) => rows.map((c) => [c.reference, c.decidedOn, decision(c), type(c), c.id]),
}

const clockState = (r: ClockRecord) => clockStateLabels[r.clock.state]

const clockList: KindList<ClockRecord> = {
  noun: ['deadline', 'deadlines'],
  columns: [
    { key: 'reference', text: 'Reference' },
    { key: 'deadline', text: 'Deadline' },
    { key: 'due', text: 'Due' },
    { key: 'met', text: 'Met' },
    { key: 'state', text: 'State' },
  ],
  defaultSort: 'due',
  sortValue: (r, key) =>
    ({ deadline: r.clock.label, due: r.clock.dueOn, met: r.clock.metOn ?? '', state: clockState(r) })[key] ??
    r.reference,
  rows: (rows) =>
    rows.map((r) => [
      caseLink({ id: r.caseId, reference: r.reference }),
      { text: r.clock.label },
      date(r.clock.dueOn),
      date(r.clock.metOn),
      { html: tagHtml(clockState(r), r.clock.state === 'met' ? 'green' : r.clock.state === 'due' ? 'blue' : 'red') },
    ]),
  csvHead: ['Reference', 'Deadline', 'Due', 'Met', 'State', 'Case id'],
  csv: (rows) => rows.map((r) => [r.reference, r.clock.label, r.clock.dueOn, r.clock.metOn, clockState(r), r.caseId]),
}

const yearEnd = (r: RecommendationRecord) => (r.overdueAtEnd ? 'Overdue' : r.openAtEnd ? 'Open' : 'Completed')

const recommendationList: KindList<RecommendationRecord> = {
  noun: ['recommendation', 'recommendations'],
  columns: [
    { key: 'reference', text: 'Review' },
    { key: 'number', text: 'Recommendation' },
    { key: 'agency', text: 'Agency' },
    { key: 'due', text: 'Due' },
    { key: 'completed', text: 'Completed' },
    { key: 'year-end', text: 'At the year’s end' },
  ],
  defaultSort: 'reference',
  sortValue: (r, key) =>
    ({
      number: r.number,
      agency: r.agency,
      due: r.dueOn ?? '',
      completed: r.completedOn ?? '',
      'year-end': yearEnd(r),
    })[key] ?? `${r.reference} ${String(r.number).padStart(4, '0')}`,
  rows: (rows) =>
    rows.map((r) => [
      caseLink({ id: r.caseId, reference: r.reference }, '/recommendations'),
      {
        html: `${linkHtml(`/case-reviews/recommendations/${r.id}`, `Recommendation ${r.number}`)}: ${escapeHtml(r.text)}`,
      },
      { text: r.agency },
      date(r.dueOn),
      date(r.completedOn),
      { html: r.overdueAtEnd ? tagHtml('Overdue', 'red') : tagHtml(yearEnd(r), r.openAtEnd ? 'blue' : 'green') },
    ]),
  csvHead: [
    'Review',
    'Number',
    'Recommendation',
    'Agency',
    'Due',
    'Completed',
    'At the year’s end',
    'Recommendation id',
  ],
  csv: (rows) => rows.map((r) => [r.reference, r.number, r.text, r.agency, r.dueOn, r.completedOn, yearEnd(r), r.id]),
}

const training = (t: RankedTheme) =>
  t.training.length ? t.training.map((c) => `${c.title} (${c.events} ${c.events === 1 ? 'event' : 'events'})`) : []

const themeList: KindList<RankedTheme & { rank?: number }> = {
  noun: ['theme', 'themes'],
  columns: [
    { key: 'rank', text: 'Rank', format: 'numeric' },
    { key: 'theme', text: 'Theme' },
    { key: 'points', text: 'Learning points', format: 'numeric' },
    { key: 'reviews', text: 'Reviews', format: 'numeric' },
    { key: null, text: 'Training in the year' },
  ],
  defaultSort: 'rank',
  sortValue: (t, key) => ({ theme: t.name, points: t.learningPoints, reviews: t.reviews })[key] ?? t.rank ?? 0,
  rows: (rows) =>
    rows.map((t) => [
      numeric(t.rank ?? 0),
      { text: t.name },
      numeric(t.learningPoints),
      {
        html: `${t.reviews}: ${t.cases.map((c) => linkHtml(`/case-reviews/${c.id}/learning`, c.reference)).join(', ')}`,
      },
      { text: training(t).join('; ') || 'None' },
    ]),
  csvHead: ['Rank', 'Theme', 'Learning points', 'Reviews', 'Review references', 'Training in the year', 'Theme id'],
  csv: (rows) =>
    rows.map((t) => [
      t.rank,
      t.name,
      t.learningPoints,
      t.reviews,
      t.cases.map((c) => c.reference).join('; '),
      training(t).join('; '),
      t.themeId,
    ]),
}

const learningPointList: KindList<LearningPointRecord> = {
  noun: ['learning point', 'learning points'],
  columns: [
    { key: 'reference', text: 'Review' },
    { key: null, text: 'Learning point' },
    { key: null, text: 'Themes' },
  ],
  defaultSort: 'reference',
  sortValue: (p) => `${p.reference} ${String(p.number).padStart(4, '0')}`,
  rows: (rows) =>
    rows.map((p) => [
      caseLink({ id: p.caseId, reference: p.reference }, '/learning'),
      { text: `${p.number}. ${p.text}` },
      { text: p.themes.join(', ') },
    ]),
  csvHead: ['Review', 'Number', 'Learning point', 'Themes', 'Learning point id'],
  csv: (rows) => rows.map((p) => [p.reference, p.number, p.text, p.themes.join('; '), p.id]),
}

export const kindLists: Lists = {
  reviews: reviewList,
  decisions: decisionList,
  clocks: clockList,
  recommendations: recommendationList,
  themes: themeList,
  'learning-points': learningPointList,
}
