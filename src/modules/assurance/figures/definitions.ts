import type { Database } from '../../../db/index.ts'
import type { FigureDefinition, FigureUnit } from '../../../platform/figures.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { yearSlug, type ReportingYear } from '../../../platform/reporting-years.ts'
import { practiceGradeLabels, practiceGrades, type PracticeGrade } from '../scales.ts'
import type { FrameworkKind } from '../audit-schema.ts'
import {
  caseAuditRecords,
  meetsEvery,
  moderated,
  returnRecords,
  submitted,
  themeRecords,
  voiceRecordRows,
  type CaseAuditRecord,
  type ReturnRecord,
  type ThemeRecord,
  type VoiceRecordRow,
} from './records.ts'

/**
 * What each quality assurance figure counts, as one function returning exactly its records: the
 * figure is their number (or, for responses, their sum), and its list
 * (`/assurance/figures/<key>?year=2016-17`) shows and downloads them, so the two cannot disagree.
 */
export interface CaseRow {
  id: string
  auditId: string
  audit: string
  reference: string
  grade: PracticeGrade | null
}

export interface RecordsByKind {
  returns: ReturnRecord[]
  audits: CaseAuditRecord[]
  cases: CaseRow[]
  voice: VoiceRecordRow[]
  themes: ThemeRecord[]
}
export type RecordKind = keyof RecordsByKind

export interface AssuranceFigure<K extends RecordKind = RecordKind> {
  key: string
  label: string
  definition: string
  kind: K
  records: (db: Database, partnershipId: string, year: ReportingYear, reader?: Actor) => Promise<RecordsByKind[K]>
  /** The figure's value from its records: their number unless said. */
  value?: (records: RecordsByKind[K]) => number
}

const cycleWords: Record<FrameworkKind, { prefix: string; name: string; who: string }> = {
  'section-11': { prefix: 's11', name: 'Section 11', who: 'agencies' },
  schools: { prefix: 'schools', name: 'Schools’ safeguarding audit', who: 'schools' },
}

function returns(
  kind: FrameworkKind,
  key: string,
  label: string,
  definition: string,
  keep: (r: ReturnRecord) => boolean,
): AssuranceFigure<'returns'> {
  return {
    key: `${cycleWords[kind].prefix}-${key}`,
    label: `${cycleWords[kind].name}: ${label}`,
    definition,
    kind: 'returns',
    records: async (db, pid, year, reader) => (await returnRecords(db, pid, year, kind, reader)).filter(keep),
  }
}

const due = (who: string) =>
  `Returns asked of ${who} by the cycles of the year (opened or closed; a planned cycle asks nothing yet): one per ${who === 'schools' ? 'school' : 'agency'} taking part.`

const casesOf = (audits: CaseAuditRecord[]): CaseRow[] =>
  audits.flatMap((a) => a.cases.map((c) => ({ ...c, auditId: a.id, audit: a.title })))

function cases(grade: PracticeGrade): AssuranceFigure<'cases'> {
  const word = practiceGradeLabels[grade].toLowerCase()
  return {
    key: `cases-${grade}`,
    label: `Cases audited: practice graded ${word}`,
    definition: `Of the cases audited in the year’s case audits, those whose practice was graded ${word}.`,
    kind: 'cases',
    records: async (db, pid, year, reader) =>
      casesOf(await caseAuditRecords(db, pid, year, reader)).filter((c) => c.grade === grade),
  }
}

export const assuranceFigureList: AssuranceFigure[] = [
  returns('section-11', 'returns-due', 'returns due', due('agencies'), () => true),
  returns(
    'section-11',
    'returns-submitted',
    'returns submitted',
    'Of the returns due, those the agency submitted (moderated and closed ones included).',
    submitted,
  ),
  returns(
    'section-11',
    'returns-moderated',
    'returns moderated',
    'Of the returns due, those moderated by the business unit or a peer from another agency.',
    moderated,
  ),
  returns(
    'section-11',
    'agencies-meeting-every-standard',
    'agencies meeting every standard',
    'Of the moderated returns, those whose every criterion of every standard was graded at or above the minimum at moderation.',
    meetsEvery,
  ),
  returns('schools', 'returns-due', 'returns due', due('schools'), () => true),
  returns(
    'schools',
    'returns-received',
    'returns received',
    'Of the returns due from schools, those the school submitted.',
    submitted,
  ),
  {
    key: 'case-audits',
    label: 'Case audits held',
    definition: 'Single- and multi-agency case audits held in the year, by the day they were held.',
    kind: 'audits',
    records: caseAuditRecords,
  } satisfies AssuranceFigure<'audits'>,
  {
    key: 'cases-audited',
    label: 'Cases audited',
    definition: 'The cases sampled by the case audits held in the year.',
    kind: 'cases',
    records: async (db, pid, year, reader) => casesOf(await caseAuditRecords(db, pid, year, reader)),
  } satisfies AssuranceFigure<'cases'>,
  ...practiceGrades.map(cases),
  {
    key: 'voice-records',
    label: 'Surveys and consultations held',
    definition:
      'Surveys and consultations of practitioners, children and young people, and parents and carers held (or closed) in the year.',
    kind: 'voice',
    records: (db, pid, year) => voiceRecordRows(db, pid, year),
  } satisfies AssuranceFigure<'voice'>,
  {
    key: 'voice-responses',
    label: 'Responses to surveys and consultations',
    definition: 'The responses to the surveys and consultations held in the year, added together.',
    kind: 'voice',
    records: (db, pid, year) => voiceRecordRows(db, pid, year),
    value: (records) => records.reduce((sum, r) => sum + r.responses, 0),
  } satisfies AssuranceFigure<'voice'>,
  {
    key: 'themes',
    label: 'Themes across the year’s case audits',
    definition:
      'Themes of the case audits held in the year and of their learning points, most often first: an audit on the theme and each learning point tagged with it count one each.',
    kind: 'themes',
    records: themeRecords,
  } satisfies AssuranceFigure<'themes'>,
] as AssuranceFigure[]

export const assuranceFigureByKey = new Map(assuranceFigureList.map((f) => [f.key, f]))

/** `/assurance/figures/case-audits?year=2016-17`: the list behind a figure. */
export const assuranceFigureHref = (key: string, year: ReportingYear) =>
  `/assurance/figures/${key}?year=${yearSlug(year)}`

const valueOf = (figure: AssuranceFigure, records: RecordsByKind[RecordKind]) =>
  figure.value ? (figure.value as (r: typeof records) => number)(records) : records.length

/** The figures the platform registers; the schools' return rate too (a percentage, none without returns due). */
export const assuranceFigures: FigureDefinition[] = [
  ...assuranceFigureList.map((figure): FigureDefinition => ({
    key: figure.key,
    label: figure.label,
    definition: figure.definition,
    unit: 'count' as FigureUnit,
    rounding: { kind: 'exact' },
    compute: async (db, { partnershipId, year }) => ({
      value: valueOf(figure, await figure.records(db, partnershipId, year)),
      link: assuranceFigureHref(figure.key, year),
    }),
  })),
  {
    key: 'schools-return-rate',
    label: 'Schools’ safeguarding audit: return rate',
    definition: 'Of the returns due from schools in the year, the percentage the schools submitted.',
    unit: 'percentage',
    rounding: { kind: 'exact' },
    compute: async (db, { partnershipId, year }) => {
      const all = await returnRecords(db, partnershipId, year, 'schools')
      const link = assuranceFigureHref('schools-returns-received', year)
      if (!all.length) return { value: null, link, problem: `No schools’ audit asked for returns in ${year.label}.` }
      return { value: Math.round((all.filter(submitted).length / all.length) * 1000) / 10, link }
    },
  },
]

/** The figures the section shows: counts, 0 rather than missing in a year without records. */
export const sectionFigureKeys = [
  's11-returns-due',
  's11-returns-submitted',
  's11-returns-moderated',
  's11-agencies-meeting-every-standard',
  'schools-returns-due',
  'schools-returns-received',
  'case-audits',
  'cases-audited',
  ...practiceGrades.map((g) => `cases-${g}`),
  'voice-records',
  'voice-responses',
]
