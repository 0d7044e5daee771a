import type { FastifyInstance } from 'fastify'
import { ValidationError } from '../../../platform/errors.ts'
import { formRoute, type FormRequest, type Rendered } from '../../../platform/form-route.ts'
import { linkActor } from '../../../platform/permissions.ts'
import { publicPartnership } from '../../../platform/public-site.ts'
import { bookingRefusal } from '../bookings/places.ts'
import { bookPlace, joinWaitingList, type PlaceRequest } from '../bookings/service.ts'
import { agencyAnswer, bookingSchema, type AgencyAnswer, type BookingForm } from './forms.ts'
import { agencyItems, availability, bookingTermsHtml, eventFactRows, sectorItems } from './presenters.ts'
import { bookingFormOptions, eventToBook } from './service.ts'

export const views = 'modules/learning/booking-pages/views'

/**
 * Per client address. Generous enough for a team booking from one office behind one address, low
 * enough that a script cannot fill an event or flood inboxes with confirmation emails.
 */
export const bookingRateLimit = { max: 20, timeWindow: '1 minute' }

/** Who the audit log says made a public booking. */
/** Bookings made on the public site, and changes through a booking's links: audited as that, with no permissions. */
export const publicActor = (partnershipId: string) =>
  linkActor(partnershipId, 'A practitioner, on the public booking pages')

/**
 * Booking a place on the public site: the form, or the waiting list's form when the event is full;
 * a clear page (no form) when the event cannot be booked. The core (bookings/) does the work.
 */
export async function bookRoutes(app: FastifyInstance) {
  const db = app.db
  const baseUrl = app.config.baseUrl

  async function context({ raw, params }: FormRequest) {
    const partnership = await publicPartnership(raw)
    const [event, options] = await Promise.all([
      eventToBook(db, partnership.id, params.id!),
      bookingFormOptions(db, partnership.id),
    ])
    const refusal = event.courseActive
      ? bookingRefusal(event, 'public')
      : event.status === 'scheduled'
        ? 'This event is not taking bookings'
        : bookingRefusal(event, 'public')
    return {
      partnershipId: partnership.id,
      event,
      refusal,
      mode: event.left > 0 ? ('book' as const) : ('waiting-list' as const),
      availability: availability(event, event.left),
      facts: eventFactRows(event, { showJoiningLink: false }),
      eventHref: `/training/events/${event.id}`,
      agencies: options.agencies,
      agencyItems: agencyItems(options.agencies),
      sectorItems: sectorItems(),
      termsHtml: bookingTermsHtml(options.terms),
    }
  }
  type Context = Awaited<ReturnType<typeof context>>

  const booked = (ctx: Context, email: string): Rendered => ({
    render: `${views}/booked.njk`,
    data: { facts: ctx.facts, email },
  })

  formRoute(app, {
    path: '/training/events/:id/book',
    access: { publicSite: true },
    rateLimit: bookingRateLimit,
    template: `${views}/book.njk`,
    schema: bookingSchema,
    extra: agencyAnswer,
    context,
    initialValues: () => ({}),
    save: async ({ raw }, input: BookingForm & AgencyAnswer, ctx) => {
      if (ctx.refusal) throw new ValidationError({ event: ctx.refusal })
      if (input.agencyId && !ctx.agencies.some((a) => a.id === input.agencyId))
        throw new ValidationError({ agencyId: 'Select your agency from the list' })
      const actor = publicActor(ctx.partnershipId)
      const request: PlaceRequest = {
        name: input.name,
        email: input.email,
        jobTitle: input.jobTitle,
        agencyId: input.agencyId,
        agencyOther: input.agencyOther,
        sector: input.sector,
        managerEmail: input.managerEmail,
        accessNeeds: input.accessNeeds,
        termsAcceptedAt: new Date(),
      }
      if (input.intent === 'waiting-list') {
        const outcome = await joinWaitingList(db, actor, ctx.event.id, request, { baseUrl })
        if (outcome.kind === 'waiting')
          return { render: `${views}/waiting.njk`, data: { facts: ctx.facts, email: input.email } }
        if (outcome.kind === 'booked') return booked(ctx, input.email)
      }
      const outcome = await bookPlace(db, actor, ctx.event.id, request, { source: 'public', baseUrl })
      if (outcome.kind === 'booked') return booked(ctx, input.email)
      // The last place went while they filled in the form: the same answers, now for the waiting list.
      return {
        render: `${views}/book.njk`,
        data: {
          ...ctx,
          mode: 'waiting-list',
          availability: { ...ctx.availability, text: 'Full – join the waiting list', action: 'waiting-list' },
          values: raw.body,
          errors: {},
          notice:
            'The last place has just been taken. You can join the waiting list instead: we will email you if a place comes free.',
        },
      }
    },
  })
}
