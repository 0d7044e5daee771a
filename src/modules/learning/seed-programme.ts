import { randomUUID } from 'node:crypto'

import { bankHolidayCalendar } from '../../platform/working-days.ts'
import { addDays, londonAt, plusMinutes, timeOfDay, workingDaysFrom, type Random } from './seed-random.ts'
import type { LearnerRow, workforce } from './seed-workforce.ts'
import type { bookings, CourseFormat, trainingEvents } from './schema.ts'
import { evaluation, type EvaluationRow } from './seed-evaluations.ts'

/**
 * The 2016/17 programme at the seed paper's scale: about 150 dates of the face-to-face courses
 * (and a few online), on working days in term time, beside the four learning events and the
 * conference the small seed already holds; everyone who booked, what became of each booking, the
 * charges for non-attendance, and the evaluations returned.
 */
export type EventRow = typeof trainingEvents.$inferInsert & { id: string; startsAt: Date; endsAt: Date }
export type BookingRow = typeof bookings.$inferInsert & { id: string; learnerId: string }

export interface CourseRef {
  id: string
  format: CourseFormat
}

/** How many dates of each course ran in 2016/17, places, and the times it ran at. */
const courseRuns: { title: string; dates: number; capacity: number; times: [string, string][] }[] = [
  {
    title: 'Safeguarding children: an introduction',
    dates: 58,
    capacity: 30,
    times: [
      ['09:30', '12:30'],
      ['13:30', '16:30'],
    ],
  },
  { title: 'Working together to safeguard children', dates: 38, capacity: 25, times: [['09:30', '16:30']] },
  {
    title: 'Child sexual exploitation: recognising and responding',
    dates: 24,
    capacity: 30,
    times: [
      ['09:30', '13:00'],
      ['13:00', '16:30'],
    ],
  },
  {
    title: 'Domestic abuse, parental mental health and substance misuse',
    dates: 24,
    capacity: 25,
    times: [['09:30', '16:30']],
  },
  { title: 'Neglect: using the neglect toolkit', dates: 6, capacity: 40, times: [['13:30', '16:30']] },
]

const venues = [
  'County Hall, Oxford',
  'Abingdon Guildhall',
  'Banbury Town Hall',
  'Didcot Civic Hall',
  'Witney Corn Exchange',
  'Bicester Community Centre',
  'Oxford Town Hall',
  'Exeter Hall, Kidlington',
  'The Beacon, Wantage',
  'Thame Town Hall',
]

const cancelledReasons = ['The trainer was unwell', 'Too few bookings', 'The venue was unavailable']

/** Term time weighs more than August and the Christmas fortnight. */
function programmeDays(first: string, last: string) {
  return workingDaysFrom(first, last).filter((day) => {
    const md = day.slice(5)
    return !(md >= '08-01' && md <= '08-31') && !(md >= '12-19' || md <= '01-03')
  })
}

/** The generated 2016/17 dates: delivered, and a few cancelled. */
export function programmeEvents(random: Random, partnershipId: string, courseIds: ReadonlyMap<string, CourseRef>) {
  const days = programmeDays('2016-04-01', '2017-03-31')
  const events: EventRow[] = []
  const add = (title: string, capacity: number, times: [string, string][], status: 'completed' | 'cancelled') => {
    const course = courseIds.get(title)!
    const day = random.pick(days)
    const [start, end] = random.pick(times)
    const online = course.format === 'virtual'
    events.push({
      id: randomUUID(),
      partnershipId,
      courseId: course.id,
      startsAt: londonAt(day, start),
      endsAt: londonAt(day, end),
      venue: online ? null : random.pick(venues),
      joiningLink: online ? 'https://meet.example.org/oscb-training' : null,
      capacity,
      status,
      cancelledReason: status === 'cancelled' ? random.pick(cancelledReasons) : null,
    })
  }
  for (const run of courseRuns) for (let i = 0; i < run.dates; i++) add(run.title, run.capacity, run.times, 'completed')
  for (const run of courseRuns.slice(0, 4)) add(run.title, run.capacity, run.times, 'cancelled')
  return events
}

/** What became of an event's bookings: how many attended, did not come, cancelled late, cancelled in time. */
function outcomes(random: Random, format: CourseFormat, capacity: number) {
  if (format === 'learning-event')
    return {
      attended: random.int(142, 152),
      noShow: random.int(3, 7),
      late: random.int(4, 9),
      inTime: random.int(8, 15),
    }
  if (format === 'conference')
    return {
      attended: random.int(205, 225),
      noShow: random.int(6, 12),
      late: random.int(5, 10),
      inTime: random.int(10, 20),
    }
  const holding = capacity - random.int(0, format === 'virtual' ? 12 : 6)
  const noShow = random.int(0, 3)
  return { attended: holding - noShow, noShow, late: random.int(0, 2), inTime: random.int(1, 4) }
}

/** The charge for a late cancellation or no-show: free for funding agencies, else by agency type ('none' when not in the directory). */
export type ChargeFor = (agencyId: string | null) => number

const accessNeeds = [
  'Step-free access, please',
  'A hearing loop',
  'Large-print handouts',
  'I may need to leave early to collect my child',
]
/** What a booking is made of, for its status; charges and dates follow from the event. */
export function bookingRow(
  random: Random,
  context: { partnershipId: string; people: ReturnType<typeof workforce>; chargeFor: ChargeFor },
  event: EventRow,
  learner: LearnerRow,
  status: BookingRow['status'],
  createdAt: Date,
): BookingRow {
  const day = event.startsAt.toISOString().slice(0, 10)
  const viaSite = random.chance(0.85)
  const late = status === 'late-cancellation'
  const marked = status === 'attended' || status === 'no-show'
  const attendanceMarkedAt = marked ? plusMinutes(event.endsAt, random.int(10, 2880)) : null
  return {
    id: randomUUID(),
    partnershipId: context.partnershipId,
    eventId: event.id,
    learnerId: learner.id,
    jobTitle: learner.jobTitle ?? null,
    agencyId: learner.agencyId ?? null,
    agencyOther: learner.agencyOther ?? null,
    sector: learner.sector ?? 'other',
    managerEmail: random.chance(0.3) ? context.people.reader([learner.email!.split('@')[1]!]).email : null,
    accessNeeds: random.chance(0.02) ? random.pick(accessNeeds) : null,
    termsAcceptedAt: viaSite ? createdAt : null,
    source: viaSite ? 'public' : 'staff',
    status,
    cancelledAt:
      status === 'cancelled'
        ? plusMinutes(createdAt, random.int(60, 1440))
        : late
          ? londonAt(bankHolidayCalendar.addWorkingDays(day, -1), '10:15')
          : null,
    attendanceMarkedAt,
    chargePence: late || status === 'no-show' ? context.chargeFor(learner.agencyId ?? null) : null,
    evaluationRequestedAt: status === 'attended' ? plusMinutes(attendanceMarkedAt!, 5) : null,
    createdAt,
    updatedAt: attendanceMarkedAt ?? createdAt,
  }
}

/** Bookings, learners, evaluations for delivered and cancelled events; learners who have booked join `people`. */
export function programmeBookings(
  random: Random,
  context: { partnershipId: string; people: ReturnType<typeof workforce>; chargeFor: ChargeFor },
  events: readonly (EventRow & { format: CourseFormat })[],
) {
  const learners: LearnerRow[] = []
  const bookingRows: BookingRow[] = []
  const evaluationRows: EvaluationRow[] = []
  for (const event of events) {
    const day = event.startsAt.toISOString().slice(0, 10)
    const onEvent = new Set<string>()
    const someone = () => {
      const returning = learners.length > 50 && random.chance(event.format === 'learning-event' ? 0.3 : 0.17)
      for (let tries = 0; returning && tries < 5; tries++) {
        const learner = random.pick(learners)
        if (!onEvent.has(learner.id)) return (onEvent.add(learner.id), learner)
      }
      const learner = context.people.person()
      learners.push(learner)
      onEvent.add(learner.id)
      return learner
    }
    const book = (status: BookingRow['status']) => {
      const createdAt = londonAt(addDays(day, -random.int(4, 60)), timeOfDay(random, 8, 19))
      const booking = bookingRow(random, context, event, someone(), status, createdAt)
      bookingRows.push(booking)
      return booking
    }
    if (event.status === 'cancelled') {
      for (let i = random.int(3, 12); i > 0; i--) book('cancelled')
      continue
    }
    const counts = outcomes(random, event.format, event.capacity!)
    for (let i = 0; i < counts.inTime; i++) book('cancelled')
    for (let i = 0; i < counts.late; i++) book('late-cancellation')
    for (let i = 0; i < counts.noShow; i++) book('no-show')
    for (let i = 0; i < counts.attended; i++) {
      const booking = book('attended')
      if (random.chance(event.format === 'learning-event' ? 0.3 : 0.45))
        evaluationRows.push(evaluation(random, context.partnershipId, booking))
    }
  }
  return { learners, bookings: bookingRows, evaluations: evaluationRows }
}
