import type { Database } from '../../../db/index.ts'
import { NotFoundError } from '../../../platform/errors.ts'
import type { PersonChoice, Picker } from '../../../platform/person-picker.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { personHint } from './presenters.ts'
import { getPerson, listPeople } from './service.ts'

/** The directory's people as person pickers offer them (platform/person-picker.ts): only those the actor may see. */

/** Answers `?q=words` with JSON `[{ id, name, hint }]` (people/routes.ts). */
export const personSearchUrl = '/directory/people/search'

const asChoice = (person: { id: string; name: string; jobTitle: string | null; agencyName: string | null }) => ({
  id: person.id,
  name: person.name,
  hint: personHint(person),
})

/** People matching words of a name, job title or email, in name order; those who have left only when asked. */
export async function searchPersonChoices(
  db: Database,
  actor: Actor,
  term: string,
  limit: number,
  options: { includeLeft?: boolean } = {},
): Promise<PersonChoice[]> {
  const rows = await listPeople(db, actor, {
    search: term || undefined,
    includeLeft: options.includeLeft,
    sort: 'name',
    direction: 'asc',
    limit,
  })
  return rows.map(asChoice)
}

/** One person, or null when they are not the actor's to see. */
export async function personChoice(db: Database, actor: Actor, id: string): Promise<PersonChoice | null> {
  try {
    return asChoice(await getPerson(db, actor, id))
  } catch (error) {
    if (error instanceof NotFoundError) return null
    throw error
  }
}

/** A form route's picker over the directory's people. */
export function personPicker(db: Database): Picker {
  return {
    searchUrl: personSearchUrl,
    search: ({ actor }, term, limit) => searchPersonChoices(db, actor, term, limit),
    chosen: ({ actor }, id) => personChoice(db, actor, id),
  }
}
