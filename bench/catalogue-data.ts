import { and, eq, inArray } from 'drizzle-orm'
import type { Database } from '../src/db/index.ts'
import { insertInChunks } from '../src/platform/imports/insert.ts'
import { courses, trainingEvents } from '../src/modules/learning/schema.ts'

/**
 * The bench catalogue: 1,000 more upcoming dates of the demo's face-to-face and online courses,
 * one each working morning or afternoon from tomorrow, inserted in one statement (bench data, so
 * no audit rows). The public catalogue (`/training`) lists the upcoming events of active courses.
 */
export const benchEventCount = 1000

const venues = ['County Hall, Oxford', 'Abingdon Guildhall', 'Banbury Town Hall', 'Didcot Civic Hall']

export async function addBenchEvents(db: Database, partnershipId: string) {
  const offered = await db
    .select({ id: courses.id, format: courses.format })
    .from(courses)
    .where(
      and(
        eq(courses.partnershipId, partnershipId),
        eq(courses.active, true),
        inArray(courses.format, ['face-to-face', 'virtual']),
      ),
    )
    .orderBy(courses.title)
  const tomorrow = new Date()
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1)
  tomorrow.setUTCHours(9, 30, 0, 0)
  const rows = Array.from({ length: benchEventCount }, (_, i) => {
    const course = offered[i % offered.length]!
    const startsAt = new Date(tomorrow.getTime() + Math.floor(i / 2) * 86_400_000 + (i % 2) * 4 * 3_600_000)
    const online = course.format === 'virtual'
    return {
      partnershipId,
      courseId: course.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
      venue: online ? null : venues[i % venues.length]!,
      joiningLink: online ? 'https://meet.example.org/bench' : null,
      capacity: 30,
      status: 'scheduled' as const,
    }
  })
  await insertInChunks(db, trainingEvents, rows)
}
