import type { Database } from '../../../db/index.ts'
import type { FigureDefinition, FigureResult, Rounding } from '../../../platform/figures.ts'
import { computeReach, type Reach } from './compute.ts'
import { yearRange, type ReachRange } from './range.ts'

/**
 * The reach figures the annual report quotes ("over 150 events", "reached over 9,000"). All of
 * them come from one `computeReach` per partnership and year: the report asks for every figure at
 * once, so the figures asked for together share one computation while it runs (and no longer, so
 * a figure is never older than the request).
 */
const running = new WeakMap<Database, Map<string, Promise<Reach>>>()

export function reachFor(db: Database, partnershipId: string, range: ReachRange): Promise<Reach> {
  const byKey = running.get(db) ?? new Map<string, Promise<Reach>>()
  running.set(db, byKey)
  const key = `${partnershipId}/${range.from}/${range.to}`
  const existing = byKey.get(key)
  if (existing) return existing
  const reach = computeReach(db, partnershipId, range)
  byKey.set(key, reach)
  const forget = () => byKey.delete(key)
  reach.then(forget, forget)
  return reach
}

/** Where a figure's records are listed, for a range: `/learning/reach/attended?year=2016-17&format=…`. */
export function recordsHref(list: string, range: ReachRange, filters: Record<string, string> = {}) {
  const extra = new URLSearchParams(filters).toString()
  return `/learning/reach/${list}?${range.query}${extra ? `&${extra}` : ''}`
}

const exact = { kind: 'exact' } as const
const over = (to: number): Rounding => ({ kind: 'over', to })

function reachFigure(
  key: string,
  label: string,
  definition: string,
  rounding: Rounding,
  value: (reach: Reach) => { value: number | null; list: string; filters?: Record<string, string> },
): FigureDefinition {
  return {
    key,
    label,
    definition,
    unit: 'count',
    rounding,
    compute: async (db, { partnershipId, year }): Promise<FigureResult> => {
      const range = yearRange(year)
      const found = value(await reachFor(db, partnershipId, range))
      return { value: found.value, link: recordsHref(found.list, range, found.filters) }
    },
  }
}

const delivered = 'completed training events that started in the year (by London date)'

export const reachFigures: FigureDefinition[] = [
  reachFigure(
    'events-delivered',
    'Training and learning events delivered',
    `Events of every format (face to face, virtual, e-learning sessions, learning events, conferences): ${delivered}. Cancelled events and events still scheduled are not counted.`,
    over(50),
    (r) => ({ value: r.events, list: 'events-delivered' }),
  ),
  reachFigure(
    'places-booked',
    'Places booked',
    `Bookings on ${delivered} that were booked, attended, missed (no-show) or cancelled late. Cancellations in time gave the place back and are not counted.`,
    over(100),
    (r) => ({ value: r.placesBooked, list: 'places-booked' }),
  ),
  reachFigure(
    'attended',
    'Places attended',
    `Bookings marked attended on ${delivered}. One person attending three events counts three times here.`,
    over(100),
    (r) => ({ value: r.attended, list: 'attended' }),
  ),
  reachFigure(
    'no-shows',
    'No-shows',
    `Bookings on ${delivered} where the person did not come and had not cancelled.`,
    exact,
    (r) => ({ value: r.noShows, list: 'no-shows' }),
  ),
  reachFigure(
    'late-cancellations',
    'Late cancellations',
    `Bookings on ${delivered} cancelled after the cancellation cut-off.`,
    exact,
    (r) => ({ value: r.lateCancellations, list: 'late-cancellations' }),
  ),
  reachFigure(
    'people-trained',
    'People trained',
    `Distinct people (learners, known by their email address) who attended at least one of the ${delivered}, or completed an e-learning module in the year. Each person counts once however many events or modules; bookings are never counted.`,
    over(1000),
    (r) => ({ value: r.peopleTrained, list: 'people-trained' }),
  ),
  reachFigure(
    'elearning-completions',
    'E-learning modules completed',
    'E-learning completions imported from the e-learning platform with a completion date in the year: one per person, module and day.',
    over(100),
    (r) => ({ value: r.elearningCompletions, list: 'elearning-completions' }),
  ),
  reachFigure(
    'elearning-learners',
    'People who completed e-learning',
    'Distinct people with at least one e-learning completion dated in the year.',
    over(100),
    (r) => ({ value: r.elearningLearners, list: 'elearning-learners' }),
  ),
  reachFigure(
    'learning-events',
    'Learning events held',
    `Events of courses in the learning event format among the ${delivered}.`,
    exact,
    (r) => ({ value: r.learningEvents, list: 'events-delivered', filters: { format: 'learning-event' } }),
  ),
  reachFigure(
    'learning-event-delegates',
    'Learning event delegates',
    'Bookings marked attended on the learning events held in the year.',
    over(100),
    (r) => ({ value: r.learningEventDelegates, list: 'attended', filters: { format: 'learning-event' } }),
  ),
  reachFigure(
    'learning-event-average',
    'Delegates per learning event (average)',
    'Learning event delegates divided by the learning events held in the year; said in prose to the nearest 25 ("about 150"); 0 when none were held. The list gives each event’s delegates.',
    { kind: 'about', to: 25 },
    (r) => ({
      // None held: 0, not "not available", which would stop a report being approved.
      value: r.learningEventAverage === null ? 0 : Math.round(r.learningEventAverage * 10) / 10,
      list: 'events-delivered',
      filters: { format: 'learning-event' },
    }),
  ),
  reachFigure(
    'newsletter-subscribers',
    'Newsletter subscriptions at the year’s end',
    'Subscriptions to all the mailing lists confirmed on or before the year’s last day and not unsubscribed by then. Someone on two lists counts twice.',
    over(1000),
    (r) => ({ value: r.subscribers, list: 'newsletter-subscribers' }),
  ),
  reachFigure(
    'largest-list-subscribers',
    'Subscribers to the main newsletter at the year’s end',
    'Of the mailing lists, the one with the most subscribers at the year’s end (the termly newsletter, where there is one): its subscriptions confirmed on or before the year’s last day and not unsubscribed by then.',
    over(1000),
    (r) => ({
      value: r.largestList?.subscribers ?? 0,
      list: 'newsletter-subscribers',
      filters: r.largestList ? { list: r.largestList.listId } : undefined,
    }),
  ),
  reachFigure(
    'newsletter-issues',
    'Newsletter and bulletin issues sent',
    'Issues of any mailing list sent in the year.',
    exact,
    (r) => ({ value: r.issues, list: 'newsletter-issues' }),
  ),
]
