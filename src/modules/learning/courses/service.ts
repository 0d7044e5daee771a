import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { insertAudited, updateAudited } from '../../../platform/audited-writes.ts'
import { NotFoundError } from '../../../platform/errors.ts'
import { matchesWords } from '../../../platform/lists.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { replaceThemeTags, themeNames, validateThemeIds } from '../../themes/index.ts'
import { courseThemes, courses, trainingEvents, type CourseFormat, type CourseLevel } from '../schema.ts'

/** The training programme's courses: what is taught, to whom, how and for how long. */

export interface CourseInput {
  title: string
  summary: string
  learningOutcomes: string
  audience: string
  level: CourseLevel
  format: CourseFormat
  durationMinutes: number
  themeIds: string[]
  active: boolean
}

export interface CourseFilter {
  search?: string
  format?: CourseFormat
  status?: 'active' | 'retired'
  sort: 'title' | 'format' | 'events'
  direction: 'asc' | 'desc'
}

export async function listCourses(db: Database, actor: Actor, filter: CourseFilter) {
  const conditions: (SQL | undefined)[] = [eq(courses.partnershipId, actor.partnershipId)]
  if (filter.search) conditions.push(matchesWords(filter.search, [courses.title, courses.summary]))
  if (filter.format) conditions.push(eq(courses.format, filter.format))
  if (filter.status) conditions.push(eq(courses.active, filter.status === 'active'))
  const upcoming = db
    .select({ courseId: trainingEvents.courseId, count: sql<number>`count(*)::int`.as('count') })
    .from(trainingEvents)
    .where(
      and(
        eq(trainingEvents.partnershipId, actor.partnershipId),
        eq(trainingEvents.status, 'scheduled'),
        sql`${trainingEvents.startsAt} >= now()`,
      ),
    )
    .groupBy(trainingEvents.courseId)
    .as('upcoming')
  const upcomingCount = sql<number>`coalesce(${upcoming.count}, 0)`
  const order = { title: courses.title, format: courses.format, events: upcomingCount }[filter.sort]
  return db
    .select({
      id: courses.id,
      title: courses.title,
      format: courses.format,
      level: courses.level,
      durationMinutes: courses.durationMinutes,
      active: courses.active,
      upcomingCount,
    })
    .from(courses)
    .leftJoin(upcoming, eq(upcoming.courseId, courses.id))
    .where(and(...conditions))
    .orderBy(filter.direction === 'desc' ? desc(order) : asc(order), asc(courses.title))
}

export async function getCourse(db: Database, partnershipId: string, id: string) {
  const [row] = await db
    .select()
    .from(courses)
    .where(and(eq(courses.partnershipId, partnershipId), eq(courses.id, id)))
  if (!row) throw new NotFoundError()
  return row
}

const duplicate = { title: 'There is already a course with this title' }

const tags = { table: courseThemes, record: courseThemes.courseId }

/** The ids of the themes a course is tagged with. */
export async function courseThemeIds(db: Database, courseId: string) {
  const rows = await db
    .select({ id: courseThemes.themeId })
    .from(courseThemes)
    .where(eq(courseThemes.courseId, courseId))
  return rows.map((r) => r.id)
}

export async function createCourse(db: Database, actor: Actor, input: CourseInput) {
  const chosen = await validateThemeIds(db, actor.partnershipId, input.themeIds)
  const { themeIds, ...values } = input
  return insertAudited(db, actor, courses, values, {
    recordType: 'course',
    summary: `Added the course ${input.title}`,
    conflict: duplicate,
    after: { ...values, themes: chosen.map((t) => t.name).join(', ') },
    alsoWrite: (tx, id) => replaceThemeTags(tx, tags, actor.partnershipId, id, themeIds),
  })
}

export async function updateCourse(db: Database, actor: Actor, id: string, version: number, input: CourseInput) {
  const before = await getCourse(db, actor.partnershipId, id)
  const kept = await courseThemeIds(db, id)
  const chosen = await validateThemeIds(db, actor.partnershipId, input.themeIds, { kept })
  const { themeIds, ...set } = input
  return updateAudited(
    db,
    actor,
    courses,
    {
      id,
      version,
      before,
      set,
      described: {
        before: { themes: (await themeNames(db, kept)).join(', ') },
        after: { themes: chosen.map((t) => t.name).join(', ') },
      },
      alsoWrite: (tx) => replaceThemeTags(tx, tags, actor.partnershipId, id, themeIds),
    },
    { recordType: 'course', summary: `Changed the course ${input.title}`, conflict: duplicate },
  )
}

/** Active courses for choosing when scheduling an event (and the one already chosen, even if retired). */
export function courseOptions(db: Database, partnershipId: string, includeId?: string) {
  return db
    .select({ id: courses.id, title: courses.title, format: courses.format, durationMinutes: courses.durationMinutes })
    .from(courses)
    .where(
      and(
        eq(courses.partnershipId, partnershipId),
        includeId ? sql`(${courses.active} or ${courses.id} = ${includeId})` : eq(courses.active, true),
      ),
    )
    .orderBy(asc(courses.title))
}
