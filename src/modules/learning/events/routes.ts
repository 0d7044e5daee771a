import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { historyOf } from '../../../platform/audit-log/history.ts'
import { actionRoute, afterSave, formRoute, savedBanner } from '../../../platform/form-route.ts'
import { requiredText, version } from '../../../platform/forms.ts'
import { requireActor } from '../../../platform/http.ts'
import { isUuid } from '../../../platform/tokens.ts'
import { listRoute, wholeList } from '../../../platform/list-route.ts'
import { oneOf, type Query } from '../../../platform/lists.ts'
import { courseOptions } from '../courses/service.ts'
import { eventSchema } from '../forms.ts'
import { formatItems } from '../courses/presenters.ts'
import { learningNavigation } from '../navigation.ts'
import { courseFormats, eventStatuses } from '../schema.ts'
import { eventDates } from './dates.ts'
import { eventCsv, eventFormValues, eventRows, eventSummary } from './presenters.ts'
import {
  cancelEvent,
  completeEvent,
  countEvents,
  createEvent,
  getEvent,
  listEvents,
  refuseUnlessScheduled,
  updateEvent,
  type EventFilter,
} from './service.ts'

const views = 'modules/learning/views'

export async function eventRoutes(app: FastifyInstance) {
  const db = app.db

  listRoute(app, {
    path: '/learning/events',
    permission: 'learning:read',
    template: `${views}/events.njk`,
    list: {
      columns: [
        { key: 'starts', text: 'When' },
        { key: 'course', text: 'Course' },
        { key: null, text: 'Format' },
        { key: null, text: 'Where' },
        { key: 'capacity', text: 'Places', format: 'numeric' },
        { key: null, text: 'Status' },
      ],
      defaultSort: 'starts',
      pageSize: 50,
      download: '/learning/events.csv',
      noun: ['event', 'events'],
    },
    filter: (query) => ({
      format: oneOf(query.format, courseFormats),
      status: oneOf(query.status, eventStatuses),
      when: oneOf(query.when, ['upcoming', 'past'] as const),
      courseId: query.courseId && isUuid(query.courseId) ? query.courseId : undefined,
    }),
    load: async (actor, filter: EventFilter, page) => {
      if (!page) return wholeList(await listEvents(db, actor, filter))
      const [rows, total] = await Promise.all([listEvents(db, actor, filter, page), countEvents(db, actor, filter)])
      return { rows, total }
    },
    rows: eventRows,
    csv: eventCsv,
    context: () => ({ formatItems: formatItems(true), subNavigation: learningNavigation('/learning/events') }),
  })

  const courseItems = async (partnershipId: string, includeId?: string) => [
    { value: '', text: 'Choose a course' },
    ...(await courseOptions(db, partnershipId, includeId)).map((c) => ({ value: c.id, text: c.title })),
  ]

  formRoute(app, {
    path: '/learning/events/new',
    access: { permission: 'learning:manage' },
    template: `${views}/event-form.njk`,
    schema: eventSchema,
    extra: eventDates,
    context: async ({ actor }) => ({ isNew: true, courseItems: await courseItems(actor.partnershipId) }),
    initialValues: ({ query }) => ({ courseId: query.courseId }),
    save: async ({ actor }, { startTime: _s, endTime: _e, ...input }) =>
      afterSave(`/learning/events/${await createEvent(db, actor, input)}`),
  })

  app.get('/learning/events/:id', { config: { permission: 'learning:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const event = await getEvent(db, actor.partnershipId, (request.params as { id: string }).id)
    const query = request.query as Query
    return reply.view(`${views}/event.njk`, {
      event,
      summary: eventSummary(event),
      canComplete: event.status === 'scheduled' && event.endsAt <= new Date(),
      history: await historyOf(app, actor, 'training-event', event.id),
      flash: query.cancelled
        ? 'Event cancelled'
        : query.completed
          ? 'Event completed'
          : savedBanner(query, 'Event saved'),
    })
  })

  formRoute(app, {
    path: '/learning/events/:id/edit',
    access: { permission: 'learning:manage' },
    template: `${views}/event-form.njk`,
    schema: eventSchema.extend({ version }),
    extra: eventDates,
    context: async ({ actor, params }) => {
      const event = await getEvent(db, actor.partnershipId, params.id!)
      refuseUnlessScheduled(event)
      return { event, courseItems: await courseItems(actor.partnershipId, event.courseId) }
    },
    initialValues: (_request, { event }) => eventFormValues(event),
    save: async ({ actor }, { version: at, startTime: _s, endTime: _e, ...input }, { event }) =>
      afterSave(`/learning/events/${event.id}`, await updateEvent(db, actor, event, at, input)),
  })

  formRoute(app, {
    path: '/learning/events/:id/cancel',
    access: { permission: 'learning:manage' },
    template: `${views}/event-cancel.njk`,
    schema: z.object({ version, reason: requiredText('why the event is cancelled', 1000) }),
    context: async ({ actor, params }) => {
      const event = await getEvent(db, actor.partnershipId, params.id!)
      refuseUnlessScheduled(event)
      return { event }
    },
    initialValues: (_request, { event }) => ({ version: event.version }),
    save: async ({ actor }, input, { event }) => {
      await cancelEvent(db, actor, event, input.version, input.reason)
      return `/learning/events/${event.id}?cancelled=1`
    },
  })

  actionRoute(app, {
    path: '/learning/events/:id/complete',
    access: { permission: 'learning:manage' },
    schema: z.object({ version }),
    run: async ({ actor, params }, input) => {
      const event = await getEvent(db, actor.partnershipId, params.id!)
      await completeEvent(db, actor, event, input.version)
      return `/learning/events/${event.id}?completed=1`
    },
  })
}
