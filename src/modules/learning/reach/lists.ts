import type { Database } from '../../../db/index.ts'
import { linkHtml } from '../../../platform/html.ts'
import { oneOf, type Column, type Query } from '../../../platform/lists.ts'
import { formatDate, formatDateTime } from '../../../platform/views.ts'
import { agencyNameFor } from '../../partnership/agencies/service.ts'
import { formatLabels, learnerSectorLabels } from '../labels.ts'
import { courseFormats, learnerSectors, type BookingStatus, type CourseFormat, type LearnerSector } from '../schema.ts'
import type { ReachRange } from './range.ts'
import {
  bookingRecords,
  completionRecords,
  deliveredEventRecords,
  elearnerRecords,
  issueRecords,
  subscriptionRecords,
  trainedPeopleRecords,
  type BookingRecord,
  type Order,
  type Page,
  type PeopleFilter,
} from './records.ts'
import { placesBookedStatuses } from './sources.ts'
import { sql } from 'drizzle-orm'
import { rowsOf } from './sources.ts'
import { notInDirectory, notKnown } from './tables.ts'

/**
 * The lists of records behind the reach figures, one per kind of figure: what each counts, its
 * columns, its filters (the breakdowns' links) and its rows on the page and in the download.
 */
export interface RecordList<F = unknown, R = unknown> {
  /** `/learning/reach/<slug>`. */
  slug: string
  title: string
  noun: [string, string]
  columns: readonly Column<string>[]
  defaultSort: string
  defaultDirection?: 'asc' | 'desc'
  filter: (query: Query) => F
  /** What the list holds, in a sentence. */
  describe: (range: ReachRange, filter: F) => string
  /** The filters set, in words: "Format: Learning event". */
  filterText: (db: Database, partnershipId: string, filter: F) => Promise<string[]>
  load: (
    db: Database,
    partnershipId: string,
    range: ReachRange,
    filter: F,
    order: Order,
    page: Page,
  ) => Promise<{ rows: R[]; total: number }>
  rows: (rows: R[]) => unknown[]
  csvHead: string[]
  csv: (rows: R[]) => unknown[][]
}

const list = <F, R>(definition: RecordList<F, R>) => definition as unknown as RecordList

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const idOrNone = (value: string | undefined) =>
  value === 'none' || (value && uuidPattern.test(value)) ? value : undefined
const idOnly = (value: string | undefined) => (value && uuidPattern.test(value) ? value : undefined)

const formatFilter = (query: Query) => ({ format: oneOf(query.format, courseFormats) })
const formatText = async (_db: Database, _p: string, f: { format?: CourseFormat }) =>
  f.format ? [`Format: ${formatLabels[f.format]}`] : []
const eventLink = (id: string, startsAt: number) => ({
  html: linkHtml(`/learning/events/${id}`, formatDateTime(new Date(startsAt))),
})
const isoMoment = (ms: number) => new Date(ms).toISOString()

const delivered = (range: ReachRange) =>
  `completed training events that started between ${formatDate(range.from)} and ${formatDate(range.to)}`

const statusLabels: Record<BookingStatus, string> = {
  booked: 'Booked (attendance not marked)',
  cancelled: 'Cancelled',
  'late-cancellation': 'Late cancellation',
  attended: 'Attended',
  'no-show': 'No-show',
}

function bookingList(slug: string, title: string, statuses: readonly BookingStatus[], what: string) {
  return list<{ format?: CourseFormat }, BookingRecord>({
    slug,
    title,
    noun: ['booking', 'bookings'],
    columns: [
      { key: 'name', text: 'Name' },
      { key: 'course', text: 'Course' },
      { key: 'starts', text: 'Event' },
      { key: 'status', text: 'Status' },
      { key: 'agency', text: 'Agency' },
      { key: 'sector', text: 'Sector' },
    ],
    defaultSort: 'starts',
    filter: formatFilter,
    describe: (range) => `${what} on the ${delivered(range)}.`,
    filterText: formatText,
    load: (db, p, range, f, order, page) => bookingRecords(db, p, range, { ...f, ...order, statuses }, page),
    rows: (rows) =>
      rows.map((r) => [
        { text: r.learnerName },
        { text: r.courseTitle },
        eventLink(r.eventId, r.startsAt),
        { text: statusLabels[r.status] },
        { text: r.agency ?? '' },
        { text: learnerSectorLabels[r.sector] },
      ]),
    csvHead: ['Name', 'Course', 'Event starts', 'Status', 'Agency', 'Sector', 'Booking id'],
    csv: (rows) =>
      rows.map((r) => [
        r.learnerName,
        r.courseTitle,
        isoMoment(r.startsAt),
        statusLabels[r.status],
        r.agency ?? '',
        learnerSectorLabels[r.sector],
        r.id,
      ]),
  })
}

async function listName(db: Database, partnershipId: string, id: string | undefined) {
  if (!id) return []
  const [row] = rowsOf<{ name: string }>(
    await db.execute(sql`select name from mailing_lists where partnership_id = ${partnershipId} and id = ${id}::uuid`),
  )
  return [`List: ${row?.name ?? 'not found'}`]
}

export const recordLists: RecordList[] = [
  list({
    slug: 'events-delivered',
    title: 'Events delivered',
    noun: ['event', 'events'],
    columns: [
      { key: 'starts', text: 'Starts' },
      { key: 'course', text: 'Course' },
      { key: 'format', text: 'Format' },
      { key: 'booked', text: 'Places booked', format: 'numeric' },
      { key: 'attended', text: 'Attended', format: 'numeric' },
    ],
    defaultSort: 'starts',
    filter: formatFilter,
    describe: (range) => `The ${delivered(range)}, with the places booked and attended on each.`,
    filterText: formatText,
    load: (db, p, range, f, order, page) => deliveredEventRecords(db, p, range, { ...f, ...order }, page),
    rows: (rows) =>
      rows.map((r) => [
        eventLink(r.id, r.startsAt),
        { text: r.courseTitle },
        { text: formatLabels[r.format] },
        { text: String(r.placesBooked), format: 'numeric' },
        { text: String(r.attended), format: 'numeric' },
      ]),
    csvHead: ['Starts', 'Course', 'Format', 'Places booked', 'Attended', 'Event id'],
    csv: (rows) =>
      rows.map((r) => [isoMoment(r.startsAt), r.courseTitle, formatLabels[r.format], r.placesBooked, r.attended, r.id]),
  }),
  bookingList(
    'places-booked',
    'Places booked',
    placesBookedStatuses,
    'Bookings booked, attended, missed or cancelled late',
  ),
  bookingList('attended', 'Places attended', ['attended'], 'Bookings marked attended'),
  bookingList('no-shows', 'No-shows', ['no-show'], 'Bookings marked as no-shows'),
  bookingList('late-cancellations', 'Late cancellations', ['late-cancellation'], 'Bookings cancelled late'),
  list({
    slug: 'people-trained',
    title: 'People trained',
    noun: ['person', 'people'],
    columns: [
      { key: 'name', text: 'Name' },
      { key: 'events', text: 'Events attended', format: 'numeric' },
      { key: 'completions', text: 'E-learning modules completed', format: 'numeric' },
    ],
    defaultSort: 'name',
    filter: (query): PeopleFilter => ({
      agency: idOrNone(query.agency),
      sector: oneOf(query.sector, [...learnerSectors, 'unknown'] as const),
    }),
    describe: (range) =>
      `Each person once: everyone who attended one of the ${delivered(range)}, or completed an e-learning module dated in those days.`,
    filterText: async (db, p, f) => [
      ...(f.agency
        ? [
            `Agency: ${f.agency === 'none' ? notInDirectory : ((await agencyNameFor(db, p, f.agency).catch(() => null)) ?? 'not found')}`,
          ]
        : []),
      ...(f.sector
        ? [`Sector: ${f.sector === 'unknown' ? notKnown : learnerSectorLabels[f.sector as LearnerSector]}`]
        : []),
    ],
    load: (db, p, range, f, order, page) => trainedPeopleRecords(db, p, range, { ...f, ...order }, page),
    rows: (rows) =>
      rows.map((r) => [
        { text: r.name },
        { text: String(r.eventsAttended), format: 'numeric' },
        { text: String(r.completions), format: 'numeric' },
      ]),
    csvHead: ['Name', 'Events attended', 'E-learning modules completed', 'Learner id'],
    csv: (rows) => rows.map((r) => [r.name, r.eventsAttended, r.completions, r.learnerId]),
  }),
  list({
    slug: 'elearning-completions',
    title: 'E-learning modules completed',
    noun: ['completion', 'completions'],
    columns: [
      { key: 'completed', text: 'Completed on' },
      { key: 'name', text: 'Name' },
      { key: 'module', text: 'Module' },
      { key: 'agency', text: 'Agency (as the file named it)' },
    ],
    defaultSort: 'completed',
    filter: () => ({}),
    describe: (range) => `E-learning completions dated between ${formatDate(range.from)} and ${formatDate(range.to)}.`,
    filterText: async () => [],
    load: (db, p, range, _f, order, page) => completionRecords(db, p, range, order, page),
    rows: (rows) =>
      rows.map((r) => [
        { text: formatDate(r.completedOn) },
        { text: r.learnerName },
        { text: r.moduleName },
        { text: r.agencyName },
      ]),
    csvHead: ['Completed on', 'Name', 'Module', 'Agency (as the file named it)', 'Directory agency', 'Completion id'],
    csv: (rows) => rows.map((r) => [r.completedOn, r.learnerName, r.moduleName, r.agencyName, r.agency ?? '', r.id]),
  }),
  list({
    slug: 'elearning-learners',
    title: 'People who completed e-learning',
    noun: ['person', 'people'],
    columns: [
      { key: 'name', text: 'Name' },
      { key: 'completions', text: 'Modules completed', format: 'numeric' },
    ],
    defaultSort: 'name',
    filter: () => ({}),
    describe: (range) =>
      `Each person once who completed an e-learning module dated between ${formatDate(range.from)} and ${formatDate(range.to)}.`,
    filterText: async () => [],
    load: (db, p, range, _f, order, page) => elearnerRecords(db, p, range, order, page),
    rows: (rows) => rows.map((r) => [{ text: r.name }, { text: String(r.completions), format: 'numeric' }]),
    csvHead: ['Name', 'Modules completed', 'Learner id'],
    csv: (rows) => rows.map((r) => [r.name, r.completions, r.learnerId]),
  }),
  list({
    slug: 'newsletter-subscribers',
    title: 'Newsletter subscribers',
    noun: ['subscription', 'subscriptions'],
    columns: [
      { key: 'email', text: 'Email' },
      { key: 'name', text: 'Name' },
      { key: 'list', text: 'List' },
      { key: 'confirmed', text: 'Confirmed' },
    ],
    defaultSort: 'confirmed',
    filter: (query) => ({ list: idOnly(query.list) }),
    describe: (range) =>
      `Subscriptions confirmed on or before ${formatDate(range.to)} and not unsubscribed by the end of that day.`,
    filterText: (db, p, f) => listName(db, p, f.list),
    load: (db, p, range, f, order, page) => subscriptionRecords(db, p, range, { ...f, ...order }, page),
    rows: (rows) =>
      rows.map((r) => [
        { text: r.email ?? 'Erased' },
        { text: r.name ?? '' },
        { text: r.listName },
        { text: formatDate(new Date(r.confirmedAt)) },
      ]),
    csvHead: ['Email', 'Name', 'List', 'Confirmed', 'Subscription id'],
    csv: (rows) => rows.map((r) => [r.email ?? '', r.name ?? '', r.listName, isoMoment(r.confirmedAt), r.id]),
  }),
  list({
    slug: 'newsletter-issues',
    title: 'Newsletter issues sent',
    noun: ['issue', 'issues'],
    columns: [
      { key: 'sent', text: 'Sent' },
      { key: 'title', text: 'Title' },
      { key: 'list', text: 'List' },
      { key: null, text: 'Recipients', format: 'numeric' },
    ],
    defaultSort: 'sent',
    filter: (query) => ({ list: idOnly(query.list) }),
    describe: (range) => `Issues sent between ${formatDate(range.from)} and ${formatDate(range.to)}.`,
    filterText: (db, p, f) => listName(db, p, f.list),
    load: (db, p, range, f, order, page) => issueRecords(db, p, range, { ...f, ...order }, page),
    rows: (rows) =>
      rows.map((r) => [
        { text: formatDateTime(new Date(r.sentAt)) },
        { text: r.title },
        { text: r.listName },
        { text: r.recipients === null ? '' : String(r.recipients), format: 'numeric' },
      ]),
    csvHead: ['Sent', 'Title', 'List', 'Recipients', 'Issue id'],
    csv: (rows) => rows.map((r) => [isoMoment(r.sentAt), r.title, r.listName, r.recipients ?? '', r.id]),
  }),
]
