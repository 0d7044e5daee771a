import { asc, eq } from 'drizzle-orm'
import { auditCycles } from '../audit-schema.ts'
import type { AssurancePart } from '../part.ts'
import { ownReturnPanel, overduePanel } from './home-panels.ts'
import { remindersJob, remindersSchedule } from './lifecycle.ts'
import { cycleRoutes } from './routes.ts'
import { cycleRecordType } from './service.ts'

/**
 * Audit cycles: created with a return per agency, opened (invitations through the outbox),
 * reminded daily (each reminder once per return), closed, and the overdue returns. The demo's
 * cycles are the results part's seed; this part seeds none.
 */
export const cyclesPart: AssurancePart = {
  routes: cycleRoutes,
  recordTypes: {
    [cycleRecordType]: {
      label: 'Audit cycle',
      href: (id) => (id ? `/assurance/cycles/${id}` : null),
      fields: {
        name: 'Name',
        startYear: 'Reporting year',
        opensOn: 'Opens',
        dueOn: 'Due',
        remindDaysBefore: 'Reminders before the due date (days)',
        remindDaysAfter: 'Reminders after the due date (days)',
        status: 'Status',
        framework: 'Framework',
        version: 'Framework version',
        returns: 'Returns',
        invitations: 'Invitations emailed',
        noEmail: 'No email for',
        closedWithDrafts: 'Returns still in draft',
        returnsClosed: 'Returns closed',
        agency: 'Agency',
      },
    },
  },
  homePanels: [overduePanel, ownReturnPanel],
  jobs: [remindersJob],
  recurring: [remindersSchedule],
  matrixIds: async (db, partnershipId): Promise<Record<string, string>> => {
    const [first] = await db
      .select({ id: auditCycles.id })
      .from(auditCycles)
      .where(eq(auditCycles.partnershipId, partnershipId))
      .orderBy(asc(auditCycles.createdAt))
      .limit(1)
    return first ? { '/assurance/cycles/:id': first.id } : {}
  },
}
