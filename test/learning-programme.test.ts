import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { courses, trainingEvents } from '../src/modules/learning/schema.ts'
import { parseCsv } from './helpers/csv.ts'
import { demoEmail } from './helpers/app.ts'
import { errorSummary, formVersion, history, summaryListRows } from './helpers/html.ts'
import { officerForSuite } from './helpers/records.ts'

/** The training programme's courses and events, kept by the business unit and trainers. */

const course = {
  title: 'Professional curiosity',
  summary: 'Asking the next question: moving beyond what families tell us.',
  learningOutcomes: 'Know what professional curiosity is\nUse it in supervision',
  audience: 'Practitioners who work with families',
  level: 'intermediate',
  format: 'face-to-face',
  durationHours: '2.5',
  active: 'true',
}

const eventForm = (courseId: string, overrides: Record<string, string> = {}) => ({
  courseId,
  'date-day': '1',
  'date-month': '6',
  'date-year': '2027',
  startTime: '9:30',
  endTime: '12:00',
  venue: 'County Hall, Oxford',
  joiningLink: '',
  capacity: '30',
  trainers: 'Ruth Evans and Sam Lee',
  'bookingOpens-day': '1',
  'bookingOpens-month': '3',
  'bookingOpens-year': '2027',
  ...overrides,
})

describe('the training programme', () => {
  const shared = officerForSuite()

  async function courseId(title: string) {
    const [row] = await shared.testApp.database.db
      .select({ id: courses.id })
      .from(courses)
      .where(and(eq(courses.partnershipId, shared.testApp.partnershipId), eq(courses.title, title)))
    assert.ok(row, `no course ${title}`)
    return row.id
  }

  it('adds a course, refuses bad input and a duplicate title, changes it and lists it', async () => {
    const { officer } = shared
    let response = await officer.post('/learning/courses/new', { ...course, title: '', durationHours: 'two' })
    assert.equal(response.statusCode, 400)
    assert.deepEqual(errorSummary(response.body), [
      'title: Enter the course title',
      'durationHours: Enter the duration in hours, like 3 or 2.5',
    ])
    assert.match(response.body, /Asking the next question/, 'what was typed is kept')

    const newForm = await officer.get('/learning/courses/new')
    const curiosity = newForm.body.match(/value="([0-9a-f-]{36})"[^>]*>\s*<label[^>]*>\s*Professional curiosity/)?.[1]
    assert.ok(curiosity, 'the form offers the partnership’s themes')
    response = await officer.post('/learning/courses/new', { ...course, themeIds: curiosity })
    assert.equal(response.statusCode, 302)
    const id = await courseId('Professional curiosity')
    let page = await officer.get(`/learning/courses/${id}`)
    const rows = summaryListRows(page.body)
    assert.equal(rows.Duration, '2 hours 30 minutes')
    assert.equal(rows.Themes, 'Professional curiosity')
    assert.match(page.body, /Themes: \(blank\) → Professional curiosity|Themes: Professional curiosity/)
    assert.match(page.body, /<li>Use it in supervision<\/li>/)

    response = await officer.post('/learning/courses/new', { ...course, title: 'PROFESSIONAL CURIOSITY' })
    assert.equal(response.statusCode, 400)
    assert.deepEqual(errorSummary(response.body), ['title: There is already a course with this title'])

    const form = await officer.get(`/learning/courses/${id}/edit`)
    assert.match(form.body, /value="2.5"/)
    // The form offers every choice again, with the course's own ticked.
    assert.match(form.body, /name="format" type="radio" value="virtual"/)
    assert.match(form.body, new RegExp(`value="${curiosity}" checked`))
    response = await officer.post(`/learning/courses/${id}/edit`, {
      ...course,
      version: formVersion(form.body),
      format: 'virtual',
      active: '',
    })
    assert.equal(response.statusCode, 302)
    page = await officer.get(`/learning/courses/${id}`)
    assert.equal(summaryListRows(page.body).Status, 'Retired')
    assert.deepEqual(history(page.body).slice(0, 2), [
      'Changed the course Professional curiosity (by Tom Whitfield)',
      'Added the course Professional curiosity (by Tom Whitfield)',
    ])

    const list = await officer.get('/learning/courses.csv?status=retired')
    const csv = parseCsv(list.body)
    assert.deepEqual(csv[0], ['Title', 'Format', 'Level', 'Duration (minutes)', 'Upcoming events', 'Status'])
    assert.deepEqual(
      csv.slice(1).map((r) => r[0]),
      ['Professional curiosity'],
    )
  })

  it('schedules an event in London time, refuses impossible ones, and cancels it with a reason', async () => {
    const { officer, testApp } = shared
    const id = await courseId('Safeguarding children: an introduction')
    let response = await officer.post(
      '/learning/events/new',
      eventForm(id, { endTime: '9:00', venue: '', capacity: '0', joiningLink: 'http://meet.example.org' }),
    )
    assert.equal(response.statusCode, 400)
    assert.deepEqual(errorSummary(response.body).sort(), [
      'capacity: There must be at least 1 place',
      'endTime: The end time must be after the start time',
      'joiningLink: Enter a joining link that starts with https://',
    ])
    response = await officer.post('/learning/events/new', eventForm(id, { venue: '' }))
    assert.deepEqual(errorSummary(response.body), ['venue: Enter the venue, or a joining link for an online event'])
    response = await officer.post('/learning/events/new', eventForm(id, { 'bookingOpens-month': '7' }))
    assert.deepEqual(errorSummary(response.body), [
      'bookingOpens-day: The first day to book must be on or before the day of the event',
    ])

    response = await officer.post('/learning/events/new', eventForm(id))
    assert.equal(response.statusCode, 302)
    const eventId = response.headers.location!.split('/')[3]!.split('?')[0]!
    const [saved] = await testApp.database.db.select().from(trainingEvents).where(eq(trainingEvents.id, eventId))
    assert.equal(saved!.startsAt.toISOString(), '2027-06-01T08:30:00.000Z', '9:30 in British Summer Time')
    let page = await officer.get(`/learning/events/${eventId}`)
    assert.equal(summaryListRows(page.body).When, '1 June 2027, 9:30am to 12pm')
    assert.equal(summaryListRows(page.body).Trainers, 'Ruth Evans and Sam Lee')
    assert.equal(summaryListRows(page.body)['Booking opens'], '1 March 2027')
    assert.equal(saved!.bookingOpensAt?.toISOString(), '2027-03-01T00:00:00.000Z', 'midnight in London, GMT in March')

    const form = await officer.get(`/learning/events/${eventId}/edit`)
    assert.match(form.body, /name="startTime" type="text" value="09:30"/)
    assert.match(form.body, /name="trainers" type="text" value="Ruth Evans and Sam Lee"/)

    // Not yet over, so it cannot be completed.
    response = await officer.post(`/learning/events/${eventId}/complete`, { version: formVersion(form.body) })
    assert.equal(response.statusCode, 400)

    const cancel = await officer.get(`/learning/events/${eventId}/cancel`)
    response = await officer.post(`/learning/events/${eventId}/cancel`, {
      version: formVersion(cancel.body),
      reason: '',
    })
    assert.deepEqual(errorSummary(response.body), ['reason: Enter why the event is cancelled'])
    response = await officer.post(`/learning/events/${eventId}/cancel`, {
      version: formVersion(cancel.body),
      reason: 'The trainer is unwell',
    })
    assert.equal(response.statusCode, 302)
    page = await officer.get(`/learning/events/${eventId}`)
    assert.equal(summaryListRows(page.body)['Why it was cancelled'], 'The trainer is unwell')
    assert.match(history(page.body)[0]!, /^Cancelled Safeguarding children: an introduction/)
    assert.equal(
      (await officer.get(`/learning/events/${eventId}/edit`)).statusCode,
      400,
      'a cancelled event stays as it was',
    )
  })

  it('lets trainers keep the programme and board members read it', async () => {
    const { testApp } = shared
    const trainer = await testApp.signIn(demoEmail.trainer)
    assert.equal((await trainer.get('/learning/courses/new')).statusCode, 200)
    const board = await testApp.signIn(demoEmail['board-member'])
    assert.equal((await board.get('/learning/events?when=past')).statusCode, 200)
    assert.equal((await board.get('/learning/courses/new')).statusCode, 403)
    const events = parseCsv((await board.get('/learning/events.csv?when=past&format=learning-event')).body)
    assert.equal(events.length - 1, 4, 'the four 2016/17 learning events')
  })
})

describe('the public training catalogue', () => {
  const shared = officerForSuite()

  it('lists upcoming events to anyone, filters them, and offers calendar files', async () => {
    const visitor = await shared.testApp.visitor()
    const page = await visitor.get('/training')
    assert.equal(page.statusCode, 200)
    assert.doesNotMatch(page.body, /Sign out/, 'the public layout, no staff menus')
    const titles = [
      ...page.body.matchAll(
        /<h2 class="govuk-heading-m[^"]*"><a class="govuk-link" href="\/training\/events\/[^"]+">([^<]+)<\/a>/g,
      ),
    ].map((m) => m[1])
    assert.ok(titles.length >= 4, 'the upcoming demo events')
    assert.ok(!titles.some((t) => t!.startsWith('Learning event')), '2016/17’s learning events are past')

    const virtual = await visitor.get('/training?format=virtual')
    assert.match(virtual.body, /Neglect: using the neglect toolkit/)
    assert.doesNotMatch(virtual.body, /Working together to safeguard children<\/a>/)

    const eventId = page.body.match(/href="\/training\/events\/([0-9a-f-]{36})"/)![1]!
    const event = await visitor.get(`/training/events/${eventId}`)
    assert.equal(event.statusCode, 200)
    const ics = await visitor.get(`/training/events/${eventId}/calendar.ics`)
    assert.match(ics.headers['content-type'] as string, /^text\/calendar/)
    assert.match(ics.body, new RegExp(`UID:${eventId}@`))
    assert.match(ics.body, /DTSTART;TZID=Europe\/London:/)
    const feed = await visitor.get('/training/calendar.ics')
    assert.equal(feed.body.match(/BEGIN:VEVENT/g)?.length, titles.length)
  })

  it('shows nothing past, cancelled or retired', async () => {
    const { testApp } = shared
    const visitor = await testApp.visitor()
    const [past] = await testApp.database.db
      .select({ id: trainingEvents.id })
      .from(trainingEvents)
      .where(and(eq(trainingEvents.partnershipId, testApp.partnershipId), eq(trainingEvents.status, 'completed')))
      .limit(1)
    assert.equal((await visitor.get(`/training/events/${past!.id}`)).statusCode, 404)
    assert.equal((await visitor.get(`/training/events/${past!.id}/calendar.ics`)).statusCode, 404)
  })
})
