import type { Database } from '../../../db/index.ts'
import { systemActor } from '../../../platform/permissions.ts'
import type { ReportingYear } from '../../../platform/reporting-years.ts'
import type { ChartInput, ReportTable, SectionContext, SectionDefinition } from '../../../platform/sections.ts'
import { themesWithEvidence } from '../quadrant/choices.ts'
import { quadrantFor, type Quadrant } from '../quadrant/quadrant.ts'
import { audienceLabels } from '../quadrant/wording.ts'
import { practiceGradeLabels, practiceGrades } from '../scales.ts'
import { voiceAudiences } from '../voice-schema.ts'
import { sectionFigureKeys } from './definitions.ts'
import {
  caseAuditRecords,
  meetsEvery,
  moderated,
  returnRecords,
  submitted,
  themeRecords,
  voiceRecordRows,
} from './records.ts'

/**
 * The "Quality assurance" section of the annual report and of the Performance, Audit and Quality
 * Assurance subgroup's report (the seed paper's ¶14): how the subgroup tests practice and the
 * sources it reads through the quadrant, the year's section 11 and schools' audits, case audits
 * and their grades, surveys and consultations, the top themes, and the quadrant for the year's
 * best-evidenced themes. The report has no reader: everything here is counted over every record,
 * and quotes aggregates only (no case reference, no case audit's title).
 */
export const sourcesParagraph =
  'The Performance, Audit and Quality Assurance subgroup scrutinises the effectiveness of safeguarding practice, and brings together the common themes for learning and improvement so that vulnerable children are better supported. The following sources are used: section 11 audits, school audits, single and multi-agency case audits, work with children and young people, the views of practitioners and of parents and carers, annual reports and serious case reviews. The information is viewed through a quadrant of quantitative data; qualitative data; practitioner views, child and family views.'

async function yearWords(db: Database, { partnershipId, year }: SectionContext): Promise<string> {
  const [s11, schools, audits, voice] = await Promise.all([
    returnRecords(db, partnershipId, year, 'section-11'),
    returnRecords(db, partnershipId, year, 'schools'),
    caseAuditRecords(db, partnershipId, year),
    voiceRecordRows(db, partnershipId, year),
  ])
  const sentences = [
    s11.length
      ? `Of the {{assurance.s11-returns-due}} section 11 returns due in ${year.label}, {{assurance.s11-returns-submitted}} were submitted and {{assurance.s11-returns-moderated}} moderated; {{assurance.s11-agencies-meeting-every-standard}} agencies met every standard.`
      : `There was no section 11 audit in ${year.label}.`,
    schools.length
      ? `{{assurance.schools-returns-received}} of the {{assurance.schools-returns-due}} schools asked returned the schools’ safeguarding audit.`
      : `There was no schools’ safeguarding audit in ${year.label}.`,
    audits.length
      ? `The partnership held {{assurance.case-audits}} case audits, looking at {{assurance.cases-audited}} cases.`
      : `No case audits were held in ${year.label}.`,
    voice.length
      ? `It heard from practitioners, children and young people, and parents and carers through {{assurance.voice-records}} surveys and consultations, with {{assurance.voice-responses}} responses.`
      : `No surveys or consultations were recorded in ${year.label}.`,
  ]
  return `${sourcesParagraph}\n\n${sentences.join(' ')}`
}

/** The themes with evidence in all four quarters in the year; else the one with the most (none when no theme has any). */
export async function quadrantsToQuote(db: Database, partnershipId: string, year: ReportingYear): Promise<Quadrant[]> {
  const actor = systemActor(partnershipId, 'Annual report')
  const found: Quadrant[] = []
  for (const theme of await themesWithEvidence(db, partnershipId)) {
    const quadrant = await quadrantFor(db, actor, { themeId: theme.id }, year.startYear)
    if (quadrant?.evidenced) found.push(quadrant)
  }
  const full = found.filter((q) => q.evidenced === 4)
  if (full.length) return full
  const most = found.sort((a, b) => b.evidenced - a.evidenced)[0]
  return most ? [most] : []
}

const quadrantTable = (q: Quadrant): ReportTable => ({
  caption: `Quadrant of evidence: ${q.subject.name}, ${q.year.label}`,
  head: ['Quarter', 'Evidence'],
  rows: q.quarters.map((quarter) => [quarter.title, quarter.summary]),
})

async function build(db: Database, { partnershipId, year }: SectionContext) {
  const [s11, schools, audits, voice, themes, quadrants] = await Promise.all([
    returnRecords(db, partnershipId, year, 'section-11'),
    returnRecords(db, partnershipId, year, 'schools'),
    caseAuditRecords(db, partnershipId, year),
    voiceRecordRows(db, partnershipId, year),
    themeRecords(db, partnershipId, year),
    quadrantsToQuote(db, partnershipId, year),
  ])
  const tables: ReportTable[] = []
  const charts: ChartInput[] = []
  const audited = (rows: typeof s11) => [rows.length, rows.filter(submitted).length, rows.filter(moderated).length]
  if (s11.length || schools.length)
    tables.push({
      caption: `Section 11 and schools’ audits, ${year.label}`,
      head: ['Audit', 'Returns due', 'Submitted', 'Moderated'],
      rows: [
        ...(s11.length ? [['Section 11', ...audited(s11)]] : []),
        ...(schools.length ? [['Schools’ safeguarding audit', ...audited(schools)]] : []),
      ],
      numericColumns: [1, 2, 3],
    })
  if (s11.length)
    tables.push({
      caption: `Section 11 standards met by agency, ${year.label}`,
      head: ['Agency', 'Standards met', 'Every standard met'],
      rows: s11.map((r) => [
        r.agency,
        `${r.standardsMet} of ${r.standards}`,
        moderated(r) ? (meetsEvery(r) ? 'Yes' : 'No') : 'Not yet moderated',
      ]),
    })
  const cases = audits.flatMap((a) => a.cases)
  if (cases.length) {
    const data = practiceGrades.map((g) => ({
      category: practiceGradeLabels[g],
      value: cases.filter((c) => c.grade === g).length,
    }))
    charts.push({
      title: `Practice in the cases audited, ${year.label}`,
      description: `How practice was graded in the ${cases.length} cases audited in ${year.label}: ${data.map((d) => `${d.value} ${d.category.toLowerCase()}`).join(', ')}.`,
      kind: 'bar',
      categoryLabel: 'Practice',
      valueLabel: 'Cases',
      data,
    })
  }
  if (voice.length)
    tables.push({
      caption: `Surveys and consultations, ${year.label}`,
      head: ['Who was asked', 'Surveys and consultations', 'Responses'],
      rows: voiceAudiences.flatMap((audience) => {
        const held = voice.filter((v) => v.audience === audience)
        return held.length
          ? [[audienceLabels[audience], held.length, held.reduce((sum, v) => sum + v.responses, 0)]]
          : []
      }),
      numericColumns: [1, 2],
    })
  if (themes.length)
    tables.push({
      caption: `The most common themes across case audits, ${year.label}`,
      head: ['Theme', 'Case audits on it', 'Learning points'],
      rows: themes.slice(0, 10).map((t) => [t.name, t.audits, t.learningPoints]),
      numericColumns: [1, 2],
    })
  tables.push(...quadrants.map(quadrantTable))
  return { tables, charts, problems: [] }
}

export const qualityAssuranceSection: SectionDefinition = {
  key: 'quality-assurance',
  title: 'Quality assurance',
  // Before the performance data (30): the seed paper introduces the quadrant (¶14), then the quantitative data (¶15).
  order: 25,
  figures: sectionFigureKeys,
  narrative: [
    {
      key: 'quality-assurance',
      label: 'How the partnership tests the effectiveness of practice',
      hint: 'The sources the subgroup uses, the quadrant it reads them through, and what the year’s audits and consultations covered. Check the words, keep the placeholders.',
      required: true,
      starting: yearWords,
    },
    {
      key: 'what-the-evidence-shows',
      label: 'What the evidence shows',
      hint: 'What the quadrant says about practice on the themes with the most evidence, and what the partnership will do.',
      required: false,
    },
  ],
  build,
}
