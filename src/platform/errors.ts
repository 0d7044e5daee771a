/**
 * The one vocabulary of expected failures. Services throw these; the error handler in
 * platform/http.ts maps each to a page and a status code. Anything else is a 500.
 */
export class NotFoundError extends Error {
  readonly statusCode = 404
  constructor(
    message = 'Page not found',
    /** A page that says more than "not found" (an expired link says how to get a new one). */
    readonly template?: string,
  ) {
    super(message)
  }
}

export class ForbiddenError extends Error {
  readonly statusCode = 403
  constructor(message = 'You do not have permission to do that') {
    super(message)
  }
}

/**
 * Not a refusal: the page is not open for the record as it now is (a form for a return already
 * submitted), so the person is sent to where they can see why (303, GET or POST alike).
 */
export class SeeOtherError extends Error {
  readonly statusCode = 303
  constructor(readonly location: string) {
    super(`See ${location}`)
  }
}

export type FieldErrors = Record<string, string>

/** Bad input: field name → message in GOV.UK wording. */
export class ValidationError extends Error {
  readonly statusCode = 400
  constructor(readonly fieldErrors: FieldErrors) {
    super('Validation failed')
  }
}

/** The record changed since the form was opened; nothing was saved. */
export class StaleEditError extends Error {
  readonly statusCode = 409
  constructor(
    message = 'Someone else changed this record after you opened the form. Your changes have not been saved.',
  ) {
    super(message)
  }
}

/** A request no form could have sent (a null byte, an id that is not one): a 400 page, never a 500. */
export class BadRequestError extends Error {
  readonly statusCode = 400
  constructor(message = 'Bad request') {
    super(message)
  }
}
