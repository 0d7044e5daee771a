import type { ChartInput, ReportTable } from '../../../platform/sections.ts'
import { formatLabels, learnerSectorLabels } from '../labels.ts'
import type { Reach } from './compute.ts'
import { recordsHref } from './figures.ts'

/**
 * The reach figures as the page's table, its downloads and the report section's tables and
 * charts. Pure: tested without a database.
 */
export const notInDirectory = 'Not in the directory'
export const notKnown = 'Not known'

export interface ReachLine {
  /** "Events delivered". */
  group: string
  /** "All formats", "Face to face". */
  measure: string
  value: number
  /** The list of the records counted; null for a figure worked out from others (the average). */
  href: string | null
}

const round1 = (n: number) => Math.round(n * 10) / 10

/** Every number on the reach page, in order, each with the list of the records it counts. */
export function reachLines(reach: Reach): ReachLine[] {
  const { range } = reach
  const line = (group: string, measure: string, value: number, list: string | null, filters = {}) => ({
    group,
    measure,
    value,
    href: list ? recordsHref(list, range, filters) : null,
  })
  const lines: ReachLine[] = [line('Events delivered', 'All formats', reach.events, 'events-delivered')]
  for (const row of reach.byFormat)
    lines.push(
      line('Events delivered', formatLabels[row.format], row.events, 'events-delivered', { format: row.format }),
    )
  lines.push(
    line('Places', 'Booked', reach.placesBooked, 'places-booked'),
    line('Places', 'Attended', reach.attended, 'attended'),
    line('Places', 'No-shows', reach.noShows, 'no-shows'),
    line('Places', 'Late cancellations', reach.lateCancellations, 'late-cancellations'),
    line('People trained', 'All people', reach.peopleTrained, 'people-trained'),
  )
  for (const row of reach.byAgency)
    lines.push(
      line(
        'People trained by agency',
        row.agencyId ? (row.agency ?? 'Unknown agency') : notInDirectory,
        row.people,
        'people-trained',
        {
          agency: row.agencyId ?? 'none',
        },
      ),
    )
  for (const row of reach.bySector)
    lines.push(
      line(
        'People trained by sector',
        row.sector ? learnerSectorLabels[row.sector] : notKnown,
        row.people,
        'people-trained',
        {
          sector: row.sector ?? 'unknown',
        },
      ),
    )
  lines.push(
    line('E-learning', 'Modules completed', reach.elearningCompletions, 'elearning-completions'),
    line('E-learning', 'People completing', reach.elearningLearners, 'elearning-learners'),
    line('Learning events', 'Events held', reach.learningEvents, 'events-delivered', { format: 'learning-event' }),
    line('Learning events', 'Delegates', reach.learningEventDelegates, 'attended', { format: 'learning-event' }),
  )
  if (reach.learningEventAverage !== null)
    lines.push(line('Learning events', 'Delegates per event (average)', round1(reach.learningEventAverage), null))
  for (const list of reach.lists)
    lines.push(
      line('Newsletter subscribers at the end', list.name, list.subscribers, 'newsletter-subscribers', {
        list: list.listId,
      }),
    )
  lines.push(line('Newsletter subscribers at the end', 'All lists', reach.subscribers, 'newsletter-subscribers'))
  for (const list of reach.lists)
    lines.push(line('Newsletter issues sent', list.name, list.issues, 'newsletter-issues', { list: list.listId }))
  lines.push(line('Newsletter issues sent', 'All lists', reach.issues, 'newsletter-issues'))
  return lines
}

/** The downloads' rows: the header, then one row per number. */
export function reachDownloadRows(reach: Reach, baseUrl = ''): (string | number)[][] {
  return [
    ['Range', 'First day', 'Last day', 'Figure', 'Of', 'Value', 'Records'],
    ...reachLines(reach).map((l) => [
      reach.range.label,
      reach.range.from,
      reach.range.to,
      l.group,
      l.measure,
      l.value,
      l.href ? `${baseUrl}${l.href}` : '',
    ]),
  ]
}

export function eventsByFormatTable(reach: Reach): ReportTable {
  return {
    caption: 'Events delivered by format',
    head: ['Format', 'Events', 'Places booked', 'Attended', 'No-shows', 'Late cancellations'],
    rows: [
      ...reach.byFormat.map((r) => [
        formatLabels[r.format],
        r.events,
        r.placesBooked,
        r.attended,
        r.noShows,
        r.lateCancellations,
      ]),
      ['All formats', reach.events, reach.placesBooked, reach.attended, reach.noShows, reach.lateCancellations],
    ],
    numericColumns: [1, 2, 3, 4, 5],
  }
}

export function peopleBySectorTable(reach: Reach): ReportTable {
  return {
    caption: 'People trained by sector',
    head: ['Sector', 'People'],
    rows: [
      ...reach.bySector.map((r) => [r.sector ? learnerSectorLabels[r.sector] : notKnown, r.people]),
      ['All people (each once)', reach.peopleTrained],
    ],
    numericColumns: [1],
  }
}

export function peopleByAgencyTable(reach: Reach): ReportTable {
  return {
    caption: 'People trained by agency',
    head: ['Agency', 'People'],
    rows: [
      ...reach.byAgency.map((r) => [r.agencyId ? (r.agency ?? 'Unknown agency') : notInDirectory, r.people]),
      ['All people (each once)', reach.peopleTrained],
    ],
    numericColumns: [1],
  }
}

export function newslettersTable(reach: Reach): ReportTable {
  return {
    caption: 'Newsletters and bulletins',
    head: ['Mailing list', 'Subscribers at the year’s end', 'Issues sent'],
    rows: [
      ...reach.lists.map((l) => [l.name, l.subscribers, l.issues]),
      ['All lists', reach.subscribers, reach.issues],
    ],
    numericColumns: [1, 2],
  }
}

export function eventsByFormatChart(reach: Reach): ChartInput {
  const rows = reach.byFormat.filter((r) => r.events > 0)
  return {
    title: `Training and learning events delivered by format, ${reach.range.label}`,
    description: `${reach.events} events were delivered in ${reach.range.label}, across ${rows.length} ${rows.length === 1 ? 'format' : 'formats'}. The table “Events delivered by format” gives the numbers, with the places booked and attended.`,
    kind: 'bar',
    categoryLabel: 'Format',
    valueLabel: 'Events',
    data: rows.map((r) => ({ category: formatLabels[r.format], value: r.events })),
  }
}

export function reachBySectorChart(reach: Reach): ChartInput {
  return {
    title: `People trained by sector, ${reach.range.label}`,
    description: `${reach.peopleTrained} people were trained in ${reach.range.label}, by the sector they said they work in; someone who gave two sectors is in both. The table “People trained by sector” gives the numbers.`,
    kind: 'bar',
    categoryLabel: 'Sector',
    valueLabel: 'People',
    data: reach.bySector.map((r) => ({
      category: r.sector ? learnerSectorLabels[r.sector] : notKnown,
      value: r.people,
    })),
  }
}
