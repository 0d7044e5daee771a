import { and, asc, eq, inArray, isNotNull, or } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { recordAudit } from '../../../platform/audit.ts'
import { ValidationError, type FieldErrors } from '../../../platform/errors.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { agencies } from '../../partnership/schema.ts'
import { nonAttendanceCharge } from '../bookings/charges.ts'
import { lockEvent } from '../bookings/places.ts'
import { bookings, learners } from '../schema.ts'
import { attendanceMarks, type AttendanceMark } from './forms.ts'

/**
 * The attendance register. Once an event has started, each place booked on it is marked attended,
 * no-show or late cancellation (someone who rang on the day), all in one go: the whole register is
 * saved or none of it. A no-show or late cancellation takes the non-attendance charge for the
 * learner's agency at that moment (bookings/charges.ts); attended carries none. Marks can be
 * corrected (attended ↔ no-show) and each change is audited on its booking.
 */

/** The rows on the register: places booked, and places already marked here. */
export function registerRows(db: Database, partnershipId: string, eventId: string) {
  return db
    .select({
      id: bookings.id,
      learnerId: bookings.learnerId,
      name: learners.name,
      jobTitle: bookings.jobTitle,
      agencyName: agencies.name,
      agencyOther: bookings.agencyOther,
      status: bookings.status,
      chargePence: bookings.chargePence,
      agencyId: bookings.agencyId,
      version: bookings.version,
    })
    .from(bookings)
    .innerJoin(learners, eq(learners.id, bookings.learnerId))
    .leftJoin(agencies, eq(agencies.id, bookings.agencyId))
    .where(
      and(
        eq(bookings.partnershipId, partnershipId),
        eq(bookings.eventId, eventId),
        or(
          inArray(bookings.status, ['booked', 'attended', 'no-show']),
          // A late cancellation marked on the register (not one made before the day) stays on it.
          and(eq(bookings.status, 'late-cancellation'), isNotNull(bookings.attendanceMarkedAt)),
        ),
      ),
    )
    .orderBy(asc(learners.name), asc(bookings.id))
}
export type RegisterRow = Awaited<ReturnType<typeof registerRows>>[number]

export const markMissing = 'Select attended, did not attend or late cancellation'

/** Register marking opens when the event starts. */
export function canMarkAttendance(event: { startsAt: Date; status: string }, now = new Date()) {
  return event.status !== 'cancelled' && event.startsAt <= now
}

/**
 * Saves the register: `marks` maps booking id → mark. Every row must be marked; rows whose mark is
 * unchanged write nothing. Returns how many bookings changed.
 */
export async function recordAttendance(
  db: Database,
  actor: Actor,
  eventId: string,
  marks: Record<string, string>,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, actor.partnershipId, eventId)
    if (event.status === 'cancelled') throw new ValidationError({ register: 'This event was cancelled' })
    if (!canMarkAttendance(event, now))
      throw new ValidationError({ register: 'You can record attendance once the event has started' })
    const rows = await registerRows(tx, actor.partnershipId, eventId)
    const errors: FieldErrors = {}
    for (const row of rows)
      if (!attendanceMarks.includes(marks[row.id] as AttendanceMark)) errors[`mark-${row.id}`] = markMissing
    if (Object.keys(errors).length) throw new ValidationError(errors)
    let changed = 0
    for (const row of rows) {
      const mark = marks[row.id] as AttendanceMark
      if (mark === row.status) continue
      const chargePence = mark === 'attended' ? null : await nonAttendanceCharge(tx, actor.partnershipId, row.agencyId)
      await tx
        .update(bookings)
        .set({
          status: mark,
          attendanceMarkedAt: now,
          cancelledAt: mark === 'late-cancellation' ? now : null,
          chargePence,
          version: row.version + 1,
          updatedAt: now,
        })
        .where(eq(bookings.id, row.id))
      await recordAudit(tx, actor, {
        action: row.status === 'booked' ? 'attendance recorded' : 'attendance corrected',
        recordType: 'booking',
        recordId: row.id,
        summary: `${row.status === 'booked' ? 'Recorded' : 'Corrected'} attendance at ${event.courseTitle}`,
        related: [
          { recordType: 'training-event', recordId: event.id },
          { recordType: 'learner', recordId: row.learnerId },
        ],
        before: { status: row.status, chargePence: row.chargePence },
        after: { status: mark, chargePence },
      })
      changed++
    }
    return changed
  })
}
