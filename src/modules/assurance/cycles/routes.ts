import type { FastifyInstance } from 'fastify'
import { afterSave, formRoute, savedBanner } from '../../../platform/form-route.ts'
import { dateParts } from '../../../platform/forms.ts'
import { requireActor } from '../../../platform/http.ts'
import { listRoute, wholeList } from '../../../platform/list-route.ts'
import type { Query } from '../../../platform/lists.ts'
import { can } from '../../../platform/permissions.ts'
import { formatYear, yearContaining } from '../../../platform/reporting-years.ts'
import { todayInLondon } from '../../actions/service.ts'
import { getPartnership } from '../../partnership/settings/service.ts'
import { reportYears } from '../../reports/years.ts'
import { returnRecordType } from '../access.ts'
import { frameworkKinds, type FrameworkKind } from '../audit-schema.ts'
import { listFrameworks } from '../frameworks/service.ts'
import { kindLabels } from '../frameworks/presenters.ts'
import { addAgencySchema, cycleDates, editCycleSchema, newCycleSchema } from './forms.ts'
import { lifecycleRoutes } from './lifecycle-routes.ts'
import { cycleCsv, cycleRows, cycleTexts, daysText, kindNames, returnRows, yearItems } from './presenters.ts'
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
const isKind = (value: unknown): value is FrameworkKind => frameworkKinds.includes(value as FrameworkKind)
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
    filter: (query) => ({
      year: /^\d{4}$/.test(query.year ?? '') ? Number(query.year) : null,
      kind: isKind(query.kind) ? query.kind : null,
    }),
    load: async (actor, filter) => {
      const [rows, { yearStartMonth }] = await Promise.all([
        listCycles(db, actor, { startYear: filter.year, kind: filter.kind }),
        getPartnership(db, actor.partnershipId),
      ])
      const listed = rows.map((r) => ({ ...r, year: formatYear(r.startYear, yearStartMonth) }))
      return wholeList(sortedBy(listed, (r) => r[filter.sort], filter.direction))
    },
    rows: (rows) => cycleRows(rows),
    csv: cycleCsv,
    context: async (actor, query) => {
      const [years, { yearStartMonth }] = await Promise.all([
        cycleYears(db, actor.partnershipId),
        getPartnership(db, actor.partnershipId),
      ])
      return {
        yearItems: [{ value: '', text: 'Every year' }, ...yearItems(years, yearStartMonth)],
        year: query.year ?? '',
        kindItems: [
          { value: '', text: 'Every kind' },
          ...Object.entries(kindNames).map(([value, text]) => ({ value, text })),
        ],
        kind: isKind(query.kind) ? query.kind : '',
      }
    },
  })

  /**
   * The years a cycle can be for: those the year pickers offer (every year any module holds records
   * for, to this one) and the next, named by the partnership's own year start month.
   */
  const startYears = async (partnershipId: string) => {
    const { years, startMonth } = await reportYears(db, app.registry, partnershipId)
    const starts = years.map((y) => y.startYear)
    return {
      items: yearItems([starts[0]! + 1, ...starts], startMonth),
      current: yearContaining(todayInLondon(), startMonth).startYear,
    }
  }

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
      const years = await startYears(actor.partnershipId)
      return {
        frameworks: frameworks.map((f) => ({ ...f, kindLabel: kindLabels[f.kind] })),
        framework,
        agencyItems: agencies.map((a) => ({ value: a.id, text: a.name })),
        yearItems: years.items,
        currentYear: years.current,
      }
    },
    initialValues: (_r, { framework, agencyItems, currentYear }) => ({
      startYear: String(currentYear),
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
