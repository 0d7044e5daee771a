import type { FastifyInstance } from 'fastify'
import { formRoute } from '../../../platform/form-route.ts'
import { listRoute, wholeList } from '../../../platform/list-route.ts'
import { returnRecordType } from '../access.ts'
import { closeSchema, openSchema } from './forms.ts'
import { closeCycle, draftReturns, openCycle, openingPlan, overdueReturns } from './lifecycle.ts'
import { cycleTexts, kindNames, overdueCsv, overdueRows } from './presenters.ts'
import { getCycle } from './service.ts'
import { sortedBy } from '../sort.ts'

const views = 'modules/assurance/cycles/views'
const manage = { permission: 'assurance:manage' as const }

/** Opening and closing a cycle (each a confirmation page), and the overdue returns. */
export async function lifecycleRoutes(app: FastifyInstance) {
  const db = app.db

  formRoute(app, {
    path: '/assurance/cycles/:id/open',
    access: manage,
    template: `${views}/cycle-open.njk`,
    schema: openSchema,
    context: async ({ actor, params }) => {
      const cycle = await getCycle(db, actor.partnershipId, params.id!)
      const plan = await openingPlan(db, actor, cycle)
      const emailCount = plan.returns.reduce((n, r) => n + r.recipients.length, 0)
      return { cycle, plan, emailCount, ...cycleTexts(cycle) }
    },
    initialValues: (_r, { cycle }) => ({ version: cycle.version }),
    save: async ({ actor }, { version }, { cycle }) => {
      const { sent } = await openCycle(db, actor, cycle, version, app.config.baseUrl)
      return `/assurance/cycles/${cycle.id}?opened=${sent}`
    },
  })

  formRoute(app, {
    path: '/assurance/cycles/:id/close',
    access: manage,
    template: `${views}/cycle-close.njk`,
    schema: closeSchema,
    context: async ({ actor, params }) => {
      const cycle = await getCycle(db, actor.partnershipId, params.id!)
      return { cycle, drafts: await draftReturns(db, actor, cycle.id) }
    },
    initialValues: (_r, { cycle }) => ({ version: cycle.version }),
    save: async ({ actor }, input, { cycle }) => {
      await closeCycle(db, actor, cycle, input)
      return `/assurance/cycles/${cycle.id}?closed=1`
    },
  })

  listRoute(app, {
    path: '/assurance/overdue',
    permission: 'assurance:read',
    confidential: { recordType: returnRecordType },
    template: `${views}/overdue.njk`,
    list: {
      columns: [
        { key: 'agencyName', text: 'Agency' },
        { key: 'cycleName', text: 'Cycle' },
        { key: 'kind', text: 'Kind' },
        { key: 'dueOn', text: 'Due' },
        { key: 'daysOverdue', text: 'Overdue by', format: 'numeric' },
      ],
      defaultSort: 'daysOverdue',
      defaultDirection: 'desc',
      download: '/assurance/overdue.csv',
      noun: ['overdue return', 'overdue returns'],
    },
    filter: () => ({}),
    load: async (actor, filter) => {
      const rows = await overdueReturns(db, actor)
      const value = (r: (typeof rows)[number]) => (filter.sort === 'kind' ? kindNames[r.kind] : r[filter.sort])
      return wholeList(sortedBy(rows, value, filter.direction))
    },
    rows: overdueRows,
    csv: overdueCsv,
  })
}
