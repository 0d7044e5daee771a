import { randomUUID } from 'node:crypto'
import { and, asc, desc, eq, notInArray } from 'drizzle-orm'
import type { Database } from '../../../db/index.ts'
import { recordAudit } from '../../../platform/audit.ts'
import { insertInChunks } from '../../../platform/imports/index.ts'
import type { SeedContext } from '../../../platform/modules.ts'
import type { Actor } from '../../../platform/permissions.ts'
import { addDays } from '../../../platform/working-days.ts'
import { raiseAction, todayInLondon } from '../../actions/service.ts'
import { seededRandom, type Random } from '../../learning/seed-random.ts'
import { agencies, people } from '../../partnership/schema.ts'
import { applyReturnAccess, auditGroupId } from '../access.ts'
import {
  auditAnswers,
  auditChallenges,
  auditCycles,
  auditFrameworks,
  auditReturns,
  frameworkCriteria,
  frameworkStandards,
  frameworkVersions,
  type FrameworkKind,
  type ReturnStatus,
} from '../audit-schema.ts'
import { scales, type ScaleCode } from '../scales.ts'
import { answerSourceType } from './results.ts'

/**
 * The demo's audit cycles (README.md), written after the frameworks' and schools' parts have
 * seeded: it reads the partnership's framework of each kind (its latest version) and its agencies,
 * and writes nothing for a kind that has no framework.
 *
 * - Full demo (`bulk`): section 11 2014/15 (closed) and 2016/17 (moderated, but Thames Valley
 *   Police's, submitted and waiting for its peer moderator Grace Lindqvist; its matrix mostly Green,
 *   some Amber — one criterion at the next grade in about one standard in eight — and one Red: one
 *   criterion of one agency moderated to the lowest, with two actions, one overdue; a few grades
 *   changed at moderation with reasons; one challenge answered; actions for every answer below the
 *   top grade), over the partner agencies (not schools, the education sector's seats or lay
 *   members); and the schools' audit 2016/17 over every school, about 90% returned.
 * - Test partnerships: a small section 11 2016/17 cycle over three agencies, moderated, no actions.
 *
 * Deterministic: seeded randomness (row ids are still random).
 */
type Criterion = { id: string; standardNumber: number; number: number; text: string }
type Version = { id: string; scale: ScaleCode; criteria: Criterion[] }
type Agency = { id: string; name: string }

async function latestVersion(db: Database, partnershipId: string, kind: FrameworkKind): Promise<Version | null> {
  const [version] = await db
    .select({ id: frameworkVersions.id, scale: frameworkVersions.scale })
    .from(frameworkVersions)
    .innerJoin(auditFrameworks, eq(auditFrameworks.id, frameworkVersions.frameworkId))
    .where(and(eq(auditFrameworks.partnershipId, partnershipId), eq(auditFrameworks.kind, kind)))
    .orderBy(asc(auditFrameworks.createdAt), desc(frameworkVersions.number))
    .limit(1)
  if (!version) return null
  const criteria = await db
    .select({
      id: frameworkCriteria.id,
      standardNumber: frameworkStandards.number,
      number: frameworkCriteria.number,
      text: frameworkCriteria.text,
    })
    .from(frameworkCriteria)
    .innerJoin(frameworkStandards, eq(frameworkStandards.id, frameworkCriteria.standardId))
    .where(eq(frameworkCriteria.versionId, version.id))
    .orderBy(asc(frameworkStandards.number), asc(frameworkCriteria.number))
  return criteria.length ? { ...version, criteria } : null
}

const agenciesOf = (db: Database, partnershipId: string, schools: boolean) =>
  db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(
      and(
        eq(agencies.partnershipId, partnershipId),
        schools ? eq(agencies.type, 'school') : notInArray(agencies.type, ['school', 'education', 'lay-members']),
      ),
    )
    .orderBy(asc(agencies.name))

export async function seedDemoCycles(db: Database, context: SeedContext) {
  const { actor, bulk } = context
  const pid = actor.partnershipId
  const random = seededRandom(2016)
  const section11 = await latestVersion(db, pid, 'section-11')
  const partners = section11 ? await agenciesOf(db, pid, false) : []
  if (section11 && partners.length) {
    if (!bulk) {
      await seedSection11Cycle(db, actor, random, section11, partners.slice(0, 3), { startYear: 2016, small: true })
    } else {
      await seedSection11Cycle(db, actor, random, section11, partners, { startYear: 2014 })
      await seedSection11Cycle(db, actor, random, section11, partners, { startYear: 2016 })
    }
  }
  if (!bulk) return
  const schoolsVersion = await latestVersion(db, pid, 'schools')
  const schools = schoolsVersion ? await agenciesOf(db, pid, true) : []
  if (schoolsVersion && schools.length) await seedSchoolsCycle(db, actor, random, schoolsVersion, schools)
}

const yearLabel = (startYear: number) => `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`

async function insertCycle(
  db: Database,
  actor: Actor,
  values: { name: string; versionId: string; startYear: number; status: 'open' | 'closed' },
) {
  const { startYear } = values
  const row = {
    partnershipId: actor.partnershipId,
    name: values.name,
    frameworkVersionId: values.versionId,
    startYear,
    opensOn: `${startYear}-09-01`,
    dueOn: `${startYear}-11-30`,
    status: values.status,
    openedAt: new Date(`${startYear}-09-01T09:00:00Z`),
    closedAt: values.status === 'closed' ? new Date(`${startYear + 1}-03-31T17:00:00Z`) : null,
    closedWithDrafts: values.status === 'closed' ? 0 : null,
  }
  const [cycle] = await db.insert(auditCycles).values(row).returning({ id: auditCycles.id })
  await recordAudit(db, actor, {
    action: 'created',
    recordType: 'audit-cycle',
    recordId: cycle!.id,
    summary: `Recorded the demo cycle ${values.name}`,
    after: row,
  })
  return cycle!.id
}

/** Returns for the agencies, each with its confidential scope (the audit subgroup looked up once). */
async function insertReturns(
  db: Database,
  actor: Actor,
  cycleId: string,
  rows: { agencyId: string; status: ReturnStatus; submittedOn: string | null; moderatorPersonId?: string | null }[],
) {
  const groupId = await auditGroupId(db, actor.partnershipId)
  const values = rows.map((row) => ({
    id: randomUUID(),
    partnershipId: actor.partnershipId,
    cycleId,
    agencyId: row.agencyId,
    status: row.status,
    moderatorPersonId: row.moderatorPersonId ?? null,
    submittedAt: row.submittedOn ? new Date(`${row.submittedOn}T12:00:00Z`) : null,
    moderatedAt:
      row.status === 'moderated' || row.status === 'closed' ? new Date(`${row.submittedOn}T12:00:00Z`) : null,
    closedAt: row.status === 'closed' ? new Date(`${row.submittedOn}T12:00:00Z`) : null,
  }))
  await insertInChunks(db, auditReturns, values)
  for (const row of values) await applyReturnAccess(db, actor, row, groupId)
  return values
}

const moderationReasons = {
  down: [
    'The evidence shows the policy but not that staff follow it: the audit of supervision records found gaps.',
    'Training figures given were for the whole organisation; front-line completion is lower.',
    'No evidence that children’s views are recorded in assessments.',
  ],
  up: ['The agency’s own audit of case files, seen at moderation, shows the standard is met in full.'],
}

async function seedSection11Cycle(
  db: Database,
  actor: Actor,
  random: Random,
  version: Version,
  partners: Agency[],
  options: { startYear: number; small?: boolean },
) {
  const { startYear } = options
  const current = startYear === 2016
  const name = `Section 11 ${yearLabel(startYear)}`
  const grades = scales[version.scale].grades
  const [top, next, lowest] = [grades[0]!.code, grades[1]!.code, grades.at(-1)!.code]
  const cycleId = await insertCycle(db, actor, {
    name,
    versionId: version.id,
    startYear,
    status: current ? 'open' : 'closed',
  })
  // A peer moderator from another agency for one return, when the demo has the subgroup member.
  const [peer] = await db
    .select({ id: people.id, agencyId: people.agencyId })
    .from(people)
    .where(and(eq(people.partnershipId, actor.partnershipId), eq(people.name, 'Grace Lindqvist')))
  const peerFor = partners.find((a) => a.name === 'Thames Valley Police' && a.id !== peer?.agencyId)
  // That return is submitted and waiting for its peer moderator; the business unit moderated the others.
  const awaiting = current && peer && peerFor ? partners.indexOf(peerFor) : -1
  const returns = await insertReturns(
    db,
    actor,
    cycleId,
    partners.map((agency, i) => ({
      agencyId: agency.id,
      status: !current ? 'closed' : i === awaiting ? 'submitted' : 'moderated',
      submittedOn: addDays(`${startYear}-11-01`, i),
      moderatorPersonId: i === awaiting ? peer!.id : null,
    })),
  )
  const drawn = current && !options.small ? random.int(0, partners.length - 1) : -1
  // The one red is a moderator's decision, so never on the return still waiting for moderation.
  const redAt = drawn === awaiting ? (drawn + 1) % partners.length : drawn
  const redCriterion = random.int(0, version.criteria.length - 1)
  // A standard reads its lowest criterion's grade, so 2016/17's shortfalls are few and each in one
  // criterion: about one standard in eight of an agency has one criterion at the next grade.
  const shortfalls = new Set<string>()
  if (current && !options.small)
    for (const a of returns.keys())
      for (const number of new Set(version.criteria.map((c) => c.standardNumber)))
        if (random.chance(0.12))
          shortfalls.add(`${a}:${random.pick(version.criteria.filter((c) => c.standardNumber === number)).id}`)
  const selfGrade = (a: number, criterion: Criterion, c: number) => {
    if (options.small) return c === 0 ? next : top
    if (current) return shortfalls.has(`${a}:${criterion.id}`) ? next : top
    return random.weighted([
      [top, 0.55],
      [next, 0.4],
      [lowest, 0.05],
    ] as const)
  }
  const answers = returns.flatMap((ret, a) =>
    version.criteria.map((criterion, c) => {
      let self = selfGrade(a, criterion, c)
      let moderated = self
      let reason = 'Agreed at moderation: the evidence supports the grade.'
      if (a === redAt && c === redCriterion) {
        self = next
        moderated = lowest
        reason = 'The single central record had gaps: checks for three members of staff were not recorded.'
      } else if (current && !options.small && random.chance(self === top ? 0.01 : 0.25)) {
        // A few grades changed at moderation: rarely down, a shortfall's now and then up.
        const down = self === top
        moderated = down ? next : top
        reason = random.pick(down ? moderationReasons.down : moderationReasons.up)
      }
      const unmoderated = ret.status === 'submitted'
      return {
        id: randomUUID(),
        partnershipId: actor.partnershipId,
        returnId: ret.id,
        criterionId: criterion.id,
        selfGrade: self,
        evidence: `Our ${random.pick(['policy', 'annual audit', 'training records', 'supervision audit'])} for ${yearLabel(startYear)}.`,
        moderatedGrade: unmoderated ? null : moderated,
        moderationReason: unmoderated ? null : reason,
        moderatedAt: ret.moderatedAt,
      }
    }),
  )
  await insertInChunks(db, auditAnswers, answers)
  for (const ret of returns)
    await recordAudit(db, actor, {
      action: ret.status === 'submitted' ? 'submitted' : 'moderated',
      recordType: 'audit-return',
      recordId: ret.id,
      summary: `Recorded the demo return to ${name}, ${ret.status === 'submitted' ? 'submitted' : 'moderated'}`,
      related: [{ recordType: 'audit-cycle', recordId: cycleId }],
    })
  if (!current || options.small) return
  await raiseDemoActions(db, actor, { name, version, partners, returns, answers, top, lowest })
  const red = answers.find((answer) => answer.moderatedGrade === lowest)
  if (red)
    await db.insert(auditChallenges).values({
      partnershipId: actor.partnershipId,
      returnId: red.returnId,
      criterionId: red.criterionId,
      question: 'How do you check that agency and bank staff have had their checks before they start?',
      askedAt: new Date('2016-12-05T10:00:00Z'),
      answer: 'The staffing agency confirms checks in writing before each placement; we now audit a sample each month.',
      answeredAt: new Date('2016-12-12T15:00:00Z'),
    })
}

/** An action for every answer below the top grade: the next grade's done; the lowest's one overdue, one on track. */
async function raiseDemoActions(
  db: Database,
  actor: Actor,
  cycle: {
    name: string
    version: Version
    partners: Agency[]
    returns: { id: string; agencyId: string }[]
    answers: { id: string; returnId: string; criterionId: string; selfGrade: string; moderatedGrade: string | null }[]
    top: string
    lowest: string
  },
) {
  const criteria = new Map(cycle.version.criteria.map((c) => [c.id, c]))
  const agencyOf = new Map(cycle.returns.map((r) => [r.id, cycle.partners.find((a) => a.id === r.agencyId)!]))
  // A return not yet moderated was submitted with an action for every self-grade below the top.
  const gradeOf = (a: { selfGrade: string; moderatedGrade: string | null }) => a.moderatedGrade ?? a.selfGrade
  for (const answer of cycle.answers.filter((a) => gradeOf(a) !== cycle.top)) {
    const criterion = criteria.get(answer.criterionId)!
    const agency = agencyOf.get(answer.returnId)!
    const source = {
      type: answerSourceType,
      id: answer.id,
      label: `${agency.name}: ${cycle.name}, criterion ${criterion.standardNumber}.${criterion.number}`,
      href: `/assurance/returns/${answer.returnId}`,
    }
    const description = `Meet in full: ${criterion.text}`
    if (gradeOf(answer) !== cycle.lowest) {
      await raiseAction(db, actor, {
        source,
        description,
        ownerAgencyId: agency.id,
        dueOn: '2017-03-31',
        completed: { evidence: 'Re-audited in March 2017: met in full.', completedOn: '2017-03-24' },
      })
      continue
    }
    await raiseAction(db, actor, {
      source,
      description: 'Complete the single central record for every member of staff, agency staff included',
      ownerAgencyId: agency.id,
      dueOn: '2017-01-31',
    })
    await raiseAction(db, actor, {
      source,
      description: 'Audit a sample of agency staff checks each month and report to the audit subgroup',
      ownerAgencyId: agency.id,
      dueOn: addDays(todayInLondon(), 60),
      status: 'on-track',
    })
  }
}

/** Every school invited; about 90% returned, most at the top grades, a tail below the minimum. */
async function seedSchoolsCycle(db: Database, actor: Actor, random: Random, version: Version, schools: Agency[]) {
  const name = 'Schools’ safeguarding audit 2016/17'
  const cycleId = await insertCycle(db, actor, { name, versionId: version.id, startYear: 2016, status: 'open' })
  const returns = await insertReturns(
    db,
    actor,
    cycleId,
    schools.map((school) => {
      const returned = random.chance(0.9)
      return {
        agencyId: school.id,
        status: returned ? 'submitted' : 'draft',
        submittedOn: returned ? addDays('2016-10-03', random.int(0, 60)) : null,
      }
    }),
  )
  const grades = scales[version.scale].grades
  const good = grades.filter((g) => !g.belowMinimum).map((g) => g.code)
  const below = grades.filter((g) => g.belowMinimum).map((g) => g.code)
  const answers = returns
    .filter((ret) => ret.status === 'submitted')
    .flatMap((ret) => {
      const weak = random.chance(0.3)
      const weakAt = new Set(weak ? random.shuffle(version.criteria.map((c) => c.id)).slice(0, random.int(1, 3)) : [])
      return version.criteria.map((criterion) => ({
        partnershipId: actor.partnershipId,
        returnId: ret.id,
        criterionId: criterion.id,
        selfGrade: weakAt.has(criterion.id)
          ? random.weighted([
              [below[0]!, 3],
              [below.at(-1)!, 1],
            ] as const)
          : random.weighted([
              [good[0]!, 7],
              [good.at(-1)!, 3],
            ] as const),
      }))
    })
  await insertInChunks(db, auditAnswers, answers)
  await recordAudit(db, actor, {
    action: 'created',
    recordType: 'audit-cycle',
    recordId: cycleId,
    summary: `Recorded the demo returns to ${name}: ${answers.length} answers from ${returns.filter((r) => r.status === 'submitted').length} schools`,
  })
}
