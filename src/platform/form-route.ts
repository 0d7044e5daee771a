import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import type { SignedInUser } from './accounts/sessions.ts'
import { ValidationError, type FieldErrors } from './errors.ts'
import { errorList, fieldErrors } from './forms.ts'
import type { Query } from './lists.ts'
import type { Permission } from './permissions.ts'
import { findRequested, pickerViews, unpickedErrors, type Picker } from './person-picker.ts'

/**
 * Every POST goes through one of these two, each with a required schema, so no form can skip
 * validation and no route writes its own `catch (ValidationError)`.
 *
 * `formRoute`: one GET + POST pair for a form page, the GOV.UK way: the POST parses with a strict
 * schema; on bad input it re-renders with status 400, the error summary and what the user typed;
 * on success it redirects (post/redirect/get). A form with person pickers (person-picker.ts) also
 * answers their "Find" button: the same form again, status 200, nothing saved.
 */
/**
 * Who may use the route; a route about a confidential record also names its record type
 * (platform/confidential: the record's id in the URL is checked, and each GET audited as a view).
 */
type Access = ({ permission: Permission } | { public: true } | { publicSite: true } | { signedIn: true }) &
  Pick<FastifyContextConfig, 'confidential'>

export interface FormRoute<S extends z.ZodType, C extends object, E extends object> {
  path: string
  access: Access
  template: string
  schema: S
  /** Everything the template needs besides values and errors (options for selects, the record…). */
  context: (request: FormRequest) => Promise<C> | C
  /** The values a fresh form opens with. */
  initialValues: (request: FormRequest, context: C) => Promise<Record<string, unknown>> | Record<string, unknown>
  /** Checks that need the raw body (GOV.UK date inputs): field errors, or the parsed extras. */
  extra?: (body: Record<string, unknown>) => { errors?: FieldErrors; values?: E }
  /**
   * The fields in the order the page shows them, when `extra` checks one above the schema's (a date
   * first): the error summary lists errors in the page's order. Unlisted fields follow.
   */
  fieldOrder?: readonly string[]
  /**
   * Saves and returns where to go next, or (for a form that answers with a page, like "check your
   * email") the page to show. A ValidationError re-renders the form with its messages.
   */
  save: (request: FormRequest, input: z.infer<S> & E, context: C, reply: FastifyReply) => Promise<string | Rendered>
  /** Where to send someone instead of showing the form (a signed-in person opening the sign-in page). */
  redirect?: (request: FormRequest) => string | null
  /** Per client address; required on a public form (platform/http.ts refuses to start otherwise). */
  rateLimit?: { max: number; timeWindow: string }
  /** Person pickers by field name; the template gets `pickers.<field>` for each picker macro. */
  pickers?: Record<string, Picker>
}

export interface Rendered {
  render: string
  data: Record<string, unknown>
}

/** A request as form and action routes see it: the actor (null only on public routes) and params as strings. */
export interface FormRequest {
  actor: SignedInUser
  params: Record<string, string>
  query: Query
  raw: FastifyRequest
}

function formRequest(request: FastifyRequest): FormRequest {
  return {
    actor: request.actor as SignedInUser,
    params: (request.params ?? {}) as Record<string, string>,
    query: (request.query ?? {}) as Query,
    raw: request,
  }
}

export function formRoute<S extends z.ZodType, C extends object, E extends object = object>(
  app: FastifyInstance,
  route: FormRoute<S, C, E>,
) {
  const access = route.access as FastifyContextConfig
  const config = { ...access, ...(route.rateLimit && { rateLimit: route.rateLimit }) } as FastifyContextConfig
  app.get(route.path, { config: access }, async (request, reply) => {
    const form = formRequest(request)
    const elsewhere = route.redirect?.(form)
    if (elsewhere) return reply.redirect(elsewhere)
    const context = await route.context(form)
    const values = await route.initialValues(form, context)
    const pickers = await pickerViews(route.pickers, form, values)
    return reply.view(route.template, { ...context, values, errors: {}, pickers })
  })

  app.post(route.path, { config }, async (request, reply) => {
    const form = formRequest(request)
    const body = (request.body ?? {}) as Record<string, unknown>
    const context = await route.context(form)
    const find = findRequested(route.pickers, body)
    if (find) {
      const pickers = await pickerViews(route.pickers, form, body, find)
      return reply.view(route.template, { ...context, values: body, errors: {}, pickers })
    }
    const parsed = route.schema.safeParse(body)
    const extra = route.extra?.(body) ?? {}
    let errors: FieldErrors = {
      ...(parsed.success ? {} : fieldErrors(parsed.error)),
      ...(extra.errors ?? {}),
      ...unpickedErrors(route.pickers, body),
    }
    if (!Object.keys(errors).length) {
      try {
        const next = await route.save(
          form,
          { ...(parsed.data as object), ...(extra.values ?? {}) } as z.infer<S> & E,
          context,
          reply,
        )
        return typeof next === 'string' ? reply.redirect(next) : reply.view(next.render, next.data)
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        errors = error.fieldErrors
      }
    }
    const pickers = await pickerViews(route.pickers, form, body)
    return renderFormErrors(
      reply,
      route.template,
      { ...context, values: body, pickers },
      inOrder(errors, route.fieldOrder),
    )
  })
}

/**
 * A POST without a page of its own (resend an invitation, disable an account, sign out): parsed
 * with its schema, then run. Bad input, or a ValidationError from the service, gives the 400
 * problem page listing what is wrong.
 */
export function actionRoute<S extends z.ZodType>(
  app: FastifyInstance,
  route: {
    path: string
    access: Access
    schema: S
    run: (request: FormRequest, input: z.infer<S>, reply: FastifyReply) => Promise<string>
    /** Required on a public action (platform/http.ts refuses to start otherwise). */
    rateLimit?: { max: number; timeWindow: string }
  },
) {
  const config = { ...route.access, ...(route.rateLimit && { rateLimit: route.rateLimit }) } as FastifyContextConfig
  app.post(route.path, { config }, async (request, reply) => {
    const parsed = route.schema.safeParse(request.body ?? {})
    if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error))
    return reply.redirect(await route.run(formRequest(request), parsed.data, reply))
  })
}

function inOrder(errors: FieldErrors, order: readonly string[] | undefined): FieldErrors {
  if (!order) return errors
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length)
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)))
}

/** Re-renders a form with status 400, the error summary and the user's input kept. */
export function renderFormErrors(
  reply: FastifyReply,
  template: string,
  data: Record<string, unknown>,
  errors: FieldErrors,
) {
  return reply.code(400).view(template, { ...data, errors, errorList: errorList(errors) })
}

/** Where a saved form goes: the record's page, saying it was saved, or that nothing changed. */
export function afterSave(path: string, changed = true) {
  return `${path}?${changed ? 'saved' : 'unchanged'}=1`
}

/** The banner after a save: `saved` from afterSave, or "No changes made". */
export function savedBanner(query: Query, saved: string) {
  if (query.unchanged) return 'No changes made'
  return query.saved ? saved : null
}
