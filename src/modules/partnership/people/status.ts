import { and, isNull, or, sql } from 'drizzle-orm'
import { people } from '../schema.ts'

/**
 * Who counts as current: not erased, and not past their last day. Current lists, head counts and
 * the person choices use it, so a count never promises someone a list leaves out.
 */
export const currentPerson = and(
  isNull(people.erasedAt),
  or(isNull(people.leftOn), sql`${people.leftOn} >= current_date`),
)!

/** What an erased person is called wherever their record shows. */
export const erasedName = 'Erased person'
