import { linkHtml, tagHtml } from '../../../platform/html.ts'
import { formatDate } from '../../../platform/views.ts'
import { bookingStatusTag } from '../bookings-staff/presenters.ts'
import { whenText } from '../events/presenters.ts'
import { poundsText, learnerSectorLabels } from '../labels.ts'
import type { BookingStatus } from '../schema.ts'
import type { Learner, LearnerRow } from './service.ts'

/** Learners as the parameters of GOV.UK macros. Pure. */

const erasedTag = tagHtml('Erased', 'grey')

export function learnerRows(rows: LearnerRow[]) {
  return rows.map((l) => [
    { html: linkHtml(`/learning/learners/${l.id}`, l.name) + (l.erasedAt ? ` ${erasedTag}` : '') },
    { text: l.email ?? '' },
    { text: l.agencyName ?? '' },
    { text: l.sector ? learnerSectorLabels[l.sector] : '' },
    { text: String(l.bookings), format: 'numeric' },
  ])
}

export function learnerCsv(rows: LearnerRow[]) {
  return [
    ['Name', 'Email', 'Job title', 'Agency', 'Sector', 'Bookings', 'Erased on'],
    ...rows.map((l) => [
      l.name,
      l.email ?? '',
      l.jobTitle ?? '',
      l.agencyName ?? '',
      l.sector ? learnerSectorLabels[l.sector] : '',
      l.bookings,
      l.erasedAt ? l.erasedAt.toISOString().slice(0, 10) : '',
    ]),
  ]
}

export function learnerSummary(l: Learner) {
  if (l.erasedAt)
    return [
      { key: { text: 'Name' }, value: { text: l.name } },
      { key: { text: 'Details erased on' }, value: { text: formatDate(l.erasedAt) } },
      { key: { text: 'Agency' }, value: { text: l.agencyName ?? '' } },
      { key: { text: 'Sector' }, value: { text: l.sector ? learnerSectorLabels[l.sector] : '' } },
    ]
  return [
    { key: { text: 'Name' }, value: { text: l.name } },
    { key: { text: 'Email' }, value: { text: l.email ?? '' } },
    { key: { text: 'Job title' }, value: { text: l.jobTitle ?? '' } },
    { key: { text: 'Agency' }, value: { text: l.agencyName ?? '' } },
    { key: { text: 'Sector' }, value: { text: l.sector ? learnerSectorLabels[l.sector] : '' } },
    {
      key: { text: 'Directory person' },
      value: l.personId
        ? { html: linkHtml(`/directory/people/${l.personId}`, l.personName ?? '') }
        : { text: 'Not linked' },
      actions: {
        items: [{ href: `/learning/learners/${l.id}/person`, text: 'Change', visuallyHiddenText: 'directory person' }],
      },
    },
    { key: { text: 'First booked or imported' }, value: { text: formatDate(l.createdAt) } },
  ]
}

export function learnerBookingRows(
  rows: {
    id: string
    courseTitle: string
    startsAt: Date
    endsAt: Date
    status: BookingStatus
    chargePence: number | null
  }[],
) {
  return rows.map((b) => [
    { html: linkHtml(`/learning/bookings/${b.id}`, whenText(b.startsAt, b.endsAt)) },
    { text: b.courseTitle },
    { html: bookingStatusTag(b.status) },
    { text: b.chargePence ? poundsText(b.chargePence) : '', format: 'numeric' },
  ])
}

export function completionRows(rows: { moduleName: string; completedOn: string; agencyName: string }[]) {
  return rows.map((c) => [{ text: formatDate(c.completedOn) }, { text: c.moduleName }, { text: c.agencyName }])
}
