import type { FastifyInstance } from 'fastify'
import { formRoute } from '../../../platform/form-route.ts'
import { requireActor } from '../../../platform/http.ts'
import { eventSummary, whenText } from '../events/presenters.ts'
import { getEvent } from '../events/service.ts'
import { attendanceSchema } from './forms.ts'
import { markingRows, signInRows } from './presenters.ts'
import { canMarkAttendance, recordAttendance, registerRows } from './register.ts'

const views = 'modules/learning/bookings-staff/views'
const access = { permission: 'learning:manage' } as const

/**
 * The attendance register: a sign-in sheet to print (a plain page; the print stylesheet drops the
 * service's menus), and the marking form, open once the event has started.
 */
export async function registerRoutes(app: FastifyInstance) {
  const db = app.db

  app.get('/learning/events/:id/register', { config: access }, async (request, reply) => {
    const actor = requireActor(request)
    const event = await getEvent(db, actor.partnershipId, (request.params as { id: string }).id)
    const rows = await registerRows(db, actor.partnershipId, event.id)
    return reply.view(`${views}/sign-in-sheet.njk`, {
      event,
      when: whenText(event.startsAt, event.endsAt),
      rows: signInRows(rows),
      canMark: canMarkAttendance(event),
    })
  })

  formRoute(app, {
    path: '/learning/events/:id/attendance',
    access,
    template: `${views}/attendance.njk`,
    schema: attendanceSchema,
    context: async ({ actor, params, query }) => {
      const event = await getEvent(db, actor.partnershipId, params.id!)
      const rows = await registerRows(db, actor.partnershipId, event.id)
      return {
        event,
        summary: eventSummary(event),
        canMark: canMarkAttendance(event),
        groups: markingRows(rows),
        flash:
          query.saved === undefined
            ? null
            : `Attendance saved (${query.saved} ${query.saved === '1' ? 'change' : 'changes'})`,
      }
    },
    initialValues: () => ({}),
    save: async ({ actor }, marks, { event }) => {
      const changed = await recordAttendance(db, actor, event.id, marks)
      return `/learning/events/${event.id}/attendance?saved=${changed}`
    },
  })
}
