import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import { ValidationError, type FieldErrors } from './errors.ts'
import { fieldErrors } from './forms.ts'
import { renderFormErrors, requireActor } from './http.ts'
import type { SignedInUser } from './accounts/service.ts'
import type { Permission } from './permissions.ts'

/**
 * One GET + POST pair for a form, the GOV.UK way: the POST parses with a strict schema; on
 * bad input it re-renders with status 400, the error summary and what the user typed; on
 * success it redirects (post/redirect/get). A schema is required, so a form cannot skip validation.
 */
export interface FormRoute<S extends z.ZodType> {
  path: string
  permission: Permission
  template: string
  schema: S
  /** Everything the template needs besides values and errors (options for selects, the record…). */
  context: (actor: SignedInUser, request: FastifyRequest) => Promise<Record<string, unknown>>
  /** The values a fresh form opens with. */
  initialValues: (
    actor: SignedInUser,
    request: FastifyRequest,
    context: Record<string, unknown>,
  ) => Promise<Record<string, unknown>> | Record<string, unknown>
  /** Extra checks that need the raw body (date inputs): return field errors, or the parsed extras. */
  extra?: (body: Record<string, unknown>) => { errors?: FieldErrors; values?: Record<string, unknown> }
  /** Saves and returns where to go next. */
  save: (actor: SignedInUser, input: z.infer<S>, request: FastifyRequest) => Promise<string>
}

export function formRoute<S extends z.ZodType>(app: FastifyInstance, route: FormRoute<S>) {
  app.get(route.path, { config: { permission: route.permission } }, async (request, reply) => {
    const actor = requireActor(request)
    const context = await route.context(actor, request)
    return reply.view(route.template, {
      ...context,
      values: await route.initialValues(actor, request, context),
      errors: {},
    })
  })

  app.post(route.path, { config: { permission: route.permission } }, async (request, reply) => {
    const actor = requireActor(request)
    const body = (request.body ?? {}) as Record<string, unknown>
    const parsed = route.schema.safeParse(body)
    const extra = route.extra?.(body) ?? {}
    let errors: FieldErrors = { ...(extra.errors ?? {}), ...(parsed.success ? {} : fieldErrors(parsed.error)) }
    if (!Object.keys(errors).length) {
      try {
        const next = await route.save(
          actor,
          { ...(parsed.data as object), ...(extra.values ?? {}) } as z.infer<S>,
          request,
        )
        return reply.redirect(next)
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        errors = error.fieldErrors
      }
    }
    const context = await route.context(actor, request)
    return renderFormErrors(reply, route.template, { ...context, values: body }, errors)
  })
}
