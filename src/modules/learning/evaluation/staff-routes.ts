import type { FastifyInstance } from 'fastify'
import { sendCsv } from '../../../platform/exports.ts'
import { NotFoundError } from '../../../platform/errors.ts'
import { requireActor } from '../../../platform/http.ts'
import { londonParts } from '../../../platform/london-time.ts'
import { formatDate } from '../../../platform/views.ts'
import { getCourse } from '../courses/service.ts'
import { getEvent } from '../events/service.ts'
import { attendee } from './attendees.ts'
import { certificateAvailable, sendCertificate } from './certificate.ts'
import { answerLists, distributionRows, eventResultRows, resultsCsv, summaryRows } from './presenters.ts'
import { evaluationResults, type Results } from './results.ts'

const views = 'modules/learning/views'

const slug = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

function resultsView(results: Results) {
  return {
    summary: results.summary,
    summaryRows: summaryRows(results.summary),
    distributionRows: distributionRows(results.summary),
    eventRows: eventResultRows(results.events),
    answers: answerLists(results.answers),
  }
}

/**
 * Staff pages: an event's and a course's evaluation results (no names, so `learning:read`), and a
 * booking's certificate (personal data, so `learning:manage`).
 */
export async function evaluationStaffRoutes(app: FastifyInstance) {
  const db = app.db

  app.get('/learning/events/:id/evaluation', { config: { permission: 'learning:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const event = await getEvent(db, actor.partnershipId, (request.params as { id: string }).id)
    const results = await evaluationResults(db, actor.partnershipId, { eventId: event.id })
    return reply.view(`${views}/evaluation-results.njk`, {
      title: event.courseTitle,
      caption: `Evaluation of the event on ${formatDate(event.startsAt)}`,
      back: { href: `/learning/events/${event.id}`, text: 'Event' },
      downloadHref: `/learning/events/${event.id}/evaluation.csv`,
      ...resultsView(results),
    })
  })

  app.get(
    '/learning/events/:id/evaluation.csv',
    { config: { permission: 'learning:read' } },
    async (request, reply) => {
      const actor = requireActor(request)
      const event = await getEvent(db, actor.partnershipId, (request.params as { id: string }).id)
      const results = await evaluationResults(db, actor.partnershipId, { eventId: event.id })
      const name = `evaluation-${slug(event.courseTitle)}-${londonParts(event.startsAt).date}.csv`
      return sendCsv(reply, name, resultsCsv(results.answers))
    },
  )

  app.get('/learning/courses/:id/evaluation', { config: { permission: 'learning:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const course = await getCourse(db, actor.partnershipId, (request.params as { id: string }).id)
    const results = await evaluationResults(db, actor.partnershipId, { courseId: course.id })
    return reply.view(`${views}/evaluation-results.njk`, {
      title: course.title,
      caption: 'Evaluation of every event of this course',
      back: { href: `/learning/courses/${course.id}`, text: 'Course' },
      downloadHref: `/learning/courses/${course.id}/evaluation.csv`,
      isCourse: true,
      ...resultsView(results),
    })
  })

  app.get(
    '/learning/courses/:id/evaluation.csv',
    { config: { permission: 'learning:read' } },
    async (request, reply) => {
      const actor = requireActor(request)
      const course = await getCourse(db, actor.partnershipId, (request.params as { id: string }).id)
      const results = await evaluationResults(db, actor.partnershipId, { courseId: course.id })
      return sendCsv(reply, `evaluation-${slug(course.title)}.csv`, resultsCsv(results.answers))
    },
  )

  app.get(
    '/learning/bookings/:id/certificate',
    { config: { permission: 'learning:manage' } },
    async (request, reply) => {
      const actor = requireActor(request)
      const bookingId = (request.params as { id: string }).id
      const who = await attendee(db, actor.partnershipId, bookingId)
      if (!who) throw new NotFoundError()
      if (!(await certificateAvailable(db, actor.partnershipId, bookingId))) {
        return reply.code(409).view('views/errors/problem.njk', {
          title: 'The certificate is not available yet',
          message:
            'A certificate is available once the booking is marked as attended and the attendee has returned their evaluation.',
          link: { href: `/learning/events/${who.eventId}`, text: 'Go to the event' },
        })
      }
      return sendCertificate(reply, who)
    },
  )
}
