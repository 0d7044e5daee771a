import type { SectionDefinition } from '../../../platform/sections.ts'
import { reachFor } from './figures.ts'
import { yearRange } from './range.ts'
import {
  eventsByFormatChart,
  eventsByFormatTable,
  newslettersTable,
  peopleByAgencyTable,
  peopleBySectorTable,
  reachBySectorChart,
} from './tables.ts'

/**
 * The training paragraph, in the seed cabinet paper's shape, every number a figure: the report
 * starts with it, the officer edits it, and the cabinet paper drafts from the report's narrative.
 */
export const trainingParagraph =
  'During the year the partnership delivered {{learning.events-delivered}} free safeguarding training and learning events, plus online learning. The training reached {{learning.people-trained}} members of the workforce. The partnership sent termly newsletters to {{learning.largest-list-subscribers}} members of the multi-agency workforce, and e-bulletins to educational settings. It ran {{learning.learning-events}} learning events, for {{learning.learning-event-average}} delegates each time.'

/**
 * The annual report's Learning and development section: the reach figures, events by format and
 * people by sector as charts beside their tables, people by agency and the newsletters as tables,
 * and the narrative. Only in the annual report: the training programme is the partnership's, not
 * a subgroup's.
 */
export const learningSection: SectionDefinition = {
  key: 'learning-and-development',
  title: 'Learning and development',
  order: 40,
  inSubgroupReports: false,
  figures: [
    'events-delivered',
    'places-booked',
    'attended',
    'no-shows',
    'late-cancellations',
    'people-trained',
    'elearning-completions',
    'elearning-learners',
    'learning-events',
    'learning-event-delegates',
    'learning-event-average',
    'newsletter-subscribers',
    'largest-list-subscribers',
    'newsletter-issues',
  ],
  narrative: [
    {
      key: 'programme',
      label: 'The training programme',
      hint: 'What the programme offered, how many it reached and how it reached them. It starts from the figures: check the words, keep the placeholders.',
      required: true,
      starting: trainingParagraph,
    },
    {
      key: 'learning-events',
      label: 'Learning events',
      hint: 'The themes of the learning and improvement events and the annual conference, and where they came from (case reviews, audits).',
      required: false,
    },
    {
      key: 'elearning-and-newsletters',
      label: 'E-learning and newsletters',
      hint: 'The e-learning on offer, and what the newsletters and bulletins covered.',
      required: false,
    },
    {
      key: 'impact',
      label: 'The difference it made',
      hint: 'What the evaluations and follow-ups say about confidence and practice.',
      required: false,
    },
  ],
  build: async (db, { partnershipId, year }) => {
    const reach = await reachFor(db, partnershipId, yearRange(year))
    return {
      tables: [
        eventsByFormatTable(reach),
        peopleBySectorTable(reach),
        peopleByAgencyTable(reach),
        newslettersTable(reach),
      ],
      // A chart of nothing says nothing: an empty year has its tables, with their zeros, alone.
      charts: [
        ...(reach.events ? [eventsByFormatChart(reach)] : []),
        ...(reach.bySector.length ? [reachBySectorChart(reach)] : []),
      ],
      problems: [],
    }
  },
}
