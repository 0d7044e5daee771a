import type { FastifyInstance, FastifyRequest } from 'fastify'
import { calendarFor, sendCalendar } from '../../../platform/calendar.ts'
import { dateInput } from '../../../platform/forms.ts'
import { escapeHtml, linkHtml } from '../../../platform/html.ts'
import { oneOf, pagination, type Query } from '../../../platform/lists.ts'
import { publicPartnership } from '../../../platform/public-site.ts'
import { isUuid } from '../../../platform/tokens.ts'
import { themeNames, themeOptions } from '../../themes/index.ts'
import { formatItems } from '../courses/presenters.ts'
import { courseThemeIds } from '../courses/service.ts'
import { whenText } from '../events/presenters.ts'
import { availability } from '../booking-pages/presenters.ts'
import { placesLeft } from '../bookings/places.ts'
import { durationText, formatLabels, levelLabels } from '../labels.ts'
import { courseFormats } from '../schema.ts'
import {
  calendarFeedSize,
  cataloguePageSize,
  listCatalogue,
  publicCourse,
  publicEvent,
  type CatalogueFilter,
} from './service.ts'

const views = 'modules/learning/views'

type CatalogueEvent = Awaited<ReturnType<typeof listCatalogue>>['events'][number]

/** The public training catalogue: upcoming events, course pages, and calendar files. */
/** "12 events." or, over more than a page, "1,000 events: showing 51 to 100." */
function countText(total: number, skipped: number, shown: number) {
  const events = `${total.toLocaleString('en-GB')} ${total === 1 ? 'event' : 'events'}`
  return shown && shown < total ? `${events}: showing ${skipped + 1} to ${skipped + shown}.` : `${events}.`
}

export async function catalogueRoutes(app: FastifyInstance) {
  const db = app.db
  const domain = new URL(app.config.baseUrl).hostname

  const calendarEvent = (e: CatalogueEvent) => ({
    id: e.id,
    title: e.courseTitle,
    description: e.summary,
    start: e.startsAt,
    end: e.endsAt,
    location: e.venue ?? 'Online',
    url: `${app.config.baseUrl}/training/events/${e.id}`,
    sequence: e.version,
  })

  function readFilter(query: Query) {
    const from = dateInput(query, 'from', 'the date', { required: false, min: '2000-01-01', max: '2100-12-31' })
    const filter: CatalogueFilter = {
      format: oneOf(query.format, courseFormats),
      themeId: query.themeId && isUuid(query.themeId) ? query.themeId : undefined,
      from: from.value ?? undefined,
      withPlaces: query.places === 'available',
    }
    return { filter, fromError: from.error }
  }

  app.get('/training', { config: { publicSite: true } }, async (request, reply) => {
    const partnership = await publicPartnership(request)
    const query = request.query as Query
    const { filter, fromError } = readFilter(query)
    const page = Math.min(Math.max(1, Number.parseInt(query.page ?? '1', 10) || 1), 10_000)
    const [{ events, total }, themes] = await Promise.all([
      listCatalogue(db, partnership.id, filter, page),
      themeOptions(db, partnership.id),
    ])
    const left = await placesLeft(
      db,
      partnership.id,
      events.map((e) => e.id),
    )
    return reply.view(`${views}/catalogue.njk`, {
      query,
      countText: countText(total, (page - 1) * cataloguePageSize, events.length),
      pagination: pagination(page, cataloguePageSize, total, query),
      fromError,
      formatItems: formatItems(true),
      themeItems: [{ value: '', text: 'Any theme' }, ...themes.map((t) => ({ value: t.id, text: t.name }))],
      events: events.map((e) => ({
        href: `/training/events/${e.id}`,
        title: e.courseTitle,
        when: whenText(e.startsAt, e.endsAt),
        format: formatLabels[e.format],
        where: e.venue ?? 'Online',
        summary: e.summary,
        availability: availability(e, left.get(e.id) ?? 0).text,
      })),
      feedHref: '/training/calendar.ics',
    })
  })

  app.get('/training/courses/:id', { config: { publicSite: true } }, async (request, reply) => {
    const partnership = await publicPartnership(request)
    const course = await publicCourse(db, partnership.id, (request.params as { id: string }).id)
    const [events, themes] = await Promise.all([
      listCatalogue(db, partnership.id, { courseId: course.id }).then((found) => found.events),
      courseThemeIds(db, course.id).then((ids) => themeNames(db, ids)),
    ])
    return reply.view(`${views}/catalogue-course.njk`, {
      course,
      facts: [
        { key: { text: 'Who it is for' }, value: { text: course.audience } },
        { key: { text: 'Level' }, value: { text: levelLabels[course.level] } },
        { key: { text: 'Format' }, value: { text: formatLabels[course.format] } },
        { key: { text: 'Duration' }, value: { text: durationText(course.durationMinutes) } },
        ...(themes.length ? [{ key: { text: 'Themes' }, value: { text: themes.join(', ') } }] : []),
      ],
      outcomes: course.learningOutcomes
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
      dates: events.map((e) => ({
        html: `${linkHtml(`/training/events/${e.id}`, whenText(e.startsAt, e.endsAt))} <span class="govuk-hint govuk-!-display-inline">${escapeHtml(e.venue ?? 'Online')}</span>`,
      })),
    })
  })

  async function eventFor(request: FastifyRequest) {
    const partnership = await publicPartnership(request)
    return publicEvent(db, partnership.id, (request.params as { id: string }).id)
  }

  app.get('/training/events/:id', { config: { publicSite: true } }, async (request, reply) => {
    const event = await eventFor(request)
    const left = (await placesLeft(db, (await publicPartnership(request)).id, [event.id])).get(event.id) ?? 0
    const places = availability(event, left)
    return reply.view(`${views}/catalogue-event.njk`, {
      event,
      places,
      bookHref: `/training/events/${event.id}/book`,
      facts: [
        { key: { text: 'When' }, value: { text: whenText(event.startsAt, event.endsAt) } },
        { key: { text: 'Where' }, value: { text: event.venue ?? 'Online: the joining link is sent when you book' } },
        { key: { text: 'Format' }, value: { text: formatLabels[event.format] } },
        ...(event.trainers ? [{ key: { text: 'Trainers' }, value: { text: event.trainers } }] : []),
        { key: { text: 'Places' }, value: { text: places.text } },
        ...(places.closes ? [{ key: { text: 'Booking' }, value: { text: places.closes } }] : []),
      ],
      calendarHref: `/training/events/${event.id}/calendar.ics`,
    })
  })

  app.get('/training/events/:id/calendar.ics', { config: { publicSite: true } }, async (request, reply) => {
    const event = await eventFor(request)
    return sendCalendar(
      reply,
      event.courseTitle,
      calendarFor({ name: event.courseTitle, events: [calendarEvent(event)], domain }),
    )
  })

  app.get('/training/calendar.ics', { config: { publicSite: true } }, async (request, reply) => {
    const partnership = await publicPartnership(request)
    const { events } = await listCatalogue(db, partnership.id, {}, 1, calendarFeedSize)
    const name = `${partnership.shortName} training`
    return sendCalendar(reply, name, calendarFor({ name, events: events.map(calendarEvent), domain }))
  })
}
