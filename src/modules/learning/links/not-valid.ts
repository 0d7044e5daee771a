import { NotFoundError } from '../../../platform/errors.ts'

/**
 * The 404 page for an emailed link that is not valid for its page (unknown, expired, revoked, or
 * made for something else): the same whatever the reason, so a page says nothing about a record it
 * was not sent about. `template` extends views/link-not-valid.njk with the page's own advice.
 */
export function linkNotValid(template = 'modules/learning/views/link-not-valid.njk') {
  return new NotFoundError('This link has expired or is not valid', template)
}
