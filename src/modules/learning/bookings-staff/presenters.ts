import { escapeHtml, linkHtml, tagHtml, type TagColour } from '../../../platform/html.ts'
import { formatDate, formatDateTime } from '../../../platform/views.ts'
import { whenText } from '../events/presenters.ts'
import { bookingStatusLabels, poundsText, learnerSectorLabels, waitingStatusLabels } from '../labels.ts'
import type { BookingSource, BookingStatus, WaitingStatus } from '../schema.ts'
import type { AttendanceMark } from './forms.ts'
import type { RegisterRow } from './register.ts'
import { canChange, type BookingDetail, type StaffBooking } from './service.ts'

/** Bookings, the waiting list and the register as the parameters of GOV.UK macros. Pure. */

const statusColours: Record<BookingStatus, TagColour> = {
  booked: 'blue',
  cancelled: 'grey',
  'late-cancellation': 'orange',
  attended: 'green',
  'no-show': 'red',
}
export const bookingStatusTag = (status: BookingStatus) => tagHtml(bookingStatusLabels[status], statusColours[status])

const waitingColours: Record<WaitingStatus, TagColour> = {
  waiting: 'blue',
  offered: 'yellow',
  accepted: 'green',
  expired: 'grey',
  withdrawn: 'grey',
}

export const sourceLabels: Record<BookingSource, string> = {
  public: 'Booked online',
  staff: 'Booked by staff',
  'waiting-list': 'From the waiting list',
}

const chargeText = (pence: number | null) => (pence === null ? '' : pence ? poundsText(pence) : 'No charge')

export function bookingRows(rows: StaffBooking[], event: { startsAt: Date; status: string }, now = new Date()) {
  return rows.map((b) => {
    const changeable = canChange({ status: b.status, startsAt: event.startsAt, eventStatus: event.status }, now)
    const actions = changeable
      ? ['cancel', 'move', 'substitute']
          .map((action) => linkHtml(`/learning/bookings/${b.id}/${action}`, capital(action), b.name))
          .join(' ')
      : ''
    return [
      { html: linkHtml(`/learning/bookings/${b.id}`, b.name) },
      { text: b.agencyName ?? '' },
      { text: learnerSectorLabels[b.sector] },
      { html: bookingStatusTag(b.status) + (b.chargePence ? ` ${escapeHtml(poundsText(b.chargePence))}` : '') },
      { text: formatDate(b.createdAt) },
      { html: `<span class="app-row-actions">${actions}</span>` },
    ]
  })
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

export function bookingCsv(rows: StaffBooking[]) {
  return [
    [
      'Name',
      'Email',
      'Job title',
      'Agency',
      'Sector',
      'Status',
      'Charge',
      'Booked through',
      'Booked on',
      'Access needs',
    ],
    ...rows.map((b) => [
      b.name,
      b.email ?? '',
      b.jobTitle ?? '',
      b.agencyName ?? '',
      learnerSectorLabels[b.sector],
      bookingStatusLabels[b.status],
      b.chargePence === null ? '' : (b.chargePence / 100).toFixed(2),
      sourceLabels[b.source],
      b.createdAt.toISOString(),
      b.accessNeeds ?? '',
    ]),
  ]
}

export function waitingRows(
  rows: { name: string; status: WaitingStatus; offerExpiresAt: Date | null; createdAt: Date }[],
) {
  return rows.map((w, i) => [
    { text: String(i + 1), format: 'numeric' },
    { text: w.name },
    { html: tagHtml(waitingStatusLabels[w.status], waitingColours[w.status]) },
    { text: w.status === 'offered' && w.offerExpiresAt ? formatDateTime(w.offerExpiresAt) : '' },
    { text: formatDate(w.createdAt) },
  ])
}

export function bookingSummary(b: BookingDetail) {
  const rows = [
    { key: { text: 'Learner' }, value: { html: linkHtml(`/learning/learners/${b.learnerId}`, b.name) } },
    ...(b.email ? [{ key: { text: 'Email' }, value: { text: b.email } }] : []),
    {
      key: { text: 'Event' },
      value: { html: linkHtml(`/learning/events/${b.eventId}`, `${b.courseTitle}, ${whenText(b.startsAt, b.endsAt)}`) },
    },
    { key: { text: 'Status' }, value: { html: bookingStatusTag(b.status) } },
    { key: { text: 'Job title' }, value: { text: b.jobTitle ?? '' } },
    { key: { text: 'Agency' }, value: { text: b.agencyName ?? '' } },
    { key: { text: 'Sector' }, value: { text: learnerSectorLabels[b.sector] } },
    { key: { text: 'Manager’s email' }, value: { text: b.managerEmail ?? '' } },
    { key: { text: 'Access needs' }, value: { text: b.accessNeeds ?? '' } },
    {
      key: { text: 'Booked' },
      value: { text: `${formatDateTime(b.createdAt)} (${sourceLabels[b.source].toLowerCase()})` },
    },
  ]
  if (b.cancelledAt) rows.push({ key: { text: 'Cancelled' }, value: { text: formatDateTime(b.cancelledAt) } })
  if (b.chargePence !== null) rows.push({ key: { text: 'Charge' }, value: { text: chargeText(b.chargePence) } })
  return rows
}

/** The move form's choice of dates: each with its places left. */
export function moveItems(dates: { id: string; startsAt: Date; endsAt: Date; venue: string | null; left: number }[]) {
  return dates.map((d) => ({
    value: d.id,
    text: `${whenText(d.startsAt, d.endsAt)}${d.venue ? `, ${d.venue}` : ', online'}`,
    hint: { text: `${d.left} ${d.left === 1 ? 'place' : 'places'} left` },
  }))
}

const agencyText = (row: RegisterRow) => row.agencyName ?? row.agencyOther ?? ''

/** The printed sign-in sheet's rows: a number, the name, job and agency, and room to sign. */
export function signInRows(rows: RegisterRow[]) {
  return rows.map((r, i) => [
    { text: String(i + 1) },
    { text: r.name },
    { text: r.jobTitle ?? '' },
    { text: agencyText(r) },
    { text: '', classes: 'app-sign-in-sheet__signature' },
  ])
}

const markLabels: Record<AttendanceMark, string> = {
  attended: 'Attended',
  'no-show': 'Did not attend',
  'late-cancellation': 'Late cancellation',
}

/** The marking form: one group of radios per place, opened at its current mark (the template prefers what was posted). */
export function markingRows(rows: RegisterRow[]) {
  return rows.map((r) => {
    const field = `mark-${r.id}`
    return {
      name: field,
      idPrefix: field,
      classes: 'govuk-radios--inline govuk-radios--small',
      fieldset: {
        legend: { text: `${r.name}${agencyText(r) ? `, ${agencyText(r)}` : ''}`, classes: 'govuk-fieldset__legend--s' },
      },
      value: r.status === 'booked' ? null : r.status,
      items: (Object.keys(markLabels) as AttendanceMark[]).map((mark) => ({ value: mark, text: markLabels[mark] })),
      hint: r.chargePence ? { text: `Charge recorded: ${poundsText(r.chargePence)}` } : undefined,
    }
  })
}
