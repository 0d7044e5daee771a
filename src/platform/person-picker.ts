import type { FormRequest } from './form-route.ts'
import type { FieldErrors } from './errors.ts'
import { searchText } from './lists.ts'
import { isUuid } from './tokens.ts'

/**
 * A person picker: one form field that holds a person's id, chosen by searching rather than from
 * a list of everyone (a partnership can have thousands of people).
 *
 * Without JavaScript it is a search box, a "Find" button and radios (views/macros/person-picker.njk):
 * "Find" posts the whole form, and `formRoute` re-renders it with every typed value kept and the
 * people who match as radios. Being the form's first button, Find is also what Enter in any of its
 * text boxes presses: that too brings the form back with nothing lost. With JavaScript,
 * assets/person-picker.js turns it into an autocomplete over the picker's search URL. Either way
 * the field posts the chosen person's id, so the route's schema and service check it as before.
 */

/** One person as a picker offers them. */
export interface PersonChoice {
  id: string
  name: string
  /** Job title and agency, to tell two people of one name apart. */
  hint: string | null
}

/** How a form route finds people for one picker field, as the signed-in person may see them. */
export interface Picker {
  /** Answers `?q=words` with JSON `[{ id, name, hint }]`, for the autocomplete. */
  searchUrl: string
  /** People matching words of a name, at most `limit`. */
  search(request: FormRequest, term: string, limit: number): Promise<PersonChoice[]>
  /** The person with this id, to show as the current choice; null when they cannot be picked. */
  chosen(request: FormRequest, id: string): Promise<PersonChoice | null>
}

/** What the picker macro shows for one field (its `picker` parameter). */
export interface PickerView {
  searchUrl: string
  /** The words in the search box. */
  term: string
  /** The person the field holds now, shown first and checked. */
  chosen: PersonChoice | null
  /** The people matching `term`, without the chosen one; null when no search was made. */
  results: PersonChoice[] | null
  /** True when more people match than are shown. */
  more: boolean
  /** True when "Find" was pressed with an empty search box. */
  emptySearch: boolean
}

/** Enough to spot the person wanted; more words narrow the search. */
export const pickerResultLimit = 20

/** The name the search box posts under: the field's own name holds the id. */
export const searchFieldName = (field: string) => `${field}-search`

/** The "Find" button posts `_find=<field>`: a request to search, not to save. */
export function findRequested(pickers: Record<string, Picker> | undefined, body: Record<string, unknown>) {
  const field = body._find
  return typeof field === 'string' && pickers && Object.hasOwn(pickers, field) ? field : null
}

function termIn(values: Record<string, unknown>, field: string) {
  const value = values[searchFieldName(field)]
  return (typeof value === 'string' && searchText(value)) || ''
}

/**
 * Words left in a search box with no person chosen from them: saving would quietly drop what the
 * user was looking for (or, for an optional field, save "none"), so it is an error instead.
 */
export function unpickedErrors(pickers: Record<string, Picker> | undefined, body: Record<string, unknown>) {
  const errors: FieldErrors = {}
  for (const field of Object.keys(pickers ?? {}))
    if (body[field] === undefined && termIn(body, field)) errors[field] = 'Select a person from the list'
  return errors
}

/**
 * Each picker's view for a render of the form: the person the field holds, and the people matching
 * the words in its search box (there are none on a fresh form; "Find" or a form sent back with
 * errors keeps them).
 */
export async function pickerViews(
  pickers: Record<string, Picker> | undefined,
  request: FormRequest,
  values: Record<string, unknown>,
  find: string | null = null,
): Promise<Record<string, PickerView>> {
  const entries = Object.entries(pickers ?? {}).map(async ([field, picker]): Promise<[string, PickerView]> => {
    const value = values[field]
    const term = termIn(values, field)
    const [chosen, found] = await Promise.all([
      typeof value === 'string' && isUuid(value) ? picker.chosen(request, value) : null,
      // One more than is shown, to know there are more, and one for the chosen person, shown apart.
      term ? picker.search(request, term, pickerResultLimit + 2) : null,
    ])
    const results = found && found.filter((person) => person.id !== chosen?.id)
    return [
      field,
      {
        searchUrl: picker.searchUrl,
        term,
        chosen,
        results: results && results.slice(0, pickerResultLimit),
        more: !!results && results.length > pickerResultLimit,
        emptySearch: find === field && !term,
      },
    ]
  })
  return Object.fromEntries(await Promise.all(entries))
}
