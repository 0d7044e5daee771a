import type { FastifyInstance } from 'fastify'
import { afterSave, formRoute, savedBanner, type FormRequest } from '../../../platform/form-route.ts'
import { dateParts } from '../../../platform/forms.ts'
import { version } from '../../../platform/forms.ts'
import { requireActor } from '../../../platform/http.ts'
import { listRoute, wholeList } from '../../../platform/list-route.ts'
import { type Query } from '../../../platform/lists.ts'
import { renderMarkdown } from '../../../platform/markdown.ts'
import { can } from '../../../platform/permissions.ts'
import { parseYear, yearSlug, yearsBetween } from '../../../platform/reporting-years.ts'
import { yearChoices } from '../../../platform/year-picker.ts'
import { sourceActionsTable } from '../../actions/presenters.ts'
import { actionsFrom, todayInLondon } from '../../actions/service.ts'
import { personPicker } from '../../partnership/people/picker.ts'
import { sittingOnOrChosen } from '../../partnership/memberships/today.ts'
import { yearStartMonth } from '../../partnership/year-filters.ts'
import { listAgencyOptions } from '../../partnership/agencies/service.ts'
import { chosenPriority, priorityChoices } from '../../performance/plan/service.ts'
import { themeOptions } from '../../themes/index.ts'
import { nameCheck } from '../../reviews/cases/name-check.ts'
import { changeHistory } from '../../reviews/pages.ts'
import { auditGroupId, caseAuditRecordType } from '../access.ts'
import { caseAuditScopes, caseAuditStatuses } from '../case-audit-schema.ts'
import { gradeDistribution, listAuditCases } from './cases.ts'
import { auditSchema, heldOnDate } from './forms.ts'
import { listAuditLearning } from './learning.ts'
import {
  auditCsv,
  auditHref,
  auditRows,
  auditStatusLabels,
  auditSummary,
  caseRows,
  learningRows,
  recommendationSummary,
  scopeLabels,
} from './presenters.ts'
import { auditRecommendationRecordType, listAuditRecommendations } from './recommendations.ts'
import { auditDates, auditorsOf, changeAudit, createAudit, getAudit, listAudits } from './service.ts'

export const views = 'modules/assurance/case-audits/views'
/** A page about one audit: the platform 404s anyone it does not name, and audits each look. */
export const oneAudit = { recordType: caseAuditRecordType }
/** The list and the new-audit form: their queries filter with visibleAudits. */
export const auditList = { recordType: caseAuditRecordType, param: null }

const auditForm = `${views}/audit-form.njk`
const pickers = { addAuditorId: personPicker }

/** The list of case audits, setting one up, changing it, and its overview page. */
export async function auditRoutes(app: FastifyInstance) {
  const db = app.db
  const formPickers = { addAuditorId: pickers.addAuditorId(db) }

  listRoute(app, {
    path: '/assurance/case-audits',
    permission: 'assurance:read',
    confidential: { recordType: caseAuditRecordType },
    template: `${views}/audits.njk`,
    list: {
      columns: [
        { key: 'title', text: 'Audit' },
        { key: 'theme', text: 'Theme' },
        { key: 'scope', text: 'Scope' },
        { key: 'heldOn', text: 'Held on' },
        { key: 'status', text: 'Status' },
        { key: 'cases', text: 'Cases', format: 'numeric' },
        { key: null, text: 'Grades' },
      ],
      defaultSort: 'heldOn',
      defaultDirection: 'desc',
      download: '/assurance/case-audits.csv',
      noun: ['case audit', 'case audits'],
    },
    filter: (query): { themeId?: string; yearText?: string } => ({
      themeId: query.theme?.trim().slice(0, 40) || undefined,
      yearText: query.year?.trim().slice(0, 20) || undefined,
    }),
    load: async (actor, { yearText, themeId, sort, direction }) => {
      const year = yearText ? parseYear(yearText, await yearStartMonth(db, actor.partnershipId)) : null
      const theme = themeId && /^[0-9a-f-]{36}$/i.test(themeId) ? themeId : undefined
      return wholeList(
        await listAudits(db, actor, {
          themeId: theme,
          year: year ?? undefined,
          sort,
          direction,
        }),
      )
    },
    rows: auditRows,
    csv: auditCsv,
    context: async (actor, query) => {
      const startMonth = await yearStartMonth(db, actor.partnershipId)
      const year = query.year ? parseYear(query.year, startMonth) : null
      const [years, themes] = await Promise.all([
        auditDates(db, actor.partnershipId).then((dates) => yearsBetween(dates, startMonth)),
        themeOptions(db, actor.partnershipId),
      ])
      return {
        themeItems: [{ value: '', text: 'Any theme' }, ...themes.map((t) => ({ value: t.id, text: t.name }))],
        yearItems: [
          { value: '', text: 'Any year' },
          ...yearChoices(years, year).map((y) => ({ value: y.value, text: y.text })),
        ],
        yearValue: year ? yearSlug(year) : '',
      }
    },
  })

  /** What the set-up form offers: themes, agencies, priorities, and the audit subgroup and auditors as checkboxes. */
  const formContext = async ({ actor }: FormRequest, audit?: Awaited<ReturnType<typeof getAudit>>) => {
    const auditors = audit ? await auditorsOf(db, audit.id) : []
    const [themes, agencies, priorities, candidates] = await Promise.all([
      themeOptions(db, actor.partnershipId, { includeIds: audit ? [audit.themeId] : [] }),
      listAgencyOptions(db, actor.partnershipId),
      priorityChoices(db, actor.partnershipId),
      auditGroupId(db, actor.partnershipId).then((group) =>
        sittingOnOrChosen(
          db,
          actor.partnershipId,
          group ? [group] : [],
          auditors.map((p) => p.id),
          todayInLondon(),
        ),
      ),
    ])
    return {
      audit,
      auditors,
      themeItems: [{ value: '', text: 'Select a theme' }, ...themes.map((t) => ({ value: t.id, text: t.name }))],
      agencyItems: [{ value: '', text: 'Select an agency' }, ...agencies.map((a) => ({ value: a.id, text: a.name }))],
      scopeItems: caseAuditScopes.map((value) => ({ value, text: scopeLabels[value] })),
      statusItems: caseAuditStatuses.map((value) => ({ value, text: auditStatusLabels[value] })),
      priorityItems: [{ value: '', text: 'None' }, ...priorities.map((p) => ({ value: p.id, text: p.text }))],
      auditorItems: candidates.map((p) => ({
        value: p.id,
        text: p.name,
        hint: p.jobTitle ? { text: p.jobTitle } : undefined,
      })),
    }
  }

  const checkNames = (request: FormRequest, context: object, findings: string | null, confirmed: boolean) =>
    nameCheck(
      request,
      { template: auditForm, context, pickers: formPickers, labels: { findings: 'Findings' } },
      { findings },
      confirmed,
    )

  formRoute(app, {
    path: '/assurance/case-audits/new',
    access: { permission: 'assurance:manage', confidential: auditList },
    template: auditForm,
    schema: auditSchema,
    extra: heldOnDate,
    pickers: formPickers,
    context: async (request) => ({ ...(await formContext(request)), isNew: true }),
    initialValues: () => ({ auditorIds: [], status: 'planned' }),
    save: async (request, { confirmNames, addAuditorId, ...input }, context) => {
      const warning = await checkNames(request, context, input.findings, confirmNames)
      if (warning) return warning
      const auditorIds = addAuditorId ? [...input.auditorIds, addAuditorId] : input.auditorIds
      const id = await createAudit(db, request.actor, { ...input, auditorIds })
      return `${auditHref(id)}?saved=1`
    },
  })

  formRoute(app, {
    path: '/assurance/case-audits/:id/edit',
    access: { permission: 'assurance:manage', confidential: oneAudit },
    template: auditForm,
    schema: auditSchema.extend({ version }),
    extra: heldOnDate,
    pickers: formPickers,
    context: async (request) => formContext(request, await getAudit(db, request.actor, request.params.id!)),
    initialValues: (_request, { audit, auditors }) => ({
      ...audit!,
      auditorIds: auditors.map((p) => p.id),
      ...dateParts(audit!.heldOn, 'heldOn'),
    }),
    save: async (request, { confirmNames, addAuditorId, version: at, ...input }, context) => {
      const warning = await checkNames(request, context, input.findings, confirmNames)
      if (warning) return warning
      const auditorIds = addAuditorId ? [...input.auditorIds, addAuditorId] : input.auditorIds
      const audit = context.audit!
      return afterSave(
        auditHref(audit.id),
        await changeAudit(db, request.actor, audit.id, at, { ...input, auditorIds }),
      )
    },
  })

  app.get(
    '/assurance/case-audits/:id',
    { config: { permission: 'assurance:read', confidential: oneAudit } },
    async (request, reply) => {
      const actor = requireActor(request)
      const audit = await getAudit(db, actor, (request.params as { id: string }).id)
      const [auditors, priority, cases, learning, recommendations, history] = await Promise.all([
        auditorsOf(db, audit.id),
        chosenPriority(db, actor.partnershipId, audit.planPriorityId),
        listAuditCases(db, audit.id),
        listAuditLearning(db, audit.id),
        listAuditRecommendations(db, audit.id),
        changeHistory(app, actor, caseAuditRecordType, audit.id),
      ])
      const actions = await actionsFrom(
        db,
        actor.partnershipId,
        auditRecommendationRecordType,
        recommendations.map((r) => r.id),
      )
      const canAudit = can(actor, 'assurance:audit')
      const query = request.query as Query
      return reply.view(`${views}/audit.njk`, {
        audit,
        summary: auditSummary(audit, priority, auditors),
        distribution: gradeDistribution(cases.map((c) => c.grade)),
        caseRows: caseRows(cases, audit.id, canAudit),
        findingsHtml: audit.findings?.trim() ? renderMarkdown(audit.findings) : '',
        learningRows: learningRows(learning, audit.id, canAudit),
        recommendations: recommendations.map((r) => ({
          ...r,
          summary: recommendationSummary(r),
          actionsTable: sourceActionsTable(
            actions.filter((a) => a.sourceId === r.id),
            {
              caption: `Actions for recommendation ${r.number}`,
              empty: 'No actions have been raised for this recommendation.',
              link: can(actor, 'actions:read'),
            },
          ),
        })),
        canAudit,
        history,
        flash: savedBanner(query, 'Case audit saved'),
      })
    },
  )
}
