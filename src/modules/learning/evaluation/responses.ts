import { NotFoundError } from '../../../platform/errors.ts'

/** The page for a signed link that is not one (unknown, expired, revoked, or for something else): the same for all. */
export function linkNotValid() {
  return new NotFoundError('This link has expired or is not valid', 'modules/learning/views/link-not-valid.njk')
}
