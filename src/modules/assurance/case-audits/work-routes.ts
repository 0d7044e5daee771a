import type { FastifyInstance } from 'fastify'
import { afterSave, formRoute, type FormRequest } from '../../../platform/form-route.ts'
import { dateParts, version } from '../../../platform/forms.ts'
import { listAgencyOptions } from '../../partnership/agencies/service.ts'
import { personPicker } from '../../partnership/people/picker.ts'
import { themeCheckboxItems, themeOptions } from '../../themes/index.ts'
import { nameCheck } from '../../reviews/cases/name-check.ts'
import { learningPointSchema } from '../../reviews/learning/forms.ts'
import { actionDates, actionSchema } from '../../reviews/recommendations/forms.ts'
import { caseAuditRecommendationStatuses } from '../case-audit-schema.ts'
import { addAuditCase, changeAuditCase, getAuditCase } from './cases.ts'
import {
  agencyRowCount,
  caseSchema,
  gradeItems,
  readAgencyGrades,
  recommendationDates,
  recommendationSchema,
} from './forms.ts'
import { addAuditLearningPoint, changeAuditLearningPoint, getAuditLearningPoint } from './learning.ts'
import { auditHref, recommendationStatusLabels } from './presenters.ts'
import {
  addAuditRecommendation,
  addAuditRecommendationAction,
  changeAuditRecommendation,
  getAuditRecommendation,
} from './recommendations.ts'
import { oneAudit, views } from './routes.ts'
import { getAudit } from './service.ts'

/**
 * The work of an audit, by its auditors, the audit subgroup and the business unit
 * (`assurance:audit`, and the audit's confidential scope): its cases and their grades, learning
 * points and recommendations with their actions. Each saves back to the audit's page.
 */
const access = { permission: 'assurance:audit' as const, confidential: oneAudit }
const caseForm = `${views}/case-form.njk`
const learningForm = `${views}/learning-form.njk`
const recommendationForm = `${views}/recommendation-form.njk`

export async function auditWorkRoutes(app: FastifyInstance) {
  const db = app.db
  const base = '/assurance/case-audits/:id'
  const auditOf = ({ actor, params }: FormRequest) => getAudit(db, actor, params.id!)
  const agencyChoices = async (partnershipId: string) =>
    (await listAgencyOptions(db, partnershipId)).map((a) => ({ value: a.id, text: a.name }))
  const withNames =
    (template: string, labels: Record<string, string>) =>
    (request: FormRequest, context: object, fields: Record<string, string | null>, confirmed: boolean) =>
      nameCheck(request, { template, context, labels }, fields, confirmed)

  // The sample: a pseudonymised reference (the name check warns about anything like a name), the grade, the agencies' grades.
  const caseNames = withNames(caseForm, { reference: 'Reference', notes: 'Notes' })
  const caseContext = async (request: FormRequest, graded: number) => {
    const audit = await auditOf(request)
    const agencies = await agencyChoices(request.actor.partnershipId)
    return {
      audit,
      gradeItems: gradeItems('Not graded yet'),
      agencyGradeItems: gradeItems('Select a grade'),
      agencyItems: [{ value: '', text: 'Select an agency' }, ...agencies],
      rows: [...Array(agencyRowCount(graded)).keys()],
    }
  }
  const caseInitial = (agencyGrades: { agencyId: string; grade: string; comment: string | null }[]) =>
    Object.fromEntries(
      agencyGrades.flatMap((g, n) => [
        [`agencyGrades-${n}-agencyId`, g.agencyId],
        [`agencyGrades-${n}-grade`, g.grade],
        [`agencyGrades-${n}-comment`, g.comment ?? ''],
      ]),
    )

  formRoute(app, {
    path: `${base}/cases/new`,
    access,
    template: caseForm,
    schema: caseSchema,
    extra: readAgencyGrades,
    context: async (request) => ({ ...(await caseContext(request, 0)), isNew: true }),
    initialValues: (_request, { audit }) =>
      audit.agencyId ? caseInitial([{ agencyId: audit.agencyId, grade: '', comment: null }]) : {},
    save: async (request, { confirmNames, ...input }, context) => {
      const warning = await caseNames(
        request,
        context,
        { reference: input.reference, notes: input.notes },
        confirmNames,
      )
      if (warning) return warning
      await addAuditCase(db, request.actor, context.audit, input)
      return afterSave(auditHref(context.audit.id))
    },
  })

  formRoute(app, {
    path: `${base}/cases/:caseId/edit`,
    access,
    template: caseForm,
    schema: caseSchema.extend({ version }),
    extra: readAgencyGrades,
    context: async (request) => {
      const audit = await auditOf(request)
      const auditCase = await getAuditCase(db, audit.id, request.params.caseId!)
      return { ...(await caseContext(request, auditCase.agencyGrades.length)), auditCase }
    },
    initialValues: (_request, { auditCase }) => ({ ...auditCase, ...caseInitial(auditCase.agencyGrades) }),
    save: async (request, { confirmNames, version: at, ...input }, context) => {
      const warning = await caseNames(
        request,
        context,
        { reference: input.reference, notes: input.notes },
        confirmNames,
      )
      if (warning) return warning
      const { audit, auditCase } = context
      return afterSave(auditHref(audit.id), await changeAuditCase(db, request.actor, audit, auditCase.id, at, input))
    },
  })

  // Learning points: the same form and rule as a case review's (reviews/learning/forms.ts).
  const learningNames = withNames(learningForm, { text: 'Learning point' })
  const learningContext = async (request: FormRequest, saved: string[] = []) => ({
    audit: await auditOf(request),
    themeItems: themeCheckboxItems(await themeOptions(db, request.actor.partnershipId, { includeIds: saved })),
  })

  formRoute(app, {
    path: `${base}/learning/new`,
    access,
    template: learningForm,
    schema: learningPointSchema,
    context: async (request) => ({ ...(await learningContext(request)), isNew: true }),
    initialValues: () => ({ themeIds: [] }),
    save: async (request, { confirmNames, ...input }, context) => {
      const warning = await learningNames(request, context, { text: input.text }, confirmNames)
      if (warning) return warning
      await addAuditLearningPoint(db, request.actor, context.audit, input)
      return afterSave(auditHref(context.audit.id))
    },
  })

  formRoute(app, {
    path: `${base}/learning/:pointId/edit`,
    access,
    template: learningForm,
    schema: learningPointSchema.extend({ version }),
    context: async (request) => {
      const audit = await auditOf(request)
      const point = await getAuditLearningPoint(db, audit.id, request.params.pointId!)
      return { ...(await learningContext(request, point.themeIds)), point }
    },
    initialValues: (_request, { point }) => point,
    save: async (request, { confirmNames, version: at, ...input }, context) => {
      const warning = await learningNames(request, context, { text: input.text }, confirmNames)
      if (warning) return warning
      const { audit, point } = context
      return afterSave(
        auditHref(audit.id),
        await changeAuditLearningPoint(db, request.actor, audit, point.id, at, input),
      )
    },
  })

  // Recommendations, complete only with evidence, a completion day and every action complete.
  const recommendationNames = withNames(recommendationForm, { text: 'Recommendation' })
  const recommendationContext = async (request: FormRequest) => ({
    audit: await auditOf(request),
    agencyItems: [{ value: '', text: 'Select an agency' }, ...(await agencyChoices(request.actor.partnershipId))],
    statusItems: caseAuditRecommendationStatuses.map((value) => ({ value, text: recommendationStatusLabels[value] })),
  })

  formRoute(app, {
    path: `${base}/recommendations/new`,
    access,
    template: recommendationForm,
    schema: recommendationSchema,
    extra: recommendationDates,
    context: async (request) => ({ ...(await recommendationContext(request)), isNew: true }),
    initialValues: () => ({ status: 'open' }),
    save: async (request, { confirmNames, ...input }, context) => {
      const warning = await recommendationNames(request, context, { text: input.text }, confirmNames)
      if (warning) return warning
      await addAuditRecommendation(db, request.actor, context.audit, input)
      return afterSave(auditHref(context.audit.id))
    },
  })

  formRoute(app, {
    path: `${base}/recommendations/:recommendationId/edit`,
    access,
    template: recommendationForm,
    schema: recommendationSchema.extend({ version }),
    extra: recommendationDates,
    context: async (request) => {
      const context = await recommendationContext(request)
      const recommendation = await getAuditRecommendation(db, context.audit.id, request.params.recommendationId!)
      return { ...context, recommendation }
    },
    initialValues: (_request, { recommendation: r }) => ({
      ...r,
      ...dateParts(r.dueOn, 'dueOn'),
      ...dateParts(r.completedOn, 'completedOn'),
    }),
    save: async (request, { confirmNames, version: at, ...input }, context) => {
      const warning = await recommendationNames(request, context, { text: input.text }, confirmNames)
      if (warning) return warning
      const { audit, recommendation } = context
      return afterSave(
        auditHref(audit.id),
        await changeAuditRecommendation(db, request.actor, audit, recommendation.id, at, input),
      )
    },
  })

  formRoute(app, {
    path: `${base}/recommendations/:recommendationId/actions/new`,
    access,
    template: `${views}/action-form.njk`,
    schema: actionSchema,
    extra: actionDates,
    pickers: { ownerPersonId: personPicker(db) },
    context: async (request) => {
      const audit = await auditOf(request)
      const recommendation = await getAuditRecommendation(db, audit.id, request.params.recommendationId!)
      return {
        audit,
        recommendation,
        agencyItems: [{ value: '', text: 'Select an agency' }, ...(await agencyChoices(request.actor.partnershipId))],
      }
    },
    initialValues: (_request, { recommendation }) => ({ ownerAgencyId: recommendation.agencyId }),
    save: async ({ actor }, input, { audit, recommendation }) => {
      await addAuditRecommendationAction(db, actor, audit, recommendation, input)
      return `${auditHref(audit.id)}?saved=1#recommendation-${recommendation.number}`
    },
  })
}
