import type { FastifyInstance } from 'fastify'
import { ValidationError } from '../../../platform/errors.ts'
import { afterSave, formRoute, savedBanner } from '../../../platform/form-route.ts'
import { version } from '../../../platform/forms.ts'
import { requireActor } from '../../../platform/http.ts'
import { listRoute, wholeList } from '../../../platform/list-route.ts'
import { oneOf, type Query } from '../../../platform/lists.ts'
import { can } from '../../../platform/permissions.ts'
import { parseYear, reportingYear, yearContaining, yearSlug } from '../../../platform/reporting-years.ts'
import { yearStartMonth } from '../../partnership/year-filters.ts'
import {
  actionFilters,
  actionsAtYearEnd,
  matchesActionFilter,
  matchesEvaluation,
  planOfYear,
  type YearEndAction,
} from './figures.ts'
import { planSchema, reviewSchema } from './forms.ts'
import { evaluationFilters } from './labels.ts'
import {
  filterText,
  markdownHtml,
  planCsv,
  planRows,
  priorityCards,
  yearEndActionCsv,
  yearEndActionRows,
  yearItems,
} from './presenters.ts'
import { priorityRoutes } from './priority-routes.ts'
import {
  changeReview,
  createPlan,
  getPlan,
  indicatorScores,
  listPlans,
  nextPlanYear,
  openYears,
  planHref,
  yearFromSlug,
  type PlanSort,
} from './service.ts'

const views = 'modules/performance/plan/views'

/** The business plan: the plans by year, a year's plan, creating one, what the year taught, and its actions. */
export async function planRoutes(app: FastifyInstance) {
  const db = app.db
  const startMonthOf = (partnershipId: string) => yearStartMonth(db, partnershipId)

  listRoute(app, {
    path: '/business-plan',
    permission: 'performance:read',
    template: `${views}/plans.njk`,
    list: {
      columns: [
        { key: 'year', text: 'Year' },
        { key: 'priorities', text: 'Priorities', format: 'numeric' },
        { key: 'evaluated', text: 'Evaluated', format: 'numeric' },
        { key: 'open', text: 'Actions open', format: 'numeric' },
        { key: 'overdue', text: 'Actions overdue', format: 'numeric' },
      ],
      defaultSort: 'year',
      defaultDirection: 'desc',
      download: '/business-plan.csv',
      noun: ['plan', 'plans'],
    },
    filter: () => ({}),
    load: async (actor, { sort, direction }: { sort: PlanSort; direction: 'asc' | 'desc' }) => {
      const [rows, month] = await Promise.all([
        listPlans(db, actor.partnershipId, { sort, direction }),
        startMonthOf(actor.partnershipId),
      ])
      return wholeList(rows.map((row) => ({ ...row, year: reportingYear(row.startYear, month) })))
    },
    rows: planRows,
    csv: planCsv,
    context: async (actor) => {
      const [plans, month] = await Promise.all([listPlans(db, actor.partnershipId), startMonthOf(actor.partnershipId)])
      const next = nextPlanYear(plans, yearContaining(new Date(), month))
      return { next, nextSlug: yearSlug(next) }
    },
  })

  formRoute(app, {
    path: '/business-plan/new',
    access: { permission: 'performance:manage' },
    template: `${views}/plan-new.njk`,
    schema: planSchema,
    context: async ({ actor }) => {
      const [plans, month] = await Promise.all([listPlans(db, actor.partnershipId), startMonthOf(actor.partnershipId)])
      const current = yearContaining(new Date(), month)
      const years = openYears(plans, current)
      return { years, yearItems: yearItems(years), next: nextPlanYear(plans, current), month }
    },
    initialValues: ({ query }, { next, month }) => ({
      startYear: String((query.year && parseYear(query.year, month)?.startYear) || next.startYear),
    }),
    save: async ({ actor }, { startYear }, { years, month }) => {
      const year = years.find((y) => y.startYear === startYear)
      if (!year) throw new ValidationError({ startYear: 'Select a year from the list' })
      await createPlan(db, actor, year)
      return `${planHref(reportingYear(startYear, month))}?created=1`
    },
  })

  app.get('/business-plan/:year', { config: { permission: 'performance:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const year = await yearFromSlug(db, actor.partnershipId, (request.params as { year: string }).year)
    const query = request.query as Query
    const found = await planOfYear(db, actor.partnershipId, year)
    const filter = oneOf(query.evaluation, evaluationFilters)
    const priorities = found?.priorities ?? []
    const shown = filter ? priorities.filter((p) => matchesEvaluation(p, filter)) : priorities
    const actions = priorities.flatMap((p) => p.actions)
    const scores = await indicatorScores(db, actor.partnershipId, year.startYear, shown)
    return reply.view(`${views}/plan.njk`, {
      year,
      slug: yearSlug(year),
      plan: found?.plan ?? null,
      cards: priorityCards(shown, {
        link: can(actor, 'actions:read'),
        total: priorities.length,
        filter,
        scores,
        yearLabel: year.label,
      }),
      filterText: filter ? filterText(filter, shown.length) : null,
      counts: {
        priorities: priorities.length,
        evaluated: priorities.filter((p) => p.evaluation).length,
        open: actions.filter((a) => a.shownStatus !== 'complete').length,
        overdue: actions.filter((a) => a.shownStatus === 'overdue').length,
      },
      areasHtml: markdownHtml(found?.plan.areasForImprovement ?? ''),
      messagesHtml: markdownHtml(found?.plan.messages ?? ''),
      flash: query.created
        ? 'Business plan created'
        : query.removed
          ? 'Priority removed'
          : savedBanner(query, 'Business plan saved'),
    })
  })

  formRoute(app, {
    path: '/business-plan/:year/review',
    access: { permission: 'performance:manage' },
    template: `${views}/review-form.njk`,
    schema: reviewSchema.extend({ version }),
    context: async ({ actor, params }) => {
      const year = await yearFromSlug(db, actor.partnershipId, params.year!)
      return { year, backHref: planHref(year), plan: await getPlan(db, actor.partnershipId, year.startYear) }
    },
    initialValues: (_request, { plan }) => ({
      areasForImprovement: plan.areasForImprovement,
      messages: plan.messages,
      version: plan.version,
    }),
    save: async ({ actor }, { version: at, ...input }, { year, plan }) =>
      afterSave(planHref(year), await changeReview(db, actor, plan, at, input, year.label)),
  })

  listRoute(app, {
    path: '/business-plan/actions',
    permission: 'performance:read',
    template: `${views}/plan-actions.njk`,
    list: {
      columns: [
        { key: null, text: 'Action' },
        { key: 'priority', text: 'Priority' },
        { key: null, text: 'Owner' },
        { key: 'due', text: 'Due date' },
        { key: 'state', text: 'At the year’s end' },
        { key: null, text: 'Status now' },
      ],
      defaultSort: 'priority',
      download: '/business-plan/actions.csv',
      noun: ['action', 'actions'],
    },
    filter: (query) => ({ year: query.year ?? '', status: oneOf(query.status, actionFilters) }),
    load: async (actor, filter) => {
      const year = await yearOf(actor.partnershipId, filter.year)
      const rows = actionsAtYearEnd(await planOfYear(db, actor.partnershipId, year), year).filter((a) =>
        matchesActionFilter(a, filter.status),
      )
      // Few rows (a plan's actions): sorted here, on the server, from the plan's order.
      const key = (a: YearEndAction) => (filter.sort === 'due' ? a.dueOn : filter.sort === 'state' ? a.yearEnd : '')
      const sorted = [...rows].sort((a, b) => key(a).localeCompare(key(b)))
      return wholeList(filter.direction === 'desc' ? sorted.reverse() : sorted)
    },
    rows: (rows, actor) => yearEndActionRows(rows, can(actor, 'actions:read')),
    csv: yearEndActionCsv,
    context: async (actor, query) => {
      const year = await yearOf(actor.partnershipId, query.year ?? '')
      const status = oneOf(query.status, actionFilters)
      return { year, slug: yearSlug(year), status, statusItems: statusItems(status) }
    },
  })

  /** The year the query names, or this one. */
  async function yearOf(partnershipId: string, text: string) {
    const month = await startMonthOf(partnershipId)
    return (text && parseYear(text, month)) || yearContaining(new Date(), month)
  }

  await app.register(priorityRoutes)
}

const statusItems = (status: string | undefined) => [
  { value: '', text: 'Any', selected: !status },
  { value: 'complete', text: 'Complete at the year’s end', selected: status === 'complete' },
  { value: 'open', text: 'Open at the year’s end', selected: status === 'open' },
  { value: 'overdue', text: 'Overdue at the year’s end', selected: status === 'overdue' },
]
