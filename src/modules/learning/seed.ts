import { and, eq, inArray } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import type { SeedContext } from '../../platform/modules.ts'
import { themes } from '../themes/schema.ts'
import { seedElearning } from './elearning/seed.ts'
import { demoEvents } from './seed-current.ts'
import { demoCharges, seedDemoProgramme } from './seed-demo.ts'
import {
  courseThemes,
  courses,
  learningSettings,
  nonAttendanceCharges,
  trainingEvents,
  type CourseFormat,
  type CourseLevel,
} from './schema.ts'

/**
 * The demo's training programme: the courses a board like the seed paper's runs, the four
 * 2016/17 learning events on its themes and its annual conference, and upcoming dates so the
 * programme is alive today; the booking terms and the charges for non-attendance. Courses are tagged
 * with the themes they cover, so the case reviews' themes show the training on each. The demo partnership
 * also gets the programme at the seed paper's scale (seed-demo.ts): who booked and came, e-learning,
 * the mailing lists, and this year's bookings.
 */
const courseList: {
  title: string
  summary: string
  audience: string
  level: CourseLevel
  format: CourseFormat
  hours: number
  /** The default themes (themes/defaults.ts) it covers. */
  themes: string[]
}[] = [
  {
    title: 'Safeguarding children: an introduction',
    summary: 'Recognising the signs of abuse and neglect, and what to do when you are worried about a child.',
    audience: 'Everyone who works or volunteers with children and families',
    level: 'introductory',
    format: 'face-to-face',
    hours: 3,
    themes: ['Voice of the child', 'Thresholds'],
  },
  {
    title: 'Safeguarding children: e-learning',
    summary: 'The introduction to safeguarding children, online, at your own pace.',
    audience: 'Everyone who works or volunteers with children and families',
    level: 'introductory',
    format: 'e-learning',
    hours: 2,
    themes: ['Voice of the child', 'Thresholds'],
  },
  {
    title: 'Working together to safeguard children',
    summary: 'Multi-agency child protection: thresholds, referrals, strategy discussions, conferences and plans.',
    audience: 'Practitioners who work with children at risk of harm',
    level: 'intermediate',
    format: 'face-to-face',
    hours: 6,
    themes: ['Multi-agency working and planning', 'Thresholds', 'Information sharing'],
  },
  {
    title: 'Neglect: using the neglect toolkit',
    summary: 'Assessing neglect over time with the partnership’s toolkit, and acting before harm becomes entrenched.',
    audience: 'Practitioners working with families where there is neglect',
    level: 'intermediate',
    format: 'virtual',
    hours: 3,
    themes: ['Neglect'],
  },
  {
    title: 'Child sexual exploitation: recognising and responding',
    summary: 'Spotting exploitation, using the risk assessment tool, and working with the police to disrupt it.',
    audience: 'Practitioners working with adolescents',
    level: 'intermediate',
    format: 'face-to-face',
    hours: 3.5,
    themes: ['Child sexual exploitation', 'Adolescents at risk'],
  },
  {
    title: 'Domestic abuse, parental mental health and substance misuse',
    summary: 'Working with families where these risks meet, and what they mean for the child.',
    audience: 'Practitioners working with parents',
    level: 'advanced',
    format: 'face-to-face',
    hours: 6,
    themes: ['Domestic abuse', 'Parental mental health', 'Substance misuse'],
  },
  {
    title: 'Learning event: safeguarding risks online',
    summary: 'Learning from local reviews and audits about children’s safety online.',
    audience: 'The multi-agency workforce',
    level: 'intermediate',
    format: 'learning-event',
    hours: 3,
    themes: ['Online safety', 'Adolescents at risk'],
  },
  {
    title: 'Learning event: relationships and identity',
    summary: 'Learning about relationships, identity and the adolescents we work with.',
    audience: 'The multi-agency workforce',
    level: 'intermediate',
    format: 'learning-event',
    hours: 3,
    themes: ['Relationships and identity', 'Adolescents at risk', 'Child sexual exploitation'],
  },
  {
    title: 'Learning event: working with children with disability',
    summary:
      'The increased risks for disabled children and children with special educational needs, and how to see them.',
    audience: 'The multi-agency workforce',
    level: 'intermediate',
    format: 'learning-event',
    hours: 3,
    themes: ['Children with learning disabilities', 'Behaviour and special educational needs'],
  },
  {
    title: 'Learning event: working with neglect',
    summary: 'What local reviews teach about neglect that is embedded in a family’s life.',
    audience: 'The multi-agency workforce',
    level: 'intermediate',
    format: 'learning-event',
    hours: 3,
    themes: ['Neglect', 'Professional curiosity'],
  },
  {
    title: 'Annual safeguarding conference',
    summary: 'The partnership’s yearly conference: what the year’s reviews, audits and data tell us.',
    audience: 'The multi-agency workforce',
    level: 'intermediate',
    format: 'conference',
    hours: 6,
    themes: [
      'Fathers and male carers',
      'Parental mental health',
      'Substance misuse',
      'Multi-agency working and planning',
      'Domestic abuse',
    ],
  },
]

/** [course, London date, start, end, venue or null for online, places]. */
const eventList: [string, string, string, string, string | null, number][] = [
  ['Learning event: safeguarding risks online', '2016-06-15', '09:30', '12:30', 'Oxford Town Hall', 160],
  ['Learning event: relationships and identity', '2016-09-21', '09:30', '12:30', 'Oxford Town Hall', 160],
  [
    'Learning event: working with children with disability',
    '2016-11-23',
    '09:30',
    '12:30',
    'Kassam Stadium conference centre',
    160,
  ],
  ['Learning event: working with neglect', '2017-02-15', '13:30', '16:30', 'Oxford Town Hall', 160],
  ['Annual safeguarding conference', '2017-03-09', '09:00', '16:00', 'Kassam Stadium conference centre', 250],
  ['Safeguarding children: an introduction', '2016-05-10', '09:30', '12:30', 'County Hall, Oxford', 30],
  ['Working together to safeguard children', '2016-07-05', '09:30', '16:30', 'Abingdon Guildhall', 25],
  ['Neglect: using the neglect toolkit', '2016-10-12', '13:30', '16:30', null, 40],
  ['Safeguarding children: an introduction', '2027-01-19', '09:30', '12:30', 'County Hall, Oxford', 30],
  ['Working together to safeguard children', '2027-02-09', '09:30', '16:30', 'Banbury Town Hall', 25],
  ['Neglect: using the neglect toolkit', '2027-02-24', '13:30', '16:30', null, 40],
  ['Child sexual exploitation: recognising and responding', '2027-03-10', '09:30', '13:00', 'County Hall, Oxford', 30],
]

const bookingTerms = `Training is free to everyone who works or volunteers with children in the county.

- If you cannot come, cancel from the link in your confirmation email **at least 2 working days before** the
  course, so that someone else can have your place.
- Late cancellations and no-shows are recorded against you and your agency. Agencies that do not fund the
  Board are charged £50 for each.
- Please arrive ten minutes early: if you arrive more than fifteen minutes late we may not be able to let you in.`

export async function seedLearning(db: Database, context: SeedContext) {
  const { partnershipId, bulk } = context
  const inserted = await db
    .insert(courses)
    .values(
      courseList.map(({ hours, themes: _, ...course }) => ({
        ...course,
        partnershipId,
        durationMinutes: Math.round(hours * 60),
      })),
    )
    .returning({ id: courses.id, title: courses.title, format: courses.format })
  const courseIds = new Map(inserted.map((c) => [c.title, { id: c.id, format: c.format }]))
  await tagCourses(db, partnershipId, courseIds)
  const now = new Date()
  const events = await db
    .insert(trainingEvents)
    .values(demoEvents(eventList, partnershipId, courseIds, now))
    .returning()
  await db.insert(learningSettings).values({ partnershipId, bookingTerms })
  await db
    .insert(nonAttendanceCharges)
    .values(
      Object.entries(demoCharges).map(([agencyType, amountPence]) => ({ partnershipId, agencyType, amountPence })),
    )
  if (bulk) await seedDemoProgramme(db, { partnershipId, courseIds, events, now })
  await seedElearning(db, context)
}

/** Each demo course's themes, by name; a theme the partnership no longer has is left off. */
async function tagCourses(db: Database, partnershipId: string, courseIds: ReadonlyMap<string, { id: string }>) {
  const names = [...new Set(courseList.flatMap((c) => c.themes))]
  const found = await db
    .select({ id: themes.id, name: themes.name })
    .from(themes)
    .where(and(eq(themes.partnershipId, partnershipId), inArray(themes.name, names)))
  const themeIds = new Map(found.map((t) => [t.name, t.id]))
  const rows = courseList.flatMap((course) =>
    course.themes
      .filter((name) => themeIds.has(name))
      .map((name) => ({ partnershipId, courseId: courseIds.get(course.title)!.id, themeId: themeIds.get(name)! })),
  )
  if (rows.length) await db.insert(courseThemes).values(rows)
}
