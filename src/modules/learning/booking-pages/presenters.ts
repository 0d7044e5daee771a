import { renderMarkdown } from '../../../platform/markdown.ts'
import { formatDate, formatDateTime } from '../../../platform/views.ts'
import { bookingRefusal } from '../bookings/places.ts'
import { whenText } from '../events/presenters.ts'
import { learnerSectorLabels } from '../labels.ts'
import { learnerSectors, type EventStatus } from '../schema.ts'

/** The public booking pages' words and GOV.UK macro parameters. Pure, so tested without HTTP. */

export interface AvailabilityEvent {
  status: EventStatus
  startsAt: Date
  bookingOpensAt: Date | null
  bookingClosesAt: Date | null
}

export interface Availability {
  /** "12 places left", "Full – join the waiting list", "Booking has closed". */
  text: string
  /** "Booking closes 3 June 2027", when there is a last day and booking is open. */
  closes: string | null
  /** What the event page offers: a place, the waiting list, or nothing. */
  action: 'book' | 'waiting-list' | null
}

/** What the catalogue says about an event's places, from `placesLeft` and the booking window. */
export function availability(event: AvailabilityEvent, left: number, now = new Date()): Availability {
  const refusal = bookingRefusal(event, 'public', now)
  if (refusal) {
    const notYet = event.bookingOpensAt && event.bookingOpensAt > now
    return {
      text: notYet
        ? `Booking opens ${formatDate(event.bookingOpensAt)}`
        : refusal.replace(/^Booking for this event has closed$/, 'Booking has closed'),
      closes: null,
      action: null,
    }
  }
  const closes = event.bookingClosesAt ? `Booking closes ${formatDate(event.bookingClosesAt)}` : null
  if (left <= 0) return { text: 'Full – join the waiting list', closes, action: 'waiting-list' }
  return { text: `${left} ${left === 1 ? 'place' : 'places'} left`, closes, action: 'book' }
}

export const sectorItems = () => learnerSectors.map((value) => ({ value, text: learnerSectorLabels[value] }))

export function agencyItems(agencies: { id: string; name: string }[]) {
  return [{ value: '', text: 'Select your agency' }, ...agencies.map((a) => ({ value: a.id, text: a.name }))]
}

/** Used when the partnership has not written its own booking terms (learning settings). */
export const defaultBookingTerms = [
  'By booking a place you agree to:',
  '',
  '- come to the whole event, on time',
  '- cancel as early as you can if you cannot come, using the link in your confirmation email, so someone on the waiting list can have your place',
  '- tell us about any access needs before the event',
  '',
  'Late cancellations and non-attendance are recorded against you and your agency, and some agencies are charged for them.',
].join('\n')

/** The booking terms as safe HTML: the partnership's own, or the default. */
export const bookingTermsHtml = (terms: string) => renderMarkdown(terms.trim() || defaultBookingTerms)

export interface EventFacts {
  courseTitle: string
  startsAt: Date
  endsAt: Date
  venue: string | null
  joiningLink: string | null
}

/** When and where, as summary-list rows. The joining link is for people with a place only. */
export function eventFactRows(event: EventFacts, options: { showJoiningLink: boolean }) {
  const where = event.venue
    ? event.venue
    : options.showJoiningLink && event.joiningLink
      ? `Online: ${event.joiningLink}`
      : 'Online: the joining link is in your confirmation email'
  return [
    { key: { text: 'Event' }, value: { text: event.courseTitle } },
    { key: { text: 'When' }, value: { text: whenText(event.startsAt, event.endsAt) } },
    { key: { text: 'Where' }, value: { text: where } },
  ]
}

export const bookingStatusText: Record<string, string> = {
  booked: 'Booked',
  cancelled: 'Cancelled',
  'late-cancellation': 'Cancelled (late)',
  attended: 'Attended',
  'no-show': 'Did not attend',
}

export const penceText = (pence: number) => `£${(pence / 100).toFixed(2)}`

/**
 * What cancelling now means, said before they confirm: free until the cut-off day, then late,
 * with what it may cost their agency.
 */
export function cancellationWarning(details: { late: boolean; cutOff: string; chargePence: number }) {
  const cutOff = formatDate(`${details.cutOff}T12:00:00Z`)
  if (!details.late) return { late: false, text: `You can cancel free of charge until the end of ${cutOff}.` }
  const charge = details.chargePence
    ? ` Your agency may be charged ${penceText(details.chargePence)}.`
    : ' There is no charge for your agency.'
  return {
    late: true,
    text: `The last day to cancel without it counting as a late cancellation was ${cutOff}, so this will be recorded as a late cancellation.${charge}`,
  }
}

export const offerDeadlineText = (expiresAt: Date) => `Accept this place by ${formatDateTime(expiresAt)}`
