import { toCsv } from '../../../platform/exports.ts'
import { firstNames, lastNames } from '../../learning/seed-names.ts'
import { seededRandom, type Random } from '../../learning/seed-random.ts'
import { schoolHeaders } from './import.ts'

/**
 * The demo's schools and colleges: invented, but named and numbered as Oxfordshire's are (a saint
 * or a place, the church that founded it, the phase, the town), each with its designated
 * safeguarding lead. The same list on every start (a seeded random).
 */

const towns = [
  ['Oxford', 12],
  ['Banbury', 6],
  ['Bicester', 5],
  ['Abingdon', 4],
  ['Didcot', 4],
  ['Witney', 4],
  ['Wantage', 2],
  ['Thame', 2],
  ['Henley-on-Thames', 2],
  ['Wallingford', 2],
  ['Carterton', 2],
  ['Kidlington', 2],
  ['Chipping Norton', 2],
  ['Faringdon', 1],
  ['Woodstock', 1],
  ['Eynsham', 1],
  ['Wheatley', 1],
  ['Chinnor', 1],
  ['Botley', 1],
  ['Grove', 1],
  ['Burford', 1],
  ['Watlington', 1],
  ['Charlbury', 1],
  ['Bampton', 1],
  ['Cholsey', 1],
  ['Sonning Common', 1],
  ['Berinsfield', 1],
  ['Kennington', 1],
  ['Cumnor', 1],
  ['Goring', 1],
  ['Deddington', 1],
  ['Bloxham', 1],
  ['Hook Norton', 1],
  ['Steventon', 1],
  ['Benson', 1],
] as const

const saints = [
  'St Mary’s',
  'St John’s',
  'St Nicholas’',
  'St Andrew’s',
  'St Barnabas’',
  'St Ebbe’s',
  'St Frideswide’s',
  'St Joseph’s',
  'St Leonard’s',
  'St Michael’s',
  'St Peter’s',
  'St Swithun’s',
  'Holy Trinity',
  'Christ Church',
  'All Saints’',
]
const places = [
  'Windmill',
  'Meadowbrook',
  'Kingfisher',
  'Larkrise',
  'Cherwell Valley',
  'Thameside',
  'Windrush',
  'Ridgeway',
  'Icknield',
  'Orchard Fields',
  'Willowcroft',
  'Brookside',
  'Hill View',
  'Longfields',
  'Queensway',
  'Harriers Banbury',
  'Chiltern Edge',
  'Rose Hill',
  'Bishopswood',
  'Fir Tree',
  'Ladygrove',
  'Millbrook',
  'Badgemore',
  'Greyfriars',
]

type Phase = 'Primary' | 'Infant' | 'Junior' | 'Secondary' | 'Special' | 'Further education'

const phases: [Phase, number][] = [
  ['Primary', 180],
  ['Infant', 12],
  ['Junior', 10],
  ['Secondary', 36],
  ['Special', 9],
  ['Further education', 5],
]

function schoolName(random: Random, phase: Phase, town: string) {
  const church = random.weighted([
    ['CE ', 3],
    ['Catholic ', 1],
    ['', 6],
  ] as const)
  const saint = `${random.pick(saints)} ${church || 'CE '}`
  const place = `${random.pick(places)} `
  switch (phase) {
    case 'Primary':
      return random.weighted([
        [`${saint}Primary School, ${town}`, 3],
        [`${town} ${church}Primary School`, 3],
        [`${place}Primary School, ${town}`, 3],
        [`${town} Community Primary School`, 1],
      ] as const)
    case 'Infant':
      return random.chance(0.5) ? `${saint}Infant School, ${town}` : `${town} ${church}Infant School`
    case 'Junior':
      return random.chance(0.5) ? `${saint}Junior School, ${town}` : `${place}Junior School, ${town}`
    case 'Secondary':
      return random.weighted([
        [`${town} School`, 2],
        [`${town} Academy`, 2],
        [`The ${place}School, ${town}`, 2],
        [`${saint}School, ${town}`, 1],
      ] as const)
    case 'Special':
      return `${place}Special School, ${town}`
    case 'Further education':
      return `${town} College`
  }
}

export interface DemoSchool {
  urn: string
  name: string
  dslName: string
  dslEmail: string
}

/** About 250 schools and colleges (`count` is how many the small seed takes), URNs unique and rising. */
export function demoSchools(emailDomain: string, count?: number): DemoSchool[] {
  const random = seededRandom(175157)
  const names = new Set<string>()
  const emails = new Set<string>()
  const schools: DemoSchool[] = []
  let urn = 123_004
  const townList = towns.flatMap(([town, weight]) => Array<string>(weight).fill(town))
  for (const [phase, many] of phases)
    for (let i = 0; i < many; i++) {
      let name = schoolName(random, phase, random.pick(townList))
      for (let tries = 0; names.has(name.toLowerCase()) && tries < 20; tries++)
        name = schoolName(random, phase, random.pick(townList))
      if (names.has(name.toLowerCase())) continue
      names.add(name.toLowerCase())
      // Academies have later numbers than the schools the county maintains.
      urn = phase === 'Secondary' && i === 0 ? 137_012 : phase === 'Further education' && i === 0 ? 130_188 : urn
      urn += random.int(1, 9)
      const first = random.pick(firstNames)
      const last = random.pick(lastNames)
      let local = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '')
      for (let n = 2; emails.has(local); n++) local = `${first}.${last}${n}`.toLowerCase().replace(/[^a-z0-9.]/g, '')
      emails.add(local)
      schools.push({ urn: String(urn), name, dslName: `${first} ${last}`, dslEmail: `${local}@schools.${emailDomain}` })
    }
  if (count === undefined) return schools
  // The small seed: a few of each phase.
  return [0, 1, 2, 190, 210, 240].map((index) => schools[index]!).slice(0, count)
}

/** The schools as the import's CSV. */
export function schoolsCsv(schools: DemoSchool[]) {
  return toCsv([[...schoolHeaders], ...schools.map((s) => [s.urn, s.name, s.dslName, s.dslEmail])])
}
