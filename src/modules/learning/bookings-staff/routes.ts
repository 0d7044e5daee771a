import type { FastifyInstance } from 'fastify'
import { historyOf } from '../../../platform/audit-log/history.ts'
import { formRoute, type FormRequest } from '../../../platform/form-route.ts'
import { sendCsv } from '../../../platform/exports.ts'
import { ValidationError } from '../../../platform/errors.ts'
import { requireActor } from '../../../platform/http.ts'
import { formatDate } from '../../../platform/views.ts'
import { listView, readList, type ListDefinition, type Query } from '../../../platform/lists.ts'
import { cancellationCutOff, cancellationRule, cancelBooking, isLateCancellation } from '../bookings/cancel.ts'
import { moveBooking, substituteBooking } from '../bookings/changes.ts'
import { bookPlace } from '../bookings/service.ts'
import { listAgencyOptions } from '../../partnership/agencies/service.ts'
import { getEvent } from '../events/service.ts'
import { learnerSectorLabels } from '../labels.ts'
import { learnerSectors } from '../schema.ts'
import { cancelSchema, moveSchema, otherAgency, placeRequestSchema, toPlaceRequest } from './forms.ts'
import { bookingCsv, bookingRows, bookingSummary, moveItems, waitingRows } from './presenters.ts'
import { registerRoutes } from './register-routes.ts'
import {
  canChange,
  checkAgency,
  eventBookings,
  eventWaitingList,
  getBooking,
  moveChoices,
  placeCounts,
  refuseUnlessChangeable,
  type BookingSort,
} from './service.ts'

/**
 * The staff side of bookings (learning:manage: these pages show people's details): an event's
 * bookings and waiting list, adding a booking on someone's behalf, and one booking's page with
 * cancel, move and substitute. The changes themselves are the booking core's (../bookings/).
 */
export const views = 'modules/learning/bookings-staff/views'
const access = { permission: 'learning:manage' } as const

const bookingList = (eventId: string): ListDefinition<BookingSort> => ({
  columns: [
    { key: 'name', text: 'Name' },
    { key: 'agency', text: 'Agency' },
    { key: null, text: 'Sector' },
    { key: 'status', text: 'Status' },
    { key: 'booked', text: 'Booked on' },
    { key: null, text: 'Actions' },
  ],
  defaultSort: 'name',
  download: `/learning/events/${eventId}/bookings.csv`,
  noun: ['booking', 'bookings'],
})

export async function staffBookingRoutes(app: FastifyInstance) {
  const db = app.db
  const baseUrl = app.config.baseUrl

  app.get('/learning/events/:id/bookings', { config: access }, async (request, reply) => {
    const actor = requireActor(request)
    const event = await getEvent(db, actor.partnershipId, (request.params as { id: string }).id)
    const query = request.query as Query
    const list = bookingList(event.id)
    const state = readList(query, list)
    const [rows, waiting, places] = await Promise.all([
      eventBookings(db, actor.partnershipId, event.id, state),
      eventWaitingList(db, actor.partnershipId, event.id),
      placeCounts(db, actor.partnershipId, event.id, event.capacity),
    ])
    return reply.view(`${views}/bookings.njk`, {
      event,
      places,
      canBook: event.status === 'scheduled' && event.startsAt > new Date(),
      rows: bookingRows(rows, event),
      list: listView(list, state, query, { total: rows.length, shown: rows.length }),
      waitingRows: waitingRows(waiting),
      flash: query.added ? 'Booking added' : null,
    })
  })

  app.get('/learning/events/:id/bookings.csv', { config: access }, async (request, reply) => {
    const actor = requireActor(request)
    const event = await getEvent(db, actor.partnershipId, (request.params as { id: string }).id)
    const state = readList(request.query as Query, bookingList(event.id))
    return sendCsv(reply, 'bookings.csv', bookingCsv(await eventBookings(db, actor.partnershipId, event.id, state)))
  })

  const placeFormContext = async (partnershipId: string) => ({
    agencyItems: [
      { value: '', text: 'Choose an agency' },
      ...(await listAgencyOptions(db, partnershipId, { activeOnly: true })).map((a) => ({ value: a.id, text: a.name })),
      { value: otherAgency, text: 'Another organisation (not in the list)' },
    ],
    sectorItems: [
      { value: '', text: 'Choose a sector' },
      ...learnerSectors.map((s) => ({ value: s, text: learnerSectorLabels[s] })),
    ],
  })

  formRoute(app, {
    path: '/learning/events/:id/bookings/new',
    access,
    template: `${views}/booking-form.njk`,
    schema: placeRequestSchema,
    context: async ({ actor, params }) => ({
      event: await getEvent(db, actor.partnershipId, params.id!),
      ...(await placeFormContext(actor.partnershipId)),
    }),
    initialValues: () => ({}),
    save: async ({ actor }, input, { event }) => {
      const request = toPlaceRequest(input)
      await checkAgency(db, actor.partnershipId, request.agencyId)
      const outcome = await bookPlace(db, actor, event.id, request, { source: 'staff', baseUrl })
      if (outcome.kind === 'full')
        throw new ValidationError({
          event: 'This event is full: there are no places left. Move someone, or book them on another date.',
        })
      return `/learning/events/${event.id}/bookings?added=1`
    },
  })

  app.get('/learning/bookings/:id', { config: access }, async (request, reply) => {
    const actor = requireActor(request)
    const booking = await getBooking(db, actor.partnershipId, (request.params as { id: string }).id)
    const query = request.query as Query
    return reply.view(`${views}/booking.njk`, {
      booking,
      summary: bookingSummary(booking),
      canChange: canChange(booking),
      history: await historyOf(app, actor, 'booking', booking.id),
      flash: query.cancelled
        ? 'Booking cancelled'
        : query.moved
          ? 'Booking moved'
          : query.substituted
            ? 'Place given to a colleague'
            : null,
    })
  })

  const changeable = async ({ actor, params }: FormRequest) => {
    const booking = await getBooking(db, actor.partnershipId, params.id!)
    refuseUnlessChangeable(booking)
    return booking
  }

  formRoute(app, {
    path: '/learning/bookings/:id/cancel',
    access,
    template: `${views}/booking-cancel.njk`,
    schema: cancelSchema,
    context: async (request) => {
      const booking = await changeable(request)
      const rule = await cancellationRule(db, request.actor.partnershipId)
      return {
        booking,
        cutOffText: formatDate(cancellationCutOff(booking.startsAt, rule)),
        late: isLateCancellation(booking.startsAt, rule),
      }
    },
    initialValues: () => ({}),
    save: async ({ actor }, input, { booking }) => {
      await cancelBooking(db, actor, booking.id, { baseUrl, waiveLate: input.waiveLate })
      return `/learning/bookings/${booking.id}?cancelled=1`
    },
  })

  formRoute(app, {
    path: '/learning/bookings/:id/move',
    access,
    template: `${views}/booking-move.njk`,
    schema: moveSchema,
    context: async (request) => {
      const booking = await changeable(request)
      return { booking, dateItems: moveItems(await moveChoices(db, request.actor.partnershipId, booking)) }
    },
    initialValues: () => ({}),
    save: async ({ actor }, input, { booking }) => {
      await moveBooking(db, actor, booking.id, input.eventId, baseUrl)
      return `/learning/bookings/${booking.id}?moved=1`
    },
  })

  formRoute(app, {
    path: '/learning/bookings/:id/substitute',
    access,
    template: `${views}/booking-substitute.njk`,
    schema: placeRequestSchema,
    context: async (request) => ({
      booking: await changeable(request),
      ...(await placeFormContext(request.actor.partnershipId)),
    }),
    initialValues: (_request, { booking }) => ({
      agencyId: booking.agencyId ?? (booking.agencyOther ? otherAgency : ''),
      agencyOther: booking.agencyOther ?? '',
      sector: booking.sector,
      managerEmail: booking.managerEmail ?? '',
    }),
    save: async ({ actor }, input, { booking }) => {
      const colleague = toPlaceRequest(input)
      await checkAgency(db, actor.partnershipId, colleague.agencyId)
      await substituteBooking(db, actor, booking.id, colleague, baseUrl)
      return `/learning/bookings/${booking.id}?substituted=1`
    },
  })

  await registerRoutes(app)
}
