import type { Database } from '../../src/db/index.ts'
import { createAgency, type AgencyInput } from '../../src/modules/partnership/agencies/service.ts'
import { createGroup, type GroupInput } from '../../src/modules/partnership/groups/service.ts'
import { addMembership, type MembershipInput } from '../../src/modules/partnership/memberships/service.ts'
import { createPerson, type PersonInput } from '../../src/modules/partnership/people/service.ts'
import { builderActor, nextNumber, pick } from './names.ts'

/** Directory records, each through the directory's own service, so its audit row and checks are real. */

const towns = ['Didcot', 'Bicester', 'Witney', 'Abingdon', 'Thame', 'Wantage', 'Henley', 'Wallingford']
const services = ['Family Centre', 'Youth Trust', 'Community Health', 'Children’s Centre', 'Housing Association']

export async function insertAgency(db: Database, partnershipId: string, overrides: Partial<AgencyInput> = {}) {
  const n = nextNumber()
  const input: AgencyInput = {
    name: `${pick(towns, n)} ${pick(services, n)} ${n}`,
    type: 'voluntary-and-community-sector',
    contributesFunding: false,
    active: true,
    ...overrides,
  }
  return { id: await createAgency(db, builderActor(partnershipId), input), ...input }
}

// Twelve first names and eleven surnames: each number up to 132 gets its own pair.
const firstNames = [
  'Alex',
  'Bea',
  'Chidi',
  'Dana',
  'Eilidh',
  'Farah',
  'Gareth',
  'Hana',
  'Idris',
  'Jo',
  'Kwame',
  'Leila',
]
const surnames = [
  'Rivers',
  'Okonkwo',
  'Byrne',
  'Castell',
  'Dhillon',
  'Fairweather',
  'Gill',
  'Hollis',
  'Ibrahim',
  'Jarvis',
  'Kerr',
]
const jobTitles = ['Safeguarding Adviser', 'Family Support Worker', 'Designated Safeguarding Lead', 'Health Visitor']

/** A person of no agency unless `agencyId` is given; their email is made from their name. */
export async function insertPerson(db: Database, partnershipId: string, overrides: Partial<PersonInput> = {}) {
  const n = nextNumber()
  const first = pick(firstNames, n)
  const surname = pick(surnames, n)
  const name = n < firstNames.length * surnames.length ? `${first} ${surname}` : `${first} ${surname} ${n}`
  const input: PersonInput = {
    name,
    jobTitle: pick(jobTitles, n),
    agencyId: null,
    email: `${first}.${surname}.${n}@builders.example`.toLowerCase(),
    ...overrides,
  }
  return { id: await createPerson(db, builderActor(partnershipId), input), ...input }
}

const topics = ['Neglect', 'Child Exploitation', 'Learning and Development', 'Online Safety', 'Early Help']

export async function insertGroup(db: Database, partnershipId: string, overrides: Partial<GroupInput> = {}) {
  const n = nextNumber()
  const topic = pick(topics, n)
  const input: GroupInput = {
    name: `${topic} ${n}`,
    kind: 'subgroup',
    purpose: `Oversees the partnership’s work on ${topic.toLowerCase()}.`,
    active: true,
    ...overrides,
  }
  return { id: await createGroup(db, builderActor(partnershipId), input), ...input }
}

/** A current seat on a group; a new group and a new person are made for it unless given. */
export async function insertMembership(
  db: Database,
  partnershipId: string,
  overrides: Partial<MembershipInput> & { groupId?: string } = {},
) {
  const { groupId = (await insertGroup(db, partnershipId)).id, ...rest } = overrides
  const input: MembershipInput = {
    personId: rest.personId ?? (await insertPerson(db, partnershipId)).id,
    role: 'member',
    startsOn: '2024-04-01',
    endsOn: null,
    ...rest,
  }
  return { id: await addMembership(db, builderActor(partnershipId), groupId, input), groupId, ...input }
}
