import { and, desc, eq } from 'drizzle-orm'
import { defineModule } from '../../platform/modules.ts'
import { formatDate } from '../../platform/views.ts'
import { bookingPageRoutes } from './booking-pages/routes.ts'
import { catalogueRoutes } from './catalogue/routes.ts'
import { courseRoutes } from './courses/routes.ts'
import { expireOfferJob } from './bookings/waiting-list.ts'
import { elearningRoutes } from './elearning/routes.ts'
import { demoImportId } from './elearning/seed.ts'
import { eventRoutes } from './events/routes.ts'
import { newsletterMatrixIds, newsletterRecordTypes } from './newsletters/module.ts'
import { newsletterPublicRoutes } from './newsletters/public-routes.ts'
import { newsletterRoutes } from './newsletters/routes.ts'
import { sendIssueJob } from './newsletters/sending.ts'
import { followUpJob } from './evaluation/follow-up.ts'
import { askForEvaluationsJob, askForEvaluationsSchedule } from './evaluation/requests.ts'
import { evaluationRoutes } from './evaluation/routes.ts'
import { staffBookingRoutes } from './bookings-staff/routes.ts'
import { chargeRoutes } from './charges/routes.ts'
import { learnerRoutes } from './learners/routes.ts'
import { settingsRoutes } from './settings/routes.ts'
import { staffMatrixIds } from './bookings-staff/matrix.ts'
import { bookingRecordFormats } from './bookings-staff/record-types.ts'
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
    'learning:newsletters': {
      description: 'Keep mailing lists, see their subscribers, and write and send newsletters',
      roles: { administrator: true, 'business-unit': true },
    },
    'learning:erase': {
      description: 'Erase a learner’s personal details at their request (data protection)',
      roles: { administrator: true, 'business-unit': true },
    },
  },
  routes: async (app) => {
    await app.register(courseRoutes)
    await app.register(eventRoutes)
    await app.register(catalogueRoutes)
    await app.register(newsletterRoutes)
    await app.register(newsletterPublicRoutes)
    await app.register(elearningRoutes)
    await app.register(evaluationRoutes)
    await app.register(bookingPageRoutes)
    await app.register(staffBookingRoutes)
    await app.register(learnerRoutes)
    await app.register(settingsRoutes)
    await app.register(chargeRoutes)
    await app.register(reachRoutes)
  },
  navigation: [
    { href: '/learning/events', text: 'Learning', permission: 'learning:read', order: 30 },
    { href: '/learning/newsletters', text: 'Newsletters', permission: 'learning:newsletters', order: 31 },
  ],
  publicNavigation: [
    { href: '/training', text: 'Training', order: 20 },
    { href: '/newsletters', text: 'Newsletters', order: 25 },
  ],
  jobs: [expireOfferJob, sendIssueJob, askForEvaluationsJob, followUpJob],
  recurring: [askForEvaluationsSchedule],
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
        trainers: 'Trainers',
        bookingOpensAt: 'Booking opens',
        bookingClosesAt: 'Booking closes',
        status: 'Status',
        cancelledReason: 'Why it was cancelled',
      },
      formats: {
        startsAt: formatDate,
        endsAt: formatDate,
        bookingOpensAt: formatDate,
        bookingClosesAt: formatDate,
        status: (v) => eventStatusLabels[v as EventStatus] ?? String(v),
      },
    },
    booking: {
      label: 'Booking',
      href: (id) => (id ? `/learning/bookings/${id}` : null),
      fields: {
        eventId: 'Event',
        learnerId: 'Learner',
        source: 'Booked through',
        sector: 'Sector',
        agencyId: 'Agency',
        status: 'Status',
        chargePence: 'Charge (pence)',
      },
      formats: bookingRecordFormats,
    },
    'waiting-list-entry': {
      label: 'Waiting list place',
      href: () => null,
      fields: { eventId: 'Event', learnerId: 'Learner', offerExpiresAt: 'Offer ends' },
      formats: { offerExpiresAt: formatDate },
    },
    learner: {
      label: 'Learner',
      href: (id) => (id ? `/learning/learners/${id}` : null),
      fields: {
        name: 'Name',
        email: 'Email',
        jobTitle: 'Job title',
        agencyId: 'Agency',
        sector: 'Sector',
        personId: 'Directory person',
      },
    },
    ...newsletterRecordTypes,
    'learning-agency-alias': {
      label: 'Agency name in e-learning completions',
      href: () => '/learning/e-learning/agencies',
      fields: { alias: 'Name', agency: 'Agency', completions: 'Completions matched' },
    },
    evaluation: {
      label: 'Evaluation',
      fields: {
        overallRating: 'Overall rating',
        confidenceBefore: 'Confidence before',
        confidenceAfter: 'Confidence after',
        willDoDifferently: 'What they will do differently',
        impact: 'Difference made to practice',
      },
    },
    'learning-settings': {
      label: 'Learning settings',
      href: () => '/learning/settings',
      fields: {
        cancellationCutOffWorkingDays: 'Cancellation cut-off (working days)',
        offerHours: 'Time to accept an offer (hours)',
        followUpWeeks: 'Follow-up after (weeks)',
        bookingTerms: 'Booking terms',
      },
    },
    'non-attendance-charges': {
      label: 'Non-attendance charges',
      href: () => '/learning/settings/charges',
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
      ...(await newsletterMatrixIds(db, partnershipId)),
      // The demo's e-learning import (elearning/seed.ts).
      '/learning/e-learning/imports/:batchId': await demoImportId(db, partnershipId),
      ...(await staffMatrixIds(db, partnershipId, event!.id)),
    }
  },
})
