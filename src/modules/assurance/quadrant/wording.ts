import { practiceGradeLabels, practiceGrades, type PracticeGrade } from '../scales.ts'
import type { VoiceAudience, VoiceMethod } from '../voice-schema.ts'

/**
 * The quadrant's words: each quarter's summary line ("3 case audits, 12 cases: 2 good, 7 requires
 * improvement, 3 inadequate"), said the same on the page and in the report. Pure, unit-tested beside it.
 */

const nf = new Intl.NumberFormat('en-GB')

/** "1 case audit", "3 case audits", "1,200 responses". */
export function counted(n: number, singular: string, plural = `${singular}s`) {
  return `${nf.format(n)} ${n === 1 ? singular : plural}`
}

export type RagCounts = { red: number; amber: number; green: number; notJudged: number }

/** "4 indicators: 1 red, 2 amber, 1 green" (with "1 not judged" when some are measures of activity). */
export function indicatorSummary(total: number, rags: RagCounts): string {
  if (!total) return 'No indicators'
  const parts = [
    ...(['red', 'amber', 'green'] as const).filter((r) => rags[r]).map((r) => `${rags[r]} ${r}`),
    ...(rags.notJudged ? [`${rags.notJudged} not judged`] : []),
  ]
  return `${counted(total, 'indicator')}: ${parts.join(', ')}`
}

export type GradeCounts = Record<PracticeGrade | 'not-graded', number>

export const noGrades = (): GradeCounts => ({
  outstanding: 0,
  good: 0,
  'requires-improvement': 0,
  inadequate: 0,
  'not-graded': 0,
})

/** "2 good, 7 requires improvement, 3 inadequate" (grades with none left out), best first. */
export function gradeWords(grades: GradeCounts): string {
  const parts = practiceGrades
    .filter((g) => grades[g])
    .map((g) => `${grades[g]} ${practiceGradeLabels[g].toLowerCase()}`)
  if (grades['not-graded']) parts.push(`${grades['not-graded']} not graded`)
  return parts.join(', ')
}

/** "3 case audits, 12 cases: 2 good, 7 requires improvement, 3 inadequate". */
export function caseAuditSummary(audits: number, cases: number, grades: GradeCounts): string {
  if (!audits) return 'No case audits'
  const graded = gradeWords(grades)
  return `${counted(audits, 'case audit')}, ${counted(cases, 'case')}${graded ? `: ${graded}` : ''}`
}

export const methodWords: Record<VoiceMethod, [string, string]> = {
  survey: ['survey', 'surveys'],
  'focus-group': ['focus group', 'focus groups'],
  interviews: ['set of interviews', 'sets of interviews'],
  'consultation-event': ['consultation event', 'consultation events'],
  'feedback-forms': ['set of feedback forms', 'sets of feedback forms'],
  other: ['other consultation', 'other consultations'],
}

/** "2 surveys, 412 responses"; "1 survey, 1 focus group, 52 responses". */
export function voiceSummary(records: { method: VoiceMethod; responses: number }[]): string {
  if (!records.length) return 'No surveys or consultations'
  const byMethod = (Object.keys(methodWords) as VoiceMethod[])
    .map((method) => [method, records.filter((r) => r.method === method).length] as const)
    .filter(([, n]) => n)
    .map(([method, n]) => counted(n, ...methodWords[method]))
  const responses = records.reduce((sum, r) => sum + r.responses, 0)
  return `${byMethod.join(', ')}, ${counted(responses, 'response')}`
}

export const audienceLabels: Record<VoiceAudience, string> = {
  practitioners: 'Practitioners',
  'children-and-young-people': 'Children and young people',
  'parents-and-carers': 'Parents and carers',
}
