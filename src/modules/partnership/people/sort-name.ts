/**
 * The name a person is filed under: family name first ("Lyons, Kate"), so lists read the way a
 * paper directory does rather than by titles ("Detective Superintendent …") or first names.
 *
 * The family name is taken to be the last word once titles and honours are dropped. That is wrong
 * for some names ("de Souza", "Ní Bhriain"), which is why the person form has a "Sort as" field.
 *
 * migrations/0005_people-sort-name.sql fills existing rows with the same rules written in SQL; a
 * test runs both over the same names, so change them together.
 */

/** Titles and ranks that come before a name, longest first so "Detective Chief Inspector" wins over "Inspector". */
export const titles = [
  'detective chief superintendent',
  'detective chief inspector',
  'detective superintendent',
  'detective inspector',
  'detective sergeant',
  'detective constable',
  'assistant chief constable',
  'deputy chief constable',
  'chief superintendent',
  'chief constable',
  'chief inspector',
  'superintendent',
  'inspector',
  'sergeant',
  'constable',
  'squadron leader',
  'wing commander',
  'group captain',
  'flight lieutenant',
  'lieutenant colonel',
  'lieutenant commander',
  'lieutenant',
  'brigadier',
  'colonel',
  'captain',
  'major',
  'commander',
  'professor',
  'prof',
  'doctor',
  'dr',
  'mrs',
  'mr',
  'ms',
  'miss',
  'mx',
  'sir',
  'dame',
  'lord',
  'lady',
  'the reverend',
  'reverend',
  'revd',
  'rev',
  'councillor',
  'cllr',
] as const

/**
 * Honours written after a name ("Kate Lyons QPM"): not a family name. Only in capitals, since some
 * are family names too ("Ayo Obe"); KC is left out because it is a common Nepali family name.
 */
export const honours = ['OBE', 'MBE', 'CBE', 'QPM', 'KPM', 'QC', 'JP', 'DL'] as const

const leadingTitles = new RegExp(`^(?:(?:${titles.join('|')})\\.?\\s+)+`, 'i')
const trailingHonours = new RegExp(`(?:,?\\s+(?:${honours.join('|')}))+$`)

export function sortNameFor(name: string): string {
  const whole = name.trim().replace(/\s+/g, ' ')
  const words = whole.replace(leadingTitles, '').replace(trailingHonours, '').trim().split(' ').filter(Boolean)
  // A name that is nothing but a title ("Captain") is filed as written.
  if (!words.length) return whole
  const family = words.pop()!
  return words.length ? `${family}, ${words.join(' ')}` : family
}
