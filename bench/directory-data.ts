import { and, eq } from 'drizzle-orm'
import type { Database } from '../src/db/index.ts'
import { agencies, people } from '../src/modules/partnership/schema.ts'

/**
 * The bench directory: the demo partnership plus 1,000 invented people spread over its agencies,
 * inserted in one statement (bench data, so no audit rows). Names repeat across agencies the way
 * real ones do; about one in nine job titles contains "nurse", so the search page has >100 matches.
 */
export const benchPeopleCount = 1000
export const searchTerm = 'nurse'

// prettier-ignore
export const firstNames = [
  'Aisha', 'Ben', 'Chloe', 'Daniel', 'Emma', 'Faisal', 'Georgia', 'Harry', 'Imogen', 'Jack',
  'Kiran', 'Laura', 'Mohammed', 'Nadia', 'Oliver', 'Poppy', 'Qasim', 'Rebecca', 'Samuel', 'Tara',
  'Usman', 'Victoria', 'William', 'Xenia', 'Yusuf', 'Zara', 'Adam', 'Bethan', 'Callum', 'Deborah',
  'Ethan', 'Fatima', 'Gareth', 'Hannah', 'Isaac', 'Jasmine', 'Kwame', 'Leah', 'Matthew', 'Niamh',
]

// prettier-ignore
export const surnames = [
  'Abbott', 'Begum', 'Clarke', 'Davies', 'Edwards', 'Fletcher', 'Green', 'Hussain', 'Iqbal', 'Jones',
  'Khan', 'Lewis', 'Murphy', 'Nowak', 'O’Brien', 'Patel', 'Robinson', 'Smith', 'Taylor', 'Turner',
  'Walker', 'Wilson', 'Wright', 'Young', 'Zielinski',
]

// prettier-ignore
export const jobTitles = [
  'Social Worker', 'Senior Social Worker', 'Team Manager, Children’s Social Care', 'Health Visitor', 'School Nurse',
  'Named Nurse, Safeguarding Children', 'Designated Safeguarding Lead', 'Police Constable, Child Abuse Investigation',
  'Detective Sergeant', 'Probation Officer', 'Youth Worker', 'Family Support Worker', 'Housing Officer',
  'Consultant Paediatrician', 'Community Midwife', 'Class Teacher', 'Early Help Co-ordinator', 'Independent Reviewing Officer',
]

export async function addBenchPeople(db: Database, partnershipId: string) {
  const agencyIds = (
    await db
      .select({ id: agencies.id })
      .from(agencies)
      .where(eq(agencies.partnershipId, partnershipId))
      .orderBy(agencies.name)
  ).map((a) => a.id)
  const rows = Array.from({ length: benchPeopleCount }, (_, i) => {
    const first = firstNames[i % firstNames.length]!
    const last = surnames[Math.floor(i / firstNames.length) % surnames.length]!
    return {
      partnershipId,
      name: `${first} ${last}`,
      sortName: `${last}, ${first}`,
      jobTitle: jobTitles[i % jobTitles.length]!,
      agencyId: agencyIds[i % agencyIds.length]!,
      email: `${first}.${last}.${i}@bench.example`.toLowerCase().replace(/[^a-z0-9.@]/g, ''),
    }
  })
  await db.insert(people).values(rows)
}

/** The record page benched: a demo person with group memberships and history. */
export async function benchPersonId(db: Database, partnershipId: string) {
  const [row] = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.partnershipId, partnershipId), eq(people.name, 'Sam Patel')))
  if (!row) throw new Error('The demo partnership has no Sam Patel: has the seed changed?')
  return row.id
}
