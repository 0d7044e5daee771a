import { sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import type { BookingStatus, CourseFormat, LearnerSector } from '../schema.ts'
import type { ReachRange } from './range.ts'
import {
  bookingsOnDelivered,
  completionsIn,
  deliveredEvents,
  issuesSent,
  placesBookedStatuses,
  rowsOf,
  subscribedAtEnd,
  trainedPeople,
} from './sources.ts'

/**
 * The records behind each reach figure, for its list page and download: the same sources as the
 * figure (sources.ts), with a sort chosen from a fixed list and a page. Moments come back as
 * epoch milliseconds, the same on both database drivers.
 */
export interface Order {
  sort: string
  direction: 'asc' | 'desc'
}
export type Page = { limit: number; offset: number } | null

function orderBy(columns: Record<string, SQL>, order: Order, tieBreak: SQL) {
  const column = columns[order.sort] ?? Object.values(columns)[0]!
  return sql`order by ${column} ${order.direction === 'desc' ? sql`desc nulls last` : sql`asc nulls last`}, ${tieBreak}`
}

const paged = (page: Page) => (page ? sql`limit ${page.limit} offset ${page.offset}` : sql``)
const at = (column: SQL) => sql`(extract(epoch from ${column}) * 1000)::float8`

/** Rows with `total` (a window count) taken off: the page and the number in all. */
function withTotal<T>(result: unknown) {
  const rows = rowsOf<T & { total: number }>(result)
  return { rows: rows.map(({ total: _total, ...row }) => row as T), total: rows[0]?.total ?? 0 }
}

async function pageOf<T>(db: Database, query: SQL, countQuery: SQL, page: Page) {
  const { rows, total } = withTotal<T>(await db.execute(query))
  if (rows.length || !page || page.offset === 0) return { rows, total }
  // Past the last page: say how many there are all the same.
  return { rows, total: rowsOf<{ total: number }>(await db.execute(countQuery))[0]?.total ?? 0 }
}

export interface EventRecord {
  id: string
  courseTitle: string
  format: CourseFormat
  startsAt: number
  placesBooked: number
  attended: number
}

export async function deliveredEventRecords(
  db: Database,
  partnershipId: string,
  range: ReachRange,
  filter: { format?: CourseFormat } & Order,
  page: Page,
) {
  const format = filter.format ? sql`and c.format = ${filter.format}` : sql``
  const base = sql`select e.id, c.title as "courseTitle", c.format, ${at(sql`e.starts_at`)} as "startsAt",
      (select count(*) from bookings b where b.event_id = e.id and b.partnership_id = ${partnershipId}
        and b.status in (${sql.join(
          placesBookedStatuses.map((s) => sql`${s}`),
          sql`, `,
        )}))::int as "placesBooked",
      (select count(*) from bookings b where b.event_id = e.id and b.partnership_id = ${partnershipId}
        and b.status = 'attended')::int as attended
    from ${deliveredEvents(partnershipId, range)} ${format}`
  const order = orderBy(
    {
      starts: sql`"startsAt"`,
      course: sql`lower("courseTitle")`,
      format: sql`format`,
      booked: sql`"placesBooked"`,
      attended: sql`attended`,
    },
    filter,
    sql`id`,
  )
  return pageOf<EventRecord>(
    db,
    sql`select *, count(*) over ()::int as total from (${base}) r ${order} ${paged(page)}`,
    sql`select count(*)::int as total from (${base}) r`,
    page,
  )
}

export interface BookingRecord {
  id: string
  learnerName: string
  courseTitle: string
  eventId: string
  startsAt: number
  status: BookingStatus
  agency: string | null
  sector: LearnerSector
}

export async function bookingRecords(
  db: Database,
  partnershipId: string,
  range: ReachRange,
  filter: { statuses: readonly BookingStatus[]; format?: CourseFormat } & Order,
  page: Page,
) {
  const format = filter.format ? sql`and c.format = ${filter.format}` : sql``
  const query = sql`select b.id, l.name as "learnerName", c.title as "courseTitle", e.id as "eventId",
      ${at(sql`e.starts_at`)} as "startsAt", b.status, coalesce(a.name, b.agency_other) as agency, b.sector
    from (select b.*, e.id as e_id from ${bookingsOnDelivered(partnershipId, range, filter.statuses)} ${format}) b
    join training_events e on e.id = b.e_id
    join courses c on c.id = e.course_id
    join learners l on l.id = b.learner_id
    left join agencies a on a.id = b.agency_id`
  const order = orderBy(
    {
      starts: sql`"startsAt"`,
      name: sql`lower("learnerName")`,
      course: sql`lower("courseTitle")`,
      status: sql`status`,
      agency: sql`lower(agency)`,
      sector: sql`sector`,
    },
    filter,
    sql`id`,
  )
  return pageOf<BookingRecord>(
    db,
    sql`select *, count(*) over ()::int as total from (${query}) r ${order} ${paged(page)}`,
    sql`select count(*)::int as total from (${query}) r`,
    page,
  )
}

export interface PersonRecord {
  learnerId: string
  name: string
  eventsAttended: number
  completions: number
}

/** `agency`: a directory agency's id, or "none"; `sector`: a sector, or "unknown". */
export interface PeopleFilter {
  agency?: string
  sector?: LearnerSector | 'unknown'
}

export async function trainedPeopleRecords(
  db: Database,
  partnershipId: string,
  range: ReachRange,
  filter: PeopleFilter & Order,
  page: Page,
) {
  const conditions: SQL[] = []
  if (filter.agency === 'none') conditions.push(sql`agency_id is null`)
  else if (filter.agency) conditions.push(sql`agency_id = ${filter.agency}::uuid`)
  if (filter.sector === 'unknown') conditions.push(sql`counts_for_sector and sector is null`)
  else if (filter.sector) conditions.push(sql`counts_for_sector and sector = ${filter.sector}`)
  const chosen = conditions.length
    ? sql`where learner_id in (select learner_id from trained where ${sql.join(conditions, sql` and `)})`
    : sql``
  const query = sql`with trained as materialized (select * from ${trainedPeople(partnershipId, range)})
    select p.learner_id as "learnerId", l.name, p.events_attended as "eventsAttended", p.completions
    from (
      select learner_id, count(*) filter (where kind = 'attended')::int as events_attended,
        count(*) filter (where kind = 'completed')::int as completions
      from trained ${chosen} group by learner_id
    ) p join learners l on l.id = p.learner_id`
  const order = orderBy(
    { name: sql`lower(name)`, events: sql`"eventsAttended"`, completions: sql`completions` },
    filter,
    sql`"learnerId"`,
  )
  return pageOf<PersonRecord>(
    db,
    sql`select *, count(*) over ()::int as total from (${query}) r ${order} ${paged(page)}`,
    sql`select count(*)::int as total from (${query}) r`,
    page,
  )
}

export interface CompletionRecord {
  id: string
  learnerName: string
  moduleName: string
  completedOn: string
  agencyName: string
  agency: string | null
}

export async function completionRecords(
  db: Database,
  partnershipId: string,
  range: ReachRange,
  filter: Order,
  page: Page,
) {
  const query = sql`select ec.id, l.name as "learnerName", ec.module_name as "moduleName",
      to_char(ec.completed_on, 'YYYY-MM-DD') as "completedOn", ec.agency_name as "agencyName", a.name as agency
    from (select ec.* from ${completionsIn(partnershipId, range)}) ec
    join learners l on l.id = ec.learner_id
    left join agencies a on a.id = ec.agency_id`
  const order = orderBy(
    {
      completed: sql`"completedOn"`,
      name: sql`lower("learnerName")`,
      module: sql`lower("moduleName")`,
      agency: sql`lower("agencyName")`,
    },
    filter,
    sql`id`,
  )
  return pageOf<CompletionRecord>(
    db,
    sql`select *, count(*) over ()::int as total from (${query}) r ${order} ${paged(page)}`,
    sql`select count(*)::int as total from (${query}) r`,
    page,
  )
}

export interface ElearnerRecord {
  learnerId: string
  name: string
  completions: number
}

export async function elearnerRecords(
  db: Database,
  partnershipId: string,
  range: ReachRange,
  filter: Order,
  page: Page,
) {
  const query = sql`select p.learner_id as "learnerId", l.name, p.completions
    from (select ec.learner_id, count(*)::int as completions from ${completionsIn(partnershipId, range)}
      group by ec.learner_id) p
    join learners l on l.id = p.learner_id`
  const order = orderBy({ name: sql`lower(name)`, completions: sql`completions` }, filter, sql`"learnerId"`)
  return pageOf<ElearnerRecord>(
    db,
    sql`select *, count(*) over ()::int as total from (${query}) r ${order} ${paged(page)}`,
    sql`select count(*)::int as total from (${query}) r`,
    page,
  )
}

export interface SubscriptionRecord {
  id: string
  email: string | null
  name: string | null
  listName: string
  confirmedAt: number
}

export async function subscriptionRecords(
  db: Database,
  partnershipId: string,
  range: ReachRange,
  filter: { list?: string } & Order,
  page: Page,
) {
  const list = filter.list ? sql`and s.list_id = ${filter.list}::uuid` : sql``
  const query = sql`select s.id, s.email, s.name, m.name as "listName", ${at(sql`s.confirmed_at`)} as "confirmedAt"
    from (select s.* from ${subscribedAtEnd(partnershipId, range)} ${list}) s
    join mailing_lists m on m.id = s.list_id`
  const order = orderBy(
    {
      email: sql`email`,
      name: sql`lower(name)`,
      list: sql`lower("listName")`,
      confirmed: sql`"confirmedAt"`,
    },
    filter,
    sql`id`,
  )
  return pageOf<SubscriptionRecord>(
    db,
    sql`select *, count(*) over ()::int as total from (${query}) r ${order} ${paged(page)}`,
    sql`select count(*)::int as total from (${query}) r`,
    page,
  )
}

export interface IssueRecord {
  id: string
  title: string
  listName: string
  sentAt: number
  recipients: number | null
}

export async function issueRecords(
  db: Database,
  partnershipId: string,
  range: ReachRange,
  filter: { list?: string } & Order,
  page: Page,
) {
  const list = filter.list ? sql`and i.list_id = ${filter.list}::uuid` : sql``
  const query = sql`select i.id, i.title, m.name as "listName", ${at(sql`i.sent_at`)} as "sentAt", i.recipients
    from (select i.* from ${issuesSent(partnershipId, range)} ${list}) i
    join mailing_lists m on m.id = i.list_id`
  const order = orderBy(
    { sent: sql`"sentAt"`, title: sql`lower(title)`, list: sql`lower("listName")` },
    filter,
    sql`id`,
  )
  return pageOf<IssueRecord>(
    db,
    sql`select *, count(*) over ()::int as total from (${query}) r ${order} ${paged(page)}`,
    sql`select count(*)::int as total from (${query}) r`,
    page,
  )
}
