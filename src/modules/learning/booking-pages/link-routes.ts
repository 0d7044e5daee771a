import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { linkNotValid } from '../links/not-valid.ts'
import { formRoute, type FormRequest } from '../../../platform/form-route.ts'
import { publicPartnership } from '../../../platform/public-site.ts'
import { touchSignedLink } from '../../../platform/signed-links.ts'
import { cancelBooking } from '../bookings/cancel.ts'
import { attendee } from '../evaluation/attendees.ts'
import { certificateAvailable, sendCertificate } from '../evaluation/certificate.ts'
import { eventCalendarPath } from '../bookings/emails.ts'
import { acceptOffer, withdrawFromWaitingList } from '../bookings/waiting-list.ts'
import { bookingRateLimit, publicActor, views } from './book-routes.ts'
import { bookingStatusText, cancellationWarning, eventFactRows, offerDeadlineText, penceText } from './presenters.ts'
import { bookingByLink, cancellationTerms, entryByLink } from './service.ts'

/**
 * The pages behind the links in booking emails: manage (and cancel) a booking, answer an offer of
 * a freed place, leave the waiting list. The record always comes from the signed link; any link
 * that is not valid for the page (expired, revoked by a cancellation, made for another purpose or
 * partnership, or made up) gets the same 404 page.
 */

const notValid = () => linkNotValid(`${views}/link-not-valid.njk`)

/** Cancelling and answering offers are public forms too: limited per address like booking. */
const linkRateLimit = bookingRateLimit

export async function linkRoutes(app: FastifyInstance) {
  const db = app.db
  const baseUrl = app.config.baseUrl

  const tokenOf = (request: FastifyRequest) => (request.params as { token: string }).token

  async function linkedBooking(request: FastifyRequest) {
    const partnership = await publicPartnership(request)
    const booking = await bookingByLink(db, partnership.id, tokenOf(request))
    if (!booking) throw notValid()
    const canCancel = booking.status === 'booked' && booking.event.startsAt > new Date()
    return { partnershipId: partnership.id, booking, canCancel }
  }

  app.get('/training/bookings/:token', { config: { publicSite: true } }, async (request, reply) => {
    const { partnershipId, booking, canCancel } = await linkedBooking(request)
    const token = tokenOf(request)
    const current = booking.status === 'booked' || booking.status === 'attended'
    return reply.view(`${views}/manage.njk`, {
      booking,
      facts: [
        { key: { text: 'Name' }, value: { text: booking.learnerName } },
        ...eventFactRows(booking.event, { showJoiningLink: current }),
        { key: { text: 'Status' }, value: { text: bookingStatusText[booking.status] ?? booking.status } },
      ],
      calendarHref: booking.status === 'booked' && canCancel ? eventCalendarPath(booking.event.id) : null,
      cancelHref: canCancel ? `/training/bookings/${token}/cancel` : null,
      certificate:
        booking.status !== 'attended'
          ? null
          : (await certificateAvailable(db, partnershipId, booking.id))
            ? { href: `/training/bookings/${token}/certificate` }
            : { waiting: true },
    })
  })

  // The certificate, from the booking's own link too: once attended and the evaluation returned.
  app.get('/training/bookings/:token/certificate', { config: { publicSite: true } }, async (request, reply) => {
    const { partnershipId, booking } = await linkedBooking(request)
    const who = (await certificateAvailable(db, partnershipId, booking.id))
      ? await attendee(db, partnershipId, booking.id)
      : null
    if (!who) throw notValid()
    await touchSignedLink(db, tokenOf(request))
    return sendCertificate(reply, who)
  })

  formRoute(app, {
    path: '/training/bookings/:token/cancel',
    access: { publicSite: true },
    rateLimit: linkRateLimit,
    template: `${views}/cancel.njk`,
    schema: z.object({}),
    context: async (request) => {
      const linked = await linkedBooking(request.raw)
      const terms = linked.canCancel ? await cancellationTerms(db, linked.partnershipId, linked.booking) : null
      return {
        ...linked,
        facts: eventFactRows(linked.booking.event, { showJoiningLink: false }),
        warning: terms ? cancellationWarning(terms) : null,
        backHref: `/training/bookings/${request.params.token}`,
      }
    },
    initialValues: () => ({}),
    save: async (_request, _input, ctx) => {
      const result = await cancelBooking(db, publicActor(ctx.partnershipId), ctx.booking.id, { baseUrl })
      return {
        render: `${views}/cancelled.njk`,
        data: {
          facts: ctx.facts,
          late: result.late,
          charge: result.chargePence ? penceText(result.chargePence) : null,
        },
      }
    },
  })

  async function linkedEntry({ raw, params }: FormRequest, purpose: 'accept-offer' | 'waiting-list') {
    const partnership = await publicPartnership(raw)
    const entry = await entryByLink(db, partnership.id, params.token!, purpose)
    const live = purpose === 'accept-offer' ? ['offered'] : ['waiting', 'offered']
    if (!entry || !live.includes(entry.status)) throw notValid()
    return {
      partnershipId: partnership.id,
      entry,
      facts: eventFactRows(entry.event, { showJoiningLink: false }),
    }
  }

  formRoute(app, {
    path: '/training/offers/:token',
    access: { publicSite: true },
    rateLimit: linkRateLimit,
    template: `${views}/offer.njk`,
    schema: z.object({
      decision: z.enum(['accept', 'decline'], { error: 'Select whether you want the place' }),
    }),
    context: async (request) => {
      const linked = await linkedEntry(request, 'accept-offer')
      return {
        ...linked,
        deadline: linked.entry.offerExpiresAt ? offerDeadlineText(linked.entry.offerExpiresAt) : null,
      }
    },
    initialValues: () => ({}),
    save: async (_request, { decision }, ctx) => {
      const actor = publicActor(ctx.partnershipId)
      if (decision === 'accept') {
        await acceptOffer(db, actor, ctx.entry.id, baseUrl)
        return { render: `${views}/booked.njk`, data: { facts: ctx.facts } }
      }
      await withdrawFromWaitingList(db, actor, ctx.entry.id, baseUrl)
      return { render: `${views}/left-waiting-list.njk`, data: { facts: ctx.facts, declined: true } }
    },
  })

  formRoute(app, {
    path: '/training/waiting-list/:token',
    access: { publicSite: true },
    rateLimit: linkRateLimit,
    template: `${views}/waiting-list.njk`,
    schema: z.object({}),
    context: async (request) => linkedEntry(request, 'waiting-list'),
    initialValues: () => ({}),
    save: async (_request, _input, ctx) => {
      await withdrawFromWaitingList(db, publicActor(ctx.partnershipId), ctx.entry.id, baseUrl)
      return { render: `${views}/left-waiting-list.njk`, data: { facts: ctx.facts, declined: false } }
    },
  })
}
