import type { FastifyInstance } from 'fastify'
import type { z } from 'zod'
import type { FieldErrors } from '../../../platform/errors.ts'
import type { Actor } from '../../../platform/permissions.ts'
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
import { getAudit, type AuditView } from './service.ts'

/**
 * The work of an audit, by its auditors, the audit subgroup and the business unit
 * (`assurance:audit`, and the audit's confidential scope): its cases and their grades, learning
 * points and recommendations with their actions. Each saves back to the audit's page.
 */
const access = { permission: 'assurance:audit' as const, confidential: oneAudit }

/** What a part's form saves: its fields without the name check's confirmation and the version. */
type Input<S extends z.ZodObject, E> = Omit<z.infer<S>, 'confirmNames'> & E
type AuditCase = Awaited<ReturnType<typeof getAuditCase>>
type AuditLearningPoint = Awaited<ReturnType<typeof getAuditLearningPoint>>

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

  /**
   * One part of the audit's work, added (`<path>/new`) and changed (`<path>/:<param>/edit`) with one
   * form under its `key`: its free text goes through the name check first, then back to the audit.
   */
  function addAndChange<
    S extends z.ZodObject,
    R extends { id: string },
    C extends { audit: AuditView },
    E extends object = object,
  >(part: {
    path: string
    param: string
    key: string
    template: string
    schema: S
    extra?: (body: Record<string, unknown>) => { errors?: FieldErrors; values?: E }
    /** The fields the name check reads, with their labels. */
    labels: Record<string, string>
    context: (request: FormRequest, audit: AuditView, saved?: R) => Promise<C>
    get: (auditId: string, id: string) => Promise<R>
    fresh: (context: C) => Record<string, unknown>
    saved: (record: R) => Record<string, unknown>
    add: (actor: Actor, audit: AuditView, input: Input<S, E>) => Promise<unknown>
    change: (actor: Actor, audit: AuditView, id: string, version: number, input: Input<S, E>) => Promise<boolean>
  }) {
    const names = withNames(part.template, part.labels)
    /** The name check's warning on the part's free text, or the write and back to the audit's page. */
    const saving = async (
      request: FormRequest,
      values: object,
      context: C,
      write: (input: Input<S, E>, version: number) => Promise<boolean>,
    ) => {
      const { confirmNames, version: at, ...input } = values as Record<string, unknown>
      const fields = Object.fromEntries(Object.keys(part.labels).map((k) => [k, (input[k] as string | null) ?? null]))
      const warning = await names(request, context, fields, confirmNames === true)
      return warning ?? afterSave(auditHref(context.audit.id), await write(input as Input<S, E>, at as number))
    }
    formRoute(app, {
      path: `${base}/${part.path}/new`,
      access,
      template: part.template,
      schema: part.schema,
      extra: part.extra,
      context: async (request) => ({ ...(await part.context(request, await auditOf(request))), isNew: true }),
      initialValues: (_request, context) => part.fresh(context),
      save: (request, values, context) =>
        saving(request, values, context, async (input) => {
          await part.add(request.actor, context.audit, input)
          return true
        }),
    })
    formRoute(app, {
      path: `${base}/${part.path}/:${part.param}/edit`,
      access,
      template: part.template,
      schema: part.schema.extend({ version }),
      extra: part.extra,
      context: async (request) => {
        const audit = await auditOf(request)
        const record = await part.get(audit.id, request.params[part.param]!)
        return { ...(await part.context(request, audit, record)), record, [part.key]: record }
      },
      initialValues: (_request, { record }) => part.saved(record),
      save: (request, values, context) =>
        saving(request, values, context, (input, at) =>
          part.change(request.actor, context.audit, context.record.id, at, input),
        ),
    })
  }

  // The sample: a pseudonymised reference (the name check warns about anything like a name), the grade, the agencies' grades.
  const caseInitial = (agencyGrades: { agencyId: string; grade: string; comment: string | null }[]) =>
    Object.fromEntries(
      agencyGrades.flatMap((g, n) => [
        [`agencyGrades-${n}-agencyId`, g.agencyId],
        [`agencyGrades-${n}-grade`, g.grade],
        [`agencyGrades-${n}-comment`, g.comment ?? ''],
      ]),
    )
  addAndChange({
    path: 'cases',
    param: 'caseId',
    key: 'auditCase',
    template: `${views}/case-form.njk`,
    schema: caseSchema,
    extra: readAgencyGrades,
    labels: { reference: 'Reference', notes: 'Notes' },
    context: async (request, audit, saved?: AuditCase) => ({
      audit,
      gradeItems: gradeItems('Not graded yet'),
      agencyGradeItems: gradeItems('Select a grade'),
      agencyItems: [{ value: '', text: 'Select an agency' }, ...(await agencyChoices(request.actor.partnershipId))],
      rows: [...Array(agencyRowCount(saved?.agencyGrades.length ?? 0)).keys()],
    }),
    get: (auditId, id) => getAuditCase(db, auditId, id),
    fresh: ({ audit }) => (audit.agencyId ? caseInitial([{ agencyId: audit.agencyId, grade: '', comment: null }]) : {}),
    saved: (auditCase) => ({ ...auditCase, ...caseInitial(auditCase.agencyGrades) }),
    add: (actor, audit, input) => addAuditCase(db, actor, audit, input),
    change: (actor, audit, id, at, input) => changeAuditCase(db, actor, audit, id, at, input),
  })

  // Learning points: the same form and rule as a case review's (reviews/learning/forms.ts).
  addAndChange({
    path: 'learning',
    param: 'pointId',
    key: 'point',
    template: `${views}/learning-form.njk`,
    schema: learningPointSchema,
    labels: { text: 'Learning point' },
    context: async (request, audit, saved?: AuditLearningPoint) => ({
      audit,
      themeItems: themeCheckboxItems(
        await themeOptions(db, request.actor.partnershipId, { includeIds: saved?.themeIds ?? [] }),
      ),
    }),
    get: (auditId, id) => getAuditLearningPoint(db, auditId, id),
    fresh: () => ({ themeIds: [] }),
    saved: (point) => point,
    add: (actor, audit, input) => addAuditLearningPoint(db, actor, audit, input),
    change: (actor, audit, id, at, input) => changeAuditLearningPoint(db, actor, audit, id, at, input),
  })

  // Recommendations, complete only with evidence, a completion day and every action complete.
  addAndChange({
    path: 'recommendations',
    param: 'recommendationId',
    key: 'recommendation',
    template: `${views}/recommendation-form.njk`,
    schema: recommendationSchema,
    extra: recommendationDates,
    labels: { text: 'Recommendation' },
    context: async (request, audit) => ({
      audit,
      agencyItems: [{ value: '', text: 'Select an agency' }, ...(await agencyChoices(request.actor.partnershipId))],
      statusItems: caseAuditRecommendationStatuses.map((value) => ({ value, text: recommendationStatusLabels[value] })),
    }),
    get: (auditId, id) => getAuditRecommendation(db, auditId, id),
    fresh: () => ({ status: 'open' }),
    saved: (r) => ({ ...r, ...dateParts(r.dueOn, 'dueOn'), ...dateParts(r.completedOn, 'completedOn') }),
    add: (actor, audit, input) => addAuditRecommendation(db, actor, audit, input),
    change: (actor, audit, id, at, input) => changeAuditRecommendation(db, actor, audit, id, at, input),
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
