import { and, desc, eq } from 'drizzle-orm'
import { defineModule } from '../../platform/modules.ts'
import { formatDate } from '../../platform/views.ts'
import { catalogueRoutes } from './catalogue/routes.ts'
import { courseRoutes } from './courses/routes.ts'
import { eventRoutes } from './events/routes.ts'
import { reachDates } from './reach/dates.ts'
import { reachFigures } from './reach/figures.ts'
import { reachRoutes } from './reach/routes.ts'
import { learningSection } from './reach/section.ts'
import { eventStatusLabels, formatLabels, levelLabels } from './labels.ts'
import { courses, trainingEvents, type CourseFormat, type CourseLevel, type EventStatus } from './schema.ts'
import { seedLearning } from './seed.ts'

/**
 * Learning and development: the training programme's courses and events. Bookings, attendance,
 * evaluation, e-learning, newsletters, the public catalogue and the report's section follow
 * (issue 12).
 */
export const learningModule = defineModule({
  name: 'learning',
  permissions: {
    'learning:read': {
      description: 'Read the training programme: courses and events',
      roles: {
        administrator: true,
        'business-unit': true,
        trainer: true,
        chair: true,
        'board-member': true,
        'read-only': true,
      },
    },
    'learning:manage': {
      description: 'Add and change courses, schedule, change, cancel and complete events',
      roles: { administrator: true, 'business-unit': true, trainer: true },
    },
  },
  routes: async (app) => {
    await app.register(courseRoutes)
    await app.register(eventRoutes)
    await app.register(catalogueRoutes)
    await app.register(reachRoutes)
  },
  navigation: [{ href: '/learning/events', text: 'Learning', permission: 'learning:read', order: 30 }],
  publicNavigation: [{ href: '/training', text: 'Training', order: 20 }],
  recordTypes: {
    course: {
      label: 'Course',
      href: (id) => (id ? `/learning/courses/${id}` : null),
      fields: {
        title: 'Title',
        summary: 'Summary',
        learningOutcomes: 'Learning outcomes',
        audience: 'Who it is for',
        level: 'Level',
        format: 'Format',
        durationMinutes: 'Duration (minutes)',
        active: 'Active',
        themes: 'Themes',
      },
      formats: {
        level: (v) => levelLabels[v as CourseLevel] ?? String(v),
        format: (v) => formatLabels[v as CourseFormat] ?? String(v),
      },
    },
    'training-event': {
      label: 'Training event',
      href: (id) => (id ? `/learning/events/${id}` : null),
      fields: {
        courseId: 'Course',
        startsAt: 'Starts',
        endsAt: 'Ends',
        venue: 'Venue',
        joiningLink: 'Joining link',
        capacity: 'Places',
        bookingClosesAt: 'Booking closes',
        status: 'Status',
        cancelledReason: 'Why it was cancelled',
      },
      formats: {
        startsAt: formatDate,
        endsAt: formatDate,
        bookingClosesAt: formatDate,
        status: (v) => eventStatusLabels[v as EventStatus] ?? String(v),
      },
    },
  },
  seed: seedLearning,
  figures: reachFigures,
  sections: [learningSection],
  // The years with events or e-learning on record, so the year pickers offer them.
  recordDates: reachDates,
  matrixIds: async (db, partnershipId) => {
    const [event] = await db
      .select({ id: trainingEvents.id, courseId: trainingEvents.courseId })
      .from(trainingEvents)
      .where(and(eq(trainingEvents.partnershipId, partnershipId), eq(trainingEvents.status, 'scheduled')))
      .orderBy(desc(trainingEvents.startsAt))
      .limit(1)
    const [course] = await db
      .select({ id: courses.id })
      .from(courses)
      .where(eq(courses.partnershipId, partnershipId))
      .limit(1)
    return {
      '/learning/courses/:id': course!.id,
      '/learning/events/:id': event!.id,
      // An upcoming event and its course: what the public catalogue shows.
      '/training/events/:id': event!.id,
      '/training/courses/:id': event!.courseId,
    }
  },
})
