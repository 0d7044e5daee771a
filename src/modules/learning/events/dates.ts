import type { FieldErrors } from '../../../platform/errors.ts'
import { dateInput } from '../../../platform/forms.ts'
import { londonInstant, parseTime } from '../../../platform/london-time.ts'

/**
 * An event's date and times from the form: a GOV.UK date input (`date-day` …), start and end
 * times as typed ("9:30"), and the optional first and last days to book; London time, stored as instants.
 */
export function eventDates(body: Record<string, unknown>) {
  const range = { min: '2000-01-01', max: '2100-12-31' }
  const errors: FieldErrors = {}
  const date = dateInput(body, 'date', 'the date', { required: true, ...range })
  if (date.error) errors['date-day'] = date.error
  const start = parseTime(String(body.startTime ?? ''))
  const end = parseTime(String(body.endTime ?? ''))
  if (!start) errors.startTime = 'Enter the start time, like 9:30'
  if (!end) errors.endTime = 'Enter the end time, like 16:00'
  if (start && end && end <= start) errors.endTime = 'The end time must be after the start time'
  const closes = dateInput(body, 'bookingCloses', 'the last day to book', { required: false, ...range })
  if (closes.error) errors['bookingCloses-day'] = closes.error
  if (!closes.error && closes.value && date.value && closes.value > date.value)
    errors['bookingCloses-day'] = 'The last day to book must be on or before the day of the event'
  const opens = dateInput(body, 'bookingOpens', 'the first day to book', { required: false, ...range })
  if (opens.error) errors['bookingOpens-day'] = opens.error
  else if (opens.value && date.value && opens.value > date.value)
    errors['bookingOpens-day'] = 'The first day to book must be on or before the day of the event'
  else if (opens.value && closes.value && opens.value > closes.value)
    errors['bookingOpens-day'] = 'The first day to book must be on or before the last day to book'
  const given = (key: string) => String(body[key] ?? '').trim() !== ''
  if (!given('venue') && !given('joiningLink')) errors.venue = 'Enter the venue, or a joining link for an online event'
  if (Object.keys(errors).length || !date.value || !start || !end) return { errors }
  return {
    errors,
    values: {
      startsAt: londonInstant(date.value, start),
      endsAt: londonInstant(date.value, end),
      bookingOpensAt: opens.value ? londonInstant(opens.value, '00:00') : null,
      bookingClosesAt: closes.value ? londonInstant(closes.value, '23:59') : null,
    },
  }
}
