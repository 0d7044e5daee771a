import type { FastifyInstance } from 'fastify'
import { afterSave, formRoute, savedBanner } from '../../../platform/form-route.ts'
import { dateParts } from '../../../platform/forms.ts'
import { requireActor } from '../../../platform/http.ts'
import { listRoute, wholeList } from '../../../platform/list-route.ts'
import type { Query } from '../../../platform/lists.ts'
import { can } from '../../../platform/permissions.ts'
import { yearContaining } from '../../../platform/reporting-years.ts'
import { todayInLondon } from '../../actions/service.ts'
import { returnRecordType } from '../access.ts'
import { listFrameworks } from '../frameworks/service.ts'
import { kindLabels } from '../frameworks/presenters.ts'
import { addAgencySchema, cycleDates, editCycleSchema, newCycleSchema } from './forms.ts'
import { lifecycleRoutes } from './lifecycle-routes.ts'
import { cycleCsv, cycleRows, cycleTexts, daysText, returnRows, yearItems } from './presenters.ts'
import {
  addAgency,
  agenciesFor,
  createCycle,
  cycleReturns,
  cycleYears,
  getCycle,
  listCycles,
  updateCycle,
} from './service.ts'
import { sortedBy } from '../sort.ts'

const views = 'modules/assurance/cycles/views'
export const cyclesPath = '/assurance/cycles'
const read = { permission: 'assurance:read' as const }
const manage = { permission: 'assurance:manage' as const }
/** A page that lists or counts returns without holding one's id: its queries filter by the return's scope. */
const returnsListed = { recordType: returnRecordType, param: null }

export async function cycleRoutes(app: FastifyInstance) {
  const db = app.db

  listRoute(app, {
    path: cyclesPath,
    permission: 'assurance:read',
    confidential: { recordType: returnRecordType },
    template: `${views}/cycles.njk`,
    list: {
      columns: [
        { key: 'name', text: 'Cycle' },
        { key: 'kind', text: 'Kind' },
        { key: 'startYear', text: 'Year' },
        { key: 'opensOn', text: 'Opens' },
        { key: 'dueOn', text: 'Due' },
        { key: 'status', text: 'Status' },
        { key: 'due', text: 'Returns', format: 'numeric' },
        { key: 'submitted', text: 'Submitted', format: 'numeric' },
        { key: 'moderated', text: 'Moderated', format: 'numeric' },
      ],
      defaultSort: 'dueOn',
      defaultDirection: 'desc',
      download: `${cyclesPath}.csv`,
      noun: ['cycle', 'cycles'],
    },
    filter: (query) => ({ year: /^\d{4}$/.test(query.year ?? '') ? Number(query.year) : null }),
    load: async (actor, filter) => {
      const rows = await listCycles(db, actor, filter.year)
      return wholeList(sortedBy(rows, (r) => r[filter.sort], filter.direction))
    },
    rows: (rows) => cycleRows(rows),
    csv: cycleCsv,
    context: async (actor, query) => ({
      yearItems: [
        { value: '', text: 'Every year' },
        ...(await cycleYears(db, actor.partnershipId)).map((y) => ({
          value: String(y),
          text: `${y}/${String((y + 1) % 100).padStart(2, '0')}`,
        })),
      ],
      year: query.year ?? '',
    }),
  })

  formRoute(app, {
    path: `${cyclesPath}/new`,
    access: { ...manage, confidential: returnsListed },
    template: `${views}/cycle-new.njk`,
    schema: newCycleSchema,
    extra: cycleDates,
    fieldOrder: ['name', 'startYear', 'opensOn-day', 'dueOn-day', 'remindDaysBefore', 'remindDaysAfter', 'agencyIds'],
    context: async ({ actor, query }) => {
      const frameworks = await listFrameworks(db, actor.partnershipId)
      const framework = frameworks.find((f) => f.id === query.framework) ?? null
      const agencies = framework ? await agenciesFor(db, actor.partnershipId, framework.kind) : []
      return {
        frameworks: frameworks.map((f) => ({ ...f, kindLabel: kindLabels[f.kind] })),
        framework,
        agencyItems: agencies.map((a) => ({ value: a.id, text: a.name })),
        yearItems: yearItems(yearContaining(todayInLondon()).startYear),
      }
    },
    initialValues: (_r, { framework, agencyItems }) => ({
      startYear: String(yearContaining(todayInLondon()).startYear),
      remindDaysBefore: '14, 7',
      remindDaysAfter: '1, 7',
      // The schools' audit goes to every school unless some are taken out.
      agencyIds: framework?.kind === 'schools' ? agencyItems.map((a) => a.value) : [],
    }),
    save: async ({ actor, query }, input) => {
      const id = await createCycle(db, actor, { ...input, frameworkId: query.framework ?? '' })
      return `${cyclesPath}/${id}?created=1`
    },
  })

  app.get<{ Params: { id: string } }>(`${cyclesPath}/:id`, { config: read }, async (request, reply) => {
    const actor = requireActor(request)
    const query = request.query as Query
    const cycle = await getCycle(db, actor.partnershipId, request.params.id)
    const returns = await cycleReturns(db, actor, cycle.id)
    const today = todayInLondon()
    const late = cycle.status === 'open' && cycle.dueOn < today
    const overdue = (r: { status: string }) => late && r.status === 'draft'
    return reply.view(`${views}/cycle.njk`, {
      cycle,
      rows: returnRows(returns, overdue),
      counts: {
        due: returns.length,
        submitted: returns.filter((r) => r.status !== 'draft').length,
        overdue: returns.filter(overdue).length,
      },
      canManage: can(actor, 'assurance:manage'),
      ...cycleTexts(cycle),
      banner: cycleBanner(query),
    })
  })

  formRoute(app, {
    path: `${cyclesPath}/:id/edit`,
    access: manage,
    template: `${views}/cycle-edit.njk`,
    schema: editCycleSchema,
    extra: cycleDates,
    fieldOrder: ['name', 'opensOn-day', 'dueOn-day', 'remindDaysBefore', 'remindDaysAfter'],
    context: async ({ actor, params }) => ({ cycle: await getCycle(db, actor.partnershipId, params.id!) }),
    initialValues: (_r, { cycle }) => ({
      version: cycle.version,
      name: cycle.name,
      ...dateParts(cycle.opensOn, 'opensOn'),
      ...dateParts(cycle.dueOn, 'dueOn'),
      remindDaysBefore: daysText(cycle.remindDaysBefore),
      remindDaysAfter: daysText(cycle.remindDaysAfter),
    }),
    save: async ({ actor }, { version, ...input }, { cycle }) =>
      afterSave(`${cyclesPath}/${cycle.id}`, await updateCycle(db, actor, cycle, version, input)),
  })

  formRoute(app, {
    path: `${cyclesPath}/:id/agencies`,
    access: manage,
    template: `${views}/cycle-agency.njk`,
    schema: addAgencySchema,
    context: async ({ actor, params }) => {
      const cycle = await getCycle(db, actor.partnershipId, params.id!)
      const agencies = await agenciesFor(db, actor.partnershipId, cycle.framework.kind)
      return { cycle, agencyItems: [{ value: '', text: '' }, ...agencies.map((a) => ({ value: a.id, text: a.name }))] }
    },
    initialValues: () => ({}),
    save: async ({ actor }, { agencyId }, { cycle }) => {
      const added = await addAgency(db, actor, cycle, agencyId)
      return `${cyclesPath}/${cycle.id}?added=${encodeURIComponent(added.agencyName)}`
    },
  })

  await lifecycleRoutes(app)
}

function cycleBanner(query: Query) {
  if (query.created) return 'Cycle created with a return for each agency taking part'
  if (query.added) return `Return added for ${query.added}`
  if (query.opened !== undefined)
    return `Cycle opened: ${query.opened} ${query.opened === '1' ? 'invitation' : 'invitations'} emailed`
  if (query.closed) return 'Cycle closed'
  return savedBanner(query, 'Cycle saved')
}
