import type { Database } from '../../../db/index.ts'
import { reportingYear } from '../../../platform/reporting-years.ts'
import type { ReportTable, SectionContext, SectionDefinition } from '../../../platform/sections.ts'
import { getPartnership } from '../../partnership/settings/service.ts'
import { actionsAtYearEnd, planFigures, planOfYear, type PlanOfYear } from './figures.ts'
import { evaluationLabels, notEvaluated } from './labels.ts'
import { aimsWords, areasWords, messagesWords, prioritiesWords } from './wording.ts'

/**
 * The annual report's "Business plan priorities" section, in subgroup reports too: the year's
 * figures (priorities by evaluation, the actions under them at the year's end), a table of the
 * priorities with their evaluation and evidence, and four narrative slots drafted from the
 * records in the seed cabinet paper's shape (¶8, ¶11, ¶12, ¶13), which the cabinet paper then
 * carries paragraph by paragraph.
 */

const shortNameOf = async (db: Database, partnershipId: string) => (await getPartnership(db, partnershipId)).shortName

/** ¶8: the year's priorities, how they were evaluated and where their actions stood. */
async function prioritiesParagraph(db: Database, { partnershipId, year }: SectionContext) {
  const [found, shortName] = await Promise.all([planOfYear(db, partnershipId, year), shortNameOf(db, partnershipId)])
  const facts = found && { priorities: found.priorities, actions: actionsAtYearEnd(found, year).map((a) => a.yearEnd) }
  return prioritiesWords(facts, shortName, year)
}

/** ¶11: the year's areas for improvement (`/business-plan/<year>/review`). */
async function areasParagraph(db: Database, { partnershipId, year }: SectionContext) {
  const found = await planOfYear(db, partnershipId, year)
  return areasWords(found?.plan.areasForImprovement)
}

/** ¶12: the aims for the next year: its plan's priorities. */
async function aimsParagraph(db: Database, { partnershipId, year }: SectionContext) {
  const next = reportingYear(year.startYear + 1, year.startMonth)
  const [found, shortName] = await Promise.all([planOfYear(db, partnershipId, next), shortNameOf(db, partnershipId)])
  return aimsWords(found?.priorities.map((p) => p.title) ?? null, shortName, next)
}

/** ¶13: the year's messages for multi-agency work. */
async function messagesParagraph(db: Database, { partnershipId, year }: SectionContext) {
  const found = await planOfYear(db, partnershipId, year)
  return messagesWords(found?.plan.messages)
}

/** Evidence typed in Markdown, as a table cell's one line of text. */
const oneLine = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim()

export function prioritiesTable(found: PlanOfYear, year: SectionContext['year']): ReportTable {
  const actions = actionsAtYearEnd(found, year)
  return {
    caption: `The priorities of the business plan for ${year.label}, their evaluation and the actions under them at the year’s end`,
    head: ['Priority', 'Evaluation', 'Evidence', 'Actions complete', 'Actions open', 'Actions overdue'],
    rows: found.priorities.map((priority) => {
      const own = actions.filter((a) => a.sourceId === priority.id)
      return [
        `${priority.position}. ${priority.title}`,
        priority.evaluation ? evaluationLabels[priority.evaluation] : notEvaluated,
        oneLine(priority.evidence) || 'None recorded',
        own.filter((a) => a.yearEnd === 'complete').length,
        own.filter((a) => a.yearEnd !== 'complete').length,
        own.filter((a) => a.yearEnd === 'overdue').length,
      ]
    }),
    numericColumns: [3, 4, 5],
  }
}

export const businessPlanSection: SectionDefinition = {
  key: 'business-plan',
  title: 'Business plan priorities',
  order: 20,
  figures: planFigures.map((f) => f.key),
  narrative: [
    {
      key: 'priorities',
      label: 'Performance against the business plan',
      hint: 'How the year went against the priorities of its business plan, with examples. It starts from the evaluations: check the words, keep the placeholders.',
      required: true,
      starting: prioritiesParagraph,
    },
    {
      key: 'areas-for-improvement',
      label: 'Areas for improvement',
      hint: 'Where the partnership must do better. It starts from the areas for improvement recorded for the year on the business plan.',
      required: false,
      starting: areasParagraph,
    },
    {
      key: 'aims',
      label: 'Aims for the coming year',
      hint: 'The aims the report sets for the next year: the priorities of next year’s business plan.',
      required: false,
      starting: aimsParagraph,
    },
    {
      key: 'messages',
      label: 'Messages for multi-agency work',
      hint: 'The messages for multi-agency work going forward, recorded for the year on the business plan.',
      required: false,
      starting: messagesParagraph,
    },
  ],
  build: async (db, context) => {
    const found = await planOfYear(db, context.partnershipId, context.year)
    return { tables: found?.priorities.length ? [prioritiesTable(found, context.year)] : [], charts: [], problems: [] }
  },
}
