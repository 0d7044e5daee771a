import type { Database } from '../../src/db/index.ts'
import type { PlaceRequest } from '../../src/modules/learning/bookings/service.ts'
import { courses, trainingEvents, type CourseFormat, type EventStatus } from '../../src/modules/learning/schema.ts'
import { nextNumber } from './names.ts'

/** Training records for tests: a course and an event on it, inserted directly (their pages are tested elsewhere). */

const day = 86_400_000

export interface TrainingEventOptions {
  /** A new course is made when none is given. */
  courseId?: string
  title?: string
  format?: CourseFormat
  durationMinutes?: number
  capacity?: number
  /** From now; negative for one in the past. */
  startsInDays?: number
  startsAt?: Date
  hours?: number
  venue?: string
  bookingClosesAt?: Date | null
  status?: EventStatus
}

export async function insertTrainingEvent(db: Database, partnershipId: string, options: TrainingEventOptions = {}) {
  const title = options.title ?? `Test course ${nextNumber()}`
  let courseId = options.courseId
  if (!courseId) {
    const [course] = await db
      .insert(courses)
      .values({
        partnershipId,
        title,
        summary: 'Summary',
        audience: 'Everyone',
        level: 'introductory',
        format: options.format ?? 'face-to-face',
        durationMinutes: options.durationMinutes ?? 180,
      })
      .returning({ id: courses.id })
    courseId = course!.id
  }
  const startsAt = options.startsAt ?? new Date(Date.now() + (options.startsInDays ?? 30) * day)
  const [event] = await db
    .insert(trainingEvents)
    .values({
      partnershipId,
      courseId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + (options.hours ?? 3) * 3_600_000),
      venue: options.venue ?? 'County Hall, Oxford',
      capacity: options.capacity ?? 20,
      bookingClosesAt: options.bookingClosesAt ?? null,
      status: options.status ?? 'scheduled',
    })
    .returning({ id: trainingEvents.id })
  return { eventId: event!.id, courseId, title }
}

/** Someone booking a place (bookings/service.ts), numbered so each is a different person. */
export function placeRequest(n: number, overrides: Partial<PlaceRequest> = {}): PlaceRequest {
  return {
    name: `Learner ${n}`,
    email: `learner${n}@example.org`,
    jobTitle: 'Family support worker',
    agencyId: null,
    agencyOther: 'Oxford Family Centre',
    sector: 'voluntary-and-community',
    managerEmail: null,
    accessNeeds: null,
    termsAcceptedAt: new Date(),
    ...overrides,
  }
}
