import { dateParts } from '../../../platform/forms.ts'
import { linkHtml, tagHtml, type TagColour } from '../../../platform/html.ts'
import { londonParts } from '../../../platform/london-time.ts'
import { formatDate } from '../../../platform/views.ts'
import { eventStatusLabels, formatLabels } from '../labels.ts'
import type { CourseFormat, EventStatus } from '../schema.ts'

/** Events as the parameters of GOV.UK macros. Pure, so tested without HTTP. */

type EventRow = {
  id: string
  courseTitle: string
  format: CourseFormat
  startsAt: Date
  endsAt: Date
  venue: string | null
  joiningLink: string | null
  capacity: number
  status: EventStatus
}

const statusColours: Record<EventStatus, TagColour> = { scheduled: 'blue', cancelled: 'red', completed: 'green' }
const statusTag = (status: EventStatus) => tagHtml(eventStatusLabels[status], statusColours[status])

/** "1 June 2016, 9:30am to 4pm". */
export function whenText(startsAt: Date, endsAt: Date) {
  const clock = (d: Date) => {
    const [hour, minute] = londonParts(d).time.split(':').map(Number) as [number, number]
    const h12 = hour % 12 || 12
    return `${h12}${minute ? `:${String(minute).padStart(2, '0')}` : ''}${hour < 12 ? 'am' : 'pm'}`
  }
  return `${formatDate(startsAt)}, ${clock(startsAt)} to ${clock(endsAt)}`
}

const whereText = (e: { venue: string | null; joiningLink: string | null }) =>
  e.venue ?? (e.joiningLink ? 'Online' : '')

export function eventRows(rows: EventRow[]) {
  return rows.map((e) => [
    { html: linkHtml(`/learning/events/${e.id}`, whenText(e.startsAt, e.endsAt)) },
    { text: e.courseTitle },
    { text: formatLabels[e.format] },
    { text: whereText(e) },
    { text: String(e.capacity), format: 'numeric' },
    { html: statusTag(e.status) },
  ])
}

export function eventRowsForCourse(rows: EventRow[]) {
  return rows.map((e) => [
    { html: linkHtml(`/learning/events/${e.id}`, whenText(e.startsAt, e.endsAt)) },
    { text: whereText(e) },
    { text: String(e.capacity), format: 'numeric' },
    { html: statusTag(e.status) },
  ])
}

export function eventCsv(rows: EventRow[]) {
  return [
    ['Starts', 'Ends', 'Course', 'Format', 'Venue', 'Joining link', 'Places', 'Status'],
    ...rows.map((e) => [
      e.startsAt.toISOString(),
      e.endsAt.toISOString(),
      e.courseTitle,
      formatLabels[e.format],
      e.venue ?? '',
      e.joiningLink ?? '',
      e.capacity,
      eventStatusLabels[e.status],
    ]),
  ]
}

type EventDetails = EventRow & {
  courseId: string
  trainers: string | null
  bookingOpensAt: Date | null
  bookingClosesAt: Date | null
}

export function eventSummary(e: EventDetails & { cancelledReason: string | null }) {
  return [
    { key: { text: 'Course' }, value: { html: linkHtml(`/learning/courses/${e.courseId}`, e.courseTitle) } },
    { key: { text: 'When' }, value: { text: whenText(e.startsAt, e.endsAt) } },
    ...(e.venue ? [{ key: { text: 'Venue' }, value: { text: e.venue } }] : []),
    ...(e.joiningLink ? [{ key: { text: 'Joining link' }, value: { text: e.joiningLink } }] : []),
    { key: { text: 'Places' }, value: { text: String(e.capacity) } },
    ...(e.trainers ? [{ key: { text: 'Trainers' }, value: { text: e.trainers } }] : []),
    {
      key: { text: 'Booking opens' },
      value: { text: e.bookingOpensAt ? formatDate(e.bookingOpensAt) : 'Now' },
    },
    {
      key: { text: 'Booking closes' },
      value: { text: e.bookingClosesAt ? formatDate(e.bookingClosesAt) : 'When the event starts' },
    },
    { key: { text: 'Status' }, value: { html: statusTag(e.status) } },
    ...(e.cancelledReason ? [{ key: { text: 'Why it was cancelled' }, value: { text: e.cancelledReason } }] : []),
  ]
}

/** The form's fields from a saved event. */
export function eventFormValues(e: EventDetails & { version: number }) {
  const start = londonParts(e.startsAt)
  return {
    version: e.version,
    courseId: e.courseId,
    ...dateParts(start.date, 'date'),
    startTime: start.time,
    endTime: londonParts(e.endsAt).time,
    venue: e.venue ?? '',
    joiningLink: e.joiningLink ?? '',
    capacity: String(e.capacity),
    trainers: e.trainers ?? '',
    ...dateParts(e.bookingOpensAt ? londonParts(e.bookingOpensAt).date : null, 'bookingOpens'),
    ...dateParts(e.bookingClosesAt ? londonParts(e.bookingClosesAt).date : null, 'bookingCloses'),
  }
}
