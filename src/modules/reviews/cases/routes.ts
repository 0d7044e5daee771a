import type { FastifyInstance } from 'fastify'
import { historyOf } from '../../../platform/audit-log/history.ts'
import { formRoute, savedBanner } from '../../../platform/form-route.ts'
import { requireActor } from '../../../platform/http.ts'
import { listRoute, wholeList } from '../../../platform/list-route.ts'
import { oneOf, type Query } from '../../../platform/lists.ts'
import { can } from '../../../platform/permissions.ts'
import { parseYear, yearContaining, yearSlug, yearsBetween } from '../../../platform/reporting-years.ts'
import { yearChoices } from '../../../platform/year-picker.ts'
import { agencyNameFor } from '../../partnership/agencies/service.ts'
import { personNameFor } from '../../partnership/people/service.ts'
import { yearStartMonth } from '../../partnership/year-filters.ts'
import { caseRecordType, getCase } from '../access.ts'
import { caseStatusLabels, reviewTypeLabels } from '../labels.ts'
import { nextStatuses } from '../lifecycle.ts'
import { reviewsNavigation } from '../navigation.ts'
import { caseStatuses, reviewTypes } from '../schema.ts'
import { clocksDue, clocksOf, dueSoonWorkingDays } from './clocks-due.ts'
import { caseList, oneCase, referralDates, referralForm, referralItems, views } from './form-context.ts'
import { referralSchema } from './forms.ts'
import { caseDates, listCases, openMeaning, type CaseFilter } from './list.ts'
import { referralNameCheck } from './name-check.ts'
import { caseCsv, caseRows, clockDueRows, clocksDueCount } from './presenters.ts'
import { panelMembers } from './review.ts'
import { caseAgencies, createCase } from './service.ts'
import { caseSummaryCards } from './summaries.ts'

const optionItems = <T extends string>(labels: Record<T, string>, values: readonly T[], any: string) => [
  { value: '', text: any },
  ...values.map((value) => ({ value, text: labels[value] })),
]

/** The list of cases, the due soon / overdue clocks, a new referral, and a case's overview. */
export async function caseRoutes(app: FastifyInstance) {
  const db = app.db

  const yearOf = async (partnershipId: string, text: string | undefined) =>
    text ? parseYear(text, await yearStartMonth(db, partnershipId)) : null

  listRoute(app, {
    path: '/case-reviews',
    permission: 'reviews:read',
    confidential: { recordType: caseRecordType },
    template: `${views}/cases.njk`,
    list: {
      columns: [
        { key: 'reference', text: 'Reference' },
        { key: 'type', text: 'Type of review' },
        { key: 'status', text: 'Status' },
        { key: 'awareOn', text: 'Aware on' },
        { key: 'signedOffOn', text: 'Signed off' },
        { key: 'publishedOn', text: 'Published' },
      ],
      defaultSort: 'awareOn',
      defaultDirection: 'desc',
      download: '/case-reviews.csv',
      noun: ['case', 'cases'],
    },
    filter: (query) => ({
      status: oneOf(query.status, caseStatuses),
      reviewType: oneOf(query.type, reviewTypes),
      yearText: query.year?.trim().slice(0, 20) || undefined,
    }),
    load: async (actor, { yearText, ...filter }) => {
      const year = (await yearOf(actor.partnershipId, yearText)) ?? undefined
      return wholeList(await listCases(db, actor, { ...filter, year } as CaseFilter))
    },
    rows: caseRows,
    csv: caseCsv,
    context: async (actor, query) => {
      const startMonth = await yearStartMonth(db, actor.partnershipId)
      const year = query.year ? parseYear(query.year, startMonth) : null
      const years = yearsBetween(await caseDates(db, actor.partnershipId), startMonth)
      return {
        subNavigation: reviewsNavigation('/case-reviews'),
        statusItems: optionItems(caseStatusLabels, caseStatuses, 'Any status'),
        typeItems: optionItems(reviewTypeLabels, reviewTypes, 'Any type'),
        yearItems: [
          { value: '', text: 'Any year' },
          ...yearChoices(years, year).map((y) => ({ value: y.value, text: y.text })),
        ],
        yearValue: year ? yearSlug(year) : '',
        yearLabel: year?.label,
        openMeaning,
      }
    },
  })

  app.get(
    '/case-reviews/clocks',
    { config: { permission: 'reviews:read', confidential: caseList } },
    async (request, reply) => {
      const rows = await clocksDue(db, requireActor(request))
      return reply.view(`${views}/clocks-due.njk`, {
        subNavigation: reviewsNavigation('/case-reviews/clocks'),
        rows: clockDueRows(rows),
        countText: clocksDueCount(rows, dueSoonWorkingDays),
        withinWorkingDays: dueSoonWorkingDays,
      })
    },
  )

  formRoute(app, {
    path: '/case-reviews/new',
    access: { permission: 'reviews:manage', confidential: caseList },
    template: referralForm,
    schema: referralSchema,
    extra: referralDates,
    context: async ({ actor }) => ({ ...(await referralItems(db, actor.partnershipId)), isNew: true }),
    initialValues: () => ({ concerns: [], agencyIds: [] }),
    save: async (request, { confirmNames, ...input }, context) => {
      const warning = await referralNameCheck(request, context, input, confirmNames)
      if (warning) return warning
      const id = await createCase(db, request.actor, input)
      return `/case-reviews/${id}?saved=1`
    },
  })

  app.get(
    '/case-reviews/:id',
    { config: { permission: 'reviews:read', confidential: oneCase } },
    async (request, reply) => {
      const actor = requireActor(request)
      const reviewCase = await getCase(db, actor, (request.params as { id: string }).id)
      const [agencies, panel, referredBy, decidedBy, clocks, startMonth, history] = await Promise.all([
        caseAgencies(db, reviewCase.id),
        panelMembers(db, reviewCase.id),
        agencyNameFor(db, actor.partnershipId, reviewCase.referredByAgencyId),
        personNameFor(db, actor.partnershipId, reviewCase.decidedByPersonId),
        clocksOf(db, reviewCase),
        yearStartMonth(db, actor.partnershipId),
        historyOf(app, actor, caseRecordType, reviewCase.id),
      ])
      const names = {
        referredBy,
        decidedBy,
        agencies: agencies.map((a) => a.name),
        panel: panel.map((p) => p.name),
        signedOffYear: reviewCase.signedOffOn ? yearContaining(reviewCase.signedOffOn, startMonth).label : null,
      }
      const query = request.query as Query
      return reply.view(`${views}/case.njk`, {
        reviewCase,
        pageTitle: reviewCase.reference,
        statusLabel: caseStatusLabels[reviewCase.status],
        caseTab: 'overview',
        cards: caseSummaryCards(reviewCase, names, clocks, can(actor, 'reviews:manage')),
        canChangeStatus: nextStatuses(reviewCase.status).length > 0,
        history,
        flash: query.status ? 'Status changed' : savedBanner(query, 'Case saved'),
      })
    },
  )
}
