import { escapeHtml } from '../../../platform/html.ts'
import { tagHtml } from '../../../platform/html.ts'
import { formatDate } from '../../../platform/views.ts'
import type { SurveyQuestion, SurveyStatus } from '../voice-schema.ts'
import { surveyHref, type SurveyRow } from './service.ts'

export const surveyStatusLabels: Record<SurveyStatus, string> = { draft: 'Draft', open: 'Open', closed: 'Closed' }
export const surveyStatusTag = (status: SurveyStatus) =>
  tagHtml(surveyStatusLabels[status], status === 'open' ? 'green' : status === 'draft' ? 'grey' : 'blue')

export const kindLabels = { scale: 'Scale', choice: 'Choice', text: 'Free text' } as const

export function surveyRows(rows: SurveyRow[]) {
  return rows.map((row) => [
    { html: `<a class="govuk-link" href="${surveyHref(row.id)}">${escapeHtml(row.title)}</a>` },
    { html: surveyStatusTag(row.status) },
    { text: formatDate(row.closesOn) },
    { text: row.responses.toLocaleString('en-GB'), format: 'numeric' },
  ])
}

export function surveyCsv(rows: SurveyRow[]) {
  return [
    ['Title', 'Status', 'Closes on', 'Responses'],
    ...rows.map((r) => [r.title, surveyStatusLabels[r.status], r.closesOn, r.responses]),
  ]
}

const percent = (n: number, of: number) => (of ? `${Math.round((n / of) * 100)}%` : '0%')

/**
 * Each question's results: for scale and choice questions, how many gave each answer and the
 * share of those who answered it (a table the page shows whole); for free text, how many wrote one.
 */
export function questionResults(
  questions: readonly SurveyQuestion[],
  counts: readonly { questionId: string; value: string; n: number }[],
  textTotals: Map<string, number>,
) {
  return questions.map((question) => {
    if (question.kind === 'text') return { question, answered: textTotals.get(question.id) ?? 0, table: null }
    const mine = counts.filter((c) => c.questionId === question.id)
    const answered = mine.reduce((sum, c) => sum + c.n, 0)
    const keyOf = (index: number, option: string) => (question.kind === 'scale' ? String(index + 1) : option)
    const rows = question.options.map((option, index) => {
      const n = mine.find((c) => c.value === keyOf(index, option))?.n ?? 0
      return [
        { text: option },
        { text: n.toLocaleString('en-GB'), format: 'numeric' },
        { text: percent(n, answered), format: 'numeric' },
      ]
    })
    return {
      question,
      answered,
      table: {
        caption: `Question ${question.number}: answers`,
        head: [{ text: 'Answer' }, { text: 'Responses', format: 'numeric' }, { text: 'Share', format: 'numeric' }],
        rows,
      },
    }
  })
}
