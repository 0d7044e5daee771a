import type { Database } from '../../../db/index.ts'
import { enqueueEmail } from '../../../platform/email/outbox.ts'
import { formatDateTime } from '../../../platform/views.ts'
import { whenText } from '../events/presenters.ts'

/**
 * The emails a booking sends, worded in one place. Each names the event in full (title, when,
 * where) so it stands alone in an inbox, and every link in it is a signed link for that person's
 * own booking or offer (platform/signed-links.ts), or the event's public calendar file.
 */

export interface EmailEvent {
  id: string
  courseTitle: string
  startsAt: Date
  endsAt: Date
  venue: string | null
  joiningLink: string | null
}

export interface Recipient {
  partnershipId: string
  name: string
  email: string
}

export const manageBookingPath = (token: string) => `/training/bookings/${token}`
export const acceptOfferPath = (token: string) => `/training/offers/${token}`
export const waitingListPath = (token: string) => `/training/waiting-list/${token}`
export const eventCalendarPath = (eventId: string) => `/training/events/${eventId}/calendar.ics`

function eventLines(event: EmailEvent, baseUrl: string) {
  return [
    event.courseTitle,
    `When: ${whenText(event.startsAt, event.endsAt)}`,
    event.venue ? `Where: ${event.venue}` : `Where: online${event.joiningLink ? ` – ${event.joiningLink}` : ''}`,
    `Add it to your calendar: ${baseUrl}${eventCalendarPath(event.id)}`,
  ]
}

function send(db: Database, to: Recipient, template: string, subject: string, lines: string[]) {
  return enqueueEmail(db, {
    partnershipId: to.partnershipId,
    to: to.email,
    template,
    subject,
    body: [`Dear ${to.name},`, '', ...lines].join('\n'),
  })
}

export function queueBookingConfirmed(
  db: Database,
  to: Recipient,
  event: EmailEvent,
  links: { baseUrl: string; manageToken: string },
) {
  return send(db, to, 'booking-confirmed', `Your place is booked: ${event.courseTitle}`, [
    'Your place is booked on:',
    '',
    ...eventLines(event, links.baseUrl),
    '',
    'To see your booking or cancel it, use this link (keep this email: the link is yours alone):',
    `${links.baseUrl}${manageBookingPath(links.manageToken)}`,
    '',
    'If you cannot come, please cancel as early as you can so someone on the waiting list can have your place.',
  ])
}

export function queueBookingCancelled(
  db: Database,
  to: Recipient,
  event: EmailEvent,
  details: { late: boolean; chargePence: number | null },
) {
  const charge =
    details.late && details.chargePence
      ? [
          '',
          `This was after the cancellation cut-off, so it is recorded as a late cancellation and your agency may be charged £${(details.chargePence / 100).toFixed(2)}.`,
        ]
      : details.late
        ? ['', 'This was after the cancellation cut-off, so it is recorded as a late cancellation.']
        : []
  return send(db, to, 'booking-cancelled', `Booking cancelled: ${event.courseTitle}`, [
    'Your booking has been cancelled for:',
    '',
    ...eventLines(event, '').slice(0, 3),
    ...charge,
  ])
}

export function queueWaitingListJoined(
  db: Database,
  to: Recipient,
  event: EmailEvent,
  links: { baseUrl: string; token: string },
) {
  return send(db, to, 'waiting-list-joined', `You are on the waiting list: ${event.courseTitle}`, [
    'The event is full, so you are on its waiting list:',
    '',
    ...eventLines(event, links.baseUrl).slice(0, 3),
    '',
    'If a place comes free we will email you an offer, with a time to accept it by.',
    'To leave the waiting list, use this link:',
    `${links.baseUrl}${waitingListPath(links.token)}`,
  ])
}

export function queuePlaceOffered(
  db: Database,
  to: Recipient,
  event: EmailEvent,
  offer: { baseUrl: string; token: string; expiresAt: Date },
) {
  return send(db, to, 'place-offered', `A place has come free: ${event.courseTitle}`, [
    'A place has come free on an event you are waiting for:',
    '',
    ...eventLines(event, offer.baseUrl).slice(0, 3),
    '',
    `To take the place, accept it by ${formatDateTime(offer.expiresAt)}:`,
    `${offer.baseUrl}${acceptOfferPath(offer.token)}`,
    '',
    'If you do not accept it by then, it will be offered to the next person on the waiting list.',
  ])
}

export function queueOfferExpired(db: Database, to: Recipient, event: EmailEvent) {
  return send(db, to, 'place-offer-expired', `Offer passed on: ${event.courseTitle}`, [
    'The place we offered you was not accepted in time, so it has been offered to the next person waiting:',
    '',
    ...eventLines(event, '').slice(0, 3),
  ])
}

export function queueBookingMoved(
  db: Database,
  to: Recipient,
  event: EmailEvent,
  links: { baseUrl: string; manageToken: string },
) {
  return send(db, to, 'booking-moved', `Your booking has moved: ${event.courseTitle}`, [
    'Your booking has been moved to another date. Your place is now on:',
    '',
    ...eventLines(event, links.baseUrl),
    '',
    'To see your booking or cancel it:',
    `${links.baseUrl}${manageBookingPath(links.manageToken)}`,
  ])
}

export function queuePlaceGivenToColleague(db: Database, to: Recipient, event: EmailEvent, colleague: string) {
  return send(db, to, 'booking-substituted', `Your place has gone to a colleague: ${event.courseTitle}`, [
    `Your place has been given to ${colleague}, so you are no longer booked on:`,
    '',
    ...eventLines(event, '').slice(0, 3),
  ])
}

export function queueEventCancelled(db: Database, to: Recipient, event: EmailEvent, reason: string) {
  return send(db, to, 'event-cancelled', `Event cancelled: ${event.courseTitle}`, [
    'We are sorry: this event has been cancelled.',
    '',
    ...eventLines(event, '').slice(0, 3),
    '',
    `Why: ${reason}`,
    '',
    'Your booking (or place on the waiting list) has been cancelled. You do not need to do anything.',
  ])
}
