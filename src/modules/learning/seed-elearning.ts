import { randomUUID } from 'node:crypto'
import { addDays, type Random } from './seed-random.ts'
import type { LearnerRow, workforce } from './seed-workforce.ts'
import type { agencyAliases, elearningCompletions } from './schema.ts'

/**
 * E-learning in the demo: the modules the e-learning platform offered, completed through
 * 2016/17 by people who also came on courses and by many more who only learned online, as the
 * platform's exports named their agencies (by the directory's name, by a short name the aliases
 * resolve, and a few not yet matched). A few hundred completions this year keep today's figures alive.
 */
export type CompletionRow = typeof elearningCompletions.$inferInsert
export type AliasRow = typeof agencyAliases.$inferInsert

const modules = [
  'Safeguarding children: an introduction (e-learning)',
  'Child sexual exploitation awareness',
  'Prevent: awareness of radicalisation',
  'Female genital mutilation awareness',
  'Domestic abuse awareness',
  'Safer recruitment',
]

/** Short names the e-learning platform's exports use, as [alias, the directory's name]. */
const aliases: [string, string][] = [
  ['oxon cc', 'Oxfordshire County Council'],
  ['occ', 'Oxfordshire County Council'],
  ['ouh', 'Oxford University Hospitals NHS Foundation Trust'],
  ['ouh nhs ft', 'Oxford University Hospitals NHS Foundation Trust'],
  ['oxford health', 'Oxford Health NHS Foundation Trust'],
  ['tvp', 'Thames Valley Police'],
  ['oxfordshire ccg', 'Oxfordshire Clinical Commissioning Group'],
]

/** Names in the exports the business unit has not matched yet. */
const unmatched = ['Oxon Children’s Services', 'Oxf Schools', 'Thames Valley Constabulary']

export function agencyAliasRows(partnershipId: string, agencyIds: ReadonlyMap<string, string>): AliasRow[] {
  return aliases
    .filter(([, name]) => agencyIds.has(name))
    .map(([alias, name]) => ({ partnershipId, alias, agencyId: agencyIds.get(name)! }))
}

export function completions(
  random: Random,
  partnershipId: string,
  options: {
    /** Everyone with a learner row so far (some take e-learning as well as a course). */
    attended: readonly LearnerRow[]
    /** How many people only learned online in 2016/17. */
    onlineOnly: number
    people: ReturnType<typeof workforce>
    agencyNames: ReadonlyMap<string, string>
  },
) {
  const { attended, onlineOnly, people, agencyNames } = options
  const aliasOf = new Map(aliases.map(([alias, name]) => [name, alias]))
  const learners: LearnerRow[] = []
  const rows: CompletionRow[] = []
  const complete = (learner: LearnerRow, count: number, first: string, days: number) => {
    for (const moduleName of random.shuffle(modules).slice(0, count)) {
      const directoryName = learner.agencyId ? agencyNames.get(learner.agencyId)! : null
      const roll = random.next()
      const matchedName = directoryName && roll < 0.2 ? (aliasOf.get(directoryName) ?? directoryName) : directoryName
      const stillUnmatched = directoryName !== null && roll > 0.995
      rows.push({
        id: randomUUID(),
        partnershipId,
        learnerId: learner.id,
        moduleName,
        completedOn: addDays(first, random.int(0, days - 1)),
        agencyName: stillUnmatched ? random.pick(unmatched) : (matchedName ?? learner.agencyOther ?? 'Not given'),
        agencyId: stillUnmatched ? null : (learner.agencyId ?? null),
        importBatchId: null,
      })
    }
  }
  const moduleCount = () =>
    random.weighted([
      [1, 75],
      [2, 20],
      [3, 5],
    ] as const)
  // 2016/17: 1 April 2016 to 31 March 2017 is 365 days.
  for (const learner of attended) if (random.chance(0.12)) complete(learner, moduleCount(), '2016-04-01', 365)
  for (let i = 0; i < onlineOnly; i++) {
    const learner = people.person()
    // The platform did not always ask which sector someone works in.
    if (random.chance(0.04)) learner.sector = null
    learners.push(learner)
    complete(learner, moduleCount(), '2016-04-01', 365)
  }
  return { learners, completions: rows }
}

/** Refresher e-learning this year, by people already known, from `first` for `days` days. */
export function recentCompletions(
  random: Random,
  partnershipId: string,
  known: readonly LearnerRow[],
  agencyNames: ReadonlyMap<string, string>,
  first: string,
  days: number,
): CompletionRow[] {
  if (days <= 0) return []
  return random
    .shuffle(known)
    .slice(0, 240)
    .map((learner) => ({
      id: randomUUID(),
      partnershipId,
      learnerId: learner.id,
      moduleName: random.pick(modules),
      completedOn: addDays(first, random.int(0, days - 1)),
      agencyName: (learner.agencyId && agencyNames.get(learner.agencyId)) || learner.agencyOther || 'Not given',
      agencyId: learner.agencyId ?? null,
      importBatchId: null,
    }))
}
