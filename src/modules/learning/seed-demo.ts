import { eq } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import { insertInChunks } from '../../platform/imports/insert.ts'
import { agencies } from '../partnership/schema.ts'
import { currentBookings, currentEvents } from './seed-current.ts'
import { agencyAliasRows, completions, recentCompletions } from './seed-elearning.ts'
import { newsletters } from './seed-newsletters.ts'
import { programmeBookings, programmeEvents, type CourseRef, type EventRow } from './seed-programme.ts'
import { seededRandom } from './seed-random.ts'
import { workforce } from './seed-workforce.ts'
import {
  agencyAliases,
  bookings,
  elearningCompletions,
  evaluations,
  learners,
  mailingLists,
  newsletterIssues,
  subscriptions,
  trainingEvents,
  waitingListEntries,
} from './schema.ts'

/**
 * The demo at the seed paper's scale (tens of thousands of rows): the 2016/17 programme, who
 * came, e-learning, the mailing lists; and this year's dates with their bookings. Everything is
 * made in memory from a seeded random stream, then loaded in bulk, a few statements per table
 * (`insertInChunks`: one `INSERT … SELECT FROM unnest(…)` per 20,000 rows). Demo rows are not
 * audited one by one: the audit log records that the demo partnership was loaded.
 *
 * The 2016/17 figures come out the same on every start (test/learning-demo.test.ts):
 * 158 events delivered, `peopleTrained2016` distinct people trained, four learning events of
 * 142–152 delegates, 4,286 termly newsletter subscribers at the year's end and three issues.
 */
export const peopleTrained2016 = 9_436

/** The charge for a late cancellation or no-show, by agency type; `none` is anyone not in the directory. */
export const demoCharges: Record<string, number> = {
  education: 5000,
  'voluntary-and-community-sector': 5000,
  military: 5000,
  other: 5000,
  none: 5000,
}

export interface DemoProgrammeInput {
  partnershipId: string
  courseIds: ReadonlyMap<string, CourseRef>
  /** The small seed's events (learning events, conference and a few dates), already inserted. */
  events: readonly EventRow[]
  /** Today, for which of this year's dates have run. */
  now?: Date
}

export async function seedDemoProgramme(db: Database, input: DemoProgrammeInput) {
  const { partnershipId, courseIds, now = new Date() } = input
  const directory = await db
    .select({ id: agencies.id, name: agencies.name, type: agencies.type, funds: agencies.contributesFunding })
    .from(agencies)
    .where(eq(agencies.partnershipId, partnershipId))
  const agencyIds = new Map(directory.map((a) => [a.name, a.id]))
  const agencyNames = new Map(directory.map((a) => [a.id, a.name]))
  const agencyById = new Map(directory.map((a) => [a.id, a]))
  const chargeFor = (agencyId: string | null) => {
    const agency = agencyId ? agencyById.get(agencyId) : null
    if (agency?.funds) return 0
    return demoCharges[agency ? agency.type : 'none'] ?? 0
  }
  const formatOf = new Map([...courseIds.values()].map((c) => [c.id, c.format]))

  // 2016/17, from one seeded stream: the same every time.
  const random = seededRandom(2016)
  const people = workforce(random, partnershipId, agencyIds)
  const yearStart = new Date('2016-03-31T23:00:00Z')
  const yearEnd = new Date('2017-03-31T23:00:00Z')
  const generated = programmeEvents(random, partnershipId, courseIds)
  const year = [...input.events.filter((e) => e.startsAt >= yearStart && e.startsAt < yearEnd), ...generated]
    .map((event) => ({ ...event, format: formatOf.get(event.courseId)! }))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
  const programme = programmeBookings(random, { partnershipId, people, chargeFor }, year)
  const attended = new Set(programme.bookings.filter((b) => b.status === 'attended').map((b) => b.learnerId))
  const online = completions(random, partnershipId, {
    attended: programme.learners.filter((l) => attended.has(l.id)),
    onlineOnly: peopleTrained2016 - attended.size,
    people,
    agencyNames,
  })
  const known = [...programme.learners, ...online.learners]
  const lists = newsletters(random, partnershipId, { learners: known, people, now })

  // This year, from a stream of its own, since what has run depends on today.
  const thisYear = seededRandom(2026)
  const base = input.events.filter((e) => e.startsAt >= new Date('2026-04-01T00:00:00Z'))
  const added = currentEvents(partnershipId, courseIds, now)
  const dates = [...base, ...added].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
  const full = dates.find((e) => formatOf.get(e.courseId) === 'face-to-face' && e.status === 'scheduled')
  const current = currentBookings(thisYear, { partnershipId, people, chargeFor, now }, dates, known, full?.id ?? null)
  const aprilThisYear = '2026-04-01'
  const daysSoFar = Math.floor((now.getTime() - new Date(`${aprilThisYear}T00:00:00Z`).getTime()) / 86_400_000)
  const recent = recentCompletions(thisYear, partnershipId, known, agencyNames, aprilThisYear, Math.min(daysSoFar, 365))

  await insertInChunks(db, learners, [...known, ...current.learners])
  await insertInChunks(db, trainingEvents, [...generated, ...added])
  await insertInChunks(db, bookings, [...programme.bookings, ...current.bookings])
  await insertInChunks(db, evaluations, programme.evaluations)
  await insertInChunks(db, agencyAliases, agencyAliasRows(partnershipId, agencyIds))
  await insertInChunks(db, elearningCompletions, [...online.completions, ...recent])
  await insertInChunks(db, mailingLists, lists.lists)
  await insertInChunks(db, subscriptions, lists.subscriptions)
  await insertInChunks(db, newsletterIssues, lists.issues)
  await insertInChunks(db, waitingListEntries, current.waiting)
}
