import { escapeHtml, tagHtml } from '../../../platform/html.ts'
import { formatDate, formatDateTime } from '../../../platform/views.ts'
import { gradeOf, isTopGrade, scales, type ScaleCode } from '../scales.ts'
import { returnStatusColours, returnStatusLabels } from './lifecycle.ts'
import type { ChallengeRow } from './moderation.ts'
import { agreedReason } from './moderation.ts'
import type { Criterion, ReturnRecord, Standard } from './service.ts'

/** What the return's pages show: GOV.UK macro parameters, grades always in words beside their colour. */

export const gradeTag = (scale: ScaleCode, code: string | null | undefined) => {
  const grade = gradeOf(scale, code)
  return grade ? tagHtml(grade.label, grade.colour) : 'Not graded'
}

export const statusTag = (ret: Pick<ReturnRecord, 'status'>) =>
  tagHtml(returnStatusLabels[ret.status], returnStatusColours[ret.status])

const graded = (standard: Standard) => standard.criteria.filter((c) => c.answer?.selfGrade).length
const moderatedCount = (standard: Standard) => standard.criteria.filter((c) => c.answer?.moderatedGrade).length

/** The GOV.UK task list: a standard each, "3 of 4 graded", linked while it can be filled in (or moderated). */
export function taskItems(ret: ReturnRecord, options: { base: string; fillIn: boolean; moderate: boolean }) {
  return ret.standards.map((standard) => {
    const done = options.moderate ? moderatedCount(standard) : graded(standard)
    const total = standard.criteria.length
    const word = options.moderate ? 'moderated' : 'graded'
    const href = options.moderate
      ? `${options.base}/moderate/${standard.number}`
      : options.fillIn
        ? `${options.base}/standards/${standard.number}`
        : undefined
    return {
      title: { text: `${standard.number}. ${standard.title}` },
      href,
      hint: { text: `${done} of ${total} ${word}` },
      status:
        done === total
          ? { text: options.moderate ? 'Moderated' : 'Completed' }
          : {
              tag: {
                text: done ? 'In progress' : 'Not started',
                classes: done ? 'govuk-tag--light-blue' : 'govuk-tag--blue',
              },
            },
    }
  })
}

/** The return's key facts. */
export function returnSummary(ret: ReturnRecord, options: { moderator: boolean }) {
  return [
    { key: { text: 'Cycle' }, value: { text: ret.cycle.name } },
    { key: { text: ret.kind === 'schools' ? 'School' : 'Agency' }, value: { text: ret.agencyName } },
    { key: { text: 'Status' }, value: { html: statusTag(ret) } },
    { key: { text: 'Due date' }, value: { text: formatDate(ret.cycle.dueOn) } },
    ...(ret.submittedAt ? [{ key: { text: 'Submitted' }, value: { text: formatDateTime(ret.submittedAt) } }] : []),
    ...(ret.moderatedAt ? [{ key: { text: 'Moderated' }, value: { text: formatDateTime(ret.moderatedAt) } }] : []),
    ...(ret.closedAt ? [{ key: { text: 'Closed' }, value: { text: formatDateTime(ret.closedAt) } }] : []),
    ...(options.moderator
      ? [{ key: { text: 'Moderator' }, value: { text: ret.moderatorName ?? 'The business unit' } }]
      : []),
  ]
}

/** Self-grade and moderated grade side by side, a row per criterion, with the reason for a changed grade. */
export function gradeRows(ret: ReturnRecord, standard: Standard) {
  return standard.criteria.map((c) => [
    { text: `${c.label} ${c.text}` },
    { html: gradeTag(ret.scale, c.answer?.selfGrade) },
    { html: gradeTag(ret.scale, c.answer?.moderatedGrade) },
    { text: reasonShown(c) },
  ])
}

const reasonShown = (c: Criterion) =>
  !c.answer?.moderatedGrade
    ? ''
    : c.answer.moderationReason === agreedReason
      ? 'Agreed'
      : (c.answer.moderationReason ?? '')

/** A standard's form: radios of the scale's grades for one criterion. */
export const gradeItems = (scale: ScaleCode) =>
  scales[scale].grades.map((grade) => ({ value: grade.code, text: grade.label }))

/** The moderator's choice: agree with the self-grade, or each other grade. */
export function decisionItems(scale: ScaleCode, selfGrade: string | null) {
  const self = gradeOf(scale, selfGrade)
  return [
    ...(self ? [{ value: 'agree', text: `Agree: ${self.label}` }, { divider: 'or change it to' }] : []),
    ...scales[scale].grades.filter((g) => g.code !== selfGrade).map((g) => ({ value: g.code, text: g.label })),
  ]
}

/** A criterion below the top grade needs an action (section 11). */
export const needsAction = (ret: ReturnRecord, c: Criterion) =>
  ret.kind === 'section-11' && !!c.answer?.selfGrade && !isTopGrade(ret.scale, c.answer.selfGrade)

/** The challenge questions with who asked and answered them, and when. */
export function challengeItems(ret: ReturnRecord, rows: ChallengeRow[]) {
  const labelOf = new Map(ret.standards.flatMap((s) => s.criteria.map((c) => [c.id, `${c.label} ${c.text}`])))
  return rows.map(({ challenge, askedByName, answeredByName }) => ({
    id: challenge.id,
    about: challenge.criterionId ? labelOf.get(challenge.criterionId) : null,
    question: challenge.question,
    asked: `Asked by ${askedByName ?? 'the business unit'} on ${formatDateTime(challenge.askedAt)}`,
    answer: challenge.answer,
    answered: challenge.answeredAt
      ? `Answered by ${answeredByName ?? 'the agency'} on ${formatDateTime(challenge.answeredAt)}`
      : null,
  }))
}

/** Criteria as a select's items (a challenge about one of them, or the whole return). */
export function criterionItems(ret: ReturnRecord) {
  return [
    { value: '', text: 'The whole return' },
    ...ret.standards.flatMap((s) => s.criteria.map((c) => ({ value: c.id, text: `${c.label} ${c.text}` }))),
  ]
}

/** "3.2 Leaders champion safeguarding: Amber" in the check-your-answers list. */
export function answerRows(ret: ReturnRecord, standard: Standard, base: string | null) {
  return standard.criteria.map((c) => ({
    key: { text: `${c.label} ${c.text}` },
    value: {
      html: `${gradeTag(ret.scale, c.answer?.selfGrade)}${c.answer?.evidence ? `<p class="govuk-body govuk-!-margin-top-2">${escapeHtml(c.answer.evidence)}</p>` : ''}`,
    },
    actions: base
      ? {
          items: [
            {
              href: `${base}/standards/${standard.number}#criterion-${c.id}`,
              text: 'Change',
              visuallyHiddenText: c.label,
            },
          ],
        }
      : undefined,
  }))
}
