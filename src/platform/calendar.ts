import { londonFields } from './london-time.ts'
import type { FastifyReply } from 'fastify'
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator'
import { productName } from './http.ts'

/**
 * Calendar files (RFC 5545) for meetings and training: one event as an `.ics` attachment, or a
 * feed of upcoming events that a calendar app subscribes to. Times are written in Europe/London
 * with its VTIMEZONE, so an event at 10am in July reads 10am in every calendar app whatever the
 * reader's own zone, and UIDs are stable (`<id>@<domain>`), so a second download or the next
 * poll of a feed updates the event instead of adding a copy.
 */

export interface CalendarEvent {
  /** The record's id: the event's UID is `${id}@${domain}`. */
  id: string
  title: string
  description?: string | null
  start: Date
  end: Date
  /** A venue's address, or "Online". */
  location?: string | null
  /** The event's page. */
  url?: string | null
  /** A cancelled event stays in the feed, marked cancelled, so calendar apps remove it. */
  cancelled?: boolean
  /** Bump on every change (a record's version), so apps that imported the file take the new one. */
  sequence?: number
}

export interface CalendarInput {
  /** The calendar's name, shown by apps that subscribe to a feed. */
  name: string
  events: readonly CalendarEvent[]
  /** The service's host name ("hub.example.org"), which makes UIDs unique across the world. */
  domain: string
}

export const calendarTimezone = 'Europe/London'

/**
 * Europe/London since 1996: BST from 01:00 UTC on the last Sunday in March to 01:00 UTC on the
 * last Sunday in October (The Summer Time Order 2002). Written here rather than taken from a
 * time-zone database package, since it is the only zone the service uses.
 */
const londonTimezone = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'X-LIC-LOCATION:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n')

/**
 * ical-generator writes a native Date in a named zone from the Date's local fields (getHours), so
 * it is handed a Date whose local fields are the London wall-clock time. That holds in any host
 * zone except inside the host's own spring-forward gap (a London time that does not exist where
 * the server runs); rather than write a wrong time, that is refused. Servers run in UTC or
 * Europe/London, where it cannot happen.
 */
export function londonWallClock(instant: Date): Date {
  const part = londonFields(instant)
  const local = new Date(part.year, part.month - 1, part.day, part.hour, part.minute, part.second)
  if (local.getHours() !== part.hour || local.getMinutes() !== part.minute || local.getDate() !== part.day)
    throw new Error(`The London time of ${instant.toISOString()} does not exist in this server's time zone`)
  return local
}

export function calendarFor({ name, events, domain }: CalendarInput): string {
  const calendar = ical({
    // ical-generator writes the calendar's name as it is given: escaped here as RFC 5545 text.
    name: escapeText(name),
    prodId: { company: productName, product: 'calendar', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone, or ical-generator would write DTSTAMP in it (RFC 5545 wants UTC);
    // each event names Europe/London, and the generator adds its VTIMEZONE once.
    timezone: { name: null, generator: (zone) => (zone === calendarTimezone ? londonTimezone : null) },
    x: { 'X-WR-TIMEZONE': calendarTimezone },
  })
  for (const event of events) {
    if (!(event.end.getTime() > event.start.getTime()))
      throw new Error(`Calendar event ${event.id} ends before it starts`)
    calendar.createEvent({
      id: `${event.id}@${domain}`,
      summary: event.title,
      description: event.description ?? null,
      timezone: calendarTimezone,
      start: londonWallClock(event.start),
      end: londonWallClock(event.end),
      // DTSTAMP: when this file was made, in UTC as RFC 5545 requires.
      stamp: new Date(),
      location: event.location ?? null,
      url: event.url ?? null,
      sequence: event.sequence ?? 0,
      status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    })
  }
  return calendar.toString()
}

function escapeText(text: string) {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n')
}

/** A calendar file's name: letters, digits and hyphens, ending `.ics`. */
export function calendarFileName(name: string): string {
  const stem = name
    .toLowerCase()
    .replace(/\.ics$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return `${stem || 'calendar'}.ics`
}

/** Sends a calendar as a download: calendar apps open it, and a feed's address can be subscribed to. */
export function sendCalendar(reply: FastifyReply, filename: string, ics: string) {
  return reply
    .header('content-type', 'text/calendar; charset=utf-8')
    .header('content-disposition', `attachment; filename="${calendarFileName(filename)}"`)
    .send(ics)
}
