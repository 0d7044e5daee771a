import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { availability, bookingTermsHtml, cancellationWarning, eventFactRows } from './presenters.ts'

const now = new Date('2027-05-20T09:00:00Z')
const event = (overrides = {}) => ({
  status: 'scheduled' as const,
  startsAt: new Date('2027-06-10T08:30:00Z'),
  bookingOpensAt: null,
  bookingClosesAt: null,
  ...overrides,
})

describe('what the public pages say about a booking', () => {
  it('says how many places are left, when booking closes, and when it cannot be booked', () => {
    assert.deepEqual(availability(event(), 12, now), { text: '12 places left', closes: null, action: 'book' })
    assert.equal(availability(event(), 1, now).text, '1 place left')
    assert.deepEqual(availability(event({ bookingClosesAt: new Date('2027-06-03T22:59:00Z') }), 0, now), {
      text: 'Full – join the waiting list',
      closes: 'Booking closes 3 June 2027',
      action: 'waiting-list',
    })
    assert.deepEqual(availability(event({ bookingClosesAt: new Date('2027-05-19T22:59:00Z') }), 5, now), {
      text: 'Booking has closed',
      closes: null,
      action: null,
    })
    assert.equal(
      availability(event({ bookingOpensAt: new Date('2027-05-25T08:00:00Z') }), 5, now).text,
      'Booking opens 25 May 2027',
    )
    assert.equal(availability(event({ status: 'cancelled' }), 5, now).text, 'This event has been cancelled')
    assert.equal(
      availability(event({ startsAt: new Date('2027-05-19T08:00:00Z') }), 5, now).text,
      'This event has already started',
    )
  })

  it('warns before a late cancellation, with the charge when there is one', () => {
    assert.deepEqual(cancellationWarning({ late: false, cutOff: '2027-06-08', chargePence: 0 }), {
      late: false,
      text: 'You can cancel free of charge until the end of 8 June 2027.',
    })
    assert.match(
      cancellationWarning({ late: true, cutOff: '2027-06-08', chargePence: 4500 }).text,
      /was 8 June 2027, so this will be recorded as a late cancellation\. Your agency may be charged £45\.00\.$/,
    )
    assert.match(
      cancellationWarning({ late: true, cutOff: '2027-06-08', chargePence: 0 }).text,
      /There is no charge for your agency\.$/,
    )
  })

  it('shows the partnership’s booking terms as safe Markdown, or the default', () => {
    assert.match(bookingTermsHtml(''), /<li>come to the whole event, on time<\/li>/)
    const own = bookingTermsHtml('Please **arrive early**.<script>alert(1)</script>')
    assert.match(own, /<strong>arrive early<\/strong>/)
    assert.doesNotMatch(own, /<script/)
  })

  it('gives the joining link only to someone with a place', () => {
    const online = {
      courseTitle: 'Neglect',
      startsAt: now,
      endsAt: now,
      venue: null,
      joiningLink: 'https://meet.example/x',
    }
    assert.equal(eventFactRows(online, { showJoiningLink: true })[2]!.value.text, 'Online: https://meet.example/x')
    assert.equal(
      eventFactRows(online, { showJoiningLink: false })[2]!.value.text,
      'Online: the joining link is in your confirmation email',
    )
  })
})
