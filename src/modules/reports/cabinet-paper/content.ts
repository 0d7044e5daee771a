import type { Block, DocumentModel } from '../../../platform/documents/model.ts'
import { capitalise } from '../../../platform/forms.ts'
import { formatDate, listOf } from '../../../platform/views.ts'
import type { ReportSnapshot } from '../snapshot.ts'

/**
 * The cover paper that takes the annual report to Cabinet, in the form of the seed paper: a
 * title, numbered paragraphs under headings (introduction, the annual report, each subgroup
 * report, financial and staff implications, equalities implications), the recommendation, the
 * author, the contact officer and the background papers. Drafted from the approved reports,
 * then edited by the business unit until it is issued.
 */
export interface CabinetPaperContent {
  /** "Annual reports from the OSCB – 2016/17". */
  title: string
  /** "Three reports submitted by the Independent Chair of the Oxfordshire Safeguarding Children Board". */
  byline: string
  /** Numbered continuously across the headings, as committee papers are. */
  sections: { heading: string; paragraphs: string[] }[]
  recommendation: string
  author: { name: string; role: string }
  contactOfficer: string
  backgroundPapers: string
  /** "September 2017". */
  dated: string
}

export interface PaperSources {
  partnership: { name: string; shortName: string; area: string }
  year: string
  annual: ReportSnapshot
  /** The year's approved subgroup reports. */
  subgroups: { groupName: string; snapshot: ReportSnapshot }[]
  chair: { name: string; independent: boolean } | null
  meeting: string
  today: Date
}

const numberWords = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']

/** The narrative of a report, paragraph by paragraph, placeholders already resolved. */
function paragraphsOf(snapshot: ReportSnapshot) {
  return snapshot.sections.flatMap((section) =>
    section.narrative.flatMap((slot) =>
      slot.resolved
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean),
    ),
  )
}

export function draftPaper(sources: PaperSources): CabinetPaperContent {
  const { partnership, year, chair } = sources
  // A paragraph a subgroup's report says (the case reviews section in Case Review and Governance's)
  // is said once, under the subgroup's heading as in the seed paper, not again under the annual report.
  const said = new Set<string>()
  const saidOnce = (snapshot: ReportSnapshot) => paragraphsOf(snapshot).filter((p) => !said.has(p))
  const subgroupParagraphs = sources.subgroups.map(({ groupName, snapshot }) => {
    const paragraphs = paragraphsOf(snapshot).filter((p) => !said.has(p))
    for (const p of paragraphs) said.add(p)
    return { groupName, paragraphs }
  })
  const count = 1 + sources.subgroups.length
  const reportWord = count === 1 ? 'report' : 'reports'
  const chairRole = chair?.independent === false ? 'Chair' : 'Independent Chair'
  return {
    title: `Annual ${reportWord} from the ${partnership.shortName} – ${year}`,
    byline: `${capitalise(numberWords[count] ?? String(count))} ${reportWord} submitted by the ${chairRole} of the ${partnership.name}`,
    sections: [
      {
        heading: 'Introduction',
        paragraphs: [
          `Local safeguarding arrangements exist so that agencies co-operate to safeguard children and promote their welfare. ${
            sources.subgroups.length
              ? `This paper covers ${numberWords[count] ?? count} annual reports from the ${partnership.name}: its own annual report and the reports of its ${listOf(sources.subgroups.map((s) => s.groupName))} ${sources.subgroups.length > 1 ? 'subgroups' : 'subgroup'}.`
              : `This paper covers the annual report of the ${partnership.name}.`
          }`,
        ],
      },
      { heading: `The ${partnership.shortName} Annual Report ${year}`, paragraphs: saidOnce(sources.annual) },
      ...subgroupParagraphs.map(({ groupName, paragraphs }) => ({
        heading: `The ${groupName} subgroup annual report`,
        paragraphs,
      })),
      {
        heading: 'Financial and staff implications',
        paragraphs: [`The ${partnership.shortName} has a budget, which is set out in the annual report.`],
      },
      {
        heading: 'Equalities implications',
        paragraphs: [
          `The ${partnership.shortName} considers the needs of the most vulnerable children in ${partnership.area}.`,
        ],
      },
    ],
    recommendation: `The ${sources.meeting} is RECOMMENDED to note the ${reportWord}.`,
    author: { name: chair?.name ?? '', role: `${chairRole}, ${partnership.name}` },
    contactOfficer: '',
    backgroundPapers: `${partnership.shortName} Annual Report ${year}`,
    dated: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(
      sources.today,
    ),
  }
}

/** The paper as a document, paragraphs numbered straight through, the recommendation last. */
export function paperDocument(
  paper: CabinetPaperContent,
  meeting: { name: string; date: string | null },
  status: string,
): DocumentModel {
  const blocks: Block[] = []
  let number = 0
  for (const section of paper.sections) {
    if (!section.paragraphs.length) continue
    blocks.push({ type: 'heading', level: 2, text: section.heading })
    for (const markdown of section.paragraphs) blocks.push({ type: 'numbered', number: ++number, markdown })
  }
  blocks.push({ type: 'heading', level: 2, text: 'Recommendation' })
  blocks.push({ type: 'numbered', number: ++number, markdown: paper.recommendation })
  blocks.push({
    type: 'details',
    items: [
      { label: 'Author', value: [paper.author.name, paper.author.role].filter(Boolean).join(', ') },
      { label: 'Background papers', value: paper.backgroundPapers },
      { label: 'Contact officer', value: paper.contactOfficer },
      { label: 'Date', value: paper.dated },
    ].filter((item) => item.value),
  })
  const heading = [meeting.name.toUpperCase(), meeting.date ? formatDate(meeting.date).toUpperCase() : null]
    .filter(Boolean)
    .join(' – ')
  return { title: paper.title, subtitle: [heading, paper.byline, status].filter(Boolean), blocks }
}
