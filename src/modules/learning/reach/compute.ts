import { sql } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { courseFormats, learnerSectors, type CourseFormat, type LearnerSector } from '../schema.ts'
import type { ReachRange } from './range.ts'
import { completionsIn, deliveredEvents, issuesSent, placesBookedStatuses, rowsOf, subscribedAtEnd } from './sources.ts'
import { peopleTrained, type PeopleTrained } from './people.ts'

/**
 * Every reach figure for a partnership and a range of days, in five set-based queries run side by
 * side (bench/reach.ts times them on a million bookings; the people trained, two of them, in people.ts). The figures, the reach page and the
 * report section all read this; the lists of records behind each number read the same sources
 * (sources.ts).
 */
export interface FormatReach {
  format: CourseFormat
  events: number
  placesBooked: number
  attended: number
  noShows: number
  lateCancellations: number
}

export interface Reach {
  range: ReachRange
  /** Every format, in the order of `courseFormats`, with zeros. */
  byFormat: FormatReach[]
  events: number
  placesBooked: number
  attended: number
  noShows: number
  lateCancellations: number
  peopleTrained: number
  /** Directory agencies by name, then "Not in the directory" (agencyId null) last. */
  byAgency: { agencyId: string | null; agency: string | null; people: number }[]
  /** In the order of `learnerSectors`, then "Not known" (sector null) last; only sectors with people. */
  bySector: { sector: LearnerSector | null; people: number }[]
  elearningCompletions: number
  elearningLearners: number
  learningEvents: number
  learningEventDelegates: number
  /** Attended per learning event; null when there were none. */
  learningEventAverage: number | null
  /** Lists with subscribers at the end or issues sent in the range, by name. */
  lists: { listId: string; name: string; subscribers: number; issues: number }[]
  subscribers: number
  issues: number
  /** The list with the most subscribers at the end (the termly newsletter, in the demo). */
  largestList: { listId: string; name: string; subscribers: number } | null
}

export async function computeReach(db: Database, partnershipId: string, range: ReachRange): Promise<Reach> {
  const [formats, people, completions, lists] = await Promise.all([
    db.execute(sql`
      select ev.format,
        count(*)::int as events,
        coalesce(sum(b.booked), 0)::int as "placesBooked",
        coalesce(sum(b.attended), 0)::int as attended,
        coalesce(sum(b.no_shows), 0)::int as "noShows",
        coalesce(sum(b.late), 0)::int as "lateCancellations"
      from (select e.id, c.format from ${deliveredEvents(partnershipId, range)}) ev
      cross join lateral (
        select count(*) filter (where b.status in (${sql.join(
          placesBookedStatuses.map((s) => sql`${s}`),
          sql`, `,
        )})) as booked,
          count(*) filter (where b.status = 'attended') as attended,
          count(*) filter (where b.status = 'no-show') as no_shows,
          count(*) filter (where b.status = 'late-cancellation') as late
        -- Scoped by the event, which is the partnership's: (event_id, status) then answers from the index alone.
        from bookings b where b.event_id = ev.id
      ) b
      group by ev.format`),
    peopleTrained(db, partnershipId, range),
    db.execute(sql`
      select count(*)::int as completions, count(distinct ec.learner_id)::int as learners
      from ${completionsIn(partnershipId, range)}`),
    db.execute(sql`
      select l.id as "listId", l.name,
        (select count(*) from ${subscribedAtEnd(partnershipId, range)} and s.list_id = l.id)::int as subscribers,
        (select count(*) from ${issuesSent(partnershipId, range)} and i.list_id = l.id)::int as issues
      from mailing_lists l where l.partnership_id = ${partnershipId}
      order by lower(l.name)`),
  ])
  return assembleReach(
    range,
    rowsOf(formats),
    people,
    rowsOf<{ completions: number; learners: number }>(completions)[0]!,
    rowsOf(lists),
    await agencyNames(
      db,
      partnershipId,
      people.byAgency.flatMap((r) => (r.agencyId ? [r.agencyId] : [])),
    ),
  )
}

async function agencyNames(db: Database, partnershipId: string, ids: string[]) {
  if (!ids.length) return new Map<string, string>()
  const rows = rowsOf<{ id: string; name: string }>(
    await db.execute(sql`select id, name from agencies where partnership_id = ${partnershipId}
      and id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`),
  )
  return new Map(rows.map((r) => [r.id, r.name]))
}

/** The query rows as figures: pure, so the arithmetic is tested without a database. */
export function assembleReach(
  range: ReachRange,
  formatRows: FormatReach[],
  people: PeopleTrained,
  completions: { completions: number; learners: number },
  lists: { listId: string; name: string; subscribers: number; issues: number }[],
  agencies: ReadonlyMap<string, string>,
): Reach {
  const byFormat = courseFormats.map(
    (format) =>
      formatRows.find((r) => r.format === format) ?? {
        format,
        events: 0,
        placesBooked: 0,
        attended: 0,
        noShows: 0,
        lateCancellations: 0,
      },
  )
  const sum = (key: keyof Omit<FormatReach, 'format'>) => byFormat.reduce((total, row) => total + row[key], 0)
  const learning = byFormat.find((r) => r.format === 'learning-event')!
  const byAgency = people.byAgency
    .map((r) => ({
      agencyId: r.agencyId,
      agency: r.agencyId ? (agencies.get(r.agencyId) ?? null) : null,
      people: r.people,
    }))
    .sort((a, b) =>
      a.agencyId === null ? 1 : b.agencyId === null ? -1 : (a.agency ?? '').localeCompare(b.agency ?? '', 'en-GB'),
    )
  const sectorOrder = (sector: string | null) =>
    sector === null ? learnerSectors.length : learnerSectors.indexOf(sector as LearnerSector)
  const bySector = people.bySector
    .filter((r) => r.people > 0)
    .sort((a, b) => sectorOrder(a.sector) - sectorOrder(b.sector))
  const shown = lists.filter((l) => l.subscribers > 0 || l.issues > 0)
  const largest = [...shown].sort((a, b) => b.subscribers - a.subscribers)[0]
  return {
    range,
    byFormat,
    events: sum('events'),
    placesBooked: sum('placesBooked'),
    attended: sum('attended'),
    noShows: sum('noShows'),
    lateCancellations: sum('lateCancellations'),
    peopleTrained: people.total,
    byAgency,
    bySector,
    elearningCompletions: completions.completions,
    elearningLearners: completions.learners,
    learningEvents: learning.events,
    learningEventDelegates: learning.attended,
    learningEventAverage: learning.events ? learning.attended / learning.events : null,
    lists: shown,
    subscribers: shown.reduce((t, l) => t + l.subscribers, 0),
    issues: shown.reduce((t, l) => t + l.issues, 0),
    largestList:
      largest && largest.subscribers > 0
        ? { listId: largest.listId, name: largest.name, subscribers: largest.subscribers }
        : null,
  }
}
