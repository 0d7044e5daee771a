import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { londonInstant } from '../../../platform/london-time.ts'
import { literalMarkdown, placeholderFor } from '../../../platform/markdown.ts'
import { reportingYear, yearContaining } from '../../../platform/reporting-years.ts'
import type { SectionContext } from '../../../platform/sections.ts'
import { courses, courseThemes, trainingEvents } from '../../learning/schema.ts'
import { getPartnership } from '../../partnership/settings/service.ts'
import type { ParallelProcess } from '../schema.ts'
import { rankedThemes, type RankedTheme } from '../themes-across/ranking.ts'
import { reviewFigureByKey, type RecordsByKind } from './definitions.ts'
import { yearPeriod } from './figures.ts'
import type { CaseRecord } from './records.ts'

/**
 * The section's starting narrative, in the seed cabinet paper's words (¶20, ¶21 and ¶16), drafted
 * for the report's year from the same records as the figures: which sentences it says, and their
 * wording (one review or several, serious case reviews or practice reviews, which parallel
 * process) follow the records, so a year with none of something leaves it out rather than saying
 * "0 of 0". Every number is a figure placeholder; the officer edits from here.
 */

const p = (key: string) => placeholderFor(`reviews.${key}`)
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many)

/** "A", "A and B", "A, B and C". */
export function listOf(items: readonly string[]) {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '')
}

/** The records of the year's figures, each read once while one slot is drafted. */
function yearRecords(db: Database, { partnershipId, year }: SectionContext) {
  const period = yearPeriod(year)
  const read = new Map<string, Promise<unknown[]>>()
  return <K extends keyof RecordsByKind>(key: string) => {
    if (!read.has(key)) read.set(key, reviewFigureByKey.get(key)!.records(db, partnershipId, period))
    return read.get(key)! as Promise<RecordsByKind[K]>
  }
}

async function partnershipWords(db: Database, partnershipId: string) {
  const partnership = await getPartnership(db, partnershipId)
  return {
    /** At the start of a sentence; `the` within one. */
    The: `The ${partnership.shortName}`,
    the: `the ${partnership.shortName}`,
    since: partnership.terminology === 'board' ? 'since the last report to the Board' : 'since its last annual report',
  }
}

const processWords: Record<ParallelProcess, [one: string, many: string]> = {
  'police-investigation': ['a police investigation', 'police investigations'],
  'criminal-trial': ['a criminal trial', 'criminal trials'],
  inquest: ['an inquest', 'inquests'],
  'family-court': ['family court proceedings', 'family court proceedings'],
}

function processesUnderway(held: readonly CaseRecord[]) {
  const kinds = [...new Set(held.map((c) => c.parallelProcess).filter((k): k is ParallelProcess => !!k))]
  if (kinds.length === 1) {
    const [one, many] = processWords[kinds[0]!]
    return held.length === 1 ? `${one} is underway` : `${many} are underway`
  }
  return `${listOf(kinds.map((k) => processWords[k][0]))} are underway`
}

function reviewNoun(worked: readonly CaseRecord[]) {
  const types = new Set(worked.map((c) => c.reviewType))
  const one = worked.length === 1
  if (!types.has('practice-review')) return one ? 'serious case review' : 'serious case reviews'
  if (!types.has('serious-case-review'))
    return one ? 'local child safeguarding practice review' : 'local child safeguarding practice reviews'
  return 'serious case reviews and local child safeguarding practice reviews'
}

/** ¶20: "The OSCB has worked on 5 serious case reviews since the last report to the Board. Of those 5 reviews: …" */
export async function reviewsParagraph(db: Database, context: SectionContext) {
  const records = yearRecords(db, context)
  const words = await partnershipWords(db, context.partnershipId)
  const worked = await records<'reviews'>('worked-on')
  if (!worked.length)
    return `${words.The} has not worked on any serious case reviews or local child safeguarding practice reviews ${words.since}.`
  const [published, earlier, inYear, active, completed, held] = await Promise.all([
    records<'reviews'>('published'),
    records<'reviews'>('published-signed-off-earlier'),
    records<'reviews'>('published-signed-off-in-year'),
    records<'reviews'>('active'),
    records<'reviews'>('completed'),
    records<'reviews'>('awaiting-parallel-process'),
  ])
  const one = worked.length === 1
  const clauses: string[] = []
  if (published.length) {
    const { year } = context
    const last = reportingYear(year.startYear - 1, year.startMonth)
    const signedOffLastYear = earlier.every((c) => yearContaining(c.signedOffOn!, year.startMonth).label === last.label)
    const when = signedOffLastYear ? last.label : 'earlier years'
    let detail = ''
    if (earlier.length && inYear.length)
      detail = ` (${p('published-signed-off-earlier')} of which ${plural(earlier.length, 'was', 'were')} signed off in ${when} and a further ${p('published-signed-off-in-year')} in ${year.label})`
    else if (earlier.length === published.length)
      detail = ` (${plural(earlier.length, '', 'all ')}signed off in ${signedOffLastYear ? last.label : 'an earlier year'})`
    else if (earlier.length)
      detail = ` (${p('published-signed-off-earlier')} of which ${plural(earlier.length, 'was', 'were')} signed off in ${when})`
    clauses.push(
      `${one ? 'it was' : `${p('published')} ${plural(published.length, 'was', 'were')}`} published${detail}`,
    )
  }
  if (active.length) clauses.push(`${one ? 'it' : p('active')} ${plural(active.length, 'is', 'are')} active`)
  if (completed.length)
    clauses.push(
      `${one ? 'it' : p('completed')} ${plural(completed.length, 'has been completed and awaits', 'have been completed and await')} publication`,
    )
  if (held.length)
    clauses.push(
      `${one ? 'it' : p('awaiting-parallel-process')} ${plural(held.length, 'has', 'have')} been completed as far as possible, whilst ${processesUnderway(held)}`,
    )
  const first = `${words.The} has worked on ${p('worked-on')} ${reviewNoun(worked)} ${words.since}.`
  if (!clauses.length) return first
  const second = one ? `${listOf(clauses)}.` : `Of those ${p('worked-on')} reviews: ${listOf(clauses)}.`
  return `${first} ${second.charAt(0).toUpperCase()}${second.slice(1)}`
}

/** The year's decisions on whether to review a case, and the statutory deadlines (2018 onwards) that fell in it. */
export async function decisionsParagraph(db: Database, context: SectionContext) {
  const records = yearRecords(db, context)
  const words = await partnershipWords(db, context.partnershipId)
  const [decided, met, notMet, learning, notReviewed, due, onTime] = await Promise.all([
    records<'decisions'>('decisions'),
    records<'decisions'>('criteria-met'),
    records<'decisions'>('criteria-not-met'),
    records<'decisions'>('learning-reviews'),
    records<'decisions'>('not-reviewed'),
    records<'clocks'>('clocks-due'),
    records<'clocks'>('clocks-met-on-time'),
  ])
  const paragraphs: string[] = []
  if (!decided.length)
    paragraphs.push(`${words.The} made no decisions on whether to review a case in ${context.year.label}.`)
  else {
    const frameworks = new Set(decided.map((c) => c.framework))
    const review =
      frameworks.size === 1 && frameworks.has('working-together-2015')
        ? 'a serious case review'
        : frameworks.size === 1 && frameworks.has('working-together-2018')
          ? 'a local child safeguarding practice review'
          : 'a review'
    const one = decided.length === 1
    let text = `In ${context.year.label} ${words.the} decided whether ${p('decisions')} ${plural(decided.length, 'case', 'cases')} met the criteria for ${review}`
    if (met.length && notMet.length)
      text += `. The criteria were met in ${p('criteria-met')} and not met in ${p('criteria-not-met')}.`
    else if (met.length) text += one ? ', and it did.' : `. The criteria were met in all ${p('criteria-met')}.`
    else text += one ? ', and it did not.' : '. None of them met the criteria.'
    if (learning.length && notReviewed.length)
      text += ` Of those that did not, ${p('learning-reviews')} ${plural(learning.length, 'was', 'were')} reviewed anyway as a learning review and ${p('not-reviewed')} ${plural(notReviewed.length, 'was', 'were')} not reviewed.`
    else if (notMet.length) {
      const who = one ? 'It' : notMet.length === 1 ? 'The case that did not' : 'All of those that did not'
      text += learning.length
        ? ` ${who} ${notMet.length === 1 ? 'was' : 'were'} reviewed anyway as ${plural(notMet.length, 'a learning review', 'learning reviews')}.`
        : ` ${who} ${notMet.length === 1 ? 'was' : 'were'} not reviewed.`
    }
    paragraphs.push(text)
  }
  if (due.length) {
    const deadlines =
      '(notifying the national panel within 5 working days of becoming aware of a serious incident, and sending it the rapid review within 15)'
    paragraphs.push(
      due.length === 1
        ? `The statutory deadline that fell in the year ${deadlines} was ${onTime.length ? '' : 'not '}met on time.`
        : `Of the ${p('clocks-due')} statutory deadlines that fell in the year ${deadlines}, ${p('clocks-met-on-time')} ${plural(onTime.length, 'was', 'were')} met on time.`,
    )
  }
  return paragraphs.join('\n\n')
}

/** ¶21: the learning summaries, and the learning events and conference on the themes of the reviews. */
export async function summariesParagraph(db: Database, context: SectionContext) {
  const records = yearRecords(db, context)
  const words = await partnershipWords(db, context.partnershipId)
  const [published, summarised] = await Promise.all([
    records<'reviews'>('published'),
    records<'reviews'>('learning-summaries'),
  ])
  const sentences: string[] = []
  if (published.length && summarised.length === published.length)
    sentences.push(
      published.length === 1
        ? 'For the review a learning summary was produced highlighting key messages for practitioners and managers.'
        : 'For each review a learning summary was produced highlighting key messages for practitioners and managers.',
    )
  else if (summarised.length)
    sentences.push(
      `A learning summary highlighting key messages for practitioners and managers was produced for ${p('learning-summaries')} of the ${p('published')} reviews published.`,
    )
  const events = await learningEventsOn(
    db,
    context,
    await rankedThemes(db, context.partnershipId, yearPeriod(context.year)),
  )
  const ran = [
    events.learningEvents ? `${placeholderFor('learning.learning-events')} learning events` : '',
    events.conferences === 1 ? 'an annual conference' : events.conferences ? 'conferences' : '',
  ].filter(Boolean)
  if (ran.length)
    sentences.push(
      `${words.The} ran ${listOf(ran)} in ${context.year.label}${events.onReviewThemes ? ', covering a range of themes emerging from local serious case reviews and audits' : ''}.`,
    )
  return sentences.join(' ')
}

/**
 * The year's learning events and conferences (completed, not cancelled), as learning's
 * `learning.learning-events` figure counts them, and whether any covered a theme of the year's reviews.
 */
async function learningEventsOn(db: Database, { partnershipId, year }: SectionContext, ranked: RankedTheme[]) {
  const rows = await db
    .select({ id: trainingEvents.id, courseId: courses.id, format: courses.format })
    .from(trainingEvents)
    .innerJoin(courses, eq(courses.id, trainingEvents.courseId))
    .where(
      and(
        eq(trainingEvents.partnershipId, partnershipId),
        eq(trainingEvents.status, 'completed'),
        inArray(courses.format, ['learning-event', 'conference']),
        sql`${trainingEvents.startsAt} >= ${londonInstant(year.start, '00:00')}`,
        sql`${trainingEvents.startsAt} < ${londonInstant(year.endExclusive, '00:00')}`,
      ),
    )
  const themeIds = ranked.map((t) => t.themeId)
  const covered =
    rows.length && themeIds.length
      ? await db
          .select({ courseId: courseThemes.courseId })
          .from(courseThemes)
          .where(
            and(
              inArray(
                courseThemes.courseId,
                rows.map((r) => r.courseId),
              ),
              inArray(courseThemes.themeId, themeIds),
              eq(courseThemes.partnershipId, partnershipId),
            ),
          )
      : []
  return {
    learningEvents: rows.filter((r) => r.format === 'learning-event').length,
    conferences: rows.filter((r) => r.format === 'conference').length,
    onReviewThemes: covered.length > 0,
  }
}

/** ¶16: the ten most common learning points, from the ranking of the themes of the year's reviews. */
export async function learningPointsParagraph(db: Database, context: SectionContext) {
  const ranked = await rankedThemes(db, context.partnershipId, yearPeriod(context.year))
  if (!ranked.length) return ''
  const reviews = await yearRecords(db, context)<'reviews'>('reviews-ranked')
  const period = yearPeriod(context.year)
  const published = reviews.every((c) => !!c.publishedOn && c.publishedOn >= period.from && c.publishedOn <= period.to)
  const top = ranked.slice(0, 10)
  const intro = `From the ${p('reviews-ranked')} case ${plural(reviews.length, 'review', 'reviews')} ${published ? 'published' : 'published or signed off'} in ${context.year.label}, ${
    ranked.length >= 10 ? 'the ten most common learning points are' : 'the learning points, most common first, are'
  }:`
  return [
    intro,
    ...top.map((theme, index) => `${index + 1}. ${literalMarkdown(theme.description || theme.name)}`),
  ].join('\n')
}
