import { capitalise } from '../../../platform/forms.ts'
import { literalMarkdown, placeholderFor } from '../../../platform/markdown.ts'
import { reportingYear, yearContaining, type ReportingYear } from '../../../platform/reporting-years.ts'
import { listOf } from '../../../platform/views.ts'
import type { Framework, ParallelProcess, ReviewType } from '../schema.ts'
import { yearPeriod } from './figures.ts'

/**
 * The words of the section's starting narrative, as pure functions of what the year's records hold
 * (narrative.ts reads them): the seed cabinet paper's sentences (¶20, ¶21, ¶16), leaving out what
 * the year had none of and saying one review as one, never "0 of 0". Every number is a figure
 * placeholder, `{{reviews.<figure>}}`, which the report prints in digits.
 */
const p = (key: string) => placeholderFor(`reviews.${key}`)
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many)

export interface PartnershipWords {
  /** "The OSCB", at the start of a sentence; `the` within one. */
  The: string
  the: string
  /** "since the last report to the Board". */
  since: string
}

/** The records behind each of the ¶20 figures (only what the wording needs of each). */
export interface ReviewsOfYear {
  worked: readonly { reviewType: ReviewType | null }[]
  published: readonly unknown[]
  /** Published in the year, signed off before it. */
  earlier: readonly { signedOffOn: string | null }[]
  /** Published and signed off in the year. */
  inYear: readonly unknown[]
  active: readonly unknown[]
  completed: readonly unknown[]
  held: readonly { parallelProcess: ParallelProcess | null }[]
}

const processWords: Record<ParallelProcess, [one: string, many: string]> = {
  'police-investigation': ['a police investigation', 'police investigations'],
  'criminal-trial': ['a criminal trial', 'criminal trials'],
  inquest: ['an inquest', 'inquests'],
  'family-court': ['family court proceedings', 'family court proceedings'],
}

function processesUnderway(held: ReviewsOfYear['held']) {
  const kinds = [...new Set(held.map((c) => c.parallelProcess).filter((k): k is ParallelProcess => !!k))]
  if (kinds.length === 1) {
    const [one, many] = processWords[kinds[0]!]
    return held.length === 1 ? `${one} is underway` : `${many} are underway`
  }
  if (!kinds.length) return 'another process is underway'
  return `${listOf(kinds.map((k) => processWords[k][0]))} are underway`
}

function reviewNoun(worked: ReviewsOfYear['worked']) {
  const types = new Set(worked.map((c) => c.reviewType))
  const one = worked.length === 1
  if (!types.has('practice-review')) return one ? 'serious case review' : 'serious case reviews'
  if (!types.has('serious-case-review'))
    return one ? 'local child safeguarding practice review' : 'local child safeguarding practice reviews'
  return 'serious case reviews and local child safeguarding practice reviews'
}

/** ¶20: "The OSCB has worked on 5 serious case reviews since the last report to the Board. Of those 5 reviews: …" */
export function reviewsWords(r: ReviewsOfYear, words: PartnershipWords, year: ReportingYear) {
  if (!r.worked.length)
    return `${words.The} has not worked on any serious case reviews or local child safeguarding practice reviews ${words.since}.`
  const one = r.worked.length === 1
  const clauses: string[] = []
  if (r.published.length) {
    const last = reportingYear(year.startYear - 1, year.startMonth)
    const lastYear = r.earlier.every((c) => yearContaining(c.signedOffOn!, year.startMonth).label === last.label)
    const when = lastYear ? last.label : plural(r.earlier.length, 'an earlier year', 'earlier years')
    const which = `${p('published-signed-off-earlier')} of which ${plural(r.earlier.length, 'was', 'were')} signed off in ${when}`
    let detail = ''
    if (r.earlier.length && r.inYear.length)
      detail = ` (${which} and a further ${p('published-signed-off-in-year')} in ${year.label})`
    else if (r.earlier.length === r.published.length)
      detail = ` (${plural(r.earlier.length, '', 'all ')}signed off in ${when})`
    else if (r.earlier.length) detail = ` (${which})`
    clauses.push(
      `${one ? 'it was' : `${p('published')} ${plural(r.published.length, 'was', 'were')}`} published${detail}`,
    )
  }
  if (r.active.length) clauses.push(`${one ? 'it' : p('active')} ${plural(r.active.length, 'is', 'are')} active`)
  if (r.completed.length)
    clauses.push(
      `${one ? 'it' : p('completed')} ${plural(r.completed.length, 'has been completed and awaits', 'have been completed and await')} publication`,
    )
  if (r.held.length)
    clauses.push(
      `${one ? 'it' : p('awaiting-parallel-process')} ${plural(r.held.length, 'has', 'have')} been completed as far as possible, whilst ${processesUnderway(r.held)}`,
    )
  const first = `${words.The} has worked on ${p('worked-on')} ${reviewNoun(r.worked)} ${words.since}.`
  if (!clauses.length) return first
  return `${first} ${capitalise(one ? `${listOf(clauses)}.` : `Of those ${p('worked-on')} reviews: ${listOf(clauses)}.`)}`
}

export interface DecisionsOfYear {
  decided: readonly { framework: Framework | null }[]
  met: readonly unknown[]
  notMet: readonly unknown[]
  learning: readonly unknown[]
  notReviewed: readonly unknown[]
  /** Statutory deadlines due in the year, and those met on time. */
  due: readonly unknown[]
  onTime: readonly unknown[]
}

/** The year's decisions on whether to review a case, and the statutory deadlines (2018 onwards) that fell in it. */
export function decisionsWords(d: DecisionsOfYear, words: PartnershipWords, year: ReportingYear) {
  const paragraphs: string[] = []
  if (!d.decided.length) paragraphs.push(`${words.The} made no decisions on whether to review a case in ${year.label}.`)
  else {
    const frameworks = new Set(d.decided.map((c) => c.framework))
    const only = (framework: Framework) => frameworks.size === 1 && frameworks.has(framework)
    const review = only('working-together-2015')
      ? 'a serious case review'
      : only('working-together-2018')
        ? 'a local child safeguarding practice review'
        : 'a review'
    const one = d.decided.length === 1
    let text = `In ${year.label} ${words.the} decided whether ${p('decisions')} ${plural(d.decided.length, 'case', 'cases')} met the criteria for ${review}`
    if (d.met.length && d.notMet.length)
      text += `. The criteria were met in ${p('criteria-met')} and not met in ${p('criteria-not-met')}.`
    else if (d.met.length) text += one ? ', and it did.' : `. The criteria were met in all ${p('criteria-met')}.`
    else text += one ? ', and it did not.' : '. None of them met the criteria.'
    if (d.learning.length && d.notReviewed.length)
      text += ` Of those that did not, ${p('learning-reviews')} ${plural(d.learning.length, 'was', 'were')} reviewed anyway as a learning review and ${p('not-reviewed')} ${plural(d.notReviewed.length, 'was', 'were')} not reviewed.`
    else if (d.notMet.length) {
      const who = one
        ? 'It'
        : d.notMet.length === 1
          ? 'The case that did not'
          : d.met.length
            ? 'Those that did not'
            : 'They'
      const were = plural(d.notMet.length, 'was', 'were')
      text += d.learning.length
        ? ` ${who} ${were} reviewed anyway as ${plural(d.notMet.length, 'a learning review', 'learning reviews')}.`
        : ` ${who} ${were} not reviewed.`
    }
    paragraphs.push(text)
  }
  if (d.due.length) {
    const deadlines =
      '(notifying the national panel within 5 working days of becoming aware of a serious incident, and sending it the rapid review within 15)'
    paragraphs.push(
      d.due.length === 1
        ? `The statutory deadline that fell in the year ${deadlines} was ${d.onTime.length ? '' : 'not '}met on time.`
        : `Of the ${p('clocks-due')} statutory deadlines that fell in the year ${deadlines}, ${p('clocks-met-on-time')} ${plural(d.onTime.length, 'was', 'were')} met on time.`,
    )
  }
  return paragraphs.join('\n\n')
}

export interface SummariesOfYear {
  published: number
  summarised: number
  /** Learning events and conferences held in the year, and whether any covered a theme of its reviews. */
  learningEvents: number
  conferences: number
  onReviewThemes: boolean
}

/** ¶21: the learning summaries, and the learning events and conference on the themes of the reviews. */
export function summariesWords(s: SummariesOfYear, words: PartnershipWords, year: ReportingYear) {
  const sentences: string[] = []
  const keyMessages = 'highlighting key messages for practitioners and managers'
  if (s.published && s.summarised === s.published)
    sentences.push(`For ${plural(s.published, 'the', 'each')} review a learning summary was produced ${keyMessages}.`)
  else if (s.summarised)
    sentences.push(
      `A learning summary ${keyMessages} was produced for ${p('learning-summaries')} of the ${p('published')} reviews published.`,
    )
  const ran = [
    s.learningEvents ? `${placeholderFor('learning.learning-events')} learning events` : '',
    s.conferences === 1 ? 'an annual conference' : s.conferences ? 'conferences' : '',
  ].filter(Boolean)
  if (ran.length)
    sentences.push(
      `${words.The} ran ${listOf(ran)} in ${year.label}${s.onReviewThemes ? ', covering a range of themes emerging from local serious case reviews and audits' : ''}.`,
    )
  return sentences.join(' ')
}

/** ¶16: the ten most common learning points, each in its theme's words, from the ranking of the year's reviews. */
export function learningPointsWords(
  ranked: readonly { name: string; description: string | null }[],
  reviews: readonly { publishedOn: string | null }[],
  year: ReportingYear,
) {
  if (!ranked.length) return ''
  const period = yearPeriod(year)
  const published = reviews.every((c) => !!c.publishedOn && c.publishedOn >= period.from && c.publishedOn <= period.to)
  const intro = `From the ${p('reviews-ranked')} case ${plural(reviews.length, 'review', 'reviews')} ${published ? 'published' : 'published or signed off'} in ${year.label}, ${
    ranked.length >= 10 ? 'the ten most common learning points are' : 'the learning points, most common first, are'
  }:`
  // One block (a list may follow a line of text directly), so the cabinet paper keeps it as one paragraph.
  return [
    intro,
    ...ranked.slice(0, 10).map((theme, index) => `${index + 1}. ${literalMarkdown(theme.description || theme.name)}`),
  ].join('\n')
}
