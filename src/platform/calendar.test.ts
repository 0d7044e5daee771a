import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { FastifyReply } from 'fastify'
import { calendarFileName, calendarFor, londonWallClock, sendCalendar, type CalendarEvent } from './calendar.ts'

interface Property {
  name: string
  params: Record<string, string>
  value: string
}

/** Reads an .ics file back as RFC 5545 says: CRLF lines, unfolded, split into components and properties. */
function parseCalendar(ics: string) {
  assert.ok(!/[^\r]\n/.test(ics), 'every line ends CRLF')
  const lines = ics.split('\r\n')
  for (const line of lines) assert.ok(Buffer.byteLength(line) <= 75, `folded at 75 octets: ${line}`)
  const unfolded = lines.reduce<string[]>((all, line) => {
    if (line.startsWith(' ') || line.startsWith('\t')) all[all.length - 1] += line.slice(1)
    else all.push(line)
    return all
  }, [])
  const components: { type: string; properties: Property[] }[] = []
  const stack: { type: string; properties: Property[] }[] = []
  for (const line of unfolded.filter(Boolean)) {
    const colon = line.indexOf(':')
    const [name, ...params] = line.slice(0, colon).split(';')
    const value = line.slice(colon + 1)
    if (name === 'BEGIN') stack.push({ type: value, properties: [] })
    else if (name === 'END') components.push(stack.pop()!)
    else
      stack.at(-1)!.properties.push({
        name: name!,
        params: Object.fromEntries(params.map((p) => p.split('=') as [string, string])),
        value,
      })
  }
  assert.equal(stack.length, 0, 'every BEGIN has its END')
  const events = components
    .filter((c) => c.type === 'VEVENT')
    .map((c) => Object.fromEntries(c.properties.map((p) => [p.name, p])))
  return { components, events, calendar: components.find((c) => c.type === 'VCALENDAR')! }
}

/** RFC 5545 TEXT, unescaped. */
function text(value: string) {
  return value.replace(/\\([\\;,nN])/g, (_m, c: string) => (c.toLowerCase() === 'n' ? '\n' : c))
}

const summer: CalendarEvent = {
  id: '0b6a0c1e-7d36-4c55-9d1b-4f8f4f1b2a01',
  title: 'Working with neglect: signs, responses; and next steps',
  description: 'Bring your questions.\nLunch is provided, from 12:30.',
  // 10am to 1pm British Summer Time.
  start: new Date('2016-07-05T09:00:00Z'),
  end: new Date('2016-07-05T12:00:00Z'),
  location: 'Oxford Town Hall, St Aldate’s, Oxford OX1 1BX',
  url: 'https://hub.example.org/training/events/0b6a0c1e',
}

const winter: CalendarEvent = {
  id: '5f0d3b7a-2b44-4d8f-8a3e-0c5b0b8e9c02',
  title: 'Safeguarding risks online',
  // 9:30am to 4pm Greenwich Mean Time.
  start: new Date('2017-01-17T09:30:00Z'),
  end: new Date('2017-01-17T16:00:00Z'),
}

describe('calendar files', () => {
  const ics = calendarFor({ name: 'OSCB training, 2016/17', events: [summer, winter], domain: 'hub.example.org' })
  const { events, components, calendar } = parseCalendar(ics)

  it('writes a calendar of the events, named, in Europe/London with its time zone', () => {
    assert.equal(events.length, 2)
    const names = Object.fromEntries(calendar.properties.map((p) => [p.name, p.value]))
    assert.equal(names.VERSION, '2.0')
    assert.equal(names.METHOD, 'PUBLISH')
    assert.equal(text(names['X-WR-CALNAME']!), 'OSCB training, 2016/17')
    const zones = components.filter((c) => c.type === 'VTIMEZONE')
    assert.equal(zones.length, 1, 'one VTIMEZONE, however many events use it')
    assert.equal(zones[0]!.properties.find((p) => p.name === 'TZID')?.value, 'Europe/London')
  })

  it('writes a summer event in BST and a winter one in GMT, as the wall clock in London reads', () => {
    const [july, january] = events
    assert.deepEqual(july!.DTSTART, { name: 'DTSTART', params: { TZID: 'Europe/London' }, value: '20160705T100000' })
    assert.deepEqual(july!.DTEND, { name: 'DTEND', params: { TZID: 'Europe/London' }, value: '20160705T130000' })
    assert.deepEqual(january!.DTSTART, {
      name: 'DTSTART',
      params: { TZID: 'Europe/London' },
      value: '20170117T093000',
    })
    assert.equal(january!.DTEND!.value, '20170117T160000')
    assert.match(july!.DTSTAMP!.value, /^\d{8}T\d{6}Z$/, 'DTSTAMP in UTC, as RFC 5545 requires')
  })

  it('gives each event a stable UID from its record’s id and the domain', () => {
    assert.equal(events[0]!.UID!.value, `${summer.id}@hub.example.org`)
    assert.equal(events[1]!.UID!.value, `${winter.id}@hub.example.org`)
    const again = parseCalendar(calendarFor({ name: 'Again', events: [winter], domain: 'hub.example.org' }))
    assert.equal(again.events[0]!.UID!.value, events[1]!.UID!.value)
  })

  it('escapes commas, semicolons, backslashes and new lines in text, and reads back as written', () => {
    const july = events[0]!
    assert.equal(july.SUMMARY!.value, 'Working with neglect: signs\\, responses\\; and next steps')
    assert.equal(text(july.SUMMARY!.value), summer.title)
    assert.equal(text(july.DESCRIPTION!.value), summer.description)
    assert.equal(text(july.LOCATION!.value), summer.location)
    assert.equal(july.URL!.value, summer.url)
    const tricky = parseCalendar(
      calendarFor({
        name: 'x',
        domain: 'hub.example.org',
        events: [{ ...winter, title: 'C:\\temp; a, b\r\nnext', description: 'é'.repeat(100) }],
      }),
    )
    assert.equal(text(tricky.events[0]!.SUMMARY!.value), 'C:\\temp; a, b\nnext')
    assert.equal(text(tricky.events[0]!.DESCRIPTION!.value), 'é'.repeat(100), 'long lines fold and unfold whole')
  })

  it('marks a cancelled event cancelled, with its sequence, so calendar apps remove it', () => {
    const {
      events: [event],
    } = parseCalendar(
      calendarFor({ name: 'x', domain: 'hub.example.org', events: [{ ...winter, cancelled: true, sequence: 4 }] }),
    )
    assert.equal(event!.STATUS!.value, 'CANCELLED')
    assert.equal(event!.SEQUENCE!.value, '4')
    assert.equal(events[0]!.STATUS!.value, 'CONFIRMED')
  })

  it('refuses an event that ends before it starts', () => {
    assert.throws(
      () => calendarFor({ name: 'x', domain: 'd', events: [{ ...winter, end: winter.start }] }),
      /ends before it starts/,
    )
  })

  it('reads London wall-clock time either side of the clocks changing', () => {
    const local = (d: Date) => [d.getDate(), d.getHours(), d.getMinutes()]
    // 26 March 2017: clocks go forward at 01:00 UTC.
    assert.deepEqual(local(londonWallClock(new Date('2017-03-26T00:59:00Z'))), [26, 0, 59])
    assert.deepEqual(local(londonWallClock(new Date('2017-03-26T01:00:00Z'))), [26, 2, 0])
    // 29 October 2017: clocks go back at 01:00 UTC.
    assert.deepEqual(local(londonWallClock(new Date('2017-10-29T00:30:00Z'))), [29, 1, 30])
    assert.deepEqual(local(londonWallClock(new Date('2017-10-29T01:30:00Z'))), [29, 1, 30])
  })

  it('sends a calendar as a text/calendar download with a safe file name', () => {
    const headers: Record<string, string> = {}
    let body: unknown
    const reply = {
      header(name: string, value: string) {
        headers[name] = value
        return reply
      },
      send(payload: unknown) {
        body = payload
        return reply
      },
    }
    sendCalendar(reply as unknown as FastifyReply, 'Working with neglect, 5 July', ics)
    assert.equal(headers['content-type'], 'text/calendar; charset=utf-8')
    assert.equal(headers['content-disposition'], 'attachment; filename="working-with-neglect-5-july.ics"')
    assert.equal(body, ics)
    assert.equal(calendarFileName('"; rm -rf /.ics'), 'rm-rf.ics')
    assert.equal(calendarFileName('…'), 'calendar.ics')
  })
})
