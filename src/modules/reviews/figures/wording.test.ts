import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { resolvePlaceholders } from '../../../platform/markdown.ts'
import { reportingYear } from '../../../platform/reporting-years.ts'
import {
  decisionsWords,
  learningPointsWords,
  reviewsWords,
  summariesWords,
  type DecisionsOfYear,
  type ReviewsOfYear,
} from './wording.ts'

const year = reportingYear(2016)
const words = { The: 'The OSCB', the: 'the OSCB', since: 'since the last report to the Board' }
const scr = { reviewType: 'serious-case-review' as const }
const practice = { reviewType: 'practice-review' as const }
const police = { parallelProcess: 'police-investigation' as const }

/** What the report says once each placeholder is resolved to its figure: the records' number, in digits. */
function said(text: string, counts: Record<string, number>) {
  const figures = new Map(
    Object.entries(counts).map(([key, n]) => [
      key.includes('.') ? key : `reviews.${key}`,
      { display: String(n), prose: String(n) },
    ]),
  )
  const resolved = resolvePlaceholders(text, figures)
  assert.deepEqual(resolved.unknown, [], 'every placeholder names a figure')
  return resolved.text
}

const none: ReviewsOfYear = { worked: [], published: [], earlier: [], inYear: [], active: [], completed: [], held: [] }

describe('the reviews paragraph (¶20)', () => {
  it('says the seed paper’s sentence for its five reviews', () => {
    const text = reviewsWords(
      {
        worked: [scr, scr, scr, scr, scr],
        published: [1, 2, 3],
        earlier: [{ signedOffOn: '2016-02-23' }],
        inYear: [1, 2],
        active: [1],
        completed: [],
        held: [police],
      },
      words,
      year,
    )
    assert.equal(
      said(text, {
        'worked-on': 5,
        published: 3,
        'published-signed-off-earlier': 1,
        'published-signed-off-in-year': 2,
        active: 1,
        'awaiting-parallel-process': 1,
      }),
      'The OSCB has worked on 5 serious case reviews since the last report to the Board. Of those 5 reviews: 3 were published (1 of which was signed off in 2015/16 and a further 2 in 2016/17), 1 is active and 1 has been completed as far as possible, whilst a police investigation is underway.',
    )
  })

  it('says a year with none in words, with no number at all', () => {
    assert.equal(
      reviewsWords(none, words, year),
      'The OSCB has not worked on any serious case reviews or local child safeguarding practice reviews since the last report to the Board.',
    )
  })

  it('says one review as one, and names a practice review as such', () => {
    const text = reviewsWords(
      { ...none, worked: [practice], published: [1], earlier: [{ signedOffOn: '2016-03-01' }] },
      words,
      year,
    )
    assert.equal(
      said(text, { 'worked-on': 1 }),
      'The OSCB has worked on 1 local child safeguarding practice review since the last report to the Board. It was published (signed off in 2015/16).',
    )
  })

  it('leaves out what the year had none of, and words several processes and earlier years', () => {
    const text = reviewsWords(
      {
        ...none,
        worked: [scr, practice, scr, scr],
        published: [1, 2],
        earlier: [{ signedOffOn: '2014-06-01' }, { signedOffOn: '2016-01-10' }],
        completed: [1],
        held: [police, { parallelProcess: 'inquest' }],
      },
      words,
      year,
    )
    assert.equal(
      said(text, {
        'worked-on': 4,
        published: 2,
        completed: 1,
        'awaiting-parallel-process': 2,
      }),
      'The OSCB has worked on 4 serious case reviews and local child safeguarding practice reviews since the last report to the Board. Of those 4 reviews: 2 were published (all signed off in earlier years), 1 has been completed and awaits publication and 2 have been completed as far as possible, whilst a police investigation and an inquest are underway.',
    )
  })
})

describe('the decisions paragraph', () => {
  const decided = (n: number) => Array.from({ length: n }, () => ({ framework: 'working-together-2015' as const }))
  const of = (d: Partial<DecisionsOfYear>): DecisionsOfYear => ({
    decided: [],
    met: [],
    notMet: [],
    learning: [],
    notReviewed: [],
    due: [],
    onTime: [],
    ...d,
  })

  it('says both paths, where the criteria were met and where they were not', () => {
    const text = decisionsWords(
      of({ decided: decided(4), met: [1, 2], notMet: [1, 2], learning: [1], notReviewed: [1] }),
      words,
      year,
    )
    assert.equal(
      said(text, { decisions: 4, 'criteria-met': 2, 'criteria-not-met': 2, 'learning-reviews': 1, 'not-reviewed': 1 }),
      'In 2016/17 the OSCB decided whether 4 cases met the criteria for a serious case review. The criteria were met in 2 and not met in 2. Of those that did not, 1 was reviewed anyway as a learning review and 1 was not reviewed.',
    )
  })

  it('says one decision as one, and the deadlines when there were any', () => {
    const text = decisionsWords(
      of({
        decided: [{ framework: 'working-together-2018' }],
        notMet: [1],
        learning: [1],
        due: [1, 2],
        onTime: [1],
      }),
      words,
      year,
    )
    assert.equal(
      said(text, { decisions: 1, 'clocks-due': 2, 'clocks-met-on-time': 1 }),
      'In 2016/17 the OSCB decided whether 1 case met the criteria for a local child safeguarding practice review, and it did not. It was reviewed anyway as a learning review.\n\nOf the 2 statutory deadlines that fell in the year (notifying the national panel within 5 working days of becoming aware of a serious incident, and sending it the rapid review within 15), 1 was met on time.',
    )
  })

  it('says a year with no decisions in words', () => {
    assert.equal(
      decisionsWords(of({}), words, year),
      'The OSCB made no decisions on whether to review a case in 2016/17.',
    )
  })
})

describe('the learning summaries and events paragraph (¶21)', () => {
  it('says the seed paper’s sentences when each published review has a summary', () => {
    const text = summariesWords(
      { published: 3, summarised: 3, learningEvents: 4, conferences: 1, onReviewThemes: true },
      words,
      year,
    )
    assert.equal(
      said(text, { 'learning.learning-events': 4 }),
      'For each review a learning summary was produced highlighting key messages for practitioners and managers. The OSCB ran 4 learning events and an annual conference in 2016/17, covering a range of themes emerging from local serious case reviews and audits.',
    )
  })

  it('counts the summaries when some are missing, and says nothing of events there were none of', () => {
    const text = summariesWords(
      { published: 3, summarised: 2, learningEvents: 0, conferences: 0, onReviewThemes: false },
      words,
      year,
    )
    assert.equal(
      said(text, { 'learning-summaries': 2, published: 3 }),
      'A learning summary highlighting key messages for practitioners and managers was produced for 2 of the 3 reviews published.',
    )
    assert.equal(
      summariesWords(
        { published: 0, summarised: 0, learningEvents: 0, conferences: 0, onReviewThemes: false },
        words,
        year,
      ),
      '',
    )
  })
})

describe('the most common learning points (¶16)', () => {
  const theme = (n: number) => ({ name: `Theme ${n}`, description: `Learning point ${n}, *as written*.` })
  const published = [{ publishedOn: '2016-05-18' }, { publishedOn: '2017-03-21' }]

  it('lists the first ten as a numbered list under one introduction, each as its theme describes it', () => {
    const text = learningPointsWords(
      Array.from({ length: 12 }, (_, i) => theme(i + 1)),
      published,
      year,
    )
    const lines = said(text, { 'reviews-ranked': 2 }).split('\n')
    assert.equal(lines[0], 'From the 2 case reviews published in 2016/17, the ten most common learning points are:')
    assert.equal(lines.length, 11)
    assert.equal(lines[1], '1. Learning point 1, \\*as written\\*.')
    assert.equal(lines[10], '10. Learning point 10, \\*as written\\*.')
  })

  it('says fewer than ten as they are, a review signed off but not published as such, and nothing for none', () => {
    const text = learningPointsWords([theme(1), { name: 'Neglect', description: null }], [{ publishedOn: null }], year)
    assert.equal(
      said(text, { 'reviews-ranked': 1 }),
      'From the 1 case review published or signed off in 2016/17, the learning points, most common first, are:\n1. Learning point 1, \\*as written\\*.\n2. Neglect',
    )
    assert.equal(learningPointsWords([], [], year), '')
  })
})
