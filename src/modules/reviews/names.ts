import { readFileSync } from 'node:fs'

/**
 * The name check: case review records name children and families by a pseudonym ("Child K",
 * "Family M"), never a real name (UK GDPR special category data, DOMAIN.md). This finds an obvious
 * real full name in free text where a pseudonym is expected, so the form can warn before saving: a
 * common first name (first-names.txt) followed by one or more words that look like surnames
 * ("Jane Smith", "Tyler O'Brien", "Mohammed Al-Hassan"). It is deliberately simple and errs
 * towards warning: a warning is cheap to dismiss, a real name kept in a case record is not. It
 * cannot find a name it does not know, or a name written in lower case.
 */

const firstNames = new Set(
  readFileSync(new URL('./first-names.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((name) => name.toLowerCase()),
)

/**
 * Capitalised words that follow a first name in ordinary case review writing without being a
 * surname: pseudonyms, agencies and services, places, documents, and the calendar.
 */
const notSurnames = new Set(
  [
    // Pseudonyms and family roles
    'child',
    'children',
    'family',
    'families',
    'baby',
    'sibling',
    'mother',
    'father',
    'parent',
    'parents',
    // Agencies, services and places
    'police',
    'constabulary',
    'council',
    'county',
    'city',
    'borough',
    'district',
    'social',
    'care',
    'services',
    'service',
    'health',
    'hospital',
    'trust',
    'foundation',
    'school',
    'academy',
    'college',
    'university',
    'primary',
    'secondary',
    'nursery',
    'centre',
    'center',
    'court',
    'team',
    'board',
    'partnership',
    'panel',
    'unit',
    'ward',
    'surgery',
    'clinic',
    'practice',
    'agency',
    'department',
    'office',
    'authority',
    'house',
    'street',
    'road',
    'lane',
    'avenue',
    'close',
    'drive',
    'way',
    'valley',
    // Reviews and their documents
    'review',
    'reviews',
    'case',
    'serious',
    'safeguarding',
    'learning',
    'together',
    'protection',
    'plan',
    'conference',
    'strategy',
    'meeting',
    'report',
    'act',
    'regulations',
    // The calendar
    'monday',
    'tuesday',
    'wednesday',
    'thursday',
    'friday',
    'saturday',
    'sunday',
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
    'christmas',
    'easter',
    'day',
  ].map((word) => word.toLowerCase()),
)

/** A run of capitalised words side by side ("Thames Valley Police", "Jane Smith"), not across punctuation. */
const capitalisedRun = /(?<![\p{L}\p{N}'’-])\p{Lu}[\p{L}'’-]*(?:[ \t\u00A0]+\p{Lu}[\p{L}'’-]*)+/gu

const withoutPossessive = (word: string) => word.replace(/['’]s$/u, '')

/** A word that could be a surname: not an initial ("K"), not an acronym ("NHS"), not a word of the stop list. */
function looksLikeSurname(word: string) {
  const bare = withoutPossessive(word)
  return bare.length >= 2 && /\p{Ll}/u.test(bare) && !notSurnames.has(bare.toLowerCase())
}

const isFirstName = (word: string) => firstNames.has(withoutPossessive(word).toLowerCase())

/** The likely real full names in the text, each once, as written ("Jane Smith"). */
export function likelyRealNames(text: string | null | undefined): string[] {
  const found = new Set<string>()
  for (const [run] of (text ?? '').matchAll(capitalisedRun)) {
    const words = run.split(/[ \t\u00A0]+/)
    for (let i = 0; i < words.length - 1; i++) {
      if (!isFirstName(words[i]!) || !looksLikeSurname(words[i + 1]!)) continue
      let end = i + 2
      while (end < words.length && looksLikeSurname(words[end]!)) end++
      found.add([...words.slice(i, end - 1), withoutPossessive(words[end - 1]!)].join(' '))
      i = end - 1
    }
  }
  return [...found]
}

/** For a form: each field's likely real names, only the fields with some. */
export function namesInFields(fields: Record<string, string | null | undefined>): Record<string, string[]> {
  const byField: Record<string, string[]> = {}
  for (const [field, text] of Object.entries(fields)) {
    const names = likelyRealNames(text)
    if (names.length) byField[field] = names
  }
  return byField
}
