import { randomUUID } from 'node:crypto'
import type { Random } from './seed-random.ts'
import type { LearnerSector, learners } from './schema.ts'
import { firstNames, gmail, lastNames, schoolDomains } from './seed-names.ts'
import { sectors, sectorWeights } from './seed-workplaces.ts'

/**
 * The demo's workforce: invented people in the sectors a county's safeguarding training reaches
 * (seed-workplaces.ts), at their agency in the directory or another they name. Each new person
 * gets an email no one else in the demo has.
 */
export type LearnerRow = typeof learners.$inferInsert & { id: string; sector: LearnerSector | null }

/** Makes new people, each with an email no one else has. */
export function workforce(random: Random, partnershipId: string, agencyIds: ReadonlyMap<string, string>) {
  const taken = new Set<string>()
  const uniqueEmail = (first: string, last: string, domain: string) => {
    const local = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '')
    for (let n = 1; ; n++) {
      const email = `${local}${n === 1 ? '' : n}@${domain}`
      if (!taken.has(email)) {
        taken.add(email)
        return email
      }
    }
  }
  return {
    /** Someone new, in the sector given or one drawn by the workforce's make-up. */
    person(sector: LearnerSector = random.weighted(sectorWeights)): LearnerRow {
      const place = random.weighted(sectors[sector].workplaces.map((w) => [w, w.weight] as const))
      const first = random.pick(firstNames)
      const last = random.pick(lastNames)
      const agencyId = place.agency ? (agencyIds.get(place.agency) ?? null) : null
      return {
        id: randomUUID(),
        partnershipId,
        email: uniqueEmail(first, last, random.pick(place.domains)),
        name: `${first} ${last}`,
        jobTitle: random.pick(place.jobs),
        agencyId,
        agencyOther: agencyId ? null : place.others ? random.pick(place.others) : (place.agency ?? 'Not given'),
        sector,
      }
    },
    /** A name and an email for someone who only reads the newsletter. */
    reader(domains: readonly string[] = gmail) {
      const first = random.pick(firstNames)
      const last = random.pick(lastNames)
      return { name: `${first} ${last}`, email: uniqueEmail(first, last, random.pick(domains)) }
    },
    /** Marks an email as used (a learner made elsewhere). */
    reserve(email: string) {
      taken.add(email)
    },
    schoolDomains,
  }
}
