import { randomUUID } from 'node:crypto'

import { addDays, londonAt, plusMinutes, timeOfDay, type Random } from './seed-random.ts'
import { bookingRow, type BookingRow, type ChargeFor, type CourseRef, type EventRow } from './seed-programme.ts'
import type { LearnerRow, workforce } from './seed-workforce.ts'
import type { waitingListEntries } from './schema.ts'

/**
 * This year's programme, so the catalogue and the staff pages are alive: dates since April (run,
 * with attendance marked) and to come (some places taken; one full, with a waiting list). Which
 * have run depends on today, so nothing here touches the 2016/17 figures.
 */
export type WaitingRow = typeof waitingListEntries.$inferInsert

/** [course, London date, start, end, venue or null for online, places]. */
export const currentEventList: [string, string, string, string, string | null, number][] = [
  ['Safeguarding children: an introduction', '2026-04-21', '09:30', '12:30', 'Didcot Civic Hall', 30],
  ['Working together to safeguard children', '2026-05-12', '09:30', '16:30', 'County Hall, Oxford', 25],
  ['Neglect: using the neglect toolkit', '2026-06-10', '13:30', '16:30', null, 40],
  ['Child sexual exploitation: recognising and responding', '2026-07-07', '09:30', '13:00', 'Banbury Town Hall', 30],
  [
    'Domestic abuse, parental mental health and substance misuse',
    '2026-09-22',
    '09:30',
    '16:30',
    'Witney Corn Exchange',
    25,
  ],
  ['Safeguarding children: an introduction', '2026-10-14', '13:30', '16:30', 'Abingdon Guildhall', 30],
  ['Neglect: using the neglect toolkit', '2026-11-11', '13:30', '16:30', null, 40],
  ['Safeguarding children: an introduction', '2026-12-08', '09:30', '12:30', 'Oxford Town Hall', 30],
  [
    'Domestic abuse, parental mental health and substance misuse',
    '2027-01-26',
    '09:30',
    '16:30',
    'County Hall, Oxford',
    25,
  ],
  ['Annual safeguarding conference', '2027-03-04', '09:00', '16:00', 'Kassam Stadium conference centre', 250],
  ['Neglect: using the neglect toolkit', '2027-03-17', '13:30', '16:30', null, 40],
  ['Safeguarding children: an introduction', '2027-04-20', '09:30', '12:30', 'Bicester Community Centre', 30],
  ['Working together to safeguard children', '2027-05-11', '09:30', '16:30', 'Didcot Civic Hall', 25],
  ['Child sexual exploitation: recognising and responding', '2027-06-08', '09:30', '13:00', 'Thame Town Hall', 30],
]

/**
 * This year's demo dates are written for 2026/27. In a later reporting year they move on by whole
 * years, so a demo started then still has a programme under way and dates to book; 2016/17 and
 * earlier never move.
 */
export function thisYearsDay(day: string, now: Date) {
  const year = Number(day.slice(0, 4))
  if (year < 2026) return day
  const reportingYear = now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1
  return `${year + Math.max(0, reportingYear - 2026)}${day.slice(4)}`
}

/** Rows of a demo event list ([course, London date, start, end, venue or null for online, places]). */
export function demoEvents(
  list: readonly (readonly [string, string, string, string, string | null, number])[],
  partnershipId: string,
  courseIds: ReadonlyMap<string, CourseRef>,
  now: Date,
): EventRow[] {
  return list.map(([title, written, start, end, venue, capacity]) => {
    const date = thisYearsDay(written, now)
    const endsAt = londonAt(date, end)
    return {
      id: randomUUID(),
      partnershipId,
      courseId: courseIds.get(title)!.id,
      startsAt: londonAt(date, start),
      endsAt,
      venue,
      joiningLink: venue ? null : 'https://meet.example.org/oscb-training',
      capacity,
      status: endsAt < now ? 'completed' : 'scheduled',
      cancelledReason: null,
    }
  })
}

export const currentEvents = (partnershipId: string, courseIds: ReadonlyMap<string, CourseRef>, now: Date) =>
  demoEvents(currentEventList, partnershipId, courseIds, now)

/**
 * Bookings on this year's events: a run date's were marked attended or not; a date to come has
 * some places taken, but `full` is full and has people waiting.
 */
export function currentBookings(
  random: Random,
  context: { partnershipId: string; people: ReturnType<typeof workforce>; chargeFor: ChargeFor; now: Date },
  events: readonly EventRow[],
  known: readonly LearnerRow[],
  full: string | null,
) {
  const { now } = context
  const learners: LearnerRow[] = []
  const bookings: BookingRow[] = []
  const waiting: WaitingRow[] = []
  const someone = (onEvent: Set<string>) => {
    let learner = random.chance(0.3) ? random.pick(known) : null
    if (!learner || onEvent.has(learner.id)) {
      learner = context.people.person()
      learners.push(learner)
    }
    onEvent.add(learner.id)
    return learner
  }
  for (const event of events) {
    const onEvent = new Set<string>()
    const past = event.endsAt < now
    const isFull = event.id === full && !past
    const places = isFull ? event.capacity! : Math.round(event.capacity! * (past ? 0.85 : random.int(20, 60) / 100))
    const bookedOn = () => {
      const day = addDays(event.startsAt.toISOString().slice(0, 10), -random.int(5, 50))
      const at = londonAt(day, timeOfDay(random, 8, 19))
      return at < now ? at : plusMinutes(now, -random.int(60, 20_000))
    }
    for (let i = 0; i < places; i++) {
      const status = past ? (random.chance(0.92) ? 'attended' : 'no-show') : 'booked'
      bookings.push(bookingRow(random, context, event, someone(onEvent), status, bookedOn()))
    }
    for (let i = random.int(0, 2); i > 0; i--)
      bookings.push(bookingRow(random, context, event, someone(onEvent), 'cancelled', bookedOn()))
    if (!isFull) continue
    for (let i = 0; i < 3; i++) {
      const learner = someone(onEvent)
      const createdAt = plusMinutes(now, -random.int(60, 10_000) + i)
      waiting.push({
        id: randomUUID(),
        partnershipId: context.partnershipId,
        eventId: event.id,
        learnerId: learner.id,
        jobTitle: learner.jobTitle ?? null,
        agencyId: learner.agencyId ?? null,
        agencyOther: learner.agencyOther ?? null,
        sector: learner.sector ?? 'other',
        managerEmail: null,
        accessNeeds: null,
        termsAcceptedAt: createdAt,
        status: 'waiting',
        createdAt,
        updatedAt: createdAt,
      })
    }
  }
  return { learners, bookings, waiting }
}
