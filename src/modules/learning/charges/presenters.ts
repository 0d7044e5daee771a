import { dateInput } from '../../../platform/forms.ts'
import { linkHtml } from '../../../platform/html.ts'
import type { Query } from '../../../platform/lists.ts'
import { parseYear, yearContaining, yearSlug } from '../../../platform/reporting-years.ts'
import { formatDate } from '../../../platform/views.ts'
import { agencyTypeLabels } from '../../partnership/labels.ts'
import type { AgencyType } from '../../partnership/schema.ts'
import { bookingStatusLabels, poundsText } from '../labels.ts'
import type { AgencyCharges, ChargedBooking, Period } from './service.ts'

/** The charges report's period and tables. Pure. */

export const noAgencyName = 'No agency in the directory'

/**
 * The period asked for: `from` and `to` dates when both are given and make sense, otherwise the
 * reporting year `year` (the current one by default). Errors are for the date fields.
 */
export function readPeriod(query: Query, startMonth: number, today = new Date()) {
  const from = dateInput(query, 'from', 'the start date', { required: false, min: '1990-01-01', max: '2100-12-31' })
  const to = dateInput(query, 'to', 'the end date', { required: false, min: '1990-01-01', max: '2100-12-31' })
  const errors: Record<string, string> = {}
  if (from.error) errors['from-day'] = from.error
  if (to.error) errors['to-day'] = to.error
  if (from.value && !to.value && !to.error) errors['to-day'] = 'Enter the end date'
  if (to.value && !from.value && !from.error) errors['from-day'] = 'Enter the start date'
  if (from.value && to.value && from.value > to.value)
    errors['to-day'] = 'The end date must be on or after the start date'
  if (!Object.keys(errors).length && from.value && to.value)
    return {
      period: { from: from.value, to: to.value, label: `${formatDate(from.value)} to ${formatDate(to.value)}` },
      year: null,
      errors,
    }
  const year = (query.year && parseYear(query.year, startMonth)) || yearContaining(today, startMonth)
  return { period: { from: year.start, to: year.end, label: year.label } as Period, year, errors }
}

/** The download links keep the period as asked. */
export function periodQuery(period: Period, year: { startYear: number } | null, query: Query) {
  if (year) return `?year=${encodeURIComponent(yearSlug(year as never))}`
  const params = new URLSearchParams()
  for (const key of ['from-day', 'from-month', 'from-year', 'to-day', 'to-month', 'to-year'])
    if (query[key]) params.set(key, query[key])
  return `?${params.toString()}`
}

const agencyLabel = (row: AgencyCharges) => row.agencyName ?? noAgencyName
const typeLabel = (row: AgencyCharges) => (row.agencyType ? agencyTypeLabels[row.agencyType as AgencyType] : '')

export function agencyRows(rows: AgencyCharges[]) {
  return rows.map((r) => [
    { text: agencyLabel(r) },
    { text: typeLabel(r) },
    { text: r.fundsPartnership ? 'Yes (not charged)' : r.agencyId ? 'No' : '' },
    { text: String(r.lateCancellations), format: 'numeric' },
    { text: String(r.noShows), format: 'numeric' },
    { text: poundsText(r.totalPence), format: 'numeric' },
  ])
}

export function totals(rows: AgencyCharges[]) {
  return rows.reduce(
    (sum, r) => ({
      lateCancellations: sum.lateCancellations + r.lateCancellations,
      noShows: sum.noShows + r.noShows,
      totalPence: sum.totalPence + r.totalPence,
    }),
    { lateCancellations: 0, noShows: 0, totalPence: 0 },
  )
}

export function agencyTotalRow(rows: AgencyCharges[]) {
  const t = totals(rows)
  return [
    { text: 'Total', classes: 'govuk-!-font-weight-bold' },
    { text: '' },
    { text: '' },
    { text: String(t.lateCancellations), format: 'numeric', classes: 'govuk-!-font-weight-bold' },
    { text: String(t.noShows), format: 'numeric', classes: 'govuk-!-font-weight-bold' },
    { text: poundsText(t.totalPence), format: 'numeric', classes: 'govuk-!-font-weight-bold' },
  ]
}

export function agencyTable(rows: AgencyCharges[]) {
  const t = totals(rows)
  return [
    ['Agency', 'Agency type', 'Funds the partnership', 'Late cancellations', 'No-shows', 'Total charge (£)'],
    ...rows.map((r) => [
      agencyLabel(r),
      typeLabel(r),
      r.agencyId ? (r.fundsPartnership ? 'Yes' : 'No') : '',
      r.lateCancellations,
      r.noShows,
      Number((r.totalPence / 100).toFixed(2)),
    ]),
    ['Total', '', '', t.lateCancellations, t.noShows, Number((t.totalPence / 100).toFixed(2))],
  ]
}

export function chargedBookingRows(rows: ChargedBooking[]) {
  return rows.map((b) => [
    { html: linkHtml(`/learning/bookings/${b.id}`, formatDate(b.startsAt)) },
    { text: b.courseTitle },
    { text: b.name },
    { text: b.inDirectory ? (b.agencyName ?? '') : noAgencyName + (b.agencyName ? ` (${b.agencyName})` : '') },
    { text: bookingStatusLabels[b.status] },
    { text: poundsText(b.chargePence ?? 0), format: 'numeric' },
  ])
}

export function chargedBookingTable(rows: ChargedBooking[]) {
  return [
    ['Event date', 'Course', 'Learner', 'Agency', 'In the directory', 'What happened', 'Charge (£)'],
    ...rows.map((b) => [
      b.startsAt.toISOString().slice(0, 10),
      b.courseTitle,
      b.name,
      b.agencyName ?? '',
      b.inDirectory ? 'Yes' : 'No',
      bookingStatusLabels[b.status],
      Number(((b.chargePence ?? 0) / 100).toFixed(2)),
    ]),
  ]
}
