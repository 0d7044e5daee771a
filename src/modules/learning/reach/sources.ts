import { sql, type SQL } from 'drizzle-orm'
import { learnerSectors } from '../schema.ts'
import type { ReachRange } from './range.ts'

/**
 * The records each reach figure counts, as SQL the figures and their lists of records share, so
 * a figure and the list its link opens cannot disagree. The definitions (agreed with the demo
 * data) are in the learning README; in short:
 *
 * - delivered events: completed events that started within the range (London days);
 * - places booked: their bookings booked, attended, no-show or cancelled late (a cancellation in
 *   time gave the place back);
 * - people trained: learners who attended a delivered event or completed e-learning in the range,
 *   each counted once, never bookings.
 *
 * Moments are compared with the London midnights that bound the range, so the indexes on
 * `starts_at`, `sent_at` and the rest serve the conditions as they are.
 */

/** The booking statuses that count as a place booked. */
export const placesBookedStatuses = ['booked', 'attended', 'no-show', 'late-cancellation'] as const

/** The day after an ISO day: the range's end, exclusive. */
export function dayAfter(day: string) {
  const next = new Date(`${day}T00:00:00Z`)
  next.setUTCDate(next.getUTCDate() + 1)
  return next.toISOString().slice(0, 10)
}

/** The instant London's day `day` began. */
export const londonMidnight = (day: string) => sql`((${day}::date)::timestamp at time zone 'Europe/London')`

/** `column` (a timestamp) falls on one of the range's London days. */
export function momentIn(column: SQL, range: ReachRange) {
  return sql`${column} >= ${londonMidnight(range.from)} and ${column} < ${londonMidnight(dayAfter(range.to))}`
}

/** Delivered events of the partnership in the range, as `e`, with their course as `c`. */
export function deliveredEvents(partnershipId: string, range: ReachRange) {
  return sql`training_events e join courses c on c.id = e.course_id and c.partnership_id = ${partnershipId}
    where e.partnership_id = ${partnershipId} and e.status = 'completed' and ${momentIn(sql`e.starts_at`, range)}`
}

/** Bookings on delivered events, as `b`, with the event as `e` and its course as `c`. */
export function bookingsOnDelivered(partnershipId: string, range: ReachRange, statuses: readonly string[]) {
  return sql`bookings b
    join training_events e on e.id = b.event_id and e.partnership_id = ${partnershipId}
    join courses c on c.id = e.course_id and c.partnership_id = ${partnershipId}
    where b.partnership_id = ${partnershipId} and e.status = 'completed' and ${momentIn(sql`e.starts_at`, range)}
      and b.status in (${sql.join(
        statuses.map((s) => sql`${s}`),
        sql`, `,
      )})`
}

/** E-learning completions of the partnership in the range, as `ec`. */
export function completionsIn(partnershipId: string, range: ReachRange) {
  return sql`elearning_completions ec
    where ec.partnership_id = ${partnershipId} and ec.completed_on >= ${range.from}::date and ec.completed_on <= ${range.to}::date`
}

/**
 * Who was trained, as a derived table `trained(learner_id, agency_id, sector, counts_for_sector, kind)`:
 * one row per attended booking (its agency and sector as given when booking), one per
 * completion (its agency; the learner's own sector, but only for people with no attended booking
 * in the range, whose sector the bookings already say). People are counted with
 * `count(distinct learner_id)`: once in the total, and once in each agency and sector they gave.
 */
export function trainedPeople(partnershipId: string, range: ReachRange) {
  return sql`(
    with attended as materialized (
      select b.learner_id, b.agency_id, b.sector from ${bookingsOnDelivered(partnershipId, range, ['attended'])}
    ), attendees as materialized (
      select distinct learner_id from attended
    )
    select learner_id, agency_id, sector::text as sector, true as counts_for_sector, 'attended' as kind from attended
    union all
    -- A join, not a correlated NOT EXISTS: that would scan the attended rows once per completion.
    select ec.learner_id, ec.agency_id, l.sector::text, x.learner_id is null, 'completed'
    from (select ec.learner_id, ec.agency_id from ${completionsIn(partnershipId, range)}) ec
    join learners l on l.id = ec.learner_id and l.partnership_id = ${partnershipId}
    left join attendees x on x.learner_id = ec.learner_id
  ) trained`
}

/**
 * Who was trained, for the figures, as a derived table `trained(learner_id, agency_id, sectors)`: one
 * row per attended booking and per completion, as `trainedPeople` (which the lists read) but without
 * its join to find who also attended. `sectors` is the attended booking's sector as one bit (`sectorBit`),
 * and 0 for a completion; so a learner's `bit_or(sectors)` is the set of sectors their attended bookings
 * gave, or 0 when they only completed e-learning and their own sector counts instead — the rule
 * `counts_for_sector` spells out row by row. Reads the attended bookings from bookings_attended_idx alone.
 */
export function trainedRows(partnershipId: string, range: ReachRange) {
  return sql`(
    select b.learner_id, b.agency_id, ${sectorBit(sql`b.sector`)} as sectors
    from ${bookingsOnDelivered(partnershipId, range, ['attended'])}
    union all
    select ec.learner_id, ec.agency_id, 0 from ${completionsIn(partnershipId, range)}
  ) trained`
}

/**
 * A sector as a bit of an integer: 1 << (n + 1) for the nth of `learnerSectors`, 1 (bit 0) for any
 * other value, which the figures count as not known; `sectorsOfBits` reads them back.
 */
export function sectorBit(column: SQL) {
  return sql`(1 << coalesce(array_position(array[${sql.join(
    learnerSectors.map((s) => sql`${s}`),
    sql`, `,
  )}]::text[], ${column}::text), 0))`
}

/** The sectors whose bits `sectorBit` set in `bits`, in the order of `learnerSectors`; null for bit 0. */
export function sectorsOfBits(bits: number) {
  const sectors = learnerSectors.filter((_, n) => bits & (1 << (n + 1)))
  return bits & 1 ? [...sectors, null] : sectors
}

/** Subscriptions that stood at the end of the range's last day, as `s`. */
export function subscribedAtEnd(partnershipId: string, range: ReachRange) {
  const end = londonMidnight(dayAfter(range.to))
  return sql`subscriptions s
    where s.partnership_id = ${partnershipId} and s.confirmed_at < ${end}
      and (s.unsubscribed_at is null or s.unsubscribed_at >= ${end})`
}

/** Newsletter issues sent in the range, as `i`. */
export function issuesSent(partnershipId: string, range: ReachRange) {
  return sql`newsletter_issues i
    where i.partnership_id = ${partnershipId} and i.status = 'sent' and ${momentIn(sql`i.sent_at`, range)}`
}

/** Rows of a raw query, on either driver (both answer with `rows`). */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows
}
