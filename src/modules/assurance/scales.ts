/**
 * The grading scales a framework can use (DOMAIN.md, "Section 11 audits"). A grade is stored as its
 * code; every page shows its words (never colour alone). Grades are listed best first.
 *
 * - `belowMinimum`: the grade falls short of the standard's minimum (red; not met; 0).
 * - the first grade is the top grade: an answer below it needs an action.
 */
export const scaleCodes = ['rag', 'met', 'score'] as const
export type ScaleCode = (typeof scaleCodes)[number]

export interface Grade {
  code: string
  label: string
  /** The tag colour (govuk-tag--green…), always beside the label. */
  colour: 'green' | 'yellow' | 'orange' | 'red'
  belowMinimum: boolean
}

export interface Scale {
  code: ScaleCode
  label: string
  grades: Grade[]
}

export const scales: Record<ScaleCode, Scale> = {
  rag: {
    code: 'rag',
    label: 'Red, amber, green',
    grades: [
      { code: 'green', label: 'Green', colour: 'green', belowMinimum: false },
      { code: 'amber', label: 'Amber', colour: 'orange', belowMinimum: false },
      { code: 'red', label: 'Red', colour: 'red', belowMinimum: true },
    ],
  },
  met: {
    code: 'met',
    label: 'Fully, mostly, partially or not met',
    grades: [
      { code: 'fully-met', label: 'Fully met', colour: 'green', belowMinimum: false },
      { code: 'mostly-met', label: 'Mostly met', colour: 'yellow', belowMinimum: false },
      { code: 'partially-met', label: 'Partially met', colour: 'orange', belowMinimum: true },
      { code: 'not-met', label: 'Not met', colour: 'red', belowMinimum: true },
    ],
  },
  score: {
    code: 'score',
    label: 'Score 0 to 3',
    grades: [
      { code: '3', label: '3 – exceeds', colour: 'green', belowMinimum: false },
      { code: '2', label: '2 – meets', colour: 'yellow', belowMinimum: false },
      { code: '1', label: '1 – partly meets', colour: 'orange', belowMinimum: true },
      { code: '0', label: '0 – does not meet', colour: 'red', belowMinimum: true },
    ],
  },
}

export function gradeOf(scale: ScaleCode, code: string | null | undefined): Grade | null {
  if (!code) return null
  return scales[scale].grades.find((grade) => grade.code === code) ?? null
}

export function isGrade(scale: ScaleCode, code: string): boolean {
  return gradeOf(scale, code) !== null
}

/** The top grade: anything below it needs an action (owner, due date). */
export function isTopGrade(scale: ScaleCode, code: string): boolean {
  return scales[scale].grades[0]!.code === code
}

/** 0 for the top grade, counting down: for sorting and comparing one cycle with the previous. */
export function gradeRank(scale: ScaleCode, code: string): number {
  return scales[scale].grades.findIndex((grade) => grade.code === code)
}

/** The practice grades of case audits (Ofsted's words), best first. */
export const practiceGrades = ['outstanding', 'good', 'requires-improvement', 'inadequate'] as const
export type PracticeGrade = (typeof practiceGrades)[number]
export const practiceGradeLabels: Record<PracticeGrade, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  'requires-improvement': 'Requires improvement',
  inadequate: 'Inadequate',
}
